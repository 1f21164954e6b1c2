/**
 * The bulk of the credit-repair demo inserted set-based, with the rows the engine writes for each step (matters,
 * events, detail rows, parties) and numbers reserved from each kind's gap-free counter.
 * Left out: the bulk guidance matters' 指导书 (a document each would not fit the demo's time budget; a walked or
 * typed matter has its own). The caller writes the audit entry last, so the audit chain's head is held only at the end.
 */
import { demoActor } from '../../../kernel/demo/runner.ts';
import type { Tx } from '../../../platform/db/pool.ts';
import type { BulkGuidance, BulkRecord } from './demo.ts';
import { guidanceKind } from './guidance.ts';
import { recordKind } from './record.ts';

/** Reference numbers for `dates` (one per matter) from the (kind, year) counters, in the given order. */
async function refNos(tx: Tx, kind: 'record' | 'guidance', dates: string[]): Promise<string[]> {
  const { rows } = await tx.query<{ value: string }>(
    `SELECT value #>> '{}' AS value FROM settings WHERE key = $1`,
    [`refPrefix.creditRepair.${kind}`],
  );
  const prefix = rows[0]?.value ?? (kind === 'record' ? recordKind.refPrefix : guidanceKind.refPrefix);
  const perYear = new Map<number, number>();
  for (const d of dates) perYear.set(Number(d.slice(0, 4)), (perYear.get(Number(d.slice(0, 4))) ?? 0) + 1);
  const next = new Map<number, number>();
  for (const [year, n] of perYear) {
    const { rows: c } = await tx.query<{ last: number }>(
      `INSERT INTO doc_number_counters (prefix, year, last) VALUES ($1, $2, $3)
       ON CONFLICT (prefix, year) DO UPDATE SET last = doc_number_counters.last + $3 RETURNING last`,
      [`matter:creditRepair:${kind}`, year, n],
    );
    next.set(year, c[0]!.last - n + 1);
  }
  return dates.map((d) => {
    const year = Number(d.slice(0, 4));
    const seq = next.get(year)!;
    next.set(year, seq + 1);
    return `${prefix}〔${year}〕${seq}号`;
  });
}

