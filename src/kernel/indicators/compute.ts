import type { Actor } from '../../platform/access/actor.ts';
import { inScope, scopeParam } from '../../platform/access/actor.ts';
import { inParallel, type Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { todayInChina } from '../calendar/index.ts';
import { restrictedReadable } from '../workflow/access.ts';
import { vocabularyRows } from '../workflow/vocabulary.ts';
import { getIndicator, type IndicatorDef } from './registry.ts';
import { changePhrase, yoyPercent } from './yoy.ts';

export interface IndicatorQuery {
  year: number;
  /** Region code prefix: 330211 (district), 330211001 (a town), or a village code. */
  region: string;
  /** An organisation: only records of it and the organisations under it count (a township office, a section). */
  org?: number | undefined;
  /** The business date facts are judged on (e.g. whether a running period is overdue); today in Beijing if absent. */
  today?: string | undefined;
}

export function indicatorOrThrow(id: string): IndicatorDef {
  const def = getIndicator(id);
  if (!def) throw new AppError('NOT_FOUND', `没有指标 ${id}`);
  return def;
}

/**
 * The filter every indicator query shares: the actor's report scope ($1), the region ($2) and, when chosen, an
 * organisation's subtree (parameter number `org`, null for all).
 */
const scoped = (org: number) =>
  `(${inScope('f.owner_org_id', 1)} OR ${readerOfRestrictedLine('f.matter_id', 1)}) AND f.region_code LIKE $2 || '%'
   AND ($${org}::bigint IS NULL OR f.owner_org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = $${org}))`;

/**
 * The row's matter belongs to a restricted line (migration 0043) or a line (migration 0046, line_readers) of which
 * the actor's report scope holds a reader organisation (the 社区矫正科 counts its line's records district-wide, the
 * 区合法性审查中心 the towns' review items, although the 司法所 are not under them).
 */
const readerOfRestrictedLine = (matterIdSql: string, param: number) =>
  `($${param}::bigint[] IS NOT NULL AND ${matterIdSql} IS NOT NULL AND EXISTS (
     SELECT 1 FROM matters rm
       JOIN (SELECT line, org_code FROM restricted_line_readers UNION ALL SELECT line, org_code FROM line_readers) rr
         ON rr.line = rm.line
       JOIN orgs ro ON ro.code = rr.org_code
     WHERE rm.id = ${matterIdSql} AND ro.id = ANY($${param}::bigint[])))`;

/** A period's bounds as SQL over the parameters: [$3, $4) for a flow; $4 - 1 day is the stock's "as of" day. */
function yearFilter(def: IndicatorDef, from: number, to: number) {
  return def.kind === 'flow'
    ? `f.on_date >= $${from} AND f.on_date < $${to}`
    : // A stock reads only the period's end; the start is still typed, or PostgreSQL cannot infer the unused parameter.
      `$${from}::date IS NOT NULL AND f.on_date < $${to} AND (f.end_date IS NULL OR f.end_date >= $${to})`;
}

/**
 * The fact query as the CTE `f`, with the lines' code lists bound as parameter $8 (`vocabulary`) and the business
 * date as $9 (`business`, read as BUSINESS_TODAY), so every query of an indicator judges "today" alike.
 */
const facts = (def: IndicatorDef) =>
  `WITH vocabulary AS (SELECT * FROM jsonb_to_recordset($8::jsonb) AS v(vocabulary text, code text, label text)),
        business AS (SELECT $9::date AS today),
        f AS (${def.facts})`;
/**
 * Both years' records at most ($5 = last year's start, $4 = the end of the year asked): redundant with the sums'
 * own filters, but it reaches the fact query's date column, so ten years of a high-volume line are not joined to
 * their dimensions to be summed as zero.
 */
const bothYears = (def: IndicatorDef) =>
  def.kind === 'flow' ? `f.on_date >= $5 AND f.on_date < $4` : `f.on_date < $4`;
const businessDay = (q: IndicatorQuery) => q.today ?? todayInChina();

const bounds = (year: number) => [`${year}-01-01`, `${year + 1}-01-01`];

/**
 * Values already asked for by one page for the same actor and query, by indicator id: a ratio whose numerator and
 * denominator the page also shows (受理调解案件, 调解成功案件, 调解成功率) reads each sum once.
 */
export type ValueMemo = Map<string, Promise<{ value: number; previous: number }>>;

function rawValue(
  db: Queryable,
  actor: Actor,
  def: IndicatorDef,
  q: IndicatorQuery,
  memo?: ValueMemo,
): Promise<{ value: number; previous: number }> {
  if (!memo) return computeRawValue(db, actor, def, q);
  let known = memo.get(def.id);
  if (!known) {
    known = computeRawValue(db, actor, def, q, memo);
    memo.set(def.id, known);
  }
  return known;
}

async function computeRawValue(
  db: Queryable,
  actor: Actor,
  def: IndicatorDef,
  q: IndicatorQuery,
  memo?: ValueMemo,
): Promise<{ value: number; previous: number }> {
  const { ratio } = def;
  if (ratio) {
    const [n, d] = await inParallel(db, [
      () => rawValue(db, actor, indicatorOrThrow(ratio.numerator), q, memo),
      () => rawValue(db, actor, indicatorOrThrow(ratio.denominator), q, memo),
    ]);
    const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : 0);
    return { value: pct(n.value, d.value), previous: pct(n.previous, d.previous) };
  }
  const { rows } = await db.query<{ value: number; previous: number }>(
    `${facts(def)}
     SELECT coalesce(sum(value) FILTER (WHERE ${yearFilter(def, 3, 4)}), 0)::float8 AS value,
            coalesce(sum(value) FILTER (WHERE ${yearFilter(def, 5, 6)}), 0)::float8 AS previous
     FROM f WHERE ${scoped(7)} AND ${bothYears(def)}`,
    [
      scopeParam(actor, 'report.read'),
      q.region,
      ...bounds(q.year),
      ...bounds(q.year - 1),
      q.org ?? null,
      vocabularyRows(),
      businessDay(q),
    ],
  );
  return rows[0]!;
}

