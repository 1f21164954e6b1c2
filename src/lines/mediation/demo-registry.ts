/**
 * The demo district's mediation organisations, mediators and a pool of fictional parties, loaded once before the
 * cases. Organisations go through the registry's own function (orgs, closure rows, registry row); mediators and
 * parties are inserted set-based (thousands of rows, nothing to check).
 */

import {
  between,
  fullName as mediatorName,
  personName,
  pick,
  type Rng,
  seeded,
} from '../../kernel/demo/people.ts';
import { demoActor } from '../../kernel/demo/runner.ts';
import type { Tx } from '../../platform/db/pool.ts';
import { divisions } from '../../platform/seed/regions.ts';
import { dayOf } from './demo-people.ts';
import type { OrganisationKind } from './labels.ts';
import { createOrganisation } from './registry.ts';

export const REGISTRY_MARKER = 'demo.mediation.registry';
const PARTY_POOL = 6000;

export interface DemoOrg {
  id: number;
  kind: OrganisationKind;
  regionCode: string;
  foundedOn: string;
  speciality: string | null;
  /** Its mediators' ids (the lead of a case is drawn from them). */
  mediators: number[];
}
export interface DemoRegistry {
  orgs: DemoOrg[];
  /** Pool mediators (区级调解人才库), assignable anywhere. */
  pool: number[];
  parties: number[];
  /** The parties' names by id (a registry pick still carries the name the form shows). */
  names: Map<number, string>;
}

interface PlannedOrg {
  code: string;
  name: string;
  kind: OrganisationKind;
  parent: string;
  regionCode: string;
  foundedOn: string;
  speciality?: string;
}

/** The plan of organisations: every village and town, the district's industry, administrative and commercial bodies. */
function plannedOrgs(rng: Rng): PlannedOrg[] {
  const D = divisions.district.code;
  const orgs: PlannedOrg[] = [];
  for (const t of divisions.towns) {
    orgs.push({
      code: `tj-${t.code}`,
      name: `${t.name}人民调解委员会`,
      kind: 'town',
      parent: `jo-${t.code}`,
      regionCode: t.code,
      foundedOn: `20${between(rng, 10, 12)}-0${between(rng, 1, 9)}-1${between(rng, 0, 9)}`,
    });
    for (const v of t.villages)
      orgs.push({
        code: `tj-${v.code}`,
        name: `${v.name}人民调解委员会`,
        kind: 'village',
        parent: `jo-${t.code}`,
        regionCode: v.code,
        foundedOn: `20${between(rng, 11, 18)}-0${between(rng, 1, 9)}-1${between(rng, 0, 9)}`,
      });
  }
  const district = (
    code: string,
    name: string,
    kind: OrganisationKind,
    foundedOn: string,
    speciality?: string,
  ) =>
    orgs.push({
      code,
      name,
      kind,
      parent: 'sec-participation',
      regionCode: D,
      foundedOn,
      ...(speciality ? { speciality } : {}),
    });
  district('tj-centre', '镇海区社会矛盾纠纷调处化解中心', 'centre', '2020-06-18');
  district('tj-traffic', '镇海区道路交通事故纠纷人民调解委员会', 'industry', '2015-03-20', '交通事故');
  district('tj-medical', '镇海区医疗纠纷人民调解委员会', 'industry', '2014-09-01', '医疗纠纷');
  district('tj-labour', '镇海区劳动争议人民调解委员会', 'industry', '2016-05-12', '劳动争议');
  district('tj-property', '镇海区物业纠纷人民调解委员会', 'industry', '2023-04-11', '物业纠纷');
  district('tj-consumer', '镇海区消费纠纷人民调解委员会', 'industry', '2025-03-14', '消费纠纷');
  district('tj-admin-market', '区市场监管局行政调解委员会', 'administrative', '2024-07-01', '市场监管');
  district('tj-admin-housing', '区住建局行政调解委员会', 'administrative', '2024-07-01', '房屋建设');
  district('tj-admin-hrss', '区人力社保局行政调解委员会', 'administrative', '2024-08-15', '劳动保障');
  district('tj-commercial-1', '镇海区商事调解中心', 'commercial', '2023-05-26', '商事纠纷');
  // The two commercial mediation centres the 2024 report counts (新增商事调解中心2家).
  district('tj-commercial-2', '镇海区石化产业商事调解中心', 'commercial', '2024-04-18', '石化产业');
  district('tj-commercial-3', '镇海区涉外商事调解中心', 'commercial', '2024-09-12', '涉外商事');
  return orgs;
}

/** Creates the registry once; returns what the case plan needs (also when it was created by an earlier start). */
export async function ensureDemoRegistry(tx: Tx): Promise<DemoRegistry | null> {
  const { rows: jo } = await tx.query(`SELECT 1 FROM orgs WHERE code LIKE 'jo-%' AND is_demo LIMIT 1`);
  if (!jo[0]) return null;
  const { rows: done } = await tx.query('SELECT 1 FROM settings WHERE key = $1', [REGISTRY_MARKER]);
  if (!done[0]) await createRegistry(tx);
  return readRegistry(tx);
}

