/** The typed rows of the line, and what its documents and matter pages read. Identity stays in the registry. */
import { linkParties, registerParty } from '../../kernel/parties/registry.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { AssessmentInput, ResettlementInput, SubjectInput } from './schemas.ts';

/** A 司法所 of the district: the subject's office owns the matter. */
export async function justiceOffice(db: Queryable, orgId: number) {
  const { rows } = await db.query<{ id: number; name: string; region_code: string }>(
    `SELECT id, name, region_code FROM orgs WHERE id = $1 AND kind = 'justiceOffice'`,
    [orgId],
  );
  if (!rows[0])
    throw new AppError('VALIDATION', '请选择社区矫正对象所在的司法所', {
      errors: [{ field: 'officeId', message: '请选择司法所' }],
    });
  return rows[0];
}

/** The subject goes into the registry marked restricted: found later only through a matter the reader may read. */
async function registerSubject(
  tx: Tx,
  actor: Actor,
  matterId: number,
  p: SubjectInput['subject'],
  office: number,
) {
  const partyId = await registerParty(tx, actor, p, office);
  await tx.query('UPDATE parties SET restricted = true WHERE id = $1 AND NOT restricted', [partyId]);
  await linkParties(tx, matterId, 'subject', [partyId]);
  return partyId;
}

export async function insertSubject(tx: Tx, actor: Actor, matterId: number, d: SubjectInput) {
  const partyId = await registerSubject(tx, actor, matterId, d.subject, d.officeId);
  await tx.query(
    `INSERT INTO correction_subjects (matter_id, party_id, office_id, correction_type, decision_organ, decision_no,
       effective_on, notice_received_on, offence, term_start, term_end)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      matterId,
      partyId,
      d.officeId,
      d.correctionType,
      d.decisionOrgan,
      d.decisionNo,
      d.effectiveOn,
      d.noticeReceivedOn,
      d.offence,
      d.termStart,
      d.termEnd,
    ],
  );
}

export async function insertAssessment(tx: Tx, actor: Actor, matterId: number, d: AssessmentInput) {
  const partyId = await registerSubject(tx, actor, matterId, d.subject, d.officeId);
  await tx.query(
    `INSERT INTO correction_assessments (matter_id, party_id, office_id, requesting_organ, received_on, expedited)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [matterId, partyId, d.officeId, d.requestingOrgan, d.receivedOn, d.expedited],
  );
}

/**
 * 刑罚执行一体化: what a released correction subject brings to resettlement without re-typing — the person (the same
 * registry record), the offence and the day correction ended. Only a matter released (解除) that passes on.
 */
export async function correctionHandOff(db: Queryable, matterId: number) {
  const { rows } = await db.query<{
    party_id: number;
    name: string;
    offence: string;
    ended_on: string;
    office_id: number;
    to_resettlement: boolean | null;
    end_reason: string | null;
  }>(
    `SELECT s.party_id, p.name, s.offence, s.ended_on::text, s.office_id, s.to_resettlement, s.end_reason
     FROM correction_subjects s JOIN parties p ON p.id = s.party_id WHERE s.matter_id = $1`,
    [matterId],
  );
  return rows[0] ?? null;
}

export async function insertResettlement(tx: Tx, actor: Actor, matterId: number, d: ResettlementInput) {
  const handOff = d.correctionMatterId ? await correctionHandOff(tx, d.correctionMatterId) : null;
  const partyId = handOff ? handOff.party_id : await registerParty(tx, actor, d.subject!, d.officeId);
  await tx.query('UPDATE parties SET restricted = true WHERE id = $1 AND NOT restricted', [partyId]);
  await linkParties(tx, matterId, 'subject', [partyId]);
  await tx.query(
    `INSERT INTO resettlement_subjects (matter_id, party_id, office_id, source, released_on, releasing_organ, offence,
       correction_matter_id, notice_received_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      matterId,
      partyId,
      d.officeId,
      handOff ? 'correction' : 'prison',
      handOff ? handOff.ended_on : d.releasedOn,
      handOff ? '社区矫正期满解除' : d.releasingOrgan,
      handOff ? handOff.offence : d.offence,
      d.correctionMatterId ?? null,
      d.noticeReceivedOn,
    ],
  );
}

/** What a correction document says about the subject and the case. */
export interface SubjectFacts {
  name: string;
  sex: string | null;
  birthDate: string | null;
  idMasked: string | null;
  address: string | null;
  office: string;
  type: string;
  decisionOrgan: string;
  decisionNo: string;
  offence: string;
  termStart: string;
  termEnd: string;
  level: string | null;
}

export async function subjectFacts(db: Queryable, matterId: number): Promise<SubjectFacts> {
  const { rows } = await db.query<SubjectFacts>(
    `SELECT p.name, p.sex, p.birth_date::text AS "birthDate", p.id_number_masked AS "idMasked", p.address,
            o.name AS office, s.correction_type AS type, s.decision_organ AS "decisionOrgan", s.decision_no AS "decisionNo",
            s.offence, s.term_start::text AS "termStart", s.term_end::text AS "termEnd", s.level
     FROM correction_subjects s JOIN parties p ON p.id = s.party_id JOIN orgs o ON o.id = s.office_id
     WHERE s.matter_id = $1`,
    [matterId],
  );
  return rows[0]!;
}

/** A name as lists show it: the surname and 某 (the title of a matter never carries a subject's full name). */
export const maskedName = (name: string) => `${[...name][0] ?? ''}某${[...name].length > 2 ? '某' : ''}`;
