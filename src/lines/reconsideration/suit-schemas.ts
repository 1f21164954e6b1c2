/** The schemas of a suit (行政应诉): its registration and every step, with the clerk's Chinese messages. */
import { z } from 'zod';
import { choice, date, note, optionalText, orgPick, text } from '../../kernel/fields/fields.ts';
import { fieldGroup } from '../../kernel/workflow/form-meta.ts';
import { actKinds, serviceMethods, suitOutcomes } from './labels.ts';
import {
  absenceReasons,
  appearances,
  courtDocuments,
  judgmentTypes,
  suggestionKinds,
  suitInstances,
} from './suit-labels.ts';

/** （2024）浙0211行初12号, …行终…, 行申, 行再, 行审, 行赔初/行赔终. */
export const CASE_NUMBER = /^（\d{4}）[\u4e00-\u9fa5\d]+行(赔)?([初终申再审])\d+号$/;

export const suitSchema = z.object({
  ...fieldGroup('案件信息', {
    court: text('受理法院', 100),
    caseNumber: z
      .string()
      .trim()
      .regex(CASE_NUMBER, '案号格式应如：（2024）浙0211行初12号（行终、行申、行再、行审、行赔初、行赔终同）')
      .meta({ title: '案号' }),
    instance: choice('审级', suitInstances),
    priorCaseNumber: z
      .string()
      .trim()
      .max(50, '原审案号不超过 50 字')
      .optional()
      .meta({
        title: '原审案号',
        description: '二审、再审和申请再审审查案件填写：后一审级的结果为案件的最终结果',
        'x-showWhen': { field: 'instance', in: ['second', 'retrialReview', 'retrial'] },
      }),
    filedOn: date('立案日期'),
  }),
  ...fieldGroup('当事人与被诉行为', {
    defendantOrgId: orgPick('被告（作出原行政行为的行政机关）', ['department', 'bureau']),
    plaintiff: text('原告', 100),
    actKind: choice('被诉行政行为类别', actKinds),
  }),
  ...fieldGroup('行政复议', {
    afterReconsideration: z.boolean().default(false).meta({ title: '经行政复议后起诉' }),
    reconsiderationRefNo: z
      .string()
      .trim()
      .max(50)
      .optional()
      .meta({
        title: '行政复议案号',
        description:
          '复议机关决定维持（含驳回复议请求）的，复议机关为共同被告；改变原行政行为的，复议机关为被告（行政诉讼法第二十六条第二款）',
        'x-showWhen': { field: 'afterReconsideration', in: [true] },
      }),
  }),
});
export type SuitInput = z.output<typeof suitSchema>;

/** The service of the 起诉状副本 on the defendant: the 15 days of 第六十七条第一款 run from its receipt. */
export const complaintServedSchema = z.object({
  method: choice('送达方式', serviceMethods),
  receivedOn: date(
    '收到起诉状副本的日期',
    '提交证据、规范性文件和答辩状的十五日自次日起算（行政诉讼法第六十七条第一款）',
  ),
  proof: optionalText('送达凭证（送达回证编号等）', 100),
});

const evidenceItem = z.object({
  name: text('证据名称', 200),
  source: optionalText('来源', 100),
  purpose: text('证明目的', 500),
});
const agent = z.object({
  name: text('姓名', 50),
  position: text('工作单位及职务（或律师事务所）', 100),
  authority: choice('代理权限', { general: '一般代理', special: '特别授权' }),
});

/** The defence as filed: 答辩状, 证据目录 with the normative documents relied on, 法定代表人身份证明, 授权委托书. */
export const defenceSchema = z.object({
  ...fieldGroup('答辩', {
    defence: text('答辩意见', 10000),
    evidence: z
      .array(evidenceItem)
      .min(1, '至少列明一项证据（行政诉讼法第三十四条第一款）')
      .max(100)
      .meta({ title: '证据目录' }),
    normativeDocuments: z
      .array(text('规范性文件名称及文号', 200))
      .max(50)
      .default([])
      .meta({ title: '所依据的规范性文件' }),
  }),
  ...fieldGroup('法定代表人与委托代理人', {
    legalRepresentative: text('法定代表人姓名', 50),
    legalRepresentativeTitle: text('法定代表人职务', 50),
    agents: z
      .array(agent)
      .min(1, '请登记委托代理人')
      .max(2, '委托诉讼代理人为一至二人（行政诉讼法第三十一条第一款）')
      .meta({ title: '委托诉讼代理人' }),
  }),
});
export type DefenceInput = z.output<typeof defenceSchema>;

