import { indicatorsOf } from '../../kernel/indicators/registry.ts';
import { labelOf } from '../../kernel/workflow/vocabulary.ts';

/**
 * The legality review figures as fact queries (one row per counted record; the kernel adds year, region,
 * organisation subtree, scope, year-on-year, breakdowns and drill-down). Each centre counts what it concluded: the
 * district centre its own items and the co-reviews (协审) it gave on the towns' items — so a town's item the district
 * co-reviewed counts once in each centre's figures, as the annual report counts them.
 */

const townJoin = `LEFT JOIN regions tw ON tw.code = left(m.region_code, 9) AND tw.level = 'town'`;
const dims = `${labelOf('legalityReview.itemKind', 'r.item_kind')} AS dim_item_kind,
         ${labelOf('legalityReview.submitterKind', 'r.submitter_kind')} AS dim_submitter, coalesce(tw.name, '区级') AS dim_town`;
const byItem = [
  { id: 'item_kind', label: '事项类别' },
  { id: 'submitter', label: '送审单位类别' },
  { id: 'town', label: '镇（街道）' },
];

/** Items a centre concluded (its opinion issued), at the centre's level. */
const concluded = (level: 'district' | 'town' | null, where = 'true', value = '1') => `
  SELECT m.id AS matter_id, r.concluded_on AS on_date, m.owner_org_id, m.region_code, ${value} AS value, ${dims}
  FROM matters m JOIN legality_reviews r ON r.matter_id = m.id ${townJoin}
  WHERE m.line = 'legalityReview' AND r.concluded_on IS NOT NULL
    AND ${level ? `r.centre_level = '${level}'` : 'true'} AND ${where}`;

/**
 * The district centre's co-reviews of town items, on the day it gave its opinion; the row belongs to the district
 * centre (the owner of the district's items), so its subtree and the district's figures hold it.
 */
const coReviews = `
  SELECT m.id AS matter_id, r.co_reviewed_on AS on_date,
         (SELECT c.id FROM orgs c WHERE c.kind = 'section' AND (c.code = 'sec-legality' OR c.name LIKE '%合法性审查中心%')
          ORDER BY c.id LIMIT 1) AS owner_org_id,
         m.region_code, 1 AS value, ${dims}
  FROM matters m JOIN legality_reviews r ON r.matter_id = m.id ${townJoin}
  WHERE m.line = 'legalityReview' AND r.centre_level = 'town' AND r.co_reviewed_on IS NOT NULL`;

export const legalityIndicators = indicatorsOf('legalityReview', [
  {
    id: 'legalityReview.districtReviewed',
    name: '区级合法性审查中心审核事项',
    definition:
      '当年区合法性审查中心审核完成的各类事项数：本中心出具合法性审查意见书的事项（以出具日期定年度），加上本中心对镇（街道）提请协审的事项出具协审意见的（以协审意见日期定年度）。',
    facts: `${concluded('district')} UNION ALL ${coReviews}`,
    dimensions: byItem,
  },
  {
    id: 'legalityReview.coReviewed',
    name: '协审部门及镇街道事项',
    definition:
      '“区级合法性审查中心审核事项”中，区级部门和镇（街道）送请审查的事项（协审）：部门、镇（街道）直接送区中心审查的，以及镇（街道）审查中心提请协审的；区政府及其办公室的事项不计入。',
    facts: `${concluded('district', `r.submitter_kind IN ('department', 'town')`)} UNION ALL ${coReviews}`,
    dimensions: byItem,
  },
  {
    id: 'legalityReview.townReviewed',
    name: '镇（街道）审核事项',
    definition:
      '当年各镇（街道）合法性审查中心出具合法性审查意见书的事项数，以出具日期定年度；提请区中心协审的事项同样计入镇（街道）。',
    facts: concluded('town'),
    dimensions: byItem,
  },
  {
    id: 'legalityReview.issuesFound',
    name: '审查发现问题',
    unit: '个',
    definition:
      '当年各级审查中心出具的审查意见书中逐项列明的问题数之和（区、镇两级），以出具日期定年度；明细列出提出问题的事项。',
    facts: concluded(null, 'r.issues_count > 0', 'r.issues_count'),
    dimensions: byItem,
  },
  {
    id: 'legalityReview.majorDecisions',
    name: '审核重大行政决策',
    definition: '当年各级审查中心出具合法性审查意见书的重大行政决策事项数，以出具日期定年度。',
    facts: concluded(null, `r.item_kind = 'majorDecision'`),
    dimensions: byItem,
  },
  {
    id: 'legalityReview.feedbackReceived',
    name: '已反馈采纳情况的事项',
    definition: '当年送审单位反馈审查意见采纳情况的事项数，以反馈日期定年度。',
    facts: concluded(null, 'r.feedback_on IS NOT NULL').replace(
      'r.concluded_on AS on_date',
      'r.feedback_on AS on_date',
    ),
    dimensions: byItem,
  },
  {
    id: 'legalityReview.adopted',
    name: '审查意见被采纳的事项',
    definition: '当年反馈采纳情况的事项中，审查意见被全部或者部分采纳的事项数，以反馈日期定年度。',
    facts: concluded(null, `r.adoption IN ('adopted', 'partly')`).replace(
      'r.concluded_on AS on_date',
      'r.feedback_on AS on_date',
    ),
    dimensions: byItem,
  },
  {
    id: 'legalityReview.adoptionRate',
    name: '审查意见采纳率',
    unit: '%',
    definition: '审查意见被采纳的事项数 ÷ 已反馈采纳情况的事项数 × 100%，同一年度、同一范围。',
    ratio: { numerator: 'legalityReview.adopted', denominator: 'legalityReview.feedbackReceived' },
    decimals: 1,
  },
]);
