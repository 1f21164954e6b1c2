/**
 * The quick registrations of the demo inserted set-based: per batch, one statement writes the matters, their
 * creation events, case rows, parties and mediators — the rows the engine writes for a quick registration — with
 * reference numbers reserved from the kind's gap-free counter and one audit entry for the batch. What it leaves
 * out is the rendered 口头协议登记表 of each case: twelve thousand DOCX files a year would not fit the demo's
 * time budget (a case registered through the API has its record).
 */
import { demoActor } from '../../kernel/demo/runner.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/pool.ts';
import type { BulkCase } from './demo.ts';
import { disputeTypes } from './labels.ts';
import { onSpotKind } from './on-spot.ts';
import { CONFLICT_CHECKED } from './store.ts';

/** Cases per statement and transaction: large enough to be set-based, small enough to commit often. */
export const BULK_BATCH = 2500;

/** Reserves `n` numbers of the (prefix, year) counter the engine numbers this kind with; returns the first. */
async function reserveNumbers(tx: Tx, year: number, n: number): Promise<number> {
  const { rows } = await tx.query<{ last: number }>(
    `INSERT INTO doc_number_counters (prefix, year, last) VALUES ($1, $2, $3)
     ON CONFLICT (prefix, year) DO UPDATE SET last = doc_number_counters.last + $3 RETURNING last`,
    ['matter:mediation:onSpot', year, n],
  );
  return rows[0]!.last - n + 1;
}

export async function insertBulk(tx: Tx, cases: BulkCase[]) {
  if (!cases.length) return;
  const { rows: prefixRow } = await tx.query<{ value: string }>(
    `SELECT value #>> '{}' AS value FROM settings WHERE key = 'refPrefix.mediation.onSpot'`,
  );
  const prefix = prefixRow[0]?.value ?? onSpotKind.refPrefix;
  const refNos: string[] = [];
  // A batch may straddle a new year: each year's cases take that year's numbers, in date order.
  const byYear = new Map<number, number>();
  for (const c of cases)
    byYear.set(Number(c.on.slice(0, 4)), (byYear.get(Number(c.on.slice(0, 4))) ?? 0) + 1);
  const next = new Map<number, number>();
  for (const [year, n] of byYear) next.set(year, await reserveNumbers(tx, year, n));
  for (const c of cases) {
    const year = Number(c.on.slice(0, 4));
    const seq = next.get(year)!;
    next.set(year, seq + 1);
    refNos.push(`${prefix}〔${year}〕${seq}号`);
  }
  await tx.query(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::date[], $5::text[], $6::numeric[], $7::bigint[],
                            $8::bigint[], $9::bigint[], $10::text[])
         AS t(ref_no, org_id, region_code, on_date, dispute_type, amount, applicant, respondent, mediator, dispute_label)
     ), named AS (
       SELECT i.*, a.name AS applicant_name, r.name AS respondent_name
       FROM input i JOIN parties a ON a.id = i.applicant JOIN parties r ON r.id = i.respondent
     ), m AS (
       INSERT INTO matters (line, kind, ref_no, title, owner_org_id, region_code, state, opened_on, closed_on,
                            is_demo, sensitive, search_text)
       SELECT 'mediation', 'onSpot', ref_no, applicant_name || '与' || respondent_name || dispute_label, org_id,
              region_code, 'closed', on_date, on_date, true, true,
              ref_no || ' ' || applicant_name || ' ' || respondent_name
       FROM named
       RETURNING id, ref_no
     ), e AS (
       INSERT INTO matter_events (matter_id, seq, action, from_state, to_state, occurred_on, actor_id, actor_name, payload)
       SELECT m.id, 1, 'create', NULL, 'closed', n.on_date, NULL, $11,
              jsonb_build_object('receivedOn', n.on_date, 'orgId', n.org_id, 'mediatorId', n.mediator,
                'place', '调解现场', 'disputeType', n.dispute_type, 'amount', n.amount, 'facts', '当场调解',
                'agreement', '双方当场达成口头协议', 'amountAgreed', n.amount, 'performance', 'immediate',
                'applicants', jsonb_build_array(jsonb_build_object('partyId', n.applicant)),
                'respondents', jsonb_build_array(jsonb_build_object('partyId', n.respondent)))
       FROM m JOIN named n USING (ref_no)
       RETURNING id, matter_id
     ), c AS (
       INSERT INTO mediation_cases (matter_id, org_id, source, dispute_type, amount, facts, received_on, quick, outcome,
                                    outcome_on, agreement_form, agreement, amount_agreed, performance)
       SELECT m.id, n.org_id, 'initiative', n.dispute_type, n.amount, '当场调解', n.on_date, true, 'agreed', n.on_date,
              'oral', '双方当场达成口头协议', n.amount, 'immediate'
       FROM m JOIN named n USING (ref_no)
     ), p AS (
       INSERT INTO matter_parties (matter_id, party_id, role, seq)
       SELECT m.id, n.applicant, 'applicant', 1 FROM m JOIN named n USING (ref_no)
       UNION ALL
       SELECT m.id, n.respondent, 'respondent', 1 FROM m JOIN named n USING (ref_no)
     )
     INSERT INTO mediation_assignments (matter_id, event_id, mediator_id, lead, assigned_on, conflict_check)
     SELECT e.matter_id, e.id, n.mediator, true, n.on_date, $12
     FROM e JOIN m ON m.id = e.matter_id JOIN named n USING (ref_no)`,
    [
      refNos,
      cases.map((c) => c.org.id),
      cases.map((c) => c.org.regionCode),
      cases.map((c) => c.on),
      cases.map((c) => c.dispute),
      cases.map((c) => (c.amountFen / 100).toFixed(2)),
      cases.map((c) => c.applicant),
      cases.map((c) => c.respondent),
      cases.map((c) => c.mediator),
      cases.map((c) => disputeTypes[c.dispute]),
      demoActor.name,
      CONFLICT_CHECKED,
    ],
  );
  await audit(tx, demoActor, {
    action: 'demo.load',
    objectType: 'line',
    summary: {
      line: 'mediation',
      kind: 'onSpot',
      matters: cases.length,
      from: cases[0]!.on,
      to: cases.at(-1)!.on,
    },
  });
}
