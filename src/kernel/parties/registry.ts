/**
 * The parties registry (当事人主档): every line links its matters' people and organisations here, so the same
 * identity number or credit code is one record across lines. Identity and phone numbers go in sealed (SM4) with a
 * blind index and a masked copy; nothing here ever returns them in clear except `revealParty`, which is audited.
 */
import type { Actor } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { named, type Queryable, type Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { PartyInput } from '../fields/party.ts';
import { maskIdNumber, maskPhone } from '../identifiers/identifiers.ts';
import { blindIndex, open, seal } from '../personal-data/cipher.ts';
import { matterReadable, matterReadParam } from '../workflow/access.ts';
import { fromResidentId, normaliseIdNumber, normalisePhone } from './identity.ts';

/** A party as lists show it: masked numbers only. */
export interface PartySummary {
  id: number;
  partyType: 'person' | 'organisation';
  name: string;
  idKind: string | null;
  idNumberMasked: string | null;
  creditCode: string | null;
  phoneMasked: string | null;
  birthDate: string | null;
}

const SUMMARY = `p.id, p.party_type AS "partyType", p.name, p.id_kind AS "idKind", p.id_number_masked AS "idNumberMasked",
  p.credit_code AS "creditCode", p.phone_masked AS "phoneMasked", p.birth_date AS "birthDate"`;

export const identityIndex = (kind: string, number: string, kid?: string) =>
  blindIndex(`id:${kind}`, normaliseIdNumber(number), kid);
export const phoneIndex = (phone: string, kid?: string) => blindIndex('phone', normalisePhone(phone), kid);

/**
 * The registry record for a party typed at intake: the existing one when the identity number (or credit code)
 * is known already — the same identity never makes two records — otherwise a new one. A phone or address the
 * record lacks is filled in from the form. Safe under concurrency (the unique indexes decide).
 */
export async function registerParty(
  tx: Tx,
  actor: Actor,
  p: PartyInput,
  ownerOrgId: number,
  /** Also link the record to this matter, in this role, after the role's last party (same statement). */
  link?: PartyLink,
): Promise<number> {
  // The link's columns, after the registry's own parameters ($n on).
  const linkSql = (party: string, n: number) =>
    `INSERT INTO matter_parties (matter_id, party_id, role, seq, relation)
     SELECT $${n}, ${party}, $${n + 1},
            1 + coalesce((SELECT max(seq) FROM matter_parties WHERE matter_id = $${n} AND role = $${n + 1}), 0), $${n + 2}`;
  const linkValues = link ? [link.matterId, link.role, link.relation ?? null] : [];
  if (p.partyId) {
    const { rows } = await tx.query(
      link
        ? named(`${linkSql('id', 2)} FROM parties WHERE id = $1 RETURNING party_id`, [
            p.partyId,
            ...linkValues,
          ])
        : named('SELECT 1 FROM parties WHERE id = $1', [p.partyId]),
    );
    if (!rows[0])
      throw new AppError('VALIDATION', '所选当事人不存在', {
        errors: [{ field: 'partyId', message: '请重新选择' }],
      });
    return p.partyId;
  }
  const person = p.partyType === 'person';
  const kind = person ? (p.idKind ?? 'residentId') : null;
  const number = person && kind !== 'none' && p.idNumber ? normaliseIdNumber(p.idNumber) : null;
  const derived = kind === 'residentId' && number ? fromResidentId(number) : null;
  const phone = p.phone ? normalisePhone(p.phone) : null;
  const values = [
    p.partyType,
    p.name,
    kind,
    number ? seal(number) : null,
    number ? identityIndex(kind!, number) : null,
    number ? maskIdNumber(number) : null,
    derived?.sex ?? null,
    derived?.birthDate ?? null,
    person ? null : (p.creditCode ?? null),
    person ? null : (p.orgKind ?? null),
    person ? null : (p.legalRepresentative ?? null),
    phone ? seal(phone) : null,
    phone ? phoneIndex(phone) : null,
    maskPhone(phone),
    p.address ?? null,
    ownerOrgId,
    actor.userId,
  ];
  const conflict = number
    ? '(id_number_index) WHERE id_number_index IS NOT NULL'
    : !person && p.creditCode
      ? '(credit_code) WHERE credit_code IS NOT NULL'
      : null;
  const registered = (insert: string) =>
    link
      ? `WITH r AS (${insert}) ${linkSql('r.id', values.length + 1)} FROM r RETURNING party_id AS id`
      : insert;
  const { rows } = await tx.query<{ id: number }>(
    named(
      registered(`INSERT INTO parties (party_type, name, id_kind, id_number_enc, id_number_index, id_number_masked, sex, birth_date,
                          credit_code, org_kind, legal_representative, phone_enc, phone_index, phone_masked, address,
                          owner_org_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ${
       conflict
         ? `ON CONFLICT ${conflict} DO UPDATE SET
              phone_enc = coalesce(parties.phone_enc, EXCLUDED.phone_enc),
              phone_index = coalesce(parties.phone_index, EXCLUDED.phone_index),
              phone_masked = coalesce(parties.phone_masked, EXCLUDED.phone_masked),
              address = coalesce(parties.address, EXCLUDED.address),
              updated_at = now()`
         : ''
     }
     RETURNING id`),
      [...values, ...linkValues],
    ),
  );
  return rows[0]!.id;
}

/** What identifies typed parties in the registry: picked ids, identity numbers' blind indexes, credit codes. */
export function existingPartyKeys(parties: PartyInput[]): [number[], Buffer[], string[]] {
  const picked = parties.flatMap((p) => (p.partyId ? [p.partyId] : []));
  const indexes = parties.flatMap((p) =>
    !p.partyId && p.partyType === 'person' && p.idNumber && p.idKind !== 'none'
      ? [identityIndex(p.idKind ?? 'residentId', p.idNumber)]
      : [],
  );
  const codes = parties.flatMap((p) =>
    !p.partyId && p.partyType === 'organisation' && p.creditCode ? [p.creditCode] : [],
  );
  return [picked, indexes, codes];
}

/**
 * SQL: the ids of the registry records those keys name (params $n, $n+1, $n+2 = existingPartyKeys), for a line's
 * check to join in the same statement.
 */
export const existingPartiesSql = (n: number) =>
  `SELECT id FROM parties WHERE id = ANY($${n}::bigint[]) OR id_number_index = ANY($${n + 1}::bytea[])
     OR credit_code = ANY($${n + 2}::text[])`;

/** The registry records the typed parties already have (picked, or matched by identity number or credit code). */
export async function existingPartyIds(db: Queryable, parties: PartyInput[]): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(existingPartiesSql(1), existingPartyKeys(parties));
  return rows.map((r) => Number(r.id));
}

