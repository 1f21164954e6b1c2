/**
 * The demo district's review centres and reviewers: the district centre at 法制审核科 with two government lawyers and
 * two legal advisers, and three 法审员 at each town's centre (its justice office). Loaded once, before the items.
 */
import { fullName, seeded } from '../../kernel/demo/people.ts';
import { demoActor } from '../../kernel/demo/runner.ts';
import type { Tx } from '../../platform/db/pool.ts';
import { divisions } from '../../platform/seed/regions.ts';
import { addReviewer } from './registry.ts';

export interface DemoCentre {
  id: number;
  regionCode: string;
  /** The town's name, or null for the district centre. */
  town: string | null;
  reviewers: number[];
}
export interface DemoRegistry {
  district: DemoCentre;
  towns: DemoCentre[];
  government: number;
  departments: number[];
}

const orgIds = async (tx: Tx, codes: string[]) => {
  const { rows } = await tx.query<{ code: string; id: string; region_code: string }>(
    'SELECT code, id, region_code FROM orgs WHERE code = ANY($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.code, { id: Number(r.id), regionCode: r.region_code }]));
};

/** The registry, created on the first call; null when the demo organisations are missing. */
export async function ensureDemoRegistry(tx: Tx): Promise<DemoRegistry | null> {
  const townCodes = divisions.towns.map((t) => `jo-${t.code}`);
  const { rows: depts } = await tx.query<{ id: string }>(
    `SELECT id FROM orgs WHERE kind = 'department' AND is_demo ORDER BY code`,
  );
  const orgs = await orgIds(tx, ['sec-legality', 'district-government', ...townCodes]);
  const centre = orgs.get('sec-legality');
  const government = orgs.get('district-government');
  if (!centre || !government || !depts.length || townCodes.some((c) => !orgs.has(c))) return null;
  const { rows: existing } = await tx.query<{ id: string; org_id: string }>(
    'SELECT id, org_id FROM legality_reviewers WHERE is_demo ORDER BY id',
  );
  if (!existing.length) {
    const rng = seeded(20240411);
    const add = (orgId: number, kind: 'reviewer' | 'governmentLawyer' | 'legalAdviser', joinedOn: string) =>
      addReviewer(
        tx,
        demoActor,
        {
          orgId,
          name: fullName(rng),
          reviewerKind: kind,
          qualification: kind === 'legalAdviser' ? '浙江某律师事务所' : '法律职业资格证书',
          joinedOn,
        },
        true,
      );
    await add(centre.id, 'governmentLawyer', '2021-03-01');
    await add(centre.id, 'governmentLawyer', '2022-06-01');
    await add(centre.id, 'legalAdviser', '2022-01-01');
    await add(centre.id, 'legalAdviser', '2023-01-01');
    for (const code of townCodes)
      for (let i = 0; i < 3; i++) await add(orgs.get(code)!.id, 'reviewer', `2022-0${i + 1}-01`);
    return ensureDemoRegistry(tx);
  }
  const of = (orgId: number) => existing.filter((r) => Number(r.org_id) === orgId).map((r) => Number(r.id));
  return {
    district: { id: centre.id, regionCode: centre.regionCode, town: null, reviewers: of(centre.id) },
    towns: divisions.towns.map((t) => {
      const o = orgs.get(`jo-${t.code}`)!;
      return { id: o.id, regionCode: o.regionCode, town: t.name, reviewers: of(o.id) };
    }),
    government: government.id,
    departments: depts.map((d) => Number(d.id)),
  };
}
