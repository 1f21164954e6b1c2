import { systemActor } from '../access/actor.ts';
import { audit } from '../audit/audit.ts';
import { generatePassword } from '../auth/passwords.ts';
import type { Db, Tx } from '../db/pool.ts';
import { withTx } from '../db/pool.ts';
import { insertOrg } from '../orgs/queries.ts';
import { insertUser } from '../users/queries.ts';
import { demoOrganParticulars, demoOrgs, tenantOrgs } from './demo-orgs.ts';
import { loadRegions } from './regions.ts';

async function orgIdsByCode(tx: Tx): Promise<Map<string, number>> {
  const { rows } = await tx.query<{ code: string; id: number }>('SELECT code, id FROM orgs');
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function insertMissing(tx: Tx, orgs: { code: string; parent: string | null }[], isDemo: boolean) {
  const ids = await orgIdsByCode(tx);
  let added = 0;
  for (const o of orgs) {
    if (ids.has(o.code)) continue;
    const { parent, ...input } = o as typeof o & Parameters<typeof insertOrg>[1];
    const id = await insertOrg(tx, { ...input, parentId: parent ? ids.get(parent)! : null, isDemo });
    ids.set(o.code, id);
    added++;
  }
  return added;
}

export interface SeedResult {
  regions: number;
  orgsAdded: number;
  /** Set only when this call created the first administrator. */
  admin?: { username: string; password: string; generated: boolean };
  /**
   * The demo's second district-level administrator (admin2, at the bureau), created with the first: holiday notices
   * and profile changes take effect only when an administrator other than the proposer confirms them.
   */
  secondAdmin?: { username: string; password: string };
}

/**
 * Reference data every deployment needs (regions, the tenant orgs, the first administrator) and, when asked,
 * the demo district's organisations. Safe to run on every start: it only adds what is missing.
 */
export async function seed(
  db: Db,
  opts: { demo: boolean; adminPassword?: string; secondAdmin?: boolean },
): Promise<SeedResult> {
  return withTx(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7400212)');
    const regions = await loadRegions(tx);
    let orgsAdded = await insertMissing(tx, tenantOrgs, false);
    if (opts.demo) {
      orgsAdded += await insertMissing(tx, demoOrgs, true);
      // Only where none is recorded: an administrator's own entry is never overwritten.
      await tx.query(
        `UPDATE orgs o SET address = coalesce(o.address, p.address),
                           legal_representative = coalesce(o.legal_representative, p.rep)
         FROM jsonb_to_recordset($1::jsonb) AS p(code text, address text, rep text)
         WHERE o.code = p.code AND o.is_demo`,
        [
          JSON.stringify(
            Object.entries(demoOrganParticulars).map(([code, v]) => ({
              code,
              address: v.address,
              rep: v.legalRepresentative,
            })),
          ),
        ],
      );
    }
    const result: SeedResult = { regions, orgsAdded };
    const { rowCount } = await tx.query('SELECT 1 FROM users LIMIT 1');
    if (!rowCount) {
      const generated = !opts.adminPassword;
      const password = opts.adminPassword ?? generatePassword();
      const ids = await orgIdsByCode(tx);
      const id = await insertUser(tx, systemActor, {
        username: 'admin',
        displayName: '系统管理员',
        password,
        mustChange: generated,
        memberships: [{ orgId: ids.get('district')!, role: 'admin' }],
      });
      await audit(tx, systemActor, {
        action: 'user.create',
        objectType: 'user',
        objectId: id,
        summary: { username: 'admin', firstAdmin: true },
      });
      result.admin = { username: 'admin', password, generated };
      if (opts.demo && opts.secondAdmin) {
        const second = generatePassword();
        const id2 = await insertUser(tx, systemActor, {
          username: 'admin2',
          displayName: '第二管理员（演示）',
          password: second,
          mustChange: true,
          memberships: [{ orgId: ids.get('bureau')!, role: 'admin' }],
        });
        await audit(tx, systemActor, {
          action: 'user.create',
          objectType: 'user',
          objectId: id2,
          summary: { username: 'admin2', secondAdmin: true },
        });
        result.secondAdmin = { username: 'admin2', password: second };
      }
    }
    if (orgsAdded)
      await audit(tx, systemActor, { action: 'seed.orgs', summary: { orgsAdded, demo: opts.demo } });
    return result;
  });
}
