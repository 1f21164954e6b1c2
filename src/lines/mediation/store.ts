import type { PartyInput } from '../../kernel/fields/party.ts';
import { linkParties, registerAndLink, registerParty } from '../../kernel/parties/registry.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { CaseInput, OnSpotInput } from './schemas.ts';

/** A mediation organisation of the registry, active on `on` (founded, not dissolved). */
/** The mediation organisations that take cases today: where the line's cases are registered (create.owners). */
export async function mediationOrganisationIds(db: Queryable) {
  const { rows } = await db.query<{ org_id: string }>(
    `SELECT mo.org_id FROM mediation_organisations mo JOIN orgs o ON o.id = mo.org_id
      WHERE o.active AND mo.dissolved_on IS NULL`,
  );
  return rows.map((r) => Number(r.org_id));
}

export async function mediationOrganisation(db: Queryable, orgId: number, on: string) {
  const { rows } = await db.query<{
    id: number;
    name: string;
    region_code: string;
    org_kind: string;
    founded_on: string;
    dissolved_on: string | null;
  }>(
    `SELECT o.id, o.name, o.region_code, mo.org_kind, mo.founded_on::text, mo.dissolved_on::text
     FROM orgs o JOIN mediation_organisations mo ON mo.org_id = o.id WHERE o.id = $1`,
    [orgId],
  );
  const org = rows[0];
  if (!org)
    throw new AppError('VALIDATION', '调解组织不在调解组织名录中', {
      errors: [{ field: 'orgId', message: '请从调解组织名录中选择' }],
    });
  if (org.founded_on > on || (org.dissolved_on && org.dissolved_on <= on))
    throw new AppError('VALIDATION', `${org.name}在 ${on} 未处于存续状态，不能受理调解`, {
      errors: [{ field: 'orgId', message: '该调解组织当日不在存续期内' }],
    });
  return org;
}

/**
 * 调解+复议: what arrives from the reconsideration application without re-typing — its applicants (from the parties
 * registry), the respondent organ and the request. Read from the kernel's tables and the application's detail row:
 * the hand-off contract between the two lines, which never import each other.
 */
export async function reconsiderationHandOff(db: Queryable, matterId: number) {
  const { rows } = await db.query<{
    ref_no: string;
    state: string;
    respondent_org_id: number;
    respondent: string;
    request: string;
    act_title: string;
    applicant_ids: number[];
    applicant_names: string[];
  }>(
    `SELECT m.ref_no, m.state, a.respondent_org_id, o.name AS respondent, a.request, a.act_title,
            coalesce(array_agg(mp.party_id ORDER BY mp.seq) FILTER (WHERE mp.party_id IS NOT NULL), '{}') AS applicant_ids,
            coalesce(array_agg(p.name ORDER BY mp.seq) FILTER (WHERE p.name IS NOT NULL), '{}') AS applicant_names
     FROM matters m
     JOIN reconsideration_applications a ON a.matter_id = m.id
     JOIN orgs o ON o.id = a.respondent_org_id
     LEFT JOIN matter_parties mp ON mp.matter_id = m.id AND mp.role = 'applicant'
     LEFT JOIN parties p ON p.id = mp.party_id
     WHERE m.id = $1 AND m.line = 'reconsideration' AND m.kind = 'application'
     GROUP BY m.id, a.matter_id, o.name`,
    [matterId],
  );
  return rows[0] ?? null;
}

async function registerAll(tx: Tx, actor: Actor, list: PartyInput[], ownerOrgId: number) {
  const ids: number[] = [];
  for (const p of list) ids.push(await registerParty(tx, actor, p, ownerOrgId));
  return ids;
}

