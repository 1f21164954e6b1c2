import type { PartyInput } from '../../kernel/fields/party.ts';
import { registerAndLink } from '../../kernel/parties/registry.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { named, type Queryable, type Tx } from '../../platform/db/pool.ts';
import type { ApplicationInput } from './schemas.ts';

/** The typed rows of an application, written in the intake transaction; its parties go to the registry. */
export async function insertApplication(
  tx: Tx,
  actor: Actor,
  matterId: number,
  ownerOrgId: number,
  d: ApplicationInput,
  lateWarning: string | null,
) {
  await tx.query(
    named(
      `INSERT INTO reconsideration_applications (matter_id, channel, received_on, respondent_org_id, act_kind, act_title,
       act_doc_no, act_date, act_known_on, real_property, request, late_warning, right_not_informed, right_known_on,
       via_penalty_organ, penalty_organ_received_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        matterId,
        d.channel,
        d.receivedOn,
        d.respondentOrgId,
        d.actKind,
        d.actTitle,
        d.actDocNo ?? null,
        d.actDate,
        d.actKnownOn,
        d.realProperty,
        d.request,
        lateWarning,
        d.rightNotInformed,
        d.rightNotInformed ? (d.rightKnownOn ?? null) : null,
        d.viaPenaltyOrgan,
        d.viaPenaltyOrgan ? (d.penaltyOrganReceivedOn ?? null) : null,
      ],
    ),
  );
  await registerAndLink(tx, actor, matterId, 'applicant', d.applicants, ownerOrgId);
  await registerAndLink(tx, actor, matterId, 'thirdParty', d.thirdParties, ownerOrgId);
  const reps = d.representatives.map(
    (r): PartyInput => ({
      partyType: 'person',
      name: r.name,
      idKind: r.idNumber ? 'residentId' : 'none',
      idNumber: r.idNumber,
      phone: r.phone,
    }),
  );
  await registerAndLink(
    tx,
    actor,
    matterId,
    'representative',
    reps,
    ownerOrgId,
    d.representatives.map((r) => r.relation ?? null),
  );
}

/** A party as a document names it: 张某，男，1990年1月1日出生，住…; an organisation with its 法定代表人. */
export interface PartyParticulars {
  name: string;
  partyType: 'person' | 'organisation';
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  address: string | null;
  legalRepresentative: string | null;
  relation?: string | null;
}

export interface ApplicationFacts {
  respondentName: string;
  respondentOrgId: number;
  respondentAddress: string | null;
  respondentRepresentative: string | null;
  actKind: string;
  channel: string;
  actTitle: string;
  actDocNo: string | null;
  actDate: string;
  request: string;
  receivedOn: string;
  procedure: string | null;
  applicants: PartyParticulars[];
  thirdParties: PartyParticulars[];
  representatives: PartyParticulars[];
}

const partiesOf = (role: string) => `coalesce((
  SELECT json_agg(json_build_object('name', p.name, 'partyType', p.party_type, 'sex', p.sex, 'birthDate', p.birth_date,
                                    'address', p.address, 'legalRepresentative', p.legal_representative,
                                    'relation', mp.relation) ORDER BY mp.seq)
  FROM matter_parties mp JOIN parties p ON p.id = mp.party_id
  WHERE mp.matter_id = a.matter_id AND mp.role = '${role}'), '[]')`;

/** What the documents quote about an application: the act, the parties with their particulars, the respondent's. */
export async function applicationFacts(db: Queryable, matterId: number): Promise<ApplicationFacts> {
  const { rows } = await db.query<ApplicationFacts>(
    named(
      `SELECT o.name AS "respondentName", a.respondent_org_id AS "respondentOrgId", o.address AS "respondentAddress",
            o.legal_representative AS "respondentRepresentative", a.act_kind AS "actKind", a.channel,
            a.act_title AS "actTitle", a.act_doc_no AS "actDocNo", a.act_date AS "actDate", a.request,
            a.received_on AS "receivedOn", a.procedure,
            ${partiesOf('applicant')} AS applicants, ${partiesOf('thirdParty')} AS "thirdParties",
            ${partiesOf('representative')} AS representatives
     FROM reconsideration_applications a JOIN orgs o ON o.id = a.respondent_org_id
     WHERE a.matter_id = $1`,
      [matterId],
    ),
  );
  if (!rows[0]) throw new Error(`application ${matterId} has no detail row`);
  return rows[0];
}

export async function orgName(db: Queryable, orgId: number): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM orgs WHERE id = $1', [orgId]);
  return rows[0]?.name ?? null;
}

/** An organ from the registry that can be a respondent or defendant: an administrative organ, not a court or office. */
export async function administrativeOrgan(db: Queryable, orgId: number) {
  const { rows } = await db.query<{ id: number; name: string; kind: string }>(
    `SELECT id, name, kind FROM orgs WHERE id = $1 AND kind IN ('department', 'bureau') AND active`,
    [orgId],
  );
  return rows[0] ?? null;
}

/** The office that handles reconsideration in the tenant: the bureau's reconsideration section. */
export async function reconsiderationOffice(db: Queryable) {
  const { rows } = await db.query<{ id: number; region_code: string; name: string }>(
    `SELECT id, region_code, name FROM orgs WHERE code = 'sec-reconsideration'
     UNION ALL (SELECT id, region_code, name FROM orgs WHERE kind = 'bureau' ORDER BY id LIMIT 1)
     LIMIT 1`,
  );
  if (!rows[0]) throw new Error('no reconsideration office or bureau in the organisation registry');
  return rows[0];
}
