import { matterReadable, matterReadParam } from '../../kernel/workflow/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { type MediatorRelation, relationConflict } from './labels.ts';
import type { CaseInput } from './schemas.ts';
import { reconsiderationHandOff } from './store.ts';

/**
 * What intake checks against the records: a 调解+复议 hand-off names a reconsideration application that is being
 * heard and is not already with a mediator; a referral names an organ of the registry.
 */
export async function checkCase(tx: Tx, d: CaseInput, actor: Actor) {
  const errors: { field: string; message: string }[] = [];
  const warnings: string[] = [];
  if (d.source === 'reconsideration' && d.reconsiderationMatterId) {
    // Only a matter the clerk may read is handed over: its parties and facts are about to be copied.
    const { rows: readable } = await tx.query(
      `SELECT 1 FROM matters m WHERE m.id = $1 AND ${matterReadable(2)}`,
      [d.reconsiderationMatterId, matterReadParam(actor)],
    );
    const h = readable[0] ? await reconsiderationHandOff(tx, d.reconsiderationMatterId) : null;
    if (!h)
      errors.push({
        field: 'reconsiderationMatterId',
        message: '所选行政复议案件不存在或不在您的权限范围内',
      });
    else if (!['review', 'suspended'].includes(h.state))
      errors.push({
        field: 'reconsiderationMatterId',
        message: `行政复议案件 ${h.ref_no} 不在审理中，不能转入调解`,
      });
    else {
      const { rows } = await tx.query<{ ref_no: string }>(
        `SELECT m.ref_no FROM mediation_cases c JOIN matters m ON m.id = c.matter_id
         WHERE c.reconsideration_matter_id = $1 AND m.closed_on IS NULL AND m.state NOT IN ('failed')`,
        [d.reconsiderationMatterId],
      );
      if (rows[0])
        errors.push({
          field: 'reconsiderationMatterId',
          message: `行政复议案件 ${h.ref_no} 已转入调解（${rows[0].ref_no}），不能重复转入`,
        });
    }
  }
  if (d.referringOrgId) {
    const { rows } = await tx.query('SELECT 1 FROM orgs WHERE id = $1 AND active', [d.referringOrgId]);
    if (!rows[0]) errors.push({ field: 'referringOrgId', message: '移交或委托调解的机关不在机构名录中' });
  }
  return { errors, warnings };
}

/**
 * SQL: the first recorded relation (by when it was recorded) of the mediator `mediator` to a party of the matter
 * `matter`, with the party's name; no row when there is none. Shared by the check and the picker so both say the same.
 */
export const recordedRelation = (mediator: string, matter: string) =>
  `SELECT p.name, r.relation FROM mediator_relations r
   JOIN matter_parties mp ON mp.party_id = r.party_id AND mp.matter_id = ${matter}
   JOIN parties p ON p.id = r.party_id
   WHERE r.mediator_id = ${mediator}
   ORDER BY r.recorded_on, r.id LIMIT 1`;

export interface MediatorRow {
  id: number;
  name: string;
  org_id: number;
  status: string;
  in_pool: boolean;
  party_id: number | null;
  joined_on: string;
}

/**
 * Why these mediators cannot be assigned to the case: unknown, not active, neither in the district pool nor a
 * mediator of the case's organisation, a party to the case themselves, or with a recorded relation to one of its
 * parties (回避, relations.ts). Null when they can.
 */
export async function mediatorProblem(db: Queryable, matterId: number, orgId: number, ids: number[]) {
  if (new Set(ids).size !== ids.length) return '同一调解员不能重复指派';
  const { rows } = await db.query<
    MediatorRow & { is_party: boolean; rel_party: string | null; rel_kind: MediatorRelation | null }
  >(
    `SELECT md.id, md.name, md.org_id, md.status, md.in_pool, md.party_id, md.joined_on::text,
            EXISTS (SELECT 1 FROM matter_parties mp WHERE mp.matter_id = $1 AND mp.party_id = md.party_id) AS is_party,
            rel.name AS rel_party, rel.relation AS rel_kind
     FROM mediators md
     LEFT JOIN LATERAL (${recordedRelation('md.id', '$1')}) rel ON true
     WHERE md.id = ANY($2::bigint[])`,
    [matterId, ids],
  );
  for (const id of ids) {
    const m = rows.find((r) => Number(r.id) === id);
    if (!m) return `调解员（编号 ${id}）不在调解员名册中`;
    if (m.status !== 'active') return `调解员${m.name}当前不在册，不能指派`;
    if (!m.in_pool && Number(m.org_id) !== orgId)
      return `调解员${m.name}既不属于本调解组织，也未入选区级调解人才库`;
    if (m.is_party) return `调解员${m.name}是本案当事人，应当回避`;
    if (m.rel_party && m.rel_kind) return `调解员${m.name}${relationConflict(m.rel_party, m.rel_kind)}`;
  }
  return null;
}

/** A mediator recorded on a quick registration: in the register, active, of the organisation or in the pool. */
export async function mediatorProblemForOrg(db: Queryable, orgId: number, mediatorId: number) {
  const { rows } = await db.query<MediatorRow>(
    'SELECT id, name, org_id, status, in_pool FROM mediators WHERE id = $1',
    [mediatorId],
  );
  const m = rows[0];
  if (!m) return `调解员（编号 ${mediatorId}）不在调解员名册中`;
  if (m.status !== 'active') return `调解员${m.name}当前不在册`;
  if (!m.in_pool && Number(m.org_id) !== orgId)
    return `调解员${m.name}既不属于本调解组织，也未入选区级调解人才库`;
  return null;
}
