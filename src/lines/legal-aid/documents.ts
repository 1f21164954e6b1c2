import type { z } from 'zod';
import type { OfficialDocSpec } from '../../kernel/documents/index.ts';
import { chineseDate, defineTemplate } from '../../kernel/workflow/templates.ts';
import {
  caseTypes,
  eligibilities,
  exemptions,
  refusalGrounds,
  terminationGrounds,
  workerKinds,
} from './labels.ts';
import type {
  advanceSchema,
  assignSchema,
  grantSchema,
  objectionDecisionSchema,
  refuseSchema,
  reviewSchema,
  terminateSchema,
} from './schemas.ts';
import { type CaseFacts, caseFacts } from './store.ts';

/**
 * The documents of a legal-aid case (SF/T 0024-2017's standard documents), GB/T 9704 through the kernel. They are
 * acts of the 法律援助机构 (法律援助法 第四十三、四十四、四十八条), so they are signed by the legal-aid centre that
 * owns the matter, not by the bureau. Typed text goes in as plain text (the renderer keeps it inert).
 */

const LAW = '《中华人民共和国法律援助法》';
const p = (text: string) => ({ type: 'paragraph' as const, text });
type Body = OfficialDocSpec['body'];
type In<S extends z.ZodType> = z.output<S>;
const label = <T extends Record<string, string>>(list: T, code: string | null | undefined) =>
  code ? (list[code as keyof T] ?? code) : '';

/** 申请人：张某，男，1990年1月1日出生，身份证号码3302**********1236，住… */
function applicantLine(role: string, f: CaseFacts) {
  const a = f.applicant;
  const bits = [a.name];
  if (a.sex) bits.push(a.sex === 'male' ? '男' : '女');
  if (a.birthDate) bits.push(`${chineseDate(a.birthDate)}出生`);
  if (a.idMasked) bits.push(`身份证号码${a.idMasked}`);
  if (a.address) bits.push(`住${a.address}`);
  return p(`${role}：${bits.join('，')}。`);
}

function template<P>(
  id: string,
  title: string,
  prefix: string,
  build: (f: CaseFacts, data: P, bureau: string) => { recipient?: string; body: Body },
) {
  return defineTemplate<P>({
    id: `legalAid.${id}`,
    title,
    defaultPrefix: prefix,
    render: async ({ tx, matter, data, names }) => {
      const f = await caseFacts(tx, matter.id);
      // The 司法行政部门 that set up the centre hears objections (第四十九条): the bureau's name from the profile.
      const built = build(f, data, (await names()).bureau);
      return {
        title,
        ...(built.recipient ? { recipient: built.recipient } : {}),
        body: built.body,
        signature: f.centreName,
      };
    },
  });
}

/** The applicant's request as a sentence (a typed summary may end without a full stop). */
const request = (f: CaseFacts) =>
  `${label(caseTypes, f.caseType)}：${f.matterSummary}${/[。！？]$/.test(f.matterSummary) ? '' : '。'}`;

const basis = (f: CaseFacts) =>
  f.eligibility === 'exempt' || f.eligibility === 'noCheck'
    ? `申请人属于“${label(exemptions, f.exemption)}”的情形，${
        f.eligibility === 'exempt'
          ? '不受经济困难条件的限制（第三十二条）'
          : '免予核查经济困难状况（第四十二条）'
      }`
    : `申请人提交了${label(eligibilities, f.eligibility)}，经审查符合经济困难标准`;

/** 给予法律援助决定书 (第四十三条第一款). */
export const grantDecision = template<In<typeof grantSchema>>(
  'grant',
  '给予法律援助决定书',
  '镇法援给',
  (f, d) => ({
    body: [
      applicantLine('申请人', f),
      p(`申请人于${chineseDate(f.receivedOn)}向本机构申请法律援助，申请事项为${request(f)}`),
      p(
        `经审查，${basis(f)}，申请事项属于法律援助范围。依照${LAW}第四十三条的规定，决定给予申请人法律援助。本机构将自本决定作出之日起三日内指派法律援助人员为申请人提供法律援助。`,
      ),
      ...(d.reviewNote ? [p(`审查意见：${d.reviewNote}`)] : []),
    ],
  }),
);

/** 不予法律援助决定书 (第四十三条第一款: 书面告知并说明理由; 第四十九条: 异议). */
export const refusalDecision = template<In<typeof refuseSchema>>(
  'refuse',
  '不予法律援助决定书',
  '镇法援不',
  (f, d, bureau) => ({
    body: [
      applicantLine('申请人', f),
      p(`申请人于${chineseDate(f.receivedOn)}向本机构申请法律援助，申请事项为${request(f)}`),
      p(
        `经审查，${label(refusalGrounds, d.ground)}：${d.reason}。依照${LAW}第四十三条的规定，决定不予法律援助。`,
      ),
      p(
        `申请人对本决定有异议的，可以向设立本机构的${bureau}提出，司法行政部门应当自收到异议之日起五日内进行审查（${LAW}第四十九条）。`,
      ),
    ],
  }),
);