async function createRegistry(tx: Tx) {
  const rng = seeded(20240202);
  const { rows } = await tx.query<{ code: string; id: number }>(
    `SELECT code, id FROM orgs WHERE code LIKE 'jo-%' OR code = 'sec-participation'`,
  );
  const parents = new Map(rows.map((r) => [r.code, Number(r.id)]));
  const made: { id: number; kind: OrganisationKind; foundedOn: string }[] = [];
  for (const o of plannedOrgs(rng)) {
    const id = await createOrganisation(tx, demoActor, {
      code: o.code,
      name: o.name,
      orgKind: o.kind,
      parentId: parents.get(o.parent)!,
      regionCode: o.regionCode,
      foundedOn: o.foundedOn,
      speciality: o.speciality,
      filedOn: o.foundedOn,
      isDemo: true,
    });
    made.push({ id, kind: o.kind, foundedOn: o.foundedOn });
  }
  // Two to four mediators per organisation; about a fifth of them in the district pool, some joining it each year.
  const m: {
    org: number;
    name: string;
    pool: boolean;
    joined: string;
    employment: string;
    speciality: string;
  }[] = [];
  for (const o of made) {
    const n = o.kind === 'village' ? between(rng, 2, 3) : between(rng, 3, 5);
    for (let i = 0; i < n; i++) {
      const pool = rng() < (o.kind === 'village' ? 0.12 : 0.35);
      const joined = pool && rng() < 0.35 ? dayOf(rng, between(rng, 2023, 2025)) : o.foundedOn;
      m.push({
        org: o.id,
        name: mediatorName(rng),
        pool,
        // No one joins an organisation before it exists (dates compare as text).
        joined: [joined, o.foundedOn].sort()[1]!,
        employment: rng() < 0.3 ? 'fullTime' : 'partTime',
        speciality: pick(rng, [
          '婚姻家庭',
          '邻里纠纷',
          '物业纠纷',
          '劳动争议',
          '交通事故',
          '合同纠纷',
          '综合',
        ]),
      });
    }
  }
  await tx.query(
    `INSERT INTO mediators (org_id, name, speciality, employment, in_pool, joined_on, is_demo)
     SELECT * , true FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::date[])`,
    [
      m.map((x) => x.org),
      m.map((x) => x.name),
      m.map((x) => x.speciality),
      m.map((x) => x.employment),
      m.map((x) => x.pool),
      m.map((x) => x.joined),
    ],
  );
  // Fictional parties with names only (no identity numbers to seal): every demo dispute draws its two sides here.
  const names = Array.from({ length: PARTY_POOL }, () => personName(rng));
  const { rows: parties } = await tx.query<{ id: number }>(
    `INSERT INTO parties (party_type, name, id_kind, owner_org_id)
     SELECT 'person', n, 'none', (SELECT id FROM orgs WHERE code = 'bureau') FROM unnest($1::text[]) AS n
     RETURNING id::int`,
    [names],
  );
  await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
    REGISTRY_MARKER,
    JSON.stringify({ organisations: made.length, mediators: m.length, parties: parties.map((p) => p.id) }),
  ]);
}

async function readRegistry(tx: Tx): Promise<DemoRegistry> {
  const { rows: marker } = await tx.query<{ value: { parties: number[] } }>(
    'SELECT value FROM settings WHERE key = $1',
    [REGISTRY_MARKER],
  );
  const { parties } = marker[0]!.value;
  const { rows } = await tx.query<{
    id: number;
    kind: OrganisationKind;
    region_code: string;
    founded_on: string;
    speciality: string | null;
    mediators: number[];
  }>(
    `SELECT o.id::int, mo.org_kind AS kind, o.region_code, mo.founded_on::text, mo.speciality,
            coalesce(array_agg(md.id::int ORDER BY md.id) FILTER (WHERE md.id IS NOT NULL), '{}') AS mediators
     FROM mediation_organisations mo JOIN orgs o ON o.id = mo.org_id
     LEFT JOIN mediators md ON md.org_id = o.id
     WHERE o.code LIKE 'tj-%' AND o.is_demo
     GROUP BY o.id, mo.org_kind, mo.founded_on, mo.speciality ORDER BY o.id`,
  );
  const { rows: pool } = await tx.query<{ id: number }>(
    `SELECT md.id::int FROM mediators md JOIN orgs o ON o.id = md.org_id WHERE md.in_pool AND o.code LIKE 'tj-%' ORDER BY md.id`,
  );
  const { rows: named } = await tx.query<{ id: number; name: string }>(
    'SELECT id::int, name FROM parties WHERE id = ANY($1::bigint[])',
    [parties],
  );
  return {
    names: new Map(named.map((p) => [p.id, p.name])),
    orgs: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      regionCode: r.region_code,
      foundedOn: r.founded_on,
      speciality: r.speciality,
      mediators: r.mediators,
    })),
    pool: pool.map((p) => p.id),
    parties,
  };
}
