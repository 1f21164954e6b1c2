/**
 * The station network of the 15-minute circle (公共法律服务实体平台) and the visits log (来电来访): registry records,
 * not matters. Stations are orgs of kind station (so a station's worker is scoped to it); their registry row holds the
 * level, place, position (approximate ones marked), hours, staff and founding date.
 */
import { type Actor, assertInScope, inScope, scopeParam } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { insertOrg } from '../../platform/orgs/queries.ts';
import type { stationKinds, visitChannels, visitServices, visitTopics } from './labels.ts';
import { CENTRE_CODE } from './store.ts';

export interface StationInput {
  code: string;
  name: string;
  parentId: number;
  stationKind: keyof typeof stationKinds;
  level?: 1 | 2 | 3 | undefined;
  regionCode: string;
  host?: string | undefined;
  address: string;
  lat?: number | undefined;
  lng?: number | undefined;
  positionApprox?: boolean | undefined;
  openingHours?: string | undefined;
  staff?: string | undefined;
  dutyLawyers?: string | undefined;
  services?: string[] | undefined;
  foundedOn: string;
  isDemo?: boolean | undefined;
}

/** Registers a station: its org under the parent (a township office or the bureau) and its registry row. */
export async function createStation(tx: Tx, actor: Actor, s: StationInput): Promise<number> {
  await assertInScope(tx, actor, 'org.manage', s.parentId);
  if ((s.stationKind === 'station') !== (s.level !== undefined))
    throw new AppError('VALIDATION', '公共法律服务站点应注明级别，工作站、联络点和法治实践站点不分级别', {
      errors: [{ field: 'level', message: '站点级别与类别不符' }],
    });
  const id = await insertOrg(tx, {
    code: s.code,
    name: s.name,
    kind: 'station',
    parentId: s.parentId,
    regionCode: s.regionCode,
    isDemo: s.isDemo ?? false,
  });
  await tx.query(
    `INSERT INTO legal_service_stations (org_id, station_kind, level, region_code, host, address, lat, lng,
       position_approx, opening_hours, staff, duty_lawyers, services, founded_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      id,
      s.stationKind,
      s.level ?? null,
      s.regionCode,
      s.host ?? null,
      s.address,
      s.lat ?? null,
      s.lng ?? null,
      s.positionApprox ?? true,
      s.openingHours ?? null,
      s.staff ?? null,
      s.dutyLawyers ?? null,
      s.services ?? [],
      s.foundedOn,
    ],
  );
  await audit(tx, actor, { action: 'legalAid.station.create', objectType: 'org', objectId: String(id) });
  return id;
}

/** The stations in the actor's scope, with their visits in the year of `today`. */
export async function listStations(db: Queryable, actor: Actor, today: string) {
  const { rows } = await db.query(
    `SELECT o.id::int, o.name, s.station_kind AS "stationKind", s.level, s.region_code AS "regionCode",
            coalesce(v.name, t.name) AS place, t.name AS town, s.host, s.address, s.lat::float, s.lng::float,
            s.position_approx AS "positionApprox", s.opening_hours AS "openingHours", s.staff,
            s.duty_lawyers AS "dutyLawyers", s.services, s.founded_on::text AS "foundedOn",
            (SELECT count(*)::int FROM legal_aid_visits x WHERE x.station_org_id = o.id
               AND x.visited_on >= date_trunc('year', $2::date) AND x.visited_on <= $2::date) AS "visitsThisYear"
     FROM legal_service_stations s JOIN orgs o ON o.id = s.org_id
     LEFT JOIN regions v ON v.code = s.region_code AND v.level = 'village'
     LEFT JOIN regions t ON t.code = left(s.region_code, 9) AND t.level = 'town'
     WHERE ${inScope('o.id', 1)} AND s.founded_on <= $2::date AND (s.closed_on IS NULL OR s.closed_on > $2::date)
     ORDER BY s.station_kind, s.level NULLS LAST, s.region_code, o.name`,
    [scopeParam(actor, 'org.read'), today],
  );
  return rows;
}

export interface VisitInput {
  stationOrgId: number;
  visitedOn: string;
  channel: keyof typeof visitChannels;
  topic: keyof typeof visitTopics;
  service: keyof typeof visitServices;
  partyId?: number | undefined;
  villageCode?: string | undefined;
  durationMin?: number | undefined;
  note?: string | undefined;
}

/** Records a visit or call at a station the actor may write for (a village worker: their own station only). */
export async function recordVisit(tx: Tx, actor: Actor, v: VisitInput): Promise<number> {
  await assertInScope(tx, actor, 'matter.write', v.stationOrgId);
  const { rows: st } = await tx.query('SELECT 1 FROM legal_service_stations WHERE org_id = $1', [
    v.stationOrgId,
  ]);
  if (!st[0])
    throw new AppError('VALIDATION', '请从公共法律服务站点名录中选择站点', {
      errors: [{ field: 'stationOrgId', message: '不是公共法律服务站点' }],
    });
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO legal_aid_visits (station_org_id, visited_on, channel, topic, service, party_id, village_code,
       duration_min, note, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id::int`,
    [
      v.stationOrgId,
      v.visitedOn,
      v.channel,
      v.topic,
      v.service,
      v.partyId ?? null,
      v.villageCode ?? null,
      v.durationMin ?? null,
      v.note ?? null,
      actor.userId,
    ],
  );
  const id = rows[0]!.id;
  await audit(tx, actor, { action: 'legalAid.visit.create', objectType: 'visit', objectId: String(id) });
  return id;
}

/**
 * Visits at stations in the actor's scope, newest first; the legal-aid centre's staff also read the visits a station
 * guided to apply for legal aid (引导申请法律援助), so the centre registers the application from the visit.
 */
export async function listVisits(db: Queryable, actor: Actor, q: { stationOrgId?: number; limit: number }) {
  const { rows } = await db.query(
    `SELECT v.id::int, v.station_org_id::int AS "stationOrgId", o.name AS station, v.visited_on::text AS "visitedOn",
            v.channel, v.topic, v.service, v.duration_min AS "durationMin", v.matter_id::int AS "matterId",
            v.party_id::int AS "partyId", p.name AS "partyName"
     FROM legal_aid_visits v JOIN orgs o ON o.id = v.station_org_id
     LEFT JOIN parties p ON p.id = v.party_id
     WHERE (${inScope('v.station_org_id', 1)}
            OR (v.service = 'aidApplication' AND ${inScope(`(SELECT id FROM orgs WHERE code = '${CENTRE_CODE}')`, 1)}))
       AND ($2::bigint IS NULL OR v.station_org_id = $2)
     ORDER BY v.visited_on DESC, v.id DESC LIMIT $3`,
    [scopeParam(actor, 'matter.read'), q.stationOrgId ?? null, q.limit],
  );
  return rows;
}