/** 先行提供法律援助决定书 (第四十四条). */
export const advanceDecision = template<In<typeof advanceSchema>>(
  'advance',
  '先行提供法律援助决定书',
  '镇法援先',
  (f, d) => ({
    body: [
      applicantLine('申请人', f),
      p(`申请人于${chineseDate(f.receivedOn)}申请法律援助，申请事项为${request(f)}`),
      p(
        `${d.reason}。依照${LAW}第四十四条的规定，决定先行提供法律援助。受援人应当及时补办有关手续，补充有关材料。`,
      ),
    ],
  }),
);

/** The 委托协议's period as the case counts it (flyz.sign-agreement.working / flyz.sign-agreement): 工作日 or 日. */
const agreementDays = (f: CaseFacts) => (f.counting === 'national' ? '五日' : '五个工作日');

/** 指派通知书, to the assigned worker's unit (第四十三条第一款、第三十六条). */
export const assignNotice = template<In<typeof assignSchema>>('assign', '指派通知书', '镇法援指', (f, d) => ({
  recipient: `${f.lawFirm ?? ''}：`,
  body: [
    p(
      `${f.source === 'notice' ? `根据${f.notifyingOrgan}的通知` : '经本机构审查决定给予法律援助'}，现指派你单位${label(workerKinds, d.workerKind)}${d.workerName}为受援人${f.applicant.name}提供法律援助（${label(caseTypes, f.caseType)}）。`,
    ),
    p(
      `请你单位自收到本通知之日起${agreementDays(f)}内与受援人签订委托协议和授权委托书，依法履行法律援助义务，并在法律援助事项办结后按规定提交结案报告和有关材料。`,
    ),
  ],
}));

/** 法律援助公函, to the organ handling the case. */
export const officialLetter = template<In<typeof assignSchema>>(
  'letter',
  '法律援助公函',
  '镇法援函',
  (f, d) => ({
    recipient: `${d.courtName ?? f.notifyingOrgan ?? ''}：`,
    body: [
      p(
        `${f.applicant.name}${f.source === 'notice' ? '一案' : '申请法律援助一事'}，本机构已指派${f.lawFirm}${label(workerKinds, d.workerKind)}${d.workerName}担任其${f.caseType === 'criminalDefence' ? '辩护人' : '代理人'}，提供法律援助。`,
      ),
      p('请予以接洽，并为其依法履行职责提供便利。'),
    ],
  }),
);

/** 终止法律援助决定书 (第四十八条). */
export const terminationDecision = template<In<typeof terminateSchema>>(
  'terminate',
  '终止法律援助决定书',
  '镇法援终',
  (f, d, bureau) => ({
    body: [
      applicantLine('受援人', f),
      p(
        `本机构于${chineseDate(f.decidedOn ?? f.receivedOn)}决定为受援人提供法律援助（${label(caseTypes, f.caseType)}）。`,
      ),
      p(
        `因${label(terminationGrounds, d.ground)}：${d.reason}。依照${LAW}第四十八条的规定，决定终止法律援助。`,
      ),
      p(`受援人对本决定有异议的，可以向设立本机构的${bureau}提出（${LAW}第四十九条）。`),
    ],
  }),
);

/** 结案审查表: the centre's review of the closing materials, with the quality score and the subsidy. */
export const closingReview = template<In<typeof reviewSchema>>(
  'closingReview',
  '法律援助案件结案审查表',
  '镇法援结',
  (f, d) => ({
    body: [
      p(`受援人：${f.applicant.name}`),
      p(`案件类别：${label(caseTypes, f.caseType)}`),
      p(`承办人员：${f.workerName ?? ''}（${label(workerKinds, f.workerKind)}，${f.lawFirm ?? ''}）`),
      p(
        `指派日期：${f.assignedOn ? chineseDate(f.assignedOn) : ''}；办结日期：${f.endedOn ? chineseDate(f.endedOn) : ''}`,
      ),
      p(`办案质量评分：${d.qualityScore}分（百分制）`),
      p(`办案补贴：${d.subsidy.toFixed(2)}元`),
      p(`审查意见：${d.opinion}`),
    ],
  }),
);

/**
 * 异议审查决定书: the act of the 司法行政部门 that set up the centre (第四十九条), so it goes out in the bureau's name.
 */
export const objectionDecision = defineTemplate<In<typeof objectionDecisionSchema>>({
  id: 'legalAid.objectionDecision',
  title: '法律援助异议审查决定书',
  defaultPrefix: '镇司法援异',
  render: async ({ tx, matter, data, names }) => {
    const f = await caseFacts(tx, matter.id);
    const bureau = (await names()).bureau;
    return {
      title: '法律援助异议审查决定书',
      body: [
        applicantLine('异议人', f),
        p(`异议人对${f.centreName}作出的不予法律援助决定不服，向本局提出异议。`),
        p(
          `经审查，${data.reasoning}。依照${LAW}第四十九条的规定，${
            data.result === 'uphold'
              ? `决定维持${f.centreName}的决定`
              : `责令${f.centreName}改正，重新作出决定`
          }。`,
        ),
      ],
      signature: bureau,
    };
  },
});

export const legalAidTemplates = [
  objectionDecision,
  grantDecision,
  refusalDecision,
  advanceDecision,
  assignNotice,
  officialLetter,
  terminationDecision,
  closingReview,
];
