/**
 * What the reconsideration documents share: the law they cite (by the law in force when the application was
 * received), how they name and address the parties, and the template helper that gathers the facts.
 */
import type { z } from 'zod';
import type { OfficialDocSpec } from '../../kernel/documents/index.ts';
import { ruleInForce } from '../../kernel/rules/rules.ts';
import type { Issuer } from '../../kernel/workflow/issuer.ts';
import { chineseDate, defineTemplate } from '../../kernel/workflow/templates.ts';
import type { MatterView } from '../../kernel/workflow/types.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import { type ApplicationFacts, applicationFacts, type PartyParticulars } from './store.ts';

export const LAW = '《中华人民共和国行政复议法》';
export const REGULATION = '《中华人民共和国行政复议法实施条例》';

/**
 * The law in force when the application was received (issue 10 §2): applications received before 2024-01-01 keep
 * the 2017 law and the 2007 实施条例, in their citations and their wording. The boundary is the rules' own: the
 * 2017 version of the acceptance rule ends on 2024-01-01, so documents and periods always agree.
 */
export const underLaw2017 = (receivedOn: string) =>
  ruleInForce('xzfy.accept.review', receivedOn).inForceTo !== null;

export const p = (text: string) => ({ type: 'paragraph' as const, text });

/** 张某、李四; a collective application reads 张某、李四、王五等12人. */
export const applicantNames = (f: ApplicationFacts) =>
  f.applicants.length > 5
    ? `${f.applicants
        .slice(0, 3)
        .map((a) => a.name)
        .join('、')}等${f.applicants.length}人`
    : f.applicants.map((a) => a.name).join('、');

/** How a notice addresses its applicants: a person as 你, an organisation as 你单位, several as 你们. */
export const you = (f: ApplicationFacts) =>
  f.applicants.length > 1 ? '你们' : f.applicants[0]?.partyType === 'organisation' ? '你单位' : '你';

export const contested = (f: ApplicationFacts) =>
  `${f.respondentName}作出的${f.actTitle}${f.actDocNo ? `（${f.actDocNo}）` : ''}`;

/** Every party a notice goes to: applicants, the respondent, third parties. */
export const allParties = (f: ApplicationFacts) =>
  [applicantNames(f), f.respondentName, ...f.thirdParties.map((t) => t.name)].join('、');

/** 张某，男，1990年1月1日出生，住…。 / 某公司，住所地…。 with 法定代表人 on its own line. */
function particulars(role: string, x: PartyParticulars): string[] {
  if (x.partyType === 'organisation')
    return [
      `${role}：${x.name}${x.address ? `，住所地${x.address}` : ''}。`,
      ...(x.legalRepresentative ? [`法定代表人：${x.legalRepresentative}。`] : []),
    ];
  const sex = x.sex === 'male' ? '男' : x.sex === 'female' ? '女' : null;
  return [
    `${role}：${[
      x.name,
      sex,
      x.birthDate ? `${chineseDate(x.birthDate)}出生` : null,
      x.address ? `住${x.address}` : null,
    ]
      .filter(Boolean)
      .join('，')}。`,
  ];
}

/** The parties block that opens a decision, a refusal, a mediation agreement or a termination. */
export const partyLines = (f: ApplicationFacts) =>
  [
    ...f.applicants.flatMap((a) => particulars('申请人', a)),
    ...f.representatives.map((r) => `委托代理人：${r.name}${r.relation ? `，${r.relation}` : ''}。`),
    `被申请人：${f.respondentName}${f.respondentAddress ? `，住所地${f.respondentAddress}` : ''}。`,
    ...(f.respondentRepresentative ? [`法定代表人：${f.respondentRepresentative}。`] : []),
    ...f.thirdParties.flatMap((t) => particulars('第三人', t)),
  ].map(p);

/** Who may sue on a decision (行政诉讼法第四十五条): the applicant and, where there are any, the third parties. */
export const suitNotice = (f: ApplicationFacts, what = '本决定') =>
  p(
    `${f.thirdParties.length ? '申请人、第三人' : '申请人'}如不服${what}，可以自收到${what === '本决定' ? '本决定书' : what}之日起十五日内，依法向人民法院提起行政诉讼。`,
  );

/** 第一项 … for the Chinese item numbers of the statutes. */
export const ITEM = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Typed text printed as a sentence of the document ends with a full stop, whether or not the clerk typed one. */
export const sentence = (text: string) =>
  /[。！？；：.!?;:]$/.test(text.trim()) ? text.trim() : `${text.trim()}。`;

/** Typed text that starts with the words the document prints before it (经审理查明：…) loses them. */
export const withoutLead = (text: string, ...leads: string[]) => {
  let t = text.trim();
  for (const lead of leads) if (t.startsWith(lead)) t = t.slice(lead.length).replace(/^[：:，,]\s*/, '');
  return t;
};

type Body = OfficialDocSpec['body'];
export interface Built {
  recipient?: string;
  body: Body;
  title?: string;
}

export interface BuildContext {
  db: Queryable;
  issuedOn: string;
  matter: MatterView;
  issuer: Issuer;
  /** The law the matter is heard under: 2017 for applications received before 2024-01-01. */
  law2017: boolean;
  /** The 行政复议机关's name, which the 复议机构's documents state. */
  organ: string;
  /** The issuing step's event. */
  eventId?: number | undefined;
}

/** The data a template receives: what the issuing step's schema outputs. */
export type In<S extends z.ZodType> = z.output<S>;

/** A template of an application's document, built from the application's facts and the issuing step's data. */
/**
 * Who speaks (issue 10 §1): the 行政复议机关 (decisions, 调解书, 终止, 不予受理, 受理/补正/中止/恢复/延期, 意见书) or
 * the 行政复议机构 (收件回执, 答复通知, 听证通知, 准予撤回, 转为普通程序, 建议书), names from the bureau profile.
 */
export type Speaker = 'reconsiderationOrgan' | 'reconsiderationBody';

export function template<P>(
  id: string,
  title: string,
  prefix: string,
  speaksAs: Speaker,
  build: (f: ApplicationFacts, data: P, ctx: BuildContext) => Promise<Built> | Built,
) {
  return defineTemplate<P>({
    id: `reconsideration.${id}`,
    title,
    defaultPrefix: prefix,
    speaksAs,
    render: async ({ tx, matter, data, issuedOn, issuer, names, eventId }) => {
      const facts = await applicationFacts(tx, matter.id);
      const built = await build(facts, data, {
        db: tx,
        issuedOn,
        matter,
        issuer,
        law2017: underLaw2017(facts.receivedOn),
        organ: (await names()).reconsiderationOrgan,
        eventId,
      });
      return {
        title: built.title ?? title,
        ...(built.recipient ? { recipient: built.recipient } : {}),
        body: built.body,
      };
    },
  });
}
