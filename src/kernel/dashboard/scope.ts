/**
 * The dashboard's scopes: the district, a town (given by its 司法所) or a department. Which of them a viewer may
 * open follows from their report.read memberships: district-level leaders and administrators every scope, anyone
 * else the towns and departments inside their own subtree (a township office its own town).
 */
import type { Actor } from '../../platform/access/actor.ts';
import { inScope, isDistrictLevel, scopeParam } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';

export type ScopeKind = 'district' | 'town' | 'dept';

export interface DashboardScope {
  /** As written in the query string: district, town:<orgId>, dept:<orgId>. */
  value: string;
  kind: ScopeKind;
  /** The 司法所 for a town, the department for a department; null for the district. */
  orgId: number | null;
  /** The town or district name (镇海区, 招宝山街道) or the department's. */
  label: string;
  /** The short name a table has room for (区市场监管局), else the label. */
  short: string;
  /** Region code the indicators are computed for: the district's, or the town's. */
  region: string;
}

/** Parses `district`, `town:12`, `dept:34`; anything else is a 400. */
export function parseScope(value: string | undefined): { kind: ScopeKind; orgId: number | null } | null {
  if (value === undefined) return null;
  if (value === 'district') return { kind: 'district', orgId: null };
  const m = /^(town|dept):([1-9]\d{0,17})$/.exec(value);
  if (!m) throw new AppError('VALIDATION', '范围应为 district、town:<机构编号> 或 dept:<机构编号>');
  return { kind: m[1] as ScopeKind, orgId: Number(m[2]) };
}

/** Every scope the actor may open, the district first, then towns by region code, then departments by name. */
export async function scopesOf(db: Queryable, actor: Actor): Promise<DashboardScope[]> {
  const district = await isDistrictLevel(db, actor, 'report.read');
  const { rows } = await db.query<{
    id: number;
    kind: string;
    name: string;
    short: string | null;
    region: string;
    town: string | null;
  }>(
    `SELECT o.id, o.kind, o.name, o.short_name AS short, o.region_code AS region, r.name AS town
     FROM orgs o LEFT JOIN regions r ON r.code = o.region_code AND r.level = 'town'
     WHERE o.active AND ((o.kind = 'justiceOffice' AND r.code IS NOT NULL) OR o.kind = 'department')
       AND ($2 OR ${inScope('o.id', 1)})
     ORDER BY o.kind = 'department', CASE WHEN o.kind = 'department' THEN o.name ELSE o.region_code END`,
    [scopeParam(actor, 'report.read'), district],
  );
  const { rows: d } = await db.query<{ name: string; region: string }>(
    `SELECT name, region_code AS region FROM orgs WHERE kind = 'district' ORDER BY id LIMIT 1`,
  );
  const districtRegion = d[0]?.region ?? '';
  return [
    ...(district && d[0]
      ? [
          {
            value: 'district',
            kind: 'district' as const,
            orgId: null,
            label: d[0].name,
            short: d[0].name,
            region: districtRegion,
          },
        ]
      : []),
    ...rows.map((r) =>
      r.kind === 'department'
        ? {
            value: `dept:${r.id}`,
            kind: 'dept' as const,
            orgId: r.id,
            label: r.name,
            short: r.short ?? r.name,
            region: districtRegion,
          }
        : {
            value: `town:${r.id}`,
            kind: 'town' as const,
            orgId: r.id,
            label: r.town ?? r.name,
            short: r.town ?? r.name,
            region: r.region,
          },
    ),
  ];
}

/** The scope asked for, if the actor may open it; without one, the widest the actor may open. */
export function chooseScope(scopes: DashboardScope[], asked: string | undefined): DashboardScope {
  const parsed = parseScope(asked);
  if (!scopes.length) throw new AppError('FORBIDDEN', '您的账户没有可查看的驾驶舱范围');
  if (!parsed) return scopes[0]!;
  const found = scopes.find((s) => s.kind === parsed.kind && s.orgId === parsed.orgId);
  if (!found) throw new AppError('FORBIDDEN', '该范围不在您的权限范围内');
  return found;
}
