/**
 * Most of the demo's subjects inserted set-based: per batch, one statement writes the registry records (identity
 * sealed, indexed and masked as registerParty does), the matters, their creation events (no identity number in the
 * payload), the detail rows and the links — the rows the engine writes at intake — with reference numbers reserved
 * from the kind's counter and one audit entry per batch. A bulk subject's later steps are summarised in its row
 * (released on its term end when that has passed); they carry no rendered documents.
 */
import { addDays } from '../../kernel/calendar/dates.ts';
import { demoActor } from '../../kernel/demo/runner.ts';
import { maskIdNumber } from '../../kernel/identifiers/identifiers.ts';
import { fromResidentId } from '../../kernel/parties/identity.ts';
import { identityIndex } from '../../kernel/parties/registry.ts';
import { seal } from '../../kernel/personal-data/cipher.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/pool.ts';
import type { BulkResettled, BulkSubject } from './demo.ts';
import { correctionTypes, LINE } from './labels.ts';
import { maskedName } from './store.ts';

export const BULK_BATCH = 1000;

/** Reserves numbers of the kind's counter per year, in the order given; returns each row's reference number. */
async function refNos(tx: Tx, kind: string, defaultPrefix: string, years: number[]) {
  const { rows } = await tx.query<{ value: string }>(
    `SELECT value #>> '{}' AS value FROM settings WHERE key = $1`,
    [`refPrefix.${LINE}.${kind}`],
  );
  const prefix = rows[0]?.value ?? defaultPrefix;
  const next = new Map<number, number>();
  for (const y of new Set(years)) {
    const n = years.filter((x) => x === y).length;
    const r = await tx.query<{ last: number }>(
      `INSERT INTO doc_number_counters (prefix, year, last) VALUES ($1, $2, $3)
       ON CONFLICT (prefix, year) DO UPDATE SET last = doc_number_counters.last + $3 RETURNING last`,
      [`matter:${LINE}:${kind}`, y, n],
    );
    next.set(y, r.rows[0]!.last - n + 1);
  }
  return years.map((y) => {
    const seq = next.get(y)!;
    next.set(y, seq + 1);
    return `${prefix}〔${y}〕${seq}号`;
  });
}

/** The parties' columns, sealed as the registry seals them. */
const identity = (xs: { idNumber: string }[]) => ({
  enc: xs.map((x) => seal(x.idNumber)),
  index: xs.map((x) => identityIndex('residentId', x.idNumber)),
  masked: xs.map((x) => maskIdNumber(x.idNumber)),
  sex: xs.map((x) => fromResidentId(x.idNumber).sex),
  birth: xs.map((x) => fromResidentId(x.idNumber).birthDate),
});

/** Adds `months` to a date (the 5 years of 帮教期 end on the same day of the month). */
const plusMonths = (d: string, months: number) => {
  const y = Number(d.slice(0, 4)) + Math.floor((Number(d.slice(5, 7)) - 1 + months) / 12);
  const m = ((Number(d.slice(5, 7)) - 1 + months) % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-${d.slice(8, 10)}`;
};

export async function insertSubjects(tx: Tx, xs: BulkSubject[], today: string) {
  if (!xs.length) return;
  const refs = await refNos(
    tx,
    'subject',
    '镇社矫',
    xs.map((x) => Number(x.notice.slice(0, 4))),
  );
  const id = identity(xs);
  await tx.query(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bytea[], $6::bytea[], $7::text[],
                            $8::text[], $9::date[], $10::text[], $11::text[], $12::date[], $13::date[], $14::text[])
         AS t(ref_no, office_id, region_code, name, enc, idx, masked, sex, birth, type, offence, notice, term_end, title)
     ), p AS (
       INSERT INTO parties (party_type, name, id_kind, id_number_enc, id_number_index, id_number_masked, sex, birth_date,
                            owner_org_id, restricted)
       SELECT 'person', name, 'residentId', enc, idx, masked, sex, birth, office_id, true FROM input
       RETURNING id, id_number_index
     ), ended AS (
       SELECT i.*, p.id AS party_id, CASE WHEN i.term_end <= $15::date THEN i.term_end END AS ended_on
       FROM input i JOIN p ON p.id_number_index = i.idx
     ), m AS (
       INSERT INTO matters (line, kind, ref_no, title, owner_org_id, region_code, state, opened_on, closed_on, is_demo,
                            sensitive, search_text)
       SELECT $16, 'subject', ref_no, title, office_id, region_code,
              CASE WHEN ended_on IS NULL THEN 'supervising' ELSE 'released' END, notice, ended_on, true, true,
              ref_no || ' ' || name || ' ' || offence
       FROM ended RETURNING id, ref_no
     ), e AS (
       INSERT INTO matter_events (matter_id, seq, action, from_state, to_state, occurred_on, actor_id, actor_name, payload)
       SELECT m.id, 1, 'create', NULL, 'notified', x.notice, NULL, $17,
              jsonb_build_object('noticeReceivedOn', x.notice, 'officeId', x.office_id, 'correctionType', x.type,
                'offence', x.offence, 'termEnd', x.term_end, 'subject', jsonb_build_object('partyId', x.party_id))
       FROM m JOIN ended x USING (ref_no)
     ), s AS (
       INSERT INTO correction_subjects (matter_id, party_id, office_id, correction_type, decision_organ, decision_no,
         effective_on, notice_received_on, offence, term_start, term_end, reported_on, level, ended_on, end_reason,
         to_resettlement, is_demo)
       SELECT m.id, x.party_id, x.office_id, x.type, '宁波市镇海区人民法院', '（' || extract(year FROM x.notice) || '）浙0211刑初' || m.id || '号',
              x.notice - 3, x.notice, x.offence, x.notice - 3, x.term_end, least(x.notice + 2, $15::date), 'ordinary', x.ended_on,
              CASE WHEN x.ended_on IS NOT NULL THEN 'expired' END,
              CASE WHEN x.ended_on IS NOT NULL THEN x.type IN ('parole', 'medicalParole') END, true
       FROM m JOIN ended x USING (ref_no)
     )
     INSERT INTO matter_parties (matter_id, party_id, role, seq)
     SELECT m.id, x.party_id, 'subject', 1 FROM m JOIN ended x USING (ref_no)`,
    [
      refs,
      xs.map((x) => x.office.id),
      xs.map((x) => x.office.regionCode),
      xs.map((x) => x.name),
      id.enc,
      id.index,
      id.masked,
      id.sex,
      id.birth,
      xs.map((x) => x.type),
      xs.map((x) => x.offence),
      xs.map((x) => x.notice),
      xs.map((x) => x.termEnd),
      xs.map((x) => `${maskedName(x.name)}（${correctionTypes[x.type]}）`),
      today,
      LINE,
      demoActor.name,
    ],
  );
  await audit(tx, demoActor, {
    action: 'demo.load',
    objectType: 'line',
    summary: { line: LINE, kind: 'subject', matters: xs.length },
  });
}