/** Where registerParty links the record: a matter, a line-defined role, a representative's relation. */
export interface PartyLink {
  matterId: number;
  role: string;
  relation?: string | null;
}

/**
 * Registers the typed parties (registerParty) and links them to the matter in `role`, in the order given: one
 * statement per party, the record and its link together. The records' ids.
 */
export async function registerAndLink(
  tx: Tx,
  actor: Actor,
  matterId: number,
  role: string,
  parties: PartyInput[],
  ownerOrgId: number,
  relations: (string | null)[] = [],
): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, p] of parties.entries())
    ids.push(
      await registerParty(tx, actor, p, ownerOrgId, { matterId, role, relation: relations[i] ?? null }),
    );
  return ids;
}

/** Links parties to a matter in a line-defined role, in the order given (a representative with its relation). */
export async function linkParties(
  tx: Tx,
  matterId: number,
  role: string,
  partyIds: number[],
  relations: (string | null)[] = [],
) {
  if (!partyIds.length) return;
  await tx.query(
    named(
      `INSERT INTO matter_parties (matter_id, party_id, role, seq, relation)
     SELECT $1, p.id, $2, p.seq + coalesce((SELECT max(seq) FROM matter_parties WHERE matter_id = $1 AND role = $2), 0),
            ($4::text[])[p.seq]
     FROM unnest($3::bigint[]) WITH ORDINALITY AS p(id, seq)`,
      [matterId, role, partyIds, relations],
    ),
  );
}

/** SQL condition: the party (alias p) is linked to a matter the actor may read, or was created in the actor's scope. */
const partyVisible = (param: number) =>
  `((${inScope('p.owner_org_id', param)} AND NOT p.restricted) OR EXISTS (
     SELECT 1 FROM matter_parties mp JOIN matters m ON m.id = mp.matter_id
     WHERE mp.party_id = p.id AND ${matterReadable(param)}))`;

/**
 * Finds parties by an identity number (exact, through the blind index: a clerk who holds the number may learn
 * that the person is registered), by a credit code, or by name among the parties the actor may see.
 */
/**
 * What a typed search term is worth as a full identity number or credit code: the blind indexes of every identity
 * document kind it could be, and the normalised number; null when it does not look like a number at all.
 */
export function identityLookup(q: string): { indexes: Buffer[]; number: string } | null {
  const term = q.trim();
  if (!(/^[0-9A-Za-z]{6,20}$/.test(term) && /\d{4}/.test(term))) return null;
  const number = normaliseIdNumber(term);
  const kinds = ['residentId', 'passport', 'hkMacaoPermit', 'taiwanPermit', 'foreignPermanentResident'];
  return { indexes: kinds.map((k) => identityIndex(k, number)), number };
}

