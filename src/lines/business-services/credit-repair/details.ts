import { factsSection, labelled as label } from '../../../kernel/workflow/details.ts';
import type { DetailSection } from '../../../kernel/workflow/types.ts';
import type { Queryable } from '../../../platform/db/pool.ts';
import { configuredMonths, eligibility } from './eligibility.ts';
import {
  consultationChannels,
  guidanceOutcomes,
  recordCategories,
  recordSources,
  repairResults,
  severities,
} from './labels.ts';

/** A record's page: the subject (credit code shown; a person's number masked), the record, its repair. */
export async function recordDetails(db: Queryable, matterId: number): Promise<DetailSection[]> {
  const { rows } = await db.query(
    `SELECT r.*, r.decided_on::text AS decided, r.fulfilled_on::text AS fulfilled, r.applied_on::text AS applied,
            r.result_on::text AS result_day, p.name, coalesce(p.credit_code, p.id_number_masked) AS identity
     FROM credit_records r JOIN parties p ON p.id = r.party_id WHERE r.matter_id = $1`,
    [matterId],
  );
  const r = rows[0];
  if (!r) return [];
  const e = eligibility(
    { severity: r.severity, decidedOn: r.decided, fulfilledOn: r.fulfilled },
    await configuredMonths(db),
  );
  return [
    factsSection('失信信息', [
      ['信用主体', r.name],
      ['统一社会信用代码/证件号码', r.identity],
      ['公示来源', label(recordSources, r.source)],
      ['信息类别', label(recordCategories, r.category)],
      ['认定（处罚）机关', r.deciding_organ],
      ['决定书文号', r.decision_no],
      ['认定日期', r.decided],
      ['失信程度', label(severities, r.severity)],
      ['公示期（月）', r.publication_months],
    ]),
    factsSection('信用修复', [
      ['适用规定', `${e.law}${e.verified ? '' : '（条文未经核实）'}`],
      ['最短公示期届满', e.minimumEnds ?? '未能计算'],
      ['可申请修复日期', e.eligibleOn ?? e.reason],
      ['履行义务日期', r.fulfilled],
      ['申请修复日期', r.applied],
      ['修复结果', label(repairResults, r.result)],
      ['结果日期', r.result_day],
    ]),
  ];
}

export async function guidanceDetails(db: Queryable, matterId: number): Promise<DetailSection[]> {
  const { rows } = await db.query(
    `SELECT g.*, g.consulted_on::text AS consulted, g.guided_on::text AS guided, p.name,
            coalesce(p.credit_code, p.id_number_masked) AS identity
     FROM credit_guidance g JOIN parties p ON p.id = g.party_id WHERE g.matter_id = $1`,
    [matterId],
  );
  const g = rows[0];
  if (!g) return [];
  return [
    factsSection('咨询与指导', [
      ['信用主体', g.name],
      ['统一社会信用代码/证件号码', g.identity],
      ['咨询日期', g.consulted],
      ['咨询方式', label(consultationChannels, g.channel)],
      ['咨询事项', g.topic],
      ['指导日期', g.guided],
      ['办结情况', label(guidanceOutcomes, g.outcome)],
    ]),
  ];
}
