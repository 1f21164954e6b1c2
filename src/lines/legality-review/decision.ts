/**
 * A major decision of the year's catalogue (重大行政决策事项目录): listed, its procedural steps recorded as a
 * checklist, decided. A decision brought to collective discussion with no legality review recorded is flagged
 * (重大行政决策程序暂行条例 第二十五条: a draft not reviewed, or found unlawful, may not be discussed — article text
 * not verified against the statute here): recorded as it happened, flagged on the catalogue, never silently.
 */
import { z } from 'zod';
import { choice, date, note, optionalText, text } from '../../kernel/fields/fields.ts';
import { action, type MatterKindDef } from '../../kernel/workflow/types.ts';
import { AppError } from '../../platform/http/errors.ts';
import { staff } from './common.ts';
import { decisionSteps } from './labels.ts';
import { districtCentreIds, reviewCentre } from './store.ts';

export const decisionSchema = z.object({
  catalogueYear: z.number().int().min(2000).max(2100).meta({ title: '目录年度' }),
  listedOn: date('列入目录日期'),
  centreOrgId: z
    .number()
    .int()
    .positive()
    .meta({ title: '目录管理机构（区合法性审查中心）', 'x-widget': 'org', 'x-orgKinds': ['section'] }),
  decidingOrgId: z
    .number()
    .int()
    .positive()
    .meta({ title: '决策机关（承办单位）', 'x-widget': 'org', 'x-orgKinds': ['government', 'department'] }),
  decisionTitle: text('决策事项名称', 200),
});
export type DecisionInput = z.infer<typeof decisionSchema>;

const stepSchema = z.object({
  step: choice('程序环节', decisionSteps),
  reviewMatterId: z
    .number()
    .int()
    .positive()
    .optional()
    .meta({
      title: '合法性审查事项（本系统内的审查事项编号）',
      'x-showWhen': { field: 'step', in: ['legalityReview'] },
    }),
  note: note('情况说明', 2000),
});
const decideSchema = z.object({ decisionDocNo: optionalText('决策文件文号', 60), note: note('说明', 1000) });

const column: Record<keyof typeof decisionSteps, string> = {
  publicParticipation: 'public_participation_on',
  expertArgument: 'expert_argument_on',
  riskAssessment: 'risk_assessment_on',
  legalityReview: 'legality_review_on',
  collectiveDiscussion: 'collective_discussion_on',
};

export const NO_REVIEW_FLAG = '未经合法性审查即提交集体讨论（重大行政决策程序暂行条例第二十五条）';

export const decisionKind: MatterKindDef<DecisionInput> = {
  id: 'decision',
  label: '重大行政决策事项',
  refPrefix: '镇决策',
  states: {
    listed: { label: '已列入目录' },
    decided: { label: '已作出决策', terminal: true },
  },
  initial: 'listed',
  details: async (db, matterId) => {
    const { rows } = await db.query(
      `SELECT d.*, o.name AS org, rm.ref_no AS review_ref FROM legality_decisions d JOIN orgs o ON o.id = d.deciding_org_id
       LEFT JOIN matters rm ON rm.id = d.review_matter_id WHERE d.matter_id = $1`,
      [matterId],
    );
    const d = rows[0];
    if (!d) return [];
    const day = (v: Date | string | null) =>
      v ? String(v instanceof Date ? v.toISOString().slice(0, 10) : v) : null;
    return [
      {
        title: '重大行政决策程序',
        fields: [
          { label: '目录年度', value: String(d.catalogue_year) },
          { label: '决策机关', value: d.org },
          ...Object.entries(column).map(([k, c]) => ({
            label: decisionSteps[k as keyof typeof decisionSteps],
            value: day(d[c]),
          })),
          { label: '合法性审查事项', value: d.review_ref },
          { label: '程序提示', value: d.discussed_without_review ? NO_REVIEW_FLAG : null },
        ],
      },
    ];
  },
  create: {
    label: '列入重大行政决策事项目录',
    // The catalogue is the district's, kept by the district centre: not a town's to register.
    roles: ['sectionStaff', 'admin'],
    schema: decisionSchema,
    date: (d) => d.listedOn,
    dateField: 'listedOn',
    owners: districtCentreIds,
    toMatter: async (d, _actor, tx) => {
      const centre = await reviewCentre(tx, d.centreOrgId);
      if (centre.level !== 'district')
        throw new AppError('VALIDATION', '重大行政决策事项目录由区合法性审查中心管理', {
          errors: [{ field: 'centreOrgId', message: '请选择区合法性审查中心' }],
        });
      return {
        title: `${d.catalogueYear}年度重大行政决策：${d.decisionTitle}`,
        ownerOrgId: centre.id,
        subjectOrgId: d.decidingOrgId,
        regionCode: centre.regionCode,
        openedOn: d.listedOn,
        searchText: d.decisionTitle,
      };
    },
    apply: async ({ tx, matter, data }) => {
      await tx.query(
        `INSERT INTO legality_decisions (matter_id, catalogue_year, deciding_org_id, decision_title, listed_on)
         VALUES ($1, $2, $3, $4, $5)`,
        [matter.id, data.catalogueYear, data.decidingOrgId, data.decisionTitle, data.listedOn],
      );
    },
  },
  actions: {
    recordStep: action({
      label: '登记程序环节',
      from: ['listed'],
      to: 'same',
      roles: staff,
      primary: true,
      schema: stepSchema,
      check: async ({ tx, data }) => {
        if (data.step !== 'legalityReview' || !data.reviewMatterId) return null;
        const { rows } = await tx.query(
          `SELECT 1 FROM legality_reviews WHERE matter_id = $1 AND item_kind = 'majorDecision'`,
          [data.reviewMatterId],
        );
        return rows.length
          ? null
          : {
              message: '所选事项不是本系统内的重大行政决策合法性审查事项',
              errors: [{ field: 'reviewMatterId', message: '请填写重大行政决策类审查事项的编号' }],
            };
      },
      apply: async ({ tx, matter, data, date }) => {
        await tx.query(
          `UPDATE legality_decisions SET ${column[data.step]} = $2,
                  review_matter_id = CASE WHEN $3::bigint IS NOT NULL THEN $3 ELSE review_matter_id END,
                  discussed_without_review = discussed_without_review
                    OR ($4 AND legality_review_on IS NULL)
           WHERE matter_id = $1`,
          [matter.id, date, data.reviewMatterId ?? null, data.step === 'collectiveDiscussion'],
        );
      },
      describe: (d) => decisionSteps[d.step],
    }),
    decide: action({
      label: '登记作出决策',
      from: ['listed'],
      to: 'decided',
      roles: staff,
      schema: decideSchema,
      requires: ({ last }) => (last('recordStep') ? null : '尚未登记任何程序环节'),
      apply: async ({ tx, matter, data, date }) => {
        await tx.query(
          'UPDATE legality_decisions SET decided_on = $2, decision_doc_no = $3 WHERE matter_id = $1',
          [matter.id, date, data.decisionDocNo ?? null],
        );
      },
    }),
  },
};
