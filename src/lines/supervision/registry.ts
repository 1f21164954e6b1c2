/** The line's registries: observation posts (行政执法监督观察站/点) and external results (最佳实践, 考评档次 …). */
import { type Actor, assertInScope, inScope, scopeParam } from '../../platform/access/actor.ts';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import type { RecognitionKind } from './labels.ts';

export interface PostInput {
  name: string;
  host: string;
  ownerOrgId: number;
  liaison: string;
  setUpOn: string;
  selection?: string | undefined;
  selectedOn?: string | undefined;
}

export interface RecognitionInput {
  kind: RecognitionKind;
  title: string;
  holder: string;
  ownerOrgId: number;
  awardedBy: string;
  result: string;
  assessedYear?: number | undefined;
  recordedOn: string;
  evidence: string;
}

const regionOf = async (db: Queryable, orgId: number) =>
  (await db.query<{ region_code: string }>('SELECT region_code FROM orgs WHERE id = $1', [orgId])).rows[0]!
    .region_code;

export async function addPost(tx: Tx, actor: Actor, d: PostInput, isDemo = false): Promise<number> {
  await assertInScope(tx, actor, 'matter.write', d.ownerOrgId);
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO supervision_posts (name, host, owner_org_id, region_code, liaison, set_up_on, selection, selected_on, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      d.name,
      d.host,
      d.ownerOrgId,
      await regionOf(tx, d.ownerOrgId),
      d.liaison,
      d.setUpOn,
      d.selection ?? null,
      d.selectedOn ?? null,
      isDemo,
    ],
  );
  return rows[0]!.id;
}

export async function listPosts(db: Queryable, actor: Actor) {
  const { rows } = await db.query(
    `SELECT p.id, p.name, p.host, o.name AS "ownerOrgName", p.liaison, p.set_up_on::text AS "setUpOn",
            p.selection, p.selected_on::text AS "selectedOn"
     FROM supervision_posts p JOIN orgs o ON o.id = p.owner_org_id
     WHERE ${inScope('p.owner_org_id', 1)} ORDER BY p.set_up_on, p.id`,
    [scopeParam(actor, 'org.read')],
  );
  return rows;
}

export async function addRecognition(
  tx: Tx,
  actor: Actor,
  d: RecognitionInput,
  isDemo = false,
): Promise<number> {
  await assertInScope(tx, actor, 'matter.write', d.ownerOrgId);
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO supervision_recognitions (kind, title, holder, owner_org_id, region_code, awarded_by, result,
                                           assessed_year, recorded_on, evidence, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      d.kind,
      d.title,
      d.holder,
      d.ownerOrgId,
      await regionOf(tx, d.ownerOrgId),
      d.awardedBy,
      d.result,
      d.assessedYear ?? null,
      d.recordedOn,
      d.evidence,
      isDemo,
    ],
  );
  return rows[0]!.id;
}

export async function listRecognitions(db: Queryable, actor: Actor, year?: number) {
  const { rows } = await db.query(
    `SELECT x.id, x.kind, x.title, x.holder, x.awarded_by AS "awardedBy", x.result, x.assessed_year AS "assessedYear",
            x.recorded_on::text AS "recordedOn", x.evidence
     FROM supervision_recognitions x
     WHERE ${inScope('x.owner_org_id', 1)} AND ($2::int IS NULL OR date_part('year', x.recorded_on) = $2)
     ORDER BY x.recorded_on, x.id`,
    [scopeParam(actor, 'org.read'), year ?? null],
  );
  return rows;
}
