import { z } from 'zod';
import { choice, date, note, optionalText, orgPick, text } from '../../kernel/fields/fields.ts';
import { partyField } from '../../kernel/fields/party.ts';
import { fieldGroup } from '../../kernel/workflow/form-meta.ts';
import {
  agreementForms,
  channels,
  confirmationResults,
  courtProcedures,
  disputeTypes,
  failureReasons,
  performances,
  referrals,
  refusalGrounds,
  sources,
} from './labels.ts';
import { MEDIATOR_CANDIDATES_URL, RECONSIDERATION_CANDIDATES_URL } from './lookups.ts';

/** An amount in yuan with at most two decimals (分). */
const yuan = (title: string) =>
  z
    .number({ error: `请填写${title}` })
    .min(0, `${title}不能为负数`)
    .max(10_000_000_000, `${title}过大，请核对`)
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, `${title}最多保留两位小数`)
    .meta({ title, description: '单位：元' });

/** The picker of mediators (lookups.ts): the case's own organisation and the pool, conflict-checked. */
const mediatorLookup = (params?: Record<string, string>) => ({
  'x-widget': 'lookup',
  'x-lookup': { url: MEDIATOR_CANDIDATES_URL, ...(params ? { params } : {}) },
});

const shownFor = (field: string, values: readonly (string | boolean)[]) => ({
  'x-showWhen': { field, in: [...values] },
});

const parties = {
  applicants: z.array(partyField).max(20).default([]).meta({ title: '申请人（一方当事人）' }),
  respondents: z.array(partyField).max(20).default([]).meta({ title: '被申请人（对方当事人）' }),
};

export const caseSchema = z
  .object({
    ...fieldGroup('收件信息', {
      receivedOn: date('收件日期'),
      orgId: orgPick('调解组织', ['mediationCommittee']),
      source: choice('案件来源', sources),
      channel: choice('申请方式', channels)
        .optional()
        .meta(shownFor('source', ['application'])),
    }),
    ...fieldGroup('诉调对接', {
      courtName: optionalText('委派/委托法院', 100).meta(
        shownFor('source', ['courtDelegated', 'courtEntrusted']),
      ),
      courtCaseNo: optionalText('法院案号', 60).meta(
        shownFor('source', ['courtDelegated', 'courtEntrusted']),
      ),
      courtProcedure: choice('法院适用程序', courtProcedures)
        .optional()
        .meta(shownFor('source', ['courtEntrusted'])),
      materialsReceivedOn: date(
        '签收法院移交材料日期',
        '调解期限自签字接收法院移交材料之日起计算（特邀调解规定第二十七条）',
      )
        .optional()
        .meta(shownFor('source', ['courtDelegated', 'courtEntrusted'])),
      referringOrgId: z
        .number()
        .int()
        .positive()
        .optional()
        .meta({
          title: '移交/委托机关',
          'x-widget': 'org',
          'x-orgKinds': ['department'],
          ...shownFor('source', ['police', 'department']),
        }),
      reconsiderationMatterId: z
        .number()
        .int()
        .positive()
        .optional()
        .meta({
          title: '行政复议案件',
          'x-widget': 'lookup',
          'x-lookup': { url: RECONSIDERATION_CANDIDATES_URL },
          ...shownFor('source', ['reconsideration']),
        }),
    }),
    ...fieldGroup('当事人', parties),
    ...fieldGroup('纠纷情况', {
      disputeType: choice('纠纷类型', disputeTypes),
      amount: yuan('涉及金额'),
      facts: text('纠纷事实', 5000),
      request: note('申请事项', 2000),
    }),
  })
  .superRefine((d, ctx) => {
    const court = d.source === 'courtDelegated' || d.source === 'courtEntrusted';
    const need = (ok: unknown, path: string, message: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    if (court) {
      need(d.courtName, 'courtName', '法院委派或委托调解的，应填写委派/委托法院');
      need(
        d.materialsReceivedOn,
        'materialsReceivedOn',
        '应填写签收法院移交材料的日期，调解期限自该日起计算',
      );
      if (d.materialsReceivedOn && d.materialsReceivedOn > d.receivedOn)
        ctx.addIssue({
          code: 'custom',
          path: ['materialsReceivedOn'],
          message: '签收材料日期不能晚于收件日期',
        });
    }
    if (d.source === 'courtEntrusted')
      need(d.courtProcedure, 'courtProcedure', '委托调解应注明法院适用的程序');
    if (d.source === 'application') need(d.channel, 'channel', '请选择申请方式');
    if (d.source === 'police' || d.source === 'department')
      need(d.referringOrgId, 'referringOrgId', '请选择移交或委托调解的机关');
    if (d.source === 'reconsideration')
      need(d.reconsiderationMatterId, 'reconsiderationMatterId', '请选择转来调解的行政复议案件');
    else {
      // 调解+复议 takes the parties from the reconsideration matter; every other case names both sides.
      need(d.applicants.length, 'applicants', '至少登记一名申请人（一方当事人）');
      need(d.respondents.length, 'respondents', '至少登记一名被申请人（对方当事人）');
    }
  });
export type CaseInput = z.infer<typeof caseSchema>;
export type CaseForm = z.input<typeof caseSchema>;

/** Quick registration: a dispute mediated on the spot, the oral agreement recorded (人民调解法 第二十八条). */
export const onSpotSchema = z.object({
  ...fieldGroup('调解情况', {
    receivedOn: date('调解日期'),
    orgId: orgPick('调解组织', ['mediationCommittee']),
    mediatorId: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ title: '调解员', ...mediatorLookup({ orgId: 'orgId' }) }),
    place: text('调解地点', 100),
  }),
  ...fieldGroup('当事人', {
    applicants: z
      .array(partyField)
      .min(1, '至少登记一名申请人（一方当事人）')
      .max(20)
      .meta({ title: '申请人（一方当事人）' }),
    respondents: z
      .array(partyField)
      .min(1, '至少登记一名被申请人（对方当事人）')
      .max(20)
      .meta({ title: '被申请人（对方当事人）' }),
  }),
  ...fieldGroup('纠纷与口头协议', {
    disputeType: choice('纠纷类型', disputeTypes),
    amount: yuan('涉及金额'),
    facts: text('纠纷简要情况', 2000),
    agreement: text('口头协议内容', 2000),
    amountAgreed: yuan('协议金额'),
    performance: choice('履行情况', performances),
  }),
});
export type OnSpotInput = z.infer<typeof onSpotSchema>;
export type OnSpotForm = z.input<typeof onSpotSchema>;