export async function findParties(db: Queryable, actor: Actor, q: string): Promise<PartySummary[]> {
  const term = q.trim();
  const scope = matterReadParam(actor);
  const byNumber = identityLookup(term);
  if (byNumber) {
    const { rows } = await db.query<PartySummary>(
      `SELECT ${SUMMARY} FROM parties p
       WHERE ((p.id_number_index = ANY($1::bytea[]) OR p.credit_code = $2) AND (NOT p.restricted OR ${partyVisible(4)}))
          OR (p.phone_index = $3 AND ${partyVisible(4)})
       ORDER BY p.id LIMIT 20`,
      [byNumber.indexes, byNumber.number, phoneIndex(term), scope],
    );
    return rows;
  }
  if (term.length < 2) throw new AppError('VALIDATION', '请输入至少两个字的姓名或名称，或完整的证件号码');
  const { rows } = await db.query<PartySummary>(
    `SELECT ${SUMMARY} FROM parties p WHERE p.name LIKE '%' || $1 || '%' AND ${partyVisible(2)}
     ORDER BY p.name, p.id LIMIT 50`,
    [term.replace(/[\\%_]/g, (c) => `\\${c}`), scope],
  );
  return rows;
}

/**
 * Registry records that may be the same person as the one being typed (same name and phone, or same name and
 * birth date), offered before a new record is made.
 */
export async function likelyDuplicates(
  db: Queryable,
  actor: Actor,
  p: { name: string; phone?: string | undefined; birthDate?: string | undefined },
): Promise<PartySummary[]> {
  const { rows } = await db.query<PartySummary>(
    `SELECT ${SUMMARY} FROM parties p
     WHERE p.party_type = 'person' AND p.name = $1
       AND (($2::bytea IS NOT NULL AND p.phone_index = $2) OR ($3::date IS NOT NULL AND p.birth_date = $3))
       AND ${partyVisible(4)}
     ORDER BY p.id LIMIT 10`,
    [p.name.trim(), p.phone ? phoneIndex(p.phone) : null, p.birthDate ?? null, matterReadParam(actor)],
  );
  return rows;
}

/** A party's page: the record (masked) and its matters across all lines that the actor may read. */
export async function partyPage(db: Queryable, actor: Actor, id: number) {
  const scope = matterReadParam(actor);
  const { rows } = await db.query<
    PartySummary & {
      sex: 'male' | 'female' | null;
      address: string | null;
      orgKind: string | null;
      legalRepresentative: string | null;
    }
  >(
    `SELECT ${SUMMARY}, p.sex, p.address, p.org_kind AS "orgKind", p.legal_representative AS "legalRepresentative"
     FROM parties p WHERE p.id = $1 AND ${partyVisible(2)}`,
    [id, scope],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', '当事人不存在或不在您的权限范围内');
  const matters = await db.query<{
    id: number;
    line: string;
    kind: string;
    refNo: string;
    title: string;
    state: string;
    openedOn: string;
    closedOn: string | null;
    roles: string[];
  }>(
    `SELECT m.id, m.line, m.kind, m.ref_no AS "refNo", m.title, m.state, m.opened_on AS "openedOn",
            m.closed_on AS "closedOn", array_agg(mp.role ORDER BY mp.role) AS roles
     FROM matter_parties mp JOIN matters m ON m.id = mp.matter_id
     WHERE mp.party_id = $1 AND ${matterReadable(2)}
     GROUP BY m.id ORDER BY m.opened_on DESC, m.id DESC`,
    [id, scope],
  );
  // Restricted lines (社区矫正) the viewer cannot read: named on every party page alike, whether or not this person
  // has such records, so the page never tells that someone is a correction subject.
  const restricted = await db.query<{ label: string }>(
    `SELECT r.label FROM restricted_lines r
     WHERE $1::bigint[] IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM restricted_line_readers rr JOIN orgs o ON o.code = rr.org_code
                       WHERE rr.line = r.line AND o.id = ANY($1::bigint[]))
     ORDER BY r.line`,
    [scope],
  );
  return { party: rows[0], matters: matters.rows, restrictedLines: restricted.rows.map((r) => r.label) };
}

/**
 * The full identity or phone number of a party, for the one who needs it on a matter's page. Every read is
 * audited: who, whose, which field, from which matter.
 */
export async function revealParty(
  tx: Tx,
  actor: Actor,
  id: number,
  field: 'idNumber' | 'phone',
  fromMatterId: number | null,
): Promise<string | null> {
  const { rows } = await tx.query<{ enc: Buffer | null }>(
    `SELECT ${field === 'idNumber' ? 'p.id_number_enc' : 'p.phone_enc'} AS enc FROM parties p
     WHERE p.id = $1 AND ${partyVisible(2)}`,
    [id, matterReadParam(actor)],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', '当事人不存在或不在您的权限范围内');
  await audit(tx, actor, {
    action: 'party.reveal',
    objectType: 'party',
    objectId: id,
    summary: { field, matterId: fromMatterId },
  });
  return rows[0].enc ? open(rows[0].enc) : null;
}
