import { z } from 'zod';
import { choice, date, note, optionalText, orgPick, text } from '../../kernel/fields/fields.ts';
import { fieldGroup } from '../../kernel/workflow/form-meta.ts';
import { adoptions, conclusions, itemKinds, submitterKinds } from './labels.ts';
import { REVIEWER_CANDIDATES_URL } from './lookups.ts';

const shownFor = (field: string, values: readonly (string | boolean)[]) => ({
  'x-showWhen': { field, in: [...values] },
});

const workingDays = (title: string, description: string) =>
  z
    .number({ error: `请填写${title}` })
    .int(`${title}应为整数`)
    .min(1, `${title}至少 1 个工作日`)
    .max(120, `${title}不超过 120 个工作日`)
    .meta({ title, description });

/** 送审: what the submitter sends with the draft (the draft itself is an attachment of the matter). */
export const itemSchema = z
  .object({
    ...fieldGroup('送审信息', {
      receivedOn: date('收件日期'),
      centreOrgId: orgPick('审查机构（区合法性审查中心或镇（街道）合法性审查中心）', [
        'section',
        'justiceOffice',
      ]),
      submitterKind: choice('送审单位类别', submitterKinds),
      submitterOrgId: z
        .number()
        .int()
        .positive()
        .optional()
        .meta({
          title: '送审单位',
          'x-widget': 'org',
          'x-orgKinds': ['government', 'department', 'justiceOffice'],
          ...shownFor('submitterKind', ['government', 'department', 'town']),
        }),
      submitterName: optionalText('送审单位名称（镇（街道）内设机构、村（社区））', 100).meta(
        shownFor('submitterKind', ['townOffice']),
      ),
      contact: optionalText('联系人及电话', 100),
    }),
    ...fieldGroup('送审事项', {
      itemKind: choice('事项类别', itemKinds),
      itemTitle: text('事项名称（草案标题）', 200),
      legalBases: text('制定依据', 3000),
      draftingNote: note('起草说明', 5000),
      consultation: note('征求意见情况', 3000),
      offeredDays: workingDays(
        '送审给予的审查时间（工作日）',
        '规范性文件不少于5个工作日（国办发〔2018〕115号），重大行政决策一般不少于7个工作日（条例第二十六条）',
      ),
      urgent: z.boolean().default(false).meta({ title: '紧急事项' }),
    }),
    ...fieldGroup('公平竞争审查', {
      marketActivity: z
        .boolean()
        .meta({ title: '涉及经营者经济活动（应当开展公平竞争审查，公平竞争审查条例第二条）' }),
      fairCompetition: optionalText('公平竞争审查情况', 2000).meta(shownFor('marketActivity', [true])),
    }),
  })
  .superRefine((d, ctx) => {
    const need = (ok: unknown, path: string, message: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    if (d.submitterKind === 'townOffice') need(d.submitterName, 'submitterName', '请填写送审单位名称');
    else need(d.submitterOrgId, 'submitterOrgId', '请选择送审单位');
    // 公平竞争审查条例 第十八条: a measure touching market activity may not be issued unreviewed.
    if (d.marketActivity)
      need(
        d.fairCompetition,
        'fairCompetition',
        '涉及经营者经济活动的政策措施应当附公平竞争审查情况（公平竞争审查条例第二条、第十八条）',
      );
  });
export type ItemInput = z.infer<typeof itemSchema>;

export const supplementSchema = z.object({
  missing: text('需补充的材料', 2000),
  note: note('说明', 1000),
});
export const resubmitSchema = z.object({
  offeredDays: workingDays('补正后给予的审查时间（工作日）', '补齐材料后审查时间重新计算'),
  note: note('补充材料情况', 2000),
});
export const acceptSchema = z.object({
  reviewerIds: z
    .array(z.number().int().positive())
    .min(1, '至少指派一名审查人员')
    .max(5, '审查人员不超过五人')
    .meta({
      title: '审查人员（第一位为主审）',
      'x-widget': 'lookup',
      'x-lookup': { url: REVIEWER_CANDIDATES_URL },
    }),
  noConflictDeclared: z.boolean().meta({ title: '审查人员已声明与送审事项无利害关系' }),
  note: note('受理意见', 1000),
});
export const coReviewRequestSchema = z.object({
  reason: text('提请协审的理由（疑难复杂情形）', 2000),
});
export const coReviewSchema = z.object({
  opinion: text('协审意见', 5000),
});
const opinionItem = z.object({
  problem: text('问题', 1000),
  basis: text('依据', 1000),
  suggestion: text('修改建议', 1000),
});
export const concludeSchema = z
  .object({
    conclusion: choice('审查结论', conclusions),
    items: z.array(opinionItem).max(50).default([]).meta({ title: '审查意见（问题、依据、修改建议）' }),
    reasons: text('审查结论的理由', 3000),
    signedOffBy: text('审查中心负责人（签发）', 50),
  })
  .superRefine((d, ctx) => {
    if (d.conclusion !== 'lawful' && !d.items.length)
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: '结论为修改后合法或不合法的，应当逐项列明问题、依据和修改建议',
      });
  });
export const feedbackSchema = z.object({
  adoptions: z
    .array(
      z.object({
        seq: z.number().int().positive().meta({ title: '意见序号' }),
        adoption: choice('采纳情况', adoptions),
        reason: optionalText('未采纳或部分采纳的理由', 1000),
      }),
    )
    .max(50)
    .default([])
    .meta({ title: '逐项采纳情况' }),
  issuedDocNo: optionalText('出台文件文号', 60),
  issuedOn: date('出台日期').optional(),
  filedOn: date('备案日期').optional(),
  note: note('反馈说明', 2000),
});
export const withdrawSchema = z.object({ reason: text('撤回理由', 1000) });
