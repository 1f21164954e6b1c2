import { z } from 'zod';
import { creditCode, residentIdNumber } from '../../kernel/identifiers/identifiers.ts';
import { confirmOnly, fieldGroup } from '../../kernel/workflow/form-meta.ts';
import {
  actKinds,
  channels,
  decisionTypes,
  enumMeta,
  instances,
  keysOf,
  procedures,
  serviceMethods,
  simplifiedGrounds,
  suitOutcomes,
  suspensionCauses,
  terminationCauses,
} from './labels.ts';

const date = (title: string, description?: string) =>
  z.iso
    .date('日期格式应为 YYYY-MM-DD')
    .meta({ title, format: 'date', ...(description ? { description } : {}) });
const text = (title: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, `请填写${title}`)
    .max(max, `${title}不超过 ${max} 字`)
    .meta({ title, ...(max > 200 ? { 'x-widget': 'textarea' } : {}) });
const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为11位手机号或带区号的固定电话')
  .optional()
  .meta({ title: '联系电话' });

/** A party: a natural person (resident ID) or an organisation (unified social credit code). */
const party = z
  .object({
    partyType: z
      .enum(['person', 'organisation'])
      .default('person') // most applicants are people; a new row then opens with the ID number field
      .meta(enumMeta('类型', { person: '自然人', organisation: '法人或其他组织' })),
    name: text('姓名/名称', 100),
    idNumber: residentIdNumber()
      .optional()
      .meta({ title: '公民身份号码', 'x-showWhen': { field: 'partyType', in: ['person'] } }),
    creditCode: creditCode()
      .optional()
      .meta({ title: '统一社会信用代码', 'x-showWhen': { field: 'partyType', in: ['organisation'] } }),
    phone,
    address: z.string().trim().max(200, '地址不超过 200 字').optional().meta({ title: '住所/地址' }),
  })
  .superRefine((p, ctx) => {
    if (p.partyType === 'person' && !p.idNumber)
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '自然人应填写公民身份号码' });
    if (p.partyType === 'organisation' && !p.creditCode)
      ctx.addIssue({ code: 'custom', path: ['creditCode'], message: '法人或其他组织应填写统一社会信用代码' });
  });

const representative = z.object({
  name: text('代理人姓名', 50),
  idNumber: residentIdNumber().optional().meta({ title: '公民身份号码' }),
  relation: z
    .string()
    .trim()
    .max(50)
    .optional()
    .meta({ title: '代理关系', description: '如：律师、近亲属、法定代表人' }),
  phone,
});

export const applicationSchema = z
  .object({
    ...fieldGroup('收件信息', {
      receivedOn: date('收件日期'),
      channel: z.enum(keysOf(channels)).meta(enumMeta('申请方式', channels)),
    }),
    ...fieldGroup('当事人', {
      applicants: z.array(party).min(1, '至少登记一名申请人').max(50).meta({ title: '申请人' }),
      representatives: z.array(representative).max(10).default([]).meta({ title: '委托代理人' }),
      thirdParties: z.array(party).max(20).default([]).meta({ title: '第三人' }),
    }),
    ...fieldGroup('被申请的行政行为', {
      respondentOrgId: z
        .number({ error: '请选择被申请人' })
        .int()
        .positive()
        .meta({ title: '被申请人', 'x-widget': 'org', 'x-orgKinds': ['department'] }),
      actKind: z.enum(keysOf(actKinds)).meta(enumMeta('行政行为类别', actKinds)),
      actTitle: text('被申请的行政行为', 200),
      actDocNo: z.string().trim().max(100).optional().meta({ title: '行政行为文书编号' }),
      actDate: date('行政行为作出日期'),
      actKnownOn: date('知道该行政行为的日期', '申请期限自知道或者应当知道该行政行为之日起计算（第二十条）'),
      realProperty: z.boolean().default(false).meta({ title: '涉及不动产' }),
    }),
    ...fieldGroup('行政复议请求', {
      request: text('行政复议请求', 2000),
      facts: z.string().trim().max(10000).default('').meta({ title: '事实和理由', 'x-widget': 'textarea' }),
      allowDuplicate: confirmOnly(
        z.boolean().default(false).meta({
          title: '确认重复申请仍登记',
          description: '同一申请人对同一行政行为已有未办结申请时才需勾选',
        }),
      ),
    }),
  })
  .superRefine((d, ctx) => {
    if (d.actKnownOn < d.actDate)
      ctx.addIssue({
        code: 'custom',
        path: ['actKnownOn'],
        message: '知道行政行为的日期不能早于行政行为作出日期',
      });
    if (d.receivedOn < d.actKnownOn)
      ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: '收件日期不能早于知道行政行为的日期' });
  });
