import type { z } from 'zod';
import type { OfficialDocSpec } from '../../kernel/documents/index.ts';
import { chineseDate, defineTemplate } from '../../kernel/workflow/templates.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import {
  agreementForms,
  channels,
  confirmationResults,
  disputeTypes,
  failureReasons,
  performances,
  referrals,
  sources,
} from './labels.ts';
import type {
  acceptSchema,
  agreeSchema,
  applyConfirmationSchema,
  caseSchema,
  failSchema,
  followUpSchema,
} from './schemas.ts';
import { type CaseFacts, caseFacts, type PartyLine, sideNames } from './store.ts';

/**
 * The eight documents of a mediation case, each a GB/T 9704 template through the kernel. A mediation organisation
 * speaks in its own name (the agreement bears the committee's seal, 人民调解法 第二十九条), so these documents are
 * signed by the organisation handling the case, not by the bureau; the 申请书 is the party's own and signed by them.
 * User-entered text is passed as plain text (the renderer keeps it inert).
 */

const LAW = '《中华人民共和国人民调解法》';
const p = (text: string) => ({ type: 'paragraph' as const, text });
type Body = OfficialDocSpec['body'];
type In<S extends z.ZodType> = z.output<S>;
const label = <T extends Record<string, string>>(list: T, code: string | null | undefined) =>
  code ? (list[code as keyof T] ?? code) : '';

/** 张某，男，1990年1月1日出生，住…；an organisation by its name and credit code. */
function partyLine(role: string, x: PartyLine) {
  const bits = [x.name];
  if (x.partyType === 'person') {
    if (x.sex) bits.push(x.sex === 'male' ? '男' : '女');
    if (x.birthDate) bits.push(`${chineseDate(x.birthDate)}出生`);
  } else if (x.idMasked) bits.push(`统一社会信用代码${x.idMasked}`);
  if (x.address) bits.push(`住所${x.address}`);
  return p(`${role}：${bits.join('，')}`);
}
const partyLines = (f: CaseFacts): Body => [
  ...f.applicants.map((x) => partyLine('申请人', x)),
  ...f.respondents.map((x) => partyLine('被申请人', x)),
  ...(f.respondentOrg ? [p(`被申请人：${f.respondentOrg}`)] : []),
];
const mediatorLine = (f: CaseFacts) => (f.mediators.length ? f.mediators.join('、') : '（未指派）');
const amountLine = (amount: string) => `${amount}元`;

/** A template of a case's document, built from the case's facts and the issuing step's data. */
function template<P>(
  id: string,
  title: string,
  prefix: string,
  build: (
    f: CaseFacts,
    data: P,
    ctx: { db: Queryable; matterId: number; refNo: string },
  ) => Promise<Built> | Built,
) {
  return defineTemplate<P>({
    id: `mediation.${id}`,
    title,
    defaultPrefix: prefix,
    render: async ({ tx, matter, data }) => {
      const f = await caseFacts(tx, matter.id);
      const built = await build(f, data, { db: tx, matterId: matter.id, refNo: matter.refNo });
      return {
        title: built.title ?? title,
        ...(built.recipient ? { recipient: built.recipient } : {}),
        body: built.body,
        signature: built.signature ?? f.orgName,
      };
    },
  });
}
interface Built {
  title?: string;
  recipient?: string;
  signature?: string;
  body: Body;
}

/** 人民调解申请书: the party's application as received at the window, signed by the applicants. */
export const applicationForm = template<In<typeof caseSchema>>(
  'application',
  '人民调解申请书',
  '镇调申',
  (f) => ({
    recipient: `${f.orgName}：`,
    signature: `申请人：${sideNames(f, 'applicants')}`,
    body: [
      ...partyLines(f),
      p(`纠纷类型：${label(disputeTypes, f.disputeType)}`),
      p(`纠纷事实：${f.facts}`),
      p(`申请事项：${f.request || '请求人民调解委员会主持调解'}`),
      p(`涉及金额：${amountLine(f.amount)}`),
      p(`申请方式：${label(channels, f.channel)}`),
      p(`申请人自愿申请${f.orgName}主持调解，并如实陈述纠纷事实。`),
    ],
  }),
);