export async function insertResettled(tx: Tx, xs: BulkResettled[], today: string) {
  if (!xs.length) return;
  const notices = xs.map((x) => addDays(x.released, -30));
  const refs = await refNos(
    tx,
    'resettlement',
    '镇安帮',
    notices.map((n) => Number(n.slice(0, 4))),
  );
  const id = identity(xs);
  const ends = xs.map((x) => {
    const end = plusMonths(x.released, 60);
    return end <= today ? end : null;
  });
  await tx.query(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bytea[], $6::bytea[], $7::text[],
                            $8::text[], $9::date[], $10::text[], $11::date[], $12::date[], $13::date[])
         AS t(ref_no, office_id, region_code, name, enc, idx, masked, sex, birth, offence, notice, released, ended_on)
     ), p AS (
       INSERT INTO parties (party_type, name, id_kind, id_number_enc, id_number_index, id_number_masked, sex, birth_date,
                            owner_org_id, restricted)
       SELECT 'person', name, 'residentId', enc, idx, masked, sex, birth, office_id, true FROM input
       RETURNING id, id_number_index
     ), x AS (SELECT i.*, p.id AS party_id FROM input i JOIN p ON p.id_number_index = i.idx
     ), m AS (
       INSERT INTO matters (line, kind, ref_no, title, owner_org_id, region_code, state, opened_on, closed_on, is_demo,
                            sensitive, search_text)
       SELECT $14, 'resettlement', ref_no, left(name, 1) || '某安置帮教', office_id, region_code,
              CASE WHEN ended_on IS NULL THEN 'helping' ELSE 'ended' END, notice, ended_on, true, true,
              ref_no || ' ' || name || ' ' || offence
       FROM x RETURNING id, ref_no
     ), e AS (
       INSERT INTO matter_events (matter_id, seq, action, from_state, to_state, occurred_on, actor_id, actor_name, payload)
       SELECT m.id, 1, 'create', NULL, 'notified', x.notice, NULL, $15,
              jsonb_build_object('noticeReceivedOn', x.notice, 'officeId', x.office_id, 'releasedOn', x.released,
                'offence', x.offence, 'subject', jsonb_build_object('partyId', x.party_id))
       FROM m JOIN x USING (ref_no)
     ), r AS (
       INSERT INTO resettlement_subjects (matter_id, party_id, office_id, source, released_on, releasing_organ, offence,
         notice_received_on, contacted_on, employment, ended_on, is_demo)
       SELECT m.id, x.party_id, x.office_id, 'prison', x.released, '浙江省十里丰监狱', x.offence, x.notice,
              least(x.released + 3, $16::date), (ARRAY['baseEnterprise', 'employed', 'employed', 'selfEmployed', 'unemployed'])[1 + m.id % 5],
              x.ended_on, true
       FROM m JOIN x USING (ref_no)
     )
     INSERT INTO matter_parties (matter_id, party_id, role, seq)
     SELECT m.id, x.party_id, 'subject', 1 FROM m JOIN x USING (ref_no)`,
    [
      refs,
      xs.map((x) => x.office.id),
      xs.map((x) => x.office.regionCode),
      xs.map((x) => x.name),
      id.enc,
      id.index,
      id.masked,
      id.sex,
      id.birth,
      xs.map((x) => x.offence),
      notices,
      xs.map((x) => x.released),
      ends,
      LINE,
      demoActor.name,
      today,
    ],
  );
  await audit(tx, demoActor, {
    action: 'demo.load',
    objectType: 'line',
    summary: { line: LINE, kind: 'resettlement', matters: xs.length },
  });
}