export type ApplicationInput = z.infer<typeof applicationSchema>;

export const supplementRequestSchema = z.object({
  items: text('需要补正的事项', 2000),
});
export const supplementReceivedSchema = z.object({
  note: z.string().trim().max(1000).default('').meta({ title: '补正情况', 'x-widget': 'textarea' }),
});
export const acceptSchema = z
  .object({
    procedure: z.enum(keysOf(procedures)).meta(enumMeta('审理程序', procedures)),
    simplifiedGround: z
      .enum(keysOf(simplifiedGrounds))
      .optional()
      .meta({
        ...enumMeta('适用简易程序的情形（第五十三条）', simplifiedGrounds),
        'x-showWhen': { field: 'procedure', in: ['simplified'] },
      }),
  })
  .superRefine((d, ctx) => {
    if (d.procedure === 'simplified' && !d.simplifiedGround)
      ctx.addIssue({
        code: 'custom',
        path: ['simplifiedGround'],
        message: '适用简易程序应写明第五十三条规定的情形',
      });
  });
export const refuseSchema = z.object({
  reason: text('不予受理的理由', 2000),
  legalBasis: z.string().trim().max(200).default('第三十条第一款').meta({ title: '法律依据（条款）' }),
});
export const redirectSchema = z.object({
  properBody: text('有权受理的行政复议机关', 100),
  reason: z.string().trim().max(1000).default('').meta({ title: '说明', 'x-widget': 'textarea' }),
});
export const sendCopySchema = z.object({
  note: z.string().trim().max(500).default('').meta({ title: '送达说明' }),
});
export const replySchema = z.object({
  summary: z.string().trim().max(5000).default('').meta({ title: '答复要点', 'x-widget': 'textarea' }),
  evidenceSubmitted: z.boolean().default(true).meta({ title: '已提交证据、依据' }),
});
export const hearingNoticeSchema = z.object({
  hearingOn: date('听证日期'),
  place: text('听证地点', 100),
  matters: text('拟听证事项', 1000),
});
export const hearingHeldSchema = z.object({
  summary: z.string().trim().max(5000).default('').meta({ title: '听证情况', 'x-widget': 'textarea' }),
});
export const extendSchema = z.object({
  days: z
    .number()
    .int()
    .min(1, '延长天数至少 1 日')
    .max(30, '延长期限最多不得超过三十日')
    .meta({ title: '延长天数（日）' }),
  reason: text('延期理由', 1000),
  approvedBy: text('批准人（行政复议机构负责人）', 50),
});
export const suspendSchema = z.object({
  cause: z.enum(keysOf(suspensionCauses)).meta(enumMeta('中止原因（第三十九条）', suspensionCauses)),
  note: z.string().trim().max(1000).default('').meta({ title: '说明', 'x-widget': 'textarea' }),
});
export const resumeSchema = z.object({
  note: z.string().trim().max(1000).default('').meta({ title: '恢复审理的理由', 'x-widget': 'textarea' }),
});
export const terminateSchema = z.object({
  cause: z.enum(keysOf(terminationCauses)).meta(enumMeta('终止原因（第四十一条）', terminationCauses)),
  note: z.string().trim().max(1000).default('').meta({ title: '说明', 'x-widget': 'textarea' }),
});
export const mediateSchema = z.object({
  agreement: text('调解协议内容', 5000),
});
export const decideSchema = z.object({
  decisionType: z.enum(keysOf(decisionTypes)).meta(enumMeta('决定类型', decisionTypes)),
  findings: text('经审理查明的事实', 10000),
  reasoning: text('理由', 10000),
  redoWithinDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .optional()
    .meta({
      title: '责令重新作出/履行的期限（日）',
      'x-showWhen': { field: 'decisionType', in: ['revokeRedo', 'confirmIllegalRedo', 'orderPerform'] },
    }),
});
export const opinionLetterSchema = z.object({
  recipientOrgId: z
    .number({ error: '请选择收文机关' })
    .int()
    .positive()
    .meta({ title: '收文机关', 'x-widget': 'org', 'x-orgKinds': ['department'] }),
  problems: text('发现的问题', 5000),
  opinion: text('纠正意见', 5000),
});
export const opinionReportedSchema = z.object({
  summary: text('纠正情况', 5000),
});
export const recommendationSchema = z.object({
  recipientOrgId: z
    .number({ error: '请选择收文机关' })
    .int()
    .positive()
    .meta({ title: '收文机关', 'x-widget': 'org', 'x-orgKinds': ['department'] }),
  problems: text('发现的问题', 5000),
  recommendation: text('建议', 5000),
});
export const performanceSchema = z.object({
  performed: z.boolean().meta({ title: '被申请人已履行' }),
  note: z.string().trim().max(1000).default('').meta({ title: '履行情况', 'x-widget': 'textarea' }),
});

