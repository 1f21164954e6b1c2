/**
 * The 15-minute legal service circle (15分钟公共法律服务圈): a village or community is covered when a public legal
 * service station lies within its town's reach — walking 1.2 km in a street (街道), cycling 2 km in a town (镇), or a
 * mode a bureau sets per town in settings (legalServices.circle.<town code> = walk | bike | car). Distances are
 * straight-line between the village's representative position (legal_service_places) and the station's; both carry
 * whether they are approximate, and the page says so.
 */
import type { Queryable } from '../../platform/db/pool.ts';
import { circleMeters } from './labels.ts';

const METERS = `jsonb_build_object('walk', ${circleMeters.walk}, 'bike', ${circleMeters.bike}, 'car', ${circleMeters.car})`;

/** The reach of each town: its setting, else walking in a street and cycling in a town. */
export const townReach = `
  SELECT t.code AS town_code,
         coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'legalServices.circle.' || t.code),
                  CASE WHEN t.kind = '街道' THEN 'walk' ELSE 'bike' END) AS mode
  FROM regions t WHERE t.level = 'town'`;

/** Straight-line metres between two positions (equirectangular: exact enough within a district). */
export const distanceSql = (lat1: string, lng1: string, lat2: string, lng2: string) =>
  `sqrt(power((${lat1} - ${lat2}) * 110540, 2) + power((${lng1} - ${lng2}) * 111320 * cos(radians(${lat1})), 2))`;

/**
 * Each village with a position: its town's reach, the stations inside it (the earliest founding date among them is
 * when the village became covered), and the nearest station. Stations are those of kind station (levels 1–3).
 */
export const villageReachSql = (asOf: string) => `
  WITH reach AS (${townReach})
  SELECT r.code, r.name, t.name AS town, pl.lat::float, pl.lng::float, pl.position_approx,
         rc.mode, (${METERS} ->> rc.mode)::int AS radius,
         cov.first_on, near.name AS nearest, near.meters
  FROM regions r
  JOIN regions t ON t.code = r.parent_code
  JOIN legal_service_places pl ON pl.region_code = r.code
  JOIN reach rc ON rc.town_code = r.parent_code
  LEFT JOIN LATERAL (
    SELECT min(s.founded_on) AS first_on FROM legal_service_stations s
    WHERE s.station_kind = 'station' AND s.lat IS NOT NULL AND (s.closed_on IS NULL OR s.closed_on > ${asOf})
      AND ${distanceSql('pl.lat', 'pl.lng', 's.lat', 's.lng')} <= (${METERS} ->> rc.mode)::int
  ) cov ON true
  LEFT JOIN LATERAL (
    SELECT o.name, round(${distanceSql('pl.lat', 'pl.lng', 's.lat', 's.lng')})::int AS meters
    FROM legal_service_stations s JOIN orgs o ON o.id = s.org_id
    WHERE s.station_kind = 'station' AND s.lat IS NOT NULL AND s.founded_on <= ${asOf}
      AND (s.closed_on IS NULL OR s.closed_on > ${asOf})
    ORDER BY ${distanceSql('pl.lat', 'pl.lng', 's.lat', 's.lng')} LIMIT 1
  ) near ON true
  WHERE r.level = 'village'`;

export interface VillageCoverage {
  code: string;
  name: string;
  town: string;
  lat: number;
  lng: number;
  approximate: boolean;
  mode: string;
  radius: number;
  covered: boolean;
  nearest: string | null;
  meters: number | null;
  visits: number;
}

/** Every village's coverage on `on`, with its demand (visits by its residents in that year). */
export async function villageCoverage(db: Queryable, on: string): Promise<VillageCoverage[]> {
  const { rows } = await db.query(
    `SELECT v.code, v.name, v.town, v.lat, v.lng, v.position_approx AS approximate, v.mode, v.radius,
            (v.first_on IS NOT NULL AND v.first_on <= $1::date) AS covered, v.nearest, v.meters,
            (SELECT count(*)::int FROM legal_aid_visits x WHERE x.village_code = v.code
               AND x.visited_on >= date_trunc('year', $1::date) AND x.visited_on <= $1::date) AS visits
     FROM (${villageReachSql('$1::date')}) v ORDER BY v.code`,
    [on],
  );
  return rows as VillageCoverage[];
}
