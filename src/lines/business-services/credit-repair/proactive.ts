/**
 * The proactive list (主动服务清单): published records whose subject may apply for repair in a given month, so the
 * platform contacts the enterprise before a fee-charging intermediary does. Read in the actor's matter scope;
 * eligibility is computed by the rules in force on each record's date (eligibility.ts).
 */
import { matterReadable, matterReadParam } from '../../../kernel/workflow/access.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import type { Queryable } from '../../../platform/db/pool.ts';
import type { ProactiveRow } from './contracts.ts';
import { configuredMonths, eligibility } from './eligibility.ts';

/** Last day of a YYYY-MM month. */
const monthLast = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/**
 * Records still published (not applied, not repaired) whose first day to apply falls in `month`; with
 * `unknown`, also those whose day cannot be computed (an unverified period), so that none is silently left out.
 */
export async function proactiveList(
  db: Queryable,
  actor: Actor,
  month: string,
  opts: { unknown?: boolean } = {},
): Promise<ProactiveRow[]> {
  const [first, last] = [`${month}-01`, monthLast(month)];
  const { rows } = await db.query<{
    matterId: number;
    refNo: string;
    subject: string;
    subjectType: string;
    decidingOrgan: string;
    decidedOn: string;
    severity: 'minor' | 'general' | 'serious';
    fulfilledOn: string | null;
    guided: boolean;
  }>(
    `SELECT m.id::int AS "matterId", m.ref_no AS "refNo", p.name AS subject, p.party_type AS "subjectType",
            r.deciding_organ AS "decidingOrgan", r.decided_on::text AS "decidedOn", r.severity,
            r.fulfilled_on::text AS "fulfilledOn",
            EXISTS (SELECT 1 FROM credit_guidance g WHERE g.party_id = r.party_id AND g.guided_on IS NOT NULL) AS guided
     FROM credit_records r JOIN matters m ON m.id = r.matter_id JOIN parties p ON p.id = r.party_id
     WHERE m.state = 'published' AND r.decided_on <= $2::date AND r.decided_on > $2::date - interval '4 years'
       AND ${matterReadable(1)}
     ORDER BY r.decided_on, m.id
     LIMIT 5000`,
    [matterReadParam(actor), last],
  );
  const configured = await configuredMonths(db);
  const out: ProactiveRow[] = [];
  for (const r of rows) {
    const e = eligibility(r, configured);
    const inMonth = e.eligibleOn !== null && e.eligibleOn >= first && e.eligibleOn <= last;
    if (inMonth || (opts.unknown && e.eligibleOn === null))
      out.push({
        ...r,
        minimumEnds: e.minimumEnds,
        eligibleOn: e.eligibleOn,
        law: e.law,
        verified: e.verified,
        reason: e.reason,
      });
  }
  return out;
}