export async function insertRecords(
  tx: Tx,
  office: { id: number; region: string },
  rs: BulkRecord[],
  parties: number[],
) {
  if (!rs.length) return;
  await tx.query(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::date[], $4::text[], $5::text[], $6::date[], $7::date[])
         AS t(ref_no, party_id, decided_on, severity, organ, applied_on, repaired_on)
     ), named AS (SELECT i.*, p.name FROM input i JOIN parties p ON p.id = i.party_id
     ), m AS (
       INSERT INTO matters (line, kind, ref_no, title, owner_org_id, region_code, state, opened_on, closed_on, version,
                            is_demo, search_text)
       SELECT 'creditRepair', 'record', ref_no,
              name || '·' || organ || '行政处罚信息（' || CASE severity WHEN 'serious' THEN '严重' ELSE '一般' END || '）',
              $8, $9, 'repaired', decided_on, repaired_on, 3, true, name || ' ' || organ
       FROM named RETURNING id, ref_no
     ), e AS (
       INSERT INTO matter_events (matter_id, seq, action, from_state, to_state, occurred_on, actor_name, payload)
       SELECT m.id, 1, 'create', NULL, 'published', n.decided_on, $10,
              jsonb_build_object('subject', jsonb_build_object('partyId', n.party_id, 'name', n.name),
                'source', 'creditChina', 'category', 'penalty', 'decidingOrgan', n.organ, 'decidedOn', n.decided_on,
                'severity', n.severity, 'ownerOrgId', $8::bigint)
       FROM m JOIN named n USING (ref_no)
       UNION ALL
       SELECT m.id, 2, 'apply', 'published', 'applied', n.applied_on, $10,
              jsonb_build_object('channel', 'creditChina', 'commitment', true, 'fulfilledOn', n.applied_on)
       FROM m JOIN named n USING (ref_no)
       UNION ALL
       SELECT m.id, 3, 'decide', 'applied', 'repaired', n.repaired_on, $10, jsonb_build_object('result', 'repaired')
       FROM m JOIN named n USING (ref_no)
     ), r AS (
       INSERT INTO credit_records (matter_id, party_id, source, category, deciding_organ, decided_on, severity,
                                   fulfilled_on, first_applied_on, applied_on, result, result_on)
       SELECT m.id, n.party_id, 'creditChina', 'penalty', n.organ, n.decided_on, n.severity, n.applied_on,
              n.applied_on, n.applied_on, 'repaired', n.repaired_on
       FROM m JOIN named n USING (ref_no)
     )
     INSERT INTO matter_parties (matter_id, party_id, role, seq)
     SELECT m.id, n.party_id, 'subject', 1 FROM m JOIN named n USING (ref_no)`,
    [
      await refNos(
        tx,
        'record',
        rs.map((r) => r.decidedOn),
      ),
      rs.map((r) => parties[r.subject]),
      rs.map((r) => r.decidedOn),
      rs.map((r) => r.severity),
      rs.map((r) => r.organ),
      rs.map((r) => r.appliedOn),
      rs.map((r) => r.repairedOn),
      office.id,
      office.region,
      demoActor.name,
    ],
  );
}

export async function insertGuidance(
  tx: Tx,
  office: { id: number; region: string },
  gs: BulkGuidance[],
  parties: number[],
) {
  if (!gs.length) return;
  await tx.query(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::date[], $4::date[], $5::date[], $6::text[])
         AS t(ref_no, party_id, consulted_on, guided_on, closed_on, outcome)
     ), named AS (SELECT i.*, p.name FROM input i JOIN parties p ON p.id = i.party_id
     ), m AS (
       INSERT INTO matters (line, kind, ref_no, title, owner_org_id, region_code, state, opened_on, closed_on, version,
                            is_demo, search_text)
       SELECT 'creditRepair', 'guidance', ref_no, name || '信用修复咨询', $7, $8, 'closed', consulted_on, closed_on, 3,
              true, name
       FROM named RETURNING id, ref_no
     ), e AS (
       INSERT INTO matter_events (matter_id, seq, action, from_state, to_state, occurred_on, actor_name, payload)
       SELECT m.id, 1, 'create', NULL, 'consulted', n.consulted_on, $9,
              jsonb_build_object('subject', jsonb_build_object('partyId', n.party_id, 'name', n.name),
                'ownerOrgId', $7::bigint, 'consultedOn', n.consulted_on, 'channel', 'window', 'topic', '信用修复咨询')
       FROM m JOIN named n USING (ref_no)
       UNION ALL
       SELECT m.id, 2, 'guide', 'consulted', 'guided', n.guided_on, $9,
              jsonb_build_object('toCorrect', '履行行政处罚决定并完成整改', 'documents', '信用修复申请书、信用修复承诺书',
                'channel', 'creditChina', 'note', '')
       FROM m JOIN named n USING (ref_no)
       UNION ALL
       SELECT m.id, 3, 'close', 'guided', 'closed', n.closed_on, $9, jsonb_build_object('outcome', n.outcome, 'note', '')
       FROM m JOIN named n USING (ref_no)
     ), g AS (
       INSERT INTO credit_guidance (matter_id, party_id, consulted_on, channel, topic, guided_on, outcome)
       SELECT m.id, n.party_id, n.consulted_on, 'window', '信用修复咨询', n.guided_on, n.outcome
       FROM m JOIN named n USING (ref_no)
     )
     INSERT INTO matter_parties (matter_id, party_id, role, seq)
     SELECT m.id, n.party_id, 'subject', 1 FROM m JOIN named n USING (ref_no)`,
    [
      await refNos(
        tx,
        'guidance',
        gs.map((g) => g.consultedOn),
      ),
      gs.map((g) => parties[g.subject]),
      gs.map((g) => g.consultedOn),
      gs.map((g) => g.guidedOn),
      gs.map((g) => g.closedOn),
      gs.map((g) => g.outcome),
      office.id,
      office.region,
      demoActor.name,
    ],
  );
}