export const acceptSchema = z.object({
  partiesConsent: z.boolean().meta({
    title: '各方当事人均同意调解',
    description: '当事人一方明确拒绝调解的，不得调解（人民调解法第十七条）',
  }),
  note: note('受理意见', 1000),
});
export const refuseSchema = z.object({
  ground: choice('不予受理的理由', refusalGrounds),
  note: note('说明', 1000),
});
export const assignSchema = z.object({
  mediatorIds: z
    .array(z.number().int().positive())
    .min(1, '至少指派一名调解员')
    .max(5, '调解小组不超过五人')
    .meta({ title: '调解员（第一位为主调解员）', ...mediatorLookup() }),
  noConflictDeclared: z.boolean().meta({
    title: '调解员已声明与当事人无利害关系',
    description: '调解员是本案当事人或者与当事人有利害关系的，应当回避',
  }),
});
export const sessionSchema = z.object({
  place: text('调解地点', 100),
  attendees: text('参加人员', 500),
  summary: note('调解情况', 5000),
});
export const extendSchema = z.object({
  days: z
    .number()
    .int()
    .min(1, '延长天数至少 1 日')
    .max(365, '延长天数不超过 365 日')
    .meta({ title: '延长天数（日）', description: '由双方当事人商定，法无具体天数' }),
  partiesAgreed: z.boolean().meta({ title: '双方当事人同意延长调解期限' }),
  reason: text('延长理由', 1000),
});
export const suspendSchema = z.object({ reason: text('中止调解的原因', 1000) });
export const resumeSchema = z.object({ note: note('恢复调解的情况', 1000) });
export const agreeSchema = z.object({
  form: choice('协议形式', agreementForms),
  agreement: text('协议内容', 10000),
  amountAgreed: yuan('协议金额'),
  performance: choice('履行方式', performances),
});
export const failSchema = z.object({
  reason: choice('终止调解的原因', failureReasons),
  referredTo: choice('告知的其他解决途径', referrals),
  note: note('说明', 2000),
});
export const applyConfirmationSchema = z.object({
  court: text('受理司法确认的人民法院', 100),
  note: note('说明', 1000),
});
export const recordConfirmationSchema = z.object({
  result: choice('司法确认结果', confirmationResults),
  rulingNo: optionalText('裁定书文号', 60),
});
export const performanceSchema = z.object({
  performance: choice('履行情况', performances),
  note: note('说明', 1000),
});
export const followUpSchema = z.object({
  visited: text('回访对象', 200),
  method: choice('回访方式', { visit: '上门回访', phone: '电话回访' } as const),
  findings: text('回访情况', 2000),
  satisfied: z.boolean().meta({ title: '当事人对调解结果满意' }),
});
export const closeSchema = z.object({ note: note('结案说明', 1000) });
