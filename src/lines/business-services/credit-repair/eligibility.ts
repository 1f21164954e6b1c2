/**
 * When a record may be repaired, by rule as data: the subject may apply once the minimum publication period of the
 * record's severity has run (counted from the day the conduct was found) and its obligations are fulfilled. The
 * version of the repair rules is the one in force on the record's date (`ruleInForce`): 发改委令第36号 from
 * 2026-04-01, the 2023 trial measures before. A version whose period is not verified carries no count; a district
 * may set the verified number of months (settings `creditRepair.minimumMonths.<severity>.<version>`), otherwise
 * the date is not computed and the list says why — never a guessed period.
 */
import { addDays, monthEnd } from '../../../kernel/calendar/index.ts';
import { ruleInForce } from '../../../kernel/rules/rules.ts';
import type { Queryable } from '../../../platform/db/pool.ts';
import type { Severity } from './labels.ts';

export const minimumRule = (severity: Severity) => `xyxf.minimum.${severity}`;

export interface Eligibility {
  rule: string;
  version: string;
  law: string;
  verified: boolean;
  /** The last day of the minimum publication period; null when the period is not known. */
  minimumEnds: string | null;
  /** The first day the subject may apply (minimum period run and obligations fulfilled); null when unknown. */
  eligibleOn: string | null;
  reason: string;
}

/** Months set by the district for rule versions whose period is unverified, keyed `<severity>.<version>`. */
export type ConfiguredMonths = Record<string, number>;

export async function configuredMonths(db: Queryable): Promise<ConfiguredMonths> {
  const { rows } = await db.query<{ key: string; value: unknown }>(
    `SELECT key, value FROM settings WHERE key LIKE 'creditRepair.minimumMonths.%'`,
  );
  const out: ConfiguredMonths = {};
  for (const r of rows)
    if (typeof r.value === 'number' && Number.isInteger(r.value) && r.value >= 0)
      out[r.key.slice('creditRepair.minimumMonths.'.length)] = r.value;
  return out;
}

export function eligibility(
  rec: { severity: Severity; decidedOn: string; fulfilledOn: string | null },
  configured: ConfiguredMonths = {},
): Eligibility {
  const rule = ruleInForce(minimumRule(rec.severity), rec.decidedOn);
  const base = { rule: rule.id, version: rule.version, law: rule.citation.law, verified: rule.verified };
  const set = configured[`${rec.severity}.${rule.version}`];
  let minimumEnds: string | null;
  if (rule.count !== null)
    minimumEnds =
      rule.unit === 'months' ? monthEnd(rec.decidedOn, rule.count) : addDays(rec.decidedOn, rule.count);
  else if (set !== undefined) minimumEnds = monthEnd(rec.decidedOn, set);
  else
    return {
      ...base,
      minimumEnds: null,
      eligibleOn: null,
      reason: `${rule.citation.law}的最短公示期未经核实，尚未设置，不计算可修复日期`,
    };
  const afterMinimum = addDays(minimumEnds, 1);
  const eligibleOn = rec.fulfilledOn && rec.fulfilledOn > afterMinimum ? rec.fulfilledOn : afterMinimum;
  return {
    ...base,
    minimumEnds,
    eligibleOn,
    reason: rec.fulfilledOn
      ? `最短公示期至${minimumEnds}届满，义务已于${rec.fulfilledOn}履行完毕`
      : `最短公示期至${minimumEnds}届满；尚未登记义务履行情况`,
  };
}