/** One hearing and who appeared: a later hearing never overwrites an earlier appearance. */
export const suitHearingSchema = z
  .object({
    appearance: choice('出庭情况', appearances).optional(),
    /** The form before hearings were a list recorded only a yes/no: kept so older callers still work. */
    headAppeared: z.boolean().optional().meta({ title: '行政机关负责人出庭应诉（旧字段）' }),
    headName: optionalText('出庭负责人姓名', 50),
    headTitle: optionalText('出庭负责人职务', 50),
    staffName: z
      .string()
      .trim()
      .max(100, '出庭工作人员不超过 100 字')
      .optional()
      .meta({ title: '出庭工作人员姓名及职务', 'x-showWhen': { field: 'appearance', in: ['staff'] } }),
    noticeReceivedOn: date(
      '收到出庭通知书的日期',
      '人民法院应当在开庭三日前送达出庭通知书（2020年规定第五条第一款）',
    ).optional(),
    absenceReason: choice('负责人不能出庭的理由（第八条第一款）', absenceReasons)
      .optional()
      .meta({ 'x-showWhen': { field: 'appearance', in: ['staff', 'none'] } }),
    absenceNote: note('情况说明（第九条）', 1000),
  })
  .superRefine((d, ctx) => {
    if (!d.appearance && d.headAppeared === undefined)
      ctx.addIssue({ code: 'custom', path: ['appearance'], message: '请选择出庭情况' });
    const appearance = d.appearance ?? (d.headAppeared ? 'inCharge' : 'staff');
    if (d.appearance && ['principal', 'deputy', 'inCharge'].includes(appearance) && !d.headName)
      ctx.addIssue({ code: 'custom', path: ['headName'], message: '请填写出庭负责人姓名' });
    if (d.appearance === 'staff' && !d.staffName)
      ctx.addIssue({
        code: 'custom',
        path: ['staffName'],
        message: '负责人不能出庭的，应当委托相应的工作人员出庭（第十条第一款），请填写出庭工作人员',
      });
    if (d.appearance && !['principal', 'deputy', 'inCharge'].includes(appearance) && !d.absenceReason)
      ctx.addIssue({
        code: 'custom',
        path: ['absenceReason'],
        message: '负责人不能出庭的，应当说明理由（第八条、第九条）',
      });
  });
export type HearingInput = z.output<typeof suitHearingSchema>;

/** The judgment, ruling or mediation that ends the instance, and its service (the appeal periods run from it). */
export const suitConcludeSchema = z.object({
  outcome: choice('结果（对被告行政机关）', suitOutcomes),
  documentKind: choice('裁判文书', courtDocuments).optional(),
  judgmentType: choice('裁判方式', judgmentTypes).optional(),
  judgmentNo: optionalText('裁判文书号', 100),
  grounds: note('裁判理由要旨', 5000),
  servedOn: date(
    '裁判文书送达日期',
    '上诉期自送达之次日起算：判决十五日，裁定十日（行政诉讼法第八十五条）',
  ).optional(),
  reconsiderationDecisionRevoked: z
    .boolean()
    .optional()
    .meta({ title: '复议决定一并被撤销或者确认违法（第七十九条）' }),
  note: note('说明', 2000),
});
export type ConcludeInput = z.output<typeof suitConcludeSchema>;

export const suggestionSchema = z.object({
  kind: choice('建议类别', suggestionKinds),
  receivedOn: date('收到日期'),
  content: text('建议内容', 5000),
});
export const suggestionReplySchema = z.object({
  suggestionId: z
    .number()
    .int()
    .positive()
    .optional()
    .meta({ title: '所回复的建议编号', description: '不填的，回复最早收到且尚未回复的一件' }),
  reply: text('回复内容', 5000),
});