/** An indicator's value, last year's value and the year-on-year change, with its definition. */
export async function indicatorValue(
  db: Queryable,
  actor: Actor,
  id: string,
  q: IndicatorQuery,
  memo?: ValueMemo,
) {
  const def = indicatorOrThrow(id);
  const { value, previous } = await rawValue(db, actor, def, q, memo);
  const round = (x: number) => Math.round(x * 10 ** (def.decimals ?? 2)) / 10 ** (def.decimals ?? 2);
  const yoy = def.ratio ? null : yoyPercent(value, previous);
  return {
    id: def.id,
    name: def.name,
    line: def.line,
    unit: def.unit,
    kind: def.kind,
    definition: def.definition,
    year: q.year,
    region: q.region,
    org: q.org ?? null,
    value: round(value),
    previous: round(previous),
    yoy,
    yoyText: def.ratio ? `去年同期${round(previous)}${def.unit}` : changePhrase(yoy),
    dimensions: def.dimensions ?? [],
  };
}

/** The value split by one dimension (e.g. by respondent organ), this year and last. */
export async function indicatorBreakdown(
  db: Queryable,
  actor: Actor,
  id: string,
  dim: string,
  q: IndicatorQuery,
) {
  const def = indicatorOrThrow(id);
  if (!def.facts || !def.dimensions?.some((d) => d.id === dim))
    throw new AppError('VALIDATION', `指标 ${id} 不能按“${dim}”分组`);
  const { rows } = await db.query(
    `${facts(def)}
     SELECT coalesce(f.dim_${dim}, '（未填）') AS key,
            coalesce(sum(value) FILTER (WHERE ${yearFilter(def, 3, 4)}), 0)::float8 AS value,
            coalesce(sum(value) FILTER (WHERE ${yearFilter(def, 5, 6)}), 0)::float8 AS previous
     FROM f WHERE ${scoped(7)} AND ${bothYears(def)} GROUP BY 1 HAVING sum(value) FILTER (WHERE ${yearFilter(def, 3, 4)} OR ${yearFilter(def, 5, 6)}) <> 0
     ORDER BY 2 DESC, 1`,
    [
      scopeParam(actor, 'report.read'),
      q.region,
      ...bounds(q.year),
      ...bounds(q.year - 1),
      q.org ?? null,
      vocabularyRows(),
      businessDay(q),
    ],
  );
  return rows.map((r) => ({ ...r, yoy: yoyPercent(r.value, r.previous) }));
}

