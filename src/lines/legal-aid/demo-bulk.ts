/**
 * The bulk of the legal-aid demo, set-based: per year, one statement writes the accepted cases (matters, creation
 * events, case rows, applicants) with reference numbers reserved from the kinds' counters and one audit entry, and
 * one statement writes the year's visits. The bulk cases carry no rendered documents and no periods (they are
 * closed); a case registered through the API has both.
 */
import { demoActor } from '../../kernel/demo/runner.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/pool.ts';
import type { BulkCase } from './demo.ts';
import type { DemoRegistry } from './demo-registry.ts';
import { caseTypes } from './labels.ts';

async function reserve(tx: Tx, kind: string, year: number, n: number): Promise<number> {
  const { rows } = await tx.query<{ last: number }>(
    `INSERT INTO doc_number_counters (prefix, year, last) VALUES ($1, $2, $3)
     ON CONFLICT (prefix, year) DO UPDATE SET last = doc_number_counters.last + $3 RETURNING last`,
    [`matter:legalAid:${kind}`, year, n],
  );
  return rows[0]!.last - n + 1;
}

const PREFIX = { application: '镇法援申', notice: '镇法援通' } as const;

export async function insertBulkCases(tx: Tx, centre: number, regionCode: string, cases: BulkCase[]) {
  if (!cases.length) return;
  const refNos: string[] = [];
  const next = new Map<string, number>();
  for (const kind of ['application', 'notice'] as const) {
    const byYear = new Map<number, number>();
    for (const c of cases.filter((x) => x.kind === kind))
      byYear.set(Number(c.receivedOn.slice(0, 4)), (byYear.get(Number(c.receivedOn.slice(0, 4))) ?? 0) + 1);
    for (const [year, n] of byYear) next.set(`${kind}${year}`, await reserve(tx, kind, year, n));
  }
  for (const c of cases) {
    const key = `${c.kind}${c.receivedOn.slice(0, 4)}`;
    const seq = next.get(key)!;
    next.set(key, seq + 1);
    refNos.push(`${PREFIX[c.kind]}〔${c.receivedOn.slice(0, 4)}〕${seq}号`);
  }
  await tx.query(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::text[], $6::bigint[], $7::text[],
                            $8::bigint[], $9::bigint[], $10::date[], $11::text[])
         AS t(ref_no, kind, received_on, decided_on, case_type, party_id, party_name, station_id, firm_id, closed_on, type_label)
     ), m AS (
       INSERT INTO matters (line, kind, ref_no, title, owner_org_id, subject_org_id, region_code, state, opened_on,
                            closed_on, is_demo, sensitive, search_text)
       SELECT 'legalAid', kind, ref_no,
              CASE WHEN kind = 'notice' THEN '宁波市镇海区人民法院通知为' || party_name || '提供法律援助（' || type_label || '）'
                   ELSE party_name || '申请法律援助（' || type_label || '）' END,
              $12, NULL::bigint, $13, CASE WHEN closed_on IS NULL THEN 'handling' ELSE 'closed' END, received_on, closed_on,
              true, true, ref_no || ' ' || party_name || ' ' || type_label
       FROM input RETURNING id, ref_no
     ), e AS (
       INSERT INTO matter_events (matter_id, seq, action, from_state, to_state, occurred_on, actor_id, actor_name, payload)
       SELECT m.id, 1, 'create', NULL, CASE WHEN i.kind = 'notice' THEN 'assigning' ELSE 'reviewing' END, i.received_on,
              NULL, $14, jsonb_build_object('receivedOn', i.received_on, 'caseType', i.case_type,
                'applicant', jsonb_build_object('partyId', i.party_id))
       FROM m JOIN input i USING (ref_no)
     ), c AS (
       INSERT INTO legal_aid_cases (matter_id, source, case_type, counting, received_on, station_org_id, eligibility,
          exemption, notifying_organ, matter_summary, decision, decided_on, aid_worker, aid_worker_kind, law_firm_org_id,
          assigned_on, ended_on, closed_on, quality_score, subsidy, is_demo)
       SELECT m.id, CASE WHEN i.kind = 'notice' THEN 'notice' ELSE 'application' END, i.case_type, 'zhejiang',
              i.received_on, i.station_id, CASE WHEN i.kind = 'notice' THEN NULL ELSE 'pledge' END, NULL,
              CASE WHEN i.kind = 'notice' THEN '宁波市镇海区人民法院' END, i.type_label,
              CASE WHEN i.kind = 'notice' THEN 'notice' ELSE 'granted' END, i.decided_on, '值班律师', 'lawyer',
              i.firm_id, i.decided_on + 2, i.closed_on - 20, i.closed_on,
              CASE WHEN i.closed_on IS NULL THEN NULL ELSE 80 + (m.id % 20) END,
              CASE WHEN i.closed_on IS NULL THEN NULL ELSE 1500 END, true
       FROM m JOIN input i USING (ref_no)
     )
     INSERT INTO matter_parties (matter_id, party_id, role, seq)
     SELECT m.id, i.party_id, 'applicant', 1 FROM m JOIN input i USING (ref_no)`,
    [
      refNos,
      cases.map((c) => c.kind),
      cases.map((c) => c.receivedOn),
      cases.map((c) => c.decidedOn),
      cases.map((c) => c.caseType),
      cases.map((c) => c.party.id),
      cases.map((c) => c.party.name),
      cases.map((c) => c.stationId),
      cases.map((c) => c.firm),
      cases.map((c) => c.closedOn),
      cases.map((c) => caseTypes[c.caseType]),
      centre,
      regionCode,
      demoActor.name,
    ],
  );
  await audit(tx, demoActor, {
    action: 'demo.load',
    objectType: 'line',
    summary: {
      line: 'legalAid',
      matters: cases.length,
      from: cases[0]!.decidedOn,
      to: cases.at(-1)!.decidedOn,
    },
  });
}

/**
 * A year's visits, evenly over its days and over the stations open at the start of the year (district centres and
 * town stations weighted more, as they take the hotline), with channel, topic and service in fixed proportions.
 */
export async function insertVisits(
  tx: Tx,
  reg: DemoRegistry,
  plan: { n: number; from: string; days: number },
) {
  const pool: number[] = [];
  const villages: string[] = [];
  for (const s of reg.stations.filter((x) => x.foundedOn < plan.from && x.kind !== 'practice')) {
    const weight = s.level === 1 ? 40 : s.level === 2 ? 12 : s.kind === 'station' ? 1 : 4;
    for (let i = 0; i < weight; i++) {
      pool.push(s.id);
      villages.push(s.regionCode.length === 12 ? s.regionCode : '');
    }
  }
  await tx.query(
    `WITH st AS (SELECT * FROM unnest($1::bigint[], $2::text[]) WITH ORDINALITY AS t(id, village, ord))
     INSERT INTO legal_aid_visits (station_org_id, visited_on, channel, topic, service, village_code, duration_min, is_demo)
     SELECT st.id, $3::date + floor((g + 0.5) * $4 / $5)::int,
            (ARRAY['window', 'hotline', 'window', 'online', 'hotline', 'outreach'])[1 + g % 6],
            (ARRAY['marriage', 'labour', 'loan', 'traffic', 'housing', 'enterprise', 'other', 'labour', 'marriage'])[1 + (g / 7) % 9],
            (ARRAY['answer', 'answer', 'answer', 'drafting', 'aidApplication', 'mediation', 'referral', 'answer'])[1 + (g / 3) % 8],
            coalesce(nullif(st.village, ''), ($6::text[])[1 + (g * 7) % array_length($6::text[], 1)]),
            5 + (g % 25), true
     FROM generate_series(0, $5 - 1) g JOIN st ON st.ord = 1 + (g * 7919) % $7`,
    [pool, villages, plan.from, plan.days, plan.n, reg.villages, pool.length],
  );
}