export const serviceSchema = z.object({
  method: z.enum(keysOf(serviceMethods)).meta(enumMeta('送达方式', serviceMethods)),
  recipient: z.string().trim().max(100).optional().meta({ title: '签收人' }),
});

export const suitSchema = z.object({
  ...fieldGroup('案件信息', {
    court: text('受理法院', 100),
    caseNumber: z
      .string()
      .trim()
      .regex(/^（\d{4}）[\u4e00-\u9fa5\d]+行[初终]\d+号$/, '案号格式应如：（2024）浙0211行初12号')
      .meta({ title: '案号' }),
    instance: z.enum(keysOf(instances)).meta(enumMeta('审级', instances)),
    filedOn: date('立案日期'),
  }),
  ...fieldGroup('当事人与被诉行为', {
    defendantOrgId: z
      .number({ error: '请选择被告' })
      .int()
      .positive()
      .meta({ title: '被告（行政机关）', 'x-widget': 'org', 'x-orgKinds': ['department', 'bureau'] }),
    plaintiff: text('原告', 100),
    actKind: z.enum(keysOf(actKinds)).meta(enumMeta('被诉行政行为类别', actKinds)),
  }),
  ...fieldGroup('行政复议', {
    afterReconsideration: z.boolean().default(false).meta({ title: '经行政复议后起诉' }),
    reconsiderationRefNo: z
      .string()
      .trim()
      .max(50)
      .optional()
      .meta({ title: '行政复议案号', 'x-showWhen': { field: 'afterReconsideration', in: [true] } }),
  }),
});
export const suitHearingSchema = z.object({
  headAppeared: z.boolean().meta({ title: '行政机关负责人出庭应诉' }),
  headName: z.string().trim().max(50).optional().meta({ title: '出庭负责人姓名及职务' }),
});
export const suitConcludeSchema = z.object({
  outcome: z.enum(keysOf(suitOutcomes)).meta(enumMeta('结果', suitOutcomes)),
  judgmentNo: z.string().trim().max(100).optional().meta({ title: '裁判文书号' }),
  note: z.string().trim().max(2000).default('').meta({ title: '说明', 'x-widget': 'textarea' }),
});
