import { z } from 'zod';
import { choice, date, note, optionalText, orgPick, text } from '../../kernel/fields/fields.ts';
import { partyField } from '../../kernel/fields/party.ts';
import { fieldGroup } from '../../kernel/workflow/form-meta.ts';
import {
  caseTypes,
  eligibilities,
  exemptionArticle,
  exemptions,
  noticeMethods,
  progressKinds,
  refusalGrounds,
  terminationGrounds,
  workerKinds,
} from './labels.ts';

const shownFor = (field: string, values: readonly string[]) => ({ 'x-showWhen': { field, in: [...values] } });
/** A wall-clock time of day, HH:mm (24-hour), for periods the law counts in hours. */
const clock = (title: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${title}应为24小时制的 HH:mm，如 17:30`)
    .optional()
    .meta({ title, description: '24小时制，如 17:30' });
const id = (title: string) => z.number().int().positive().optional().meta({ title });

/** An application (申请) received at the centre, a station or online, or forwarded for a detained person. */
export const applicationSchema = z
  .object({
    ...fieldGroup('收件信息', {
      receivedOn: date('收到申请日期', '审查期限自法律援助机构收到申请之日起计算（法律援助法第四十三条）'),
      source: choice('申请来源', { application: '当事人申请', detained: '被羁押人员申请（转交）' }),
      stationOrgId: z
        .number()
        .int()
        .positive()
        .optional()
        .meta({ title: '受理站点', 'x-widget': 'org', 'x-orgKinds': ['station'] }),
      visitId: id('来访登记编号（由来电来访转入时）'),
      detainedAppliedOn: date(
        '办案机关/监管场所收到申请日期',
        '办案机关、监管场所应当在二十四小时内转交（第三十九条第一款），按小时计算，节假日不顺延',
      )
        .optional()
        .meta(shownFor('source', ['detained'])),
      detainedAppliedTime: clock('办案机关/监管场所收到申请时刻').meta(shownFor('source', ['detained'])),
      receivedTime: clock('本机构收到转交申请时刻').meta(shownFor('source', ['detained'])),
      detentionPlace: optionalText('办案机关/监管场所', 100).meta(shownFor('source', ['detained'])),
    }),
    ...fieldGroup('申请人', { applicant: partyField.meta({ title: '申请人（已有档案的从档案选取）' }) }),
    ...fieldGroup('申请事项', {
      caseType: choice('案件类别', caseTypes),
      matterSummary: text('申请事项及理由', 2000),
      limitationEndsOn: date(
        '时效或期限届满日',
        '距法定时效或者期限届满不足七日的，可以先行提供法律援助（第四十四条）',
      ).optional(),
    }),
    ...fieldGroup('经济困难审查', {
      eligibility: choice('经济困难认定依据', eligibilities),
      exemption: choice('免予条件', exemptions)
        .optional()
        .meta(shownFor('eligibility', ['exempt', 'noCheck'])),
    }),
  })
  .superRefine((d, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (d.eligibility === 'exempt' || d.eligibility === 'noCheck') {
      if (!d.exemption) add('exemption', '请选择不受经济困难条件限制或免予核查的情形');
      else if (exemptionArticle[d.exemption] !== d.eligibility)
        add(
          'exemption',
          d.eligibility === 'exempt'
            ? '该情形属于免予核查经济困难状况（第四十二条），不属于第三十二条'
            : '该情形属于不受经济困难条件限制（第三十二条），不属于第四十二条',
        );
    }
    if (d.source === 'detained') {
      if (!d.detainedAppliedOn)
        add('detainedAppliedOn', '被羁押人员的申请应填写办案机关、监管场所收到申请的日期');
      if (!d.detainedAppliedTime)
        add('detainedAppliedTime', '二十四小时按小时计算，请填写办案机关、监管场所收到申请的时刻');
      if (!d.receivedTime) add('receivedTime', '二十四小时按小时计算，请填写本机构收到转交申请的时刻');
    }
    if (
      d.detainedAppliedOn &&
      `${d.detainedAppliedOn} ${d.detainedAppliedTime ?? '00:00'}` >
        `${d.receivedOn} ${d.receivedTime ?? '23:59'}`
    )
      add('detainedAppliedOn', '办案机关、监管场所收到申请的时间不能晚于本机构收到转交申请的时间');
  });
export type ApplicationInput = z.infer<typeof applicationSchema>;

/** A notice (通知辩护/代理) from a court, procuratorate or public security organ (第三十五、三十六条). */
export const noticeSchema = z.object({
  ...fieldGroup('通知信息', {
    receivedOn: date('收到通知日期', '法律援助机构收到通知后三日内指派律师（第三十六条）'),
    notifyingOrgan: text('通知机关', 100),
    noticeNo: optionalText('通知书文号', 60),
    caseType: choice('案件类别', {
      criminalDefence: caseTypes.criminalDefence,
      criminalVictim: caseTypes.criminalVictim,
    }),
  }),
  ...fieldGroup('受援人', { applicant: partyField.meta({ title: '受援人' }) }),
  ...fieldGroup('案情', { matterSummary: text('涉嫌罪名及案情摘要', 2000) }),
});
export type NoticeInput = z.infer<typeof noticeSchema>;

export const grantSchema = z.object({ reviewNote: note('审查意见', 1000) });
export const refuseSchema = z.object({
  ground: choice('不予法律援助的理由', refusalGrounds),
  reason: text('具体理由', 1000),
});
export const advanceSchema = z.object({ reason: text('先行提供的理由', 1000) });
/** The picker of the assigned worker's account (registry-routes.ts): the lawyer-role users of the chosen firm. */
export const WORKER_ACCOUNTS_URL = '/api/lines/legalAid/worker-accounts';
const workerAccount = z
  .number()
  .int()
  .positive()
  .optional()
  .meta({
    title: '承办人员账户',
    description: '只有指派的承办人员本人可在系统中查看本案；未选择的，承办单位的人员均不能查看',
    'x-widget': 'lookup',
    'x-lookup': { url: WORKER_ACCOUNTS_URL, params: { firmOrgId: 'lawFirmOrgId' } },
  });
export const assignSchema = z.object({
  workerName: text('承办人员姓名', 50),
  workerKind: choice('承办人员类别', workerKinds),
  lawFirmOrgId: orgPick('承办单位（律师事务所/基层法律服务所）', ['lawFirm']),
  workerUserId: workerAccount,
  courtName: optionalText('致函的办案机关', 100, '填写后制发法律援助公函'),
  noConflictDeclared: z.boolean().meta({ title: '承办人员已声明与本案无利害冲突' }),
});
/** 更换承办人员: a new worker for a case in hand (the reading passes to the new worker's account). */
export const reassignSchema = z.object({
  workerName: text('新承办人员姓名', 50),
  workerKind: choice('承办人员类别', workerKinds),
  lawFirmOrgId: orgPick('承办单位（律师事务所/基层法律服务所）', ['lawFirm']),
  workerUserId: workerAccount,
  reason: text('更换理由', 500),
  noConflictDeclared: z.boolean().meta({ title: '新承办人员已声明与本案无利害冲突' }),
});
export const rightsSchema = z.object({
  method: choice('告知方式', noticeMethods),
  notified: text('被告知人', 50),
  content: text('告知内容', 1000),
});
export const agreementSchema = z.object({ note: note('备注', 500) });
export const progressSchema = z.object({
  kind: choice('办案环节', progressKinds),
  summary: text('情况', 1000),
});
export const terminateSchema = z.object({
  ground: choice('终止理由（第四十八条）', terminationGrounds),
  reason: text('具体情况', 1000),
});
export const endSchema = z.object({
  endedOn: date('办结日期', '结案报告期限自办结之日起计算'),
  outcome: text('办理结果', 1000),
});
export const submitSchema = z.object({ materials: text('提交的结案材料', 1000) });
export const reviewSchema = z.object({
  qualityScore: z
    .number({ error: '请填写质量评分' })
    .min(0, '质量评分为0至100分')
    .max(100, '质量评分为0至100分')
    .meta({ title: '办案质量评分（百分制）' }),
  subsidy: z
    .number({ error: '请填写办案补贴' })
    .min(0, '办案补贴不能为负数')
    .max(100000, '办案补贴过大，请核对')
    .meta({ title: '办案补贴（元）' }),
  opinion: text('审查意见', 1000),
});

/** An objection to a refusal, received by the bureau (第四十九条第一款). */
export const objectSchema = z.object({ reason: text('异议理由', 1000) });
export const objectionDecisionSchema = z.object({
  result: choice('审查结果', { uphold: '维持法律援助机构的决定', correct: '责令法律援助机构改正' }),
  reasoning: text('审查理由', 1000),
});