/** 调解受理登记表: the acceptance record, with the source and, for court referrals, the court's case. */
export const acceptanceForm = template<In<typeof acceptSchema>>(
  'acceptance',
  '人民调解受理登记表',
  '镇调受',
  (f, d, { refNo }) => ({
    body: [
      {
        type: 'table',
        header: false,
        rows: [
          ['案件编号', refNo],
          ['收件日期', chineseDate(f.receivedOn)],
          ['案件来源', label(sources, f.source)],
          ...(f.courtName
            ? [
                ['委派/委托法院', `${f.courtName}${f.courtCaseNo ? `（${f.courtCaseNo}）` : ''}`],
                ['签收移交材料日期', f.materialsReceivedOn ? chineseDate(f.materialsReceivedOn) : ''],
              ]
            : []),
          ...(f.reconsiderationRefNo ? [['行政复议案件', f.reconsiderationRefNo]] : []),
          ['申请人', sideNames(f, 'applicants')],
          ['被申请人', sideNames(f, 'respondents')],
          ['纠纷类型', label(disputeTypes, f.disputeType)],
          ['涉及金额', amountLine(f.amount)],
          ['纠纷简要情况', f.facts],
          ['受理意见', d.note || '各方当事人均同意调解，符合受理条件，予以受理。'],
        ],
      },
      p(`依照${LAW}第十七条，当事人一方明确拒绝调解的，不得调解；本案各方当事人均同意调解。`),
    ],
  }),
);

/** 人民调解协议书, in the Ministry of Justice's order of items; effective on signature and seal (Art. 29). */
export const agreementDoc = template<In<typeof agreeSchema>>(
  'agreement',
  '人民调解协议书',
  '镇调协',
  (f, d) => ({
    body: [
      ...partyLines(f),
      p(`纠纷主要事实、争议事项：${f.facts}`),
      p('经调解，当事人自愿达成如下协议：'),
      p(d.agreement),
      p(`协议金额：${d.amountAgreed.toFixed(2)}元。履行方式：${performances[d.performance]}。`),
      p(
        `本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（${LAW}第二十九条）。经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行（第三十一条）。`,
      ),
      p(`当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（${LAW}第三十三条）。`),
      p('本协议一式三份，当事人各执一份，人民调解委员会留存一份。'),
      p(`当事人（签名、盖章或者按指印）：${sideNames(f, 'applicants')}、${sideNames(f, 'respondents')}`),
      p(`人民调解员（签名）：${mediatorLine(f)}`),
    ],
  }),
);

/** 口头协议登记表: an oral agreement the mediator records (Art. 28); issued by quick registration as well. */
export const oralRecord = template<{
  agreement: string;
  amountAgreed: number;
  performance: keyof typeof performances;
}>('oralRecord', '口头调解协议登记表', '镇调口', (f, d) => ({
  body: [
    {
      type: 'table',
      header: false,
      rows: [
        ['申请人', sideNames(f, 'applicants')],
        ['被申请人', sideNames(f, 'respondents')],
        ['纠纷类型', label(disputeTypes, f.disputeType)],
        ['涉及金额', amountLine(f.amount)],
        ['纠纷简要情况', f.facts],
        ['口头协议内容', d.agreement],
        ['协议金额', `${d.amountAgreed.toFixed(2)}元`],
        ['履行情况', performances[d.performance]],
        ['人民调解员', mediatorLine(f)],
      ],
    },
    p(
      `当事人达成口头调解协议，自达成协议之日起生效（${LAW}第三十条）；人民调解员依照第二十八条记录协议内容。`,
    ),
  ],
}));

/** 终止调解告知书: no agreement; the parties are told of the other remedies (宁波市人民调解条例 第二十七条). */
export const terminationNotice = template<In<typeof failSchema>>(
  'termination',
  '终止调解告知书',
  '镇调终',
  (f, d) => ({
    recipient: `${sideNames(f, 'applicants')}、${sideNames(f, 'respondents')}：`,
    body: [
      p(
        `你们之间的${label(disputeTypes, f.disputeType)}，本委员会于${chineseDate(f.acceptedOn ?? f.receivedOn)}受理后依法进行了调解。因${failureReasons[d.reason]}，依照${LAW}第二十六条的规定，本委员会决定终止调解。`,
      ),
      ...(d.note ? [p(d.note)] : []),
      p(
        `当事人可以依法${d.referredTo === 'none' ? '通过仲裁、行政、司法等途径维护自己的权利' : referrals[d.referredTo]}。`,
      ),
      p('特此告知。'),
    ],
  }),
);

