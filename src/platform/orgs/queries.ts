import { type Actor, assertInScope, inScope, scopeParam } from '../access/actor.ts';
import { likeEscape } from '../db/like.ts';
import type { Queryable, Tx } from '../db/pool.ts';
import { AppError } from '../http/errors.ts';

import { type OrgKind, orgKinds } from './kinds.ts';

export { type OrgKind, orgKinds };

export interface OrgRow {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  parentId: number | null;
  regionCode: string;
  regionName: string;
  isDemo: boolean;
  active: boolean;
  version: number;
  address: string | null;
  legalRepresentative: string | null;
}

const orgColumns = `o.id, o.code, o.name, o.short_name AS "shortName", o.kind, o.parent_id AS "parentId",
  o.region_code AS "regionCode", r.name AS "regionName", o.is_demo AS "isDemo", o.active, o.version,
  o.address, o.legal_representative AS "legalRepresentative"`;

/** The organisations inside the actor's read scope, in tree order. */
export async function listOrgs(db: Queryable, actor: Actor, filter: { kind?: OrgKind; q?: string } = {}) {
  const { rows } = await db.query<OrgRow>(
    `SELECT ${orgColumns} FROM orgs o JOIN regions r ON r.code = o.region_code
     WHERE ${inScope('o.id', 1)}
       AND ($2::text IS NULL OR o.kind = $2)
       AND ($3::text IS NULL OR o.name LIKE '%' || $3 || '%')
     ORDER BY o.parent_id NULLS FIRST, o.id`,
    [scopeParam(actor, 'org.read'), filter.kind ?? null, likeEscape(filter.q)],
  );
  return rows;
}

export interface DirectoryEntry {
  id: number;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  parentId: number | null;
}

/**
 * The district's organisations by name, for pickers (a respondent organ, a recipient of a letter): their
 * names are public, so every signed-in user sees the whole directory, unlike the scoped list above.
 */
export async function listOrgDirectory(db: Queryable, kinds: readonly OrgKind[] = []) {
  const { rows } = await db.query<DirectoryEntry>(
    `SELECT id, name, short_name AS "shortName", kind, parent_id AS "parentId"
       FROM orgs
      WHERE active AND (cardinality($1::text[]) = 0 OR kind = ANY($1))
      ORDER BY parent_id NULLS FIRST, id`,
    [kinds],
  );
  return rows;
}

export async function getOrg(db: Queryable, actor: Actor, id: number): Promise<OrgRow> {
  const { rows } = await db.query<OrgRow>(
    `SELECT ${orgColumns} FROM orgs o JOIN regions r ON r.code = o.region_code WHERE o.id = $1 AND ${inScope('o.id', 2)}`,
    [id, scopeParam(actor, 'org.read')],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', '机构不存在或不在您的权限范围内');
  return rows[0];
}

export interface OrgInput {
  code: string;
  name: string;
  shortName?: string | null;
  kind: OrgKind;
  parentId: number | null;
  regionCode: string;
  isDemo?: boolean;
}

async function assertRegion(db: Queryable, code: string) {
  const { rowCount } = await db.query('SELECT 1 FROM regions WHERE code = $1', [code]);
  if (!rowCount)
    throw new AppError('VALIDATION', `区划代码 ${code} 不存在`, {
      errors: [{ field: 'regionCode', message: '区划代码不存在' }],
    });
}

/** Creates an org and its closure rows in the caller's transaction. */
export async function insertOrg(tx: Tx, input: OrgInput): Promise<number> {
  await assertRegion(tx, input.regionCode);
  const dup = await tx.query('SELECT 1 FROM orgs WHERE code = $1', [input.code]);
  if (dup.rowCount)
    throw new AppError('CONFLICT', `机构代码 ${input.code} 已被使用`, {
      errors: [{ field: 'code', message: '机构代码已被使用' }],
    });
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO orgs (code, name, short_name, kind, parent_id, region_code, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      input.code,
      input.name,
      input.shortName ?? null,
      input.kind,
      input.parentId,
      input.regionCode,
      input.isDemo ?? false,
    ],
  );
  const id = rows[0]!.id;
  await tx.query(
    `INSERT INTO org_closure (ancestor_id, descendant_id, depth)
     SELECT $1::bigint, $1::bigint, 0
     UNION ALL
     SELECT ancestor_id, $1::bigint, depth + 1 FROM org_closure WHERE descendant_id = $2::bigint`,
    [id, input.parentId],
  );
  return id;
}

