import { z } from 'zod';
import { choice, date, note, optionalText, orgPick, text } from '../../../kernel/fields/fields.ts';
import { partyField } from '../../../kernel/fields/party.ts';
import { fieldGroup } from '../../../kernel/workflow/form-meta.ts';
import {
  consultationChannels,
  guidanceOutcomes,
  officialChannels,
  recordCategories,
  recordSources,
  repairResults,
  severities,
} from './labels.ts';

const staffOffice = orgPick('承办机构', ['section', 'justiceOffice', 'bureau']);

/** An adverse record (失信信息) of a credit subject, typed or imported from the 信用中国 export. */
export const recordSchema = z
  .object({
    ...fieldGroup('信用主体', { subject: partyField.meta({ title: '信用主体（企业或个人）' }) }),
    ...fieldGroup('失信信息', {
      ownerOrgId: staffOffice,
      source: choice('公示来源', recordSources),
      category: choice('信息类别', recordCategories),
      decidingOrgan: text('认定（处罚）机关', 100),
      decisionNo: optionalText('决定书文号', 60),
      decidedOn: date('认定（决定）日期', '最短公示期自该日起算，并适用该日施行的修复规定'),
      severity: choice('失信程度', severities),
      publicationMonths: z
        .number()
        .int('公示期应为整月数')
        .min(0, '公示期不能为负数')
        .max(60, '公示期不超过60个月')
        .optional()
        .meta({ title: '公示期（月）', description: '公示信息上载明的公示期限' }),
      fulfilledOn: date('履行义务日期', '缴清罚款、纠正违法行为等义务履行完毕之日').optional(),
    }),
  })
  .superRefine((d, ctx) => {
    if (d.fulfilledOn && d.fulfilledOn < d.decidedOn)
      ctx.addIssue({ code: 'custom', path: ['fulfilledOn'], message: '履行义务日期不能早于认定日期' });
  });
export type RecordInput = z.output<typeof recordSchema>;

/** The subject applied for repair on the official platform (recorded with its date). */
export const applySchema = z.object({
  channel: choice('申请渠道', officialChannels),
  fulfilledOn: date('履行义务日期', '未登记的，申请修复时应当登记').optional(),
  commitment: z.boolean().default(false).meta({ title: '已提交信用修复承诺书' }),
});
export const resultSchema = z.object({
  result: choice('修复结果', repairResults),
  reason: optionalText('未通过原因', 200),
});

/** A consultation (咨询) that opens the guidance matter. */
export const guidanceSchema = z.object({
  ...fieldGroup('咨询', {
    subject: partyField.meta({ title: '信用主体（企业或个人）' }),
    ownerOrgId: staffOffice,
    consultedOn: date('咨询日期'),
    channel: choice('咨询方式', consultationChannels),
    topic: text('咨询事项', 500),
  }),
});
export type GuidanceInput = z.output<typeof guidanceSchema>;

/** The guidance (修复指导): what to correct, which documents, the official free channel. */
export const guideSchema = z.object({
  toCorrect: text('需纠正的失信行为及履行的义务', 1000),
  documents: text('需准备的材料', 1000),
  channel: choice('修复渠道', officialChannels),
  note: note('其他提示', 500),
});
export const closeSchema = z.object({
  outcome: choice('办结情况', guidanceOutcomes),
  note: note('说明', 500),
});