/** 司法确认申请书: the parties' joint application, within 30 days of the agreement's effect (Art. 33). */
export const confirmationApplication = template<In<typeof applyConfirmationSchema>>(
  'confirmationApplication',
  '司法确认申请书',
  '镇调确',
  (f, d) => ({
    recipient: `${d.court}：`,
    signature: `申请人：${sideNames(f, 'applicants')}、${sideNames(f, 'respondents')}`,
    body: [
      ...f.applicants.map((x) => partyLine('申请人', x)),
      ...f.respondents.map((x) => partyLine('申请人', x)),
      ...(f.respondentOrg ? [p(`申请人：${f.respondentOrg}`)] : []),
      p(
        `请求事项：请求人民法院确认申请人于${f.agreedOn ? chineseDate(f.agreedOn) : ''}经${f.orgName}主持调解达成的调解协议有效。`,
      ),
      p(
        `事实和理由：申请人之间的${label(disputeTypes, f.disputeType)}经${f.orgName}调解，自愿达成调解协议。依照${LAW}第三十三条和《中华人民共和国民事诉讼法》第二百零五条的规定，申请人自调解协议生效之日起三十日内共同提出本申请。`,
      ),
      p(
        '申请人保证出于解决纠纷的目的达成调解协议，不损害国家利益、社会公共利益和他人合法权益，如有虚假，愿承担相应的法律责任。',
      ),
      ...(d.note ? [p(d.note)] : []),
      p('附：人民调解协议书一份'),
    ],
  }),
);

/** 回访记录: the follow-up visit after the case. */
export const followUpRecord = template<In<typeof followUpSchema>>(
  'followUp',
  '人民调解回访记录',
  '镇调访',
  (f, d) => ({
    body: [
      {
        type: 'table',
        header: false,
        rows: [
          ['当事人', `${sideNames(f, 'applicants')}、${sideNames(f, 'respondents')}`],
          ['纠纷类型', label(disputeTypes, f.disputeType)],
          ['回访对象', d.visited],
          ['回访方式', d.method === 'visit' ? '上门回访' : '电话回访'],
          ['回访情况', d.findings],
          ['当事人意见', d.satisfied ? '对调解结果满意' : '对调解结果不满意'],
          ['人民调解员', mediatorLine(f)],
        ],
      },
    ],
  }),
);

/**
 * 委派调解回复函: the result of a court referral sent back to the court (特邀调解规定 第十九条、第二十一条、第二十六条):
 * the agreement for 备案, or the termination with the materials returned. Issued by the step that records the result,
 * whose data it does not need: the outcome is read from the case row that step wrote.
 */
export const courtReply = template<unknown>(
  'courtReply',
  '委派（委托）调解情况回复函',
  '镇调复',
  async (f, _d, { db, matterId }) => {
    const { rows } = await db.query<{
      outcome: string;
      agreement_form: string | null;
      amount_agreed: string | null;
      failure_reason: string | null;
      outcome_on: string;
    }>(
      `SELECT c.outcome, c.agreement_form, to_char(c.amount_agreed, 'FM999999999990.00') AS amount_agreed,
            (SELECT e.payload->>'reason' FROM matter_events e WHERE e.matter_id = c.matter_id AND e.action = 'fail'
               AND e.voided_by IS NULL ORDER BY e.seq DESC LIMIT 1) AS failure_reason, c.outcome_on::text
     FROM mediation_cases c WHERE c.matter_id = $1`,
      [matterId],
    );
    const r = rows[0]!;
    const kind = f.source === 'courtDelegated' ? '委派' : '委托';
    const received = f.materialsReceivedOn ? chineseDate(f.materialsReceivedOn) : '';
    const intro = `贵院${kind}本委员会调解的${sideNames(f, 'applicants')}与${sideNames(f, 'respondents')}${label(disputeTypes, f.disputeType)}一案${f.courtCaseNo ? `，案号${f.courtCaseNo}` : ''}，本委员会于${received}签收移交材料后依法进行了调解。`;
    const result =
      r.outcome === 'agreed'
        ? `经调解，双方当事人于${chineseDate(r.outcome_on)}自愿达成${label(agreementForms, r.agreement_form)}，协议金额${r.amount_agreed}元。现将调解协议送达贵院备案。`
        : `经调解，${label(failureReasons, r.failure_reason)}，本委员会已终止调解，现将当事人的起诉状等材料移送贵院${kind === '委派' ? '，当事人坚持诉讼的，请依法登记立案' : '，请转入审判程序审理'}。`;
    return {
      title: `${kind}调解情况回复函`,
      recipient: `${f.courtName}：`,
      body: [p(intro), p(result), p('特此函复。')],
    };
  },
);

/** The result of a court's ruling, as the matter's timeline words it. */
export const confirmationWording = (result: keyof typeof confirmationResults) => confirmationResults[result];

export const mediationTemplates = [
  applicationForm,
  acceptanceForm,
  agreementDoc,
  oralRecord,
  terminationNotice,
  confirmationApplication,
  followUpRecord,
  courtReply,
];