/** The typed rows of a mediation case, written in the intake transaction; its parties go to the registry. */
export async function insertCase(tx: Tx, actor: Actor, matterId: number, d: CaseInput) {
  const handOff = d.reconsiderationMatterId
    ? await reconsiderationHandOff(tx, d.reconsiderationMatterId)
    : null;
  await tx.query(
    `INSERT INTO mediation_cases (matter_id, org_id, source, channel, dispute_type, amount, facts, request, received_on,
       court_name, court_case_no, court_procedure, materials_received_on, referring_org_id, reconsideration_matter_id,
       respondent_org_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      matterId,
      d.orgId,
      d.source,
      d.channel ?? null,
      d.disputeType,
      d.amount,
      d.facts,
      d.request || handOff?.request || null,
      d.receivedOn,
      d.courtName ?? null,
      d.courtCaseNo ?? null,
      d.courtProcedure ?? null,
      d.materialsReceivedOn ?? null,
      d.referringOrgId ?? null,
      handOff ? d.reconsiderationMatterId : null,
      handOff?.respondent_org_id ?? null,
    ],
  );
  const applicants = [
    ...(handOff?.applicant_ids ?? []),
    ...(await registerAll(tx, actor, d.applicants, d.orgId)),
  ];
  await linkParties(tx, matterId, 'applicant', [...new Set(applicants)]);
  await registerAndLink(tx, actor, matterId, 'respondent', d.respondents, d.orgId);
}

/** The rows of a case registered closed in one step, its oral agreement recorded. */
export async function insertOnSpot(tx: Tx, actor: Actor, matterId: number, d: OnSpotInput, eventId: number) {
  await tx.query(
    `INSERT INTO mediation_cases (matter_id, org_id, source, dispute_type, amount, facts, received_on, quick,
       outcome, outcome_on, agreement_form, agreement, amount_agreed, performance)
     VALUES ($1, $2, 'initiative', $3, $4, $5, $6, true, 'agreed', $6, 'oral', $7, $8, $9)`,
    [
      matterId,
      d.orgId,
      d.disputeType,
      d.amount,
      d.facts,
      d.receivedOn,
      d.agreement,
      d.amountAgreed,
      d.performance,
    ],
  );
  if (d.mediatorId)
    await tx.query(
      `INSERT INTO mediation_assignments (matter_id, event_id, mediator_id, lead, assigned_on, conflict_check)
       VALUES ($1, $2, $3, true, $4, $5)`,
      [matterId, eventId, d.mediatorId, d.receivedOn, CONFLICT_CHECKED],
    );
  await registerAndLink(tx, actor, matterId, 'applicant', d.applicants, d.orgId);
  await registerAndLink(tx, actor, matterId, 'respondent', d.respondents, d.orgId);
}

/** What is recorded of the conflict check when a mediator is assigned. */
export const CONFLICT_CHECKED =
  '经核对，调解员不是本案当事人；调解员已声明与当事人无利害关系，不存在应当回避的情形';

export interface CaseFacts {
  orgName: string;
  orgKind: string;
  source: string;
  channel: string | null;
  disputeType: string;
  amount: string;
  facts: string;
  request: string | null;
  receivedOn: string;
  courtName: string | null;
  courtCaseNo: string | null;
  materialsReceivedOn: string | null;
  respondentOrg: string | null;
  reconsiderationRefNo: string | null;
  agreedOn: string | null;
  acceptedOn: string | null;
  mediators: string[];
  applicants: PartyLine[];
  respondents: PartyLine[];
}
export interface PartyLine {
  name: string;
  partyType: string;
  sex: string | null;
  birthDate: string | null;
  idMasked: string | null;
  address: string | null;
  phone: string | null;
}

const partiesOf = (
  role: string,
) => `coalesce((SELECT json_agg(json_build_object('name', p.name, 'partyType', p.party_type,
    'sex', p.sex, 'birthDate', p.birth_date, 'idMasked', coalesce(p.id_number_masked, p.credit_code),
    'address', p.address, 'phone', p.phone_masked) ORDER BY mp.seq)
  FROM matter_parties mp JOIN parties p ON p.id = mp.party_id WHERE mp.matter_id = c.matter_id AND mp.role = '${role}'), '[]')`;

/** What the documents quote about a case (identity numbers masked: a printed form never carries them whole). */
export async function caseFacts(db: Queryable, matterId: number): Promise<CaseFacts> {
  const { rows } = await db.query<CaseFacts>(
    `SELECT o.name AS "orgName", mo.org_kind AS "orgKind", c.source, c.channel, c.dispute_type AS "disputeType",
            to_char(c.amount, 'FM999999999990.00') AS amount, c.facts, c.request, c.received_on::text AS "receivedOn",
            c.court_name AS "courtName", c.court_case_no AS "courtCaseNo",
            c.materials_received_on::text AS "materialsReceivedOn", r.name AS "respondentOrg",
            rm.ref_no AS "reconsiderationRefNo", c.outcome_on::text AS "agreedOn",
            (SELECT e.occurred_on::text FROM matter_events e WHERE e.matter_id = c.matter_id AND e.action = 'accept'
               AND e.voided_by IS NULL ORDER BY e.seq DESC LIMIT 1) AS "acceptedOn",
            coalesce((SELECT array_agg(md.name ORDER BY a.event_id DESC, a.lead DESC, md.id)
                      FROM mediation_assignments a JOIN mediators md ON md.id = a.mediator_id
                      WHERE a.matter_id = c.matter_id
                        AND a.event_id = (SELECT max(event_id) FROM mediation_assignments x WHERE x.matter_id = c.matter_id)),
                     '{}') AS mediators,
            ${partiesOf('applicant')} AS applicants, ${partiesOf('respondent')} AS respondents
     FROM mediation_cases c JOIN orgs o ON o.id = c.org_id
     JOIN mediation_organisations mo ON mo.org_id = c.org_id
     LEFT JOIN orgs r ON r.id = c.respondent_org_id
     LEFT JOIN matters rm ON rm.id = c.reconsideration_matter_id
     WHERE c.matter_id = $1`,
    [matterId],
  );
  if (!rows[0]) throw new Error(`mediation case ${matterId} has no detail row`);
  return rows[0];
}

/** The names on each side: 张某、李某; the respondent organ of a 调解+复议 case stands on the other side. */
export const sideNames = (f: CaseFacts, side: 'applicants' | 'respondents') => {
  const names = f[side].map((p) => p.name);
  if (side === 'respondents' && f.respondentOrg) names.push(f.respondentOrg);
  return names.join('、');
};