export async function createOrg(tx: Tx, actor: Actor, input: OrgInput): Promise<number> {
  if (input.parentId === null) {
    if (actor.userId !== null) throw new AppError('FORBIDDEN', '只有系统初始化可以创建顶级机构');
  } else {
    await assertInScope(tx, actor, 'org.manage', input.parentId);
  }
  return insertOrg(tx, input);
}

export interface OrgPatch {
  name?: string;
  shortName?: string | null;
  regionCode?: string;
  parentId?: number;
  active?: boolean;
  /** 住所 and 法定代表人, as a decision names an organ that is a party (null clears). */
  address?: string | null;
  legalRepresentative?: string | null;
  version: number;
}

/** Updates an org under optimistic locking; moving it rebuilds the closure rows of its subtree. */
export async function updateOrg(tx: Tx, actor: Actor, id: number, patch: OrgPatch) {
  await assertInScope(tx, actor, 'org.manage', id);
  const current = await getOrg(tx, actor, id);
  if (current.version !== patch.version) {
    throw new AppError('VERSION_CONFLICT', '该机构已被他人修改，请刷新后重试', { current });
  }
  if (patch.regionCode) await assertRegion(tx, patch.regionCode);
  if (patch.parentId !== undefined && patch.parentId !== current.parentId) {
    await assertInScope(tx, actor, 'org.manage', patch.parentId);
    const cycle = await tx.query('SELECT 1 FROM org_closure WHERE ancestor_id = $1 AND descendant_id = $2', [
      id,
      patch.parentId,
    ]);
    if (cycle.rowCount)
      throw new AppError('VALIDATION', '不能把机构移到它自己的下级之下', {
        errors: [{ field: 'parentId', message: '上级机构无效' }],
      });
    // Detach the subtree from its old ancestors, then attach it below the new parent.
    await tx.query(
      `DELETE FROM org_closure c USING org_closure sub, org_closure anc
       WHERE sub.ancestor_id = $1 AND c.descendant_id = sub.descendant_id
         AND anc.descendant_id = $1 AND anc.depth > 0 AND c.ancestor_id = anc.ancestor_id`,
      [id],
    );
    await tx.query(
      `INSERT INTO org_closure (ancestor_id, descendant_id, depth)
       SELECT p.ancestor_id, sub.descendant_id, p.depth + sub.depth + 1
       FROM org_closure p, org_closure sub WHERE p.descendant_id = $2 AND sub.ancestor_id = $1`,
      [id, patch.parentId],
    );
  }
  const { rows } = await tx.query<{ version: number }>(
    `UPDATE orgs SET name = coalesce($2, name), short_name = CASE WHEN $3::boolean THEN $4 ELSE short_name END,
            region_code = coalesce($5, region_code), parent_id = coalesce($6, parent_id),
            active = coalesce($7, active),
            address = CASE WHEN $9::boolean THEN $10 ELSE address END,
            legal_representative = CASE WHEN $11::boolean THEN $12 ELSE legal_representative END,
            version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $8 RETURNING version`,
    [
      id,
      patch.name ?? null,
      patch.shortName !== undefined,
      patch.shortName ?? null,
      patch.regionCode ?? null,
      patch.parentId ?? null,
      patch.active ?? null,
      patch.version,
      patch.address !== undefined,
      patch.address || null,
      patch.legalRepresentative !== undefined,
      patch.legalRepresentative || null,
    ],
  );
  if (!rows[0]) throw new AppError('VERSION_CONFLICT', '该机构已被他人修改，请刷新后重试');
  return { before: current, version: rows[0].version };
}
