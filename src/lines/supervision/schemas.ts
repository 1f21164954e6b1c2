import { z } from 'zod';
import { choice, date, note, orgPick, text } from '../../kernel/fields/fields.ts';
import { fieldGroup } from '../../kernel/workflow/form-meta.ts';
import { escalations, findingCategories, instruments, verificationResults } from './labels.ts';
import { INSPECTION_CANDIDATES_URL } from './lookups.ts';

/** Units an inspection or an instrument may concern: departments, and (for inspections) the towns' offices. */
const unitKinds = ['department', 'justiceOffice', 'government'] as const;

export const inspectionSchema = z
  .object({
    ...fieldGroup('督察安排', {
      planName: text('年度督察计划', 100),
      unitOrgId: orgPick('被督察单位', unitKinds),
      noticeOn: date('督察通知制发日期'),
      startsOn: date('实地督察开始日期'),
      endsOn: date('实地督察结束日期'),
      team: text('督察组成员', 200),
      focus: text('督察重点', 500),
    }),
  })
  .refine((d) => d.startsOn >= d.noticeOn, {
    message: '实地督察不能早于督察通知制发日期',
    path: ['startsOn'],
  })
  .refine((d) => d.endsOn >= d.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });
export type InspectionInput = z.infer<typeof inspectionSchema>;

export const feedbackSchema = z.object({
  summary: text('督察反馈意见', 1000),
});

export const concludeSchema = z.object({ summary: note('督察总结', 500) });

export const findingSchema = z.object({
  inspectionId: z
    .number({ error: '请填写所属督察事项' })
    .int()
    .positive()
    .meta({ title: '所属督察', 'x-widget': 'lookup', 'x-lookup': { url: INSPECTION_CANDIDATES_URL } }),
  foundOn: date('发现日期'),
  category: choice('问题类别', findingCategories),
  description: text('问题描述', 500),
  evidence: note('证据材料', 500),
  rectifyBy: date('整改期限（截止日期）'),
});
export type FindingInput = z.infer<typeof findingSchema>;

export const reportSchema = z.object({
  plan: text('整改措施', 500),
  result: text('整改情况报告', 1000),
});

export const verifySchema = z.object({
  result: choice('验收结论', verificationResults),
  opinion: text('验收意见', 500),
  newRectifyBy: date('重新整改期限')
    .optional()
    .meta({ 'x-showWhen': { field: 'result', in: ['sentBack'] } }),
});

export const escalateSchema = z.object({
  measure: choice('督办措施', escalations),
  interviewee: note('约谈对象', 100),
  interviewer: note('约谈人', 100),
  content: text('督办（约谈）内容', 1000),
});

export const instrumentSchema = z.object({
  instrument: choice('文书种类', instruments),
  departmentOrgId: orgPick('被监督部门', ['department']),
  issuedOn: date('制发日期'),
  problems: text('发现的问题', 1000),
  requirements: text('监督要求（建议）', 1000),
  replyBy: date('书面回复期限（截止日期）'),
  campaign: note('所属专项监督', 100),
});
export type InstrumentInput = z.infer<typeof instrumentSchema>;

export const replySchema = z.object({ reply: text('部门回复内容', 1000) });
export const closeInstrumentSchema = z.object({ opinion: text('核查意见', 500) });