/** The records behind a value: the drill-down list, scoped like the value itself. */
export async function indicatorRecords(
  db: Queryable,
  actor: Actor,
  id: string,
  q: IndicatorQuery & {
    previousYear?: boolean;
    limit: number;
    offset: number;
    /** Only the records of one breakdown key (e.g. one respondent's), for pages that list a unit's records. */
    only?: { dim: string; key: string };
  },
) {
  const def = indicatorOrThrow(id);
  if (q.only && !def.dimensions?.some((d) => d.id === q.only!.dim))
    throw new AppError('VALIDATION', `指标 ${id} 不能按“${q.only.dim}”筛选`);
  if (!def.facts) {
    throw new AppError(
      'VALIDATION',
      `指标 ${id} 是比率，请分别查看其分子（${def.ratio!.numerator}）和分母（${def.ratio!.denominator}）的明细`,
    );
  }
  const y = q.previousYear ? q.year - 1 : q.year;
  const { rows } = await db.query(
    `${facts(def)}
     SELECT m.id, m.line, m.kind, m.ref_no AS "refNo", m.title, m.state, f.on_date AS "onDate", f.value::float8 AS value,
            o.name AS "ownerOrgName", count(*) OVER ()::int AS total
     FROM f JOIN matters m ON m.id = f.matter_id JOIN orgs o ON o.id = m.owner_org_id
     WHERE ${scoped(7)} AND ${yearFilter(def, 3, 4)}
       -- A restricted line's records (社区矫正) only to those who may read them; its figures stay visible to leaders.
       AND (m.line NOT IN (SELECT line FROM restricted_lines) OR ${restrictedReadable('m', 10)})${q.only ? ` AND f.dim_${q.only.dim} = $11` : ''}
     ORDER BY f.on_date, m.id LIMIT $5 OFFSET $6`,
    [
      scopeParam(actor, 'report.read'),
      q.region,
      ...bounds(y),
      q.limit,
      q.offset,
      q.org ?? null,
      vocabularyRows(),
      businessDay(q),
      scopeParam(actor, 'matter.read'),
      ...(q.only ? [q.only.key] : []),
    ],
  );
  return {
    indicator: def.id,
    name: def.name,
    year: y,
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _t, ...r }) => r),
  };
}

/**
 * A flow's value month by month, this year and last (12 figures each), scoped like the value itself — so a
 * dashboard's trend line sums to the indicator's value. `only` keeps one breakdown key (e.g. one respondent's).
 */
export async function indicatorMonthly(
  db: Queryable,
  actor: Actor,
  id: string,
  q: IndicatorQuery & { only?: { dim: string; key: string } },
) {
  const def = indicatorOrThrow(id);
  if (!def.facts || def.kind !== 'flow') throw new AppError('VALIDATION', `指标 ${id} 不能按月统计`);
  if (q.only && !def.dimensions?.some((d) => d.id === q.only!.dim))
    throw new AppError('VALIDATION', `指标 ${id} 不能按“${q.only.dim}”筛选`);
  const { rows } = await db.query<{ y: number; m: number; value: number }>(
    `${facts(def)}
     SELECT date_part('year', f.on_date)::int AS y, date_part('month', f.on_date)::int AS m, sum(value)::float8 AS value
     FROM f WHERE ${scoped(7)} AND ${bothYears(def)}${q.only ? ` AND f.dim_${q.only.dim} = $10` : ''}
       AND $3::date IS NOT NULL AND $6::date IS NOT NULL
     GROUP BY 1, 2`,
    [
      scopeParam(actor, 'report.read'),
      q.region,
      ...bounds(q.year),
      ...bounds(q.year - 1),
      q.org ?? null,
      vocabularyRows(),
      businessDay(q),
      ...(q.only ? [q.only.key] : []),
    ],
  );
  const months = (year: number) =>
    Array.from({ length: 12 }, (_, i) => rows.find((r) => r.y === year && r.m === i + 1)?.value ?? 0);
  return { id: def.id, name: def.name, unit: def.unit, months: months(q.year), previous: months(q.year - 1) };
}

/**
 * The year's facts of an indicator in the order they happened: the day each counts by and, when asked, one of its
 * dimensions. A report cites facts that are not counts from these rows — the day of an event (11月28日), the name
 * of a recorded project, an assessment's tier — so such text comes from the registry, never typed.
 */
export async function indicatorFacts(
  db: Queryable,
  actor: Actor,
  id: string,
  dim: string | null,
  q: IndicatorQuery,
): Promise<{ onDate: string; key: string | null }[]> {
  const def = indicatorOrThrow(id);
  if (!def.facts) throw new AppError('VALIDATION', `指标 ${id} 是比率，没有可引用的记录`);
  if (dim && !/^[a-z_]+$/.test(dim)) throw new AppError('VALIDATION', `指标 ${id} 没有“${dim}”一项`);
  const { rows } = await db.query<{ onDate: string; key: string | null }>(
    `${facts(def)}
     SELECT to_char(f.on_date, 'YYYY-MM-DD') AS "onDate", ${dim ? `f.dim_${dim}` : 'NULL'}::text AS key
     -- $5 and $6 (last year's bounds elsewhere) are unused here but keep the numbering the shared filters use.
     FROM f WHERE ${scoped(7)} AND ${yearFilter(def, 3, 4)} AND f.value <> 0 AND $5::date IS NULL AND $6::date IS NULL
     ORDER BY f.on_date, 2`,
    [
      scopeParam(actor, 'report.read'),
      q.region,
      ...bounds(q.year),
      null,
      null,
      q.org ?? null,
      vocabularyRows(),
      businessDay(q),
    ],
  );
  return rows;
}
