/**
 * The township rule-of-law evaluation (镇街法治建设数字化综合评价). A year's indicator set (evaluation_items) names,
 * for each item, a kernel indicator, its weight and whether more is better. Each town's value is that indicator
 * computed for the town's region, so the evaluation imports no line: a line takes part by registering an
 * indicator, and an item whose indicator no line registers yet shows as not available (its weight left out, never
 * invented). Scores are recomputed on every request from the records, never edited by hand.
 *
 * Scoring: per item, the towns' values are placed between the lowest and the highest (min-max): the best town
 * gets the item's whole weight, the worst none; when all are equal every town gets the whole weight. The total is
 * the sum of item scores over the sum of available weights × 100; rank by total; tiers (档次) by rank: the first
 * two towns 第一档, the next three 第二档, the rest 第三档.
 */
import { indicatorValue } from '../../kernel/indicators/compute.ts';
import { getIndicator } from '../../kernel/indicators/registry.ts';
import { systemActor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/pool.ts';

export interface ItemScore {
  code: string;
  label: string;
  indicatorId: string;
  weight: number;
  direction: 'higher' | 'lower';
  available: boolean;
  value: number | null;
  unit: string | null;
  score: number | null;
  /** The indicator page for the town and year: the records behind the value. */
  drillDown: string | null;
}

export interface TownScore {
  town: string;
  name: string;
  total: number;
  rank: number;
  tier: string;
  items: ItemScore[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const tierOf = (rank: number) => (rank <= 2 ? '第一档' : rank <= 5 ? '第二档' : '第三档');

export async function evaluationItems(db: Queryable, year: number) {
  const { rows } = await db.query<{
    code: string;
    label: string;
    indicator_id: string;
    weight: string;
    direction: 'higher' | 'lower';
  }>(
    'SELECT code, label, indicator_id, weight, direction FROM evaluation_items WHERE year = $1 ORDER BY id',
    [year],
  );
  return rows.map((r) => ({ ...r, weight: Number(r.weight) }));
}

/** Every town's scores for `year`, as of the business date `today`, ranked. */
export async function evaluateTowns(db: Queryable, year: number, today: string): Promise<TownScore[]> {
  const items = await evaluationItems(db, year);
  const { rows: towns } = await db.query<{ code: string; name: string }>(
    `SELECT code, name FROM regions WHERE level = 'town' ORDER BY code`,
  );
  // Values by item, then town: the whole district's records, whoever asks (scope is applied to the answer).
  const values = await Promise.all(
    items.map(async (it) =>
      getIndicator(it.indicator_id)
        ? Promise.all(
            towns.map(
              async (t) =>
                (await indicatorValue(db, systemActor, it.indicator_id, { year, region: t.code, today }))
                  .value,
            ),
          )
        : null,
    ),
  );
  const available = items.filter((_, i) => values[i] !== null).reduce((s, it) => s + it.weight, 0);
  const scored = towns.map((t, ti) => {
    const itemScores: ItemScore[] = items.map((it, i) => {
      const vs = values[i];
      const def = getIndicator(it.indicator_id);
      if (!vs || !def)
        return {
          code: it.code,
          label: it.label,
          indicatorId: it.indicator_id,
          weight: it.weight,
          direction: it.direction,
          available: false,
          value: null,
          unit: null,
          score: null,
          drillDown: null,
        };
      const [lo, hi] = [Math.min(...vs), Math.max(...vs)];
      const v = vs[ti]!;
      const share = hi === lo ? 1 : it.direction === 'higher' ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo);
      return {
        code: it.code,
        label: it.label,
        indicatorId: it.indicator_id,
        weight: it.weight,
        direction: it.direction,
        available: true,
        value: v,
        unit: def.unit,
        score: round1(it.weight * share),
        drillDown: `/indicators/${it.indicator_id}?year=${year}&region=${t.code}`,
      };
    });
    const sum = itemScores.reduce((s, x) => s + (x.score ?? 0), 0);
    return {
      town: t.code,
      name: t.name,
      total: available ? round1((sum / available) * 100) : 0,
      items: itemScores,
    };
  });
  const ranked = [...scored].sort((a, b) => b.total - a.total || a.town.localeCompare(b.town));
  return ranked.map((s, i) => {
    // Equal totals share a rank.
    const rank = ranked.findIndex((x) => x.total === s.total) + 1;
    return { ...s, rank: i === 0 ? 1 : rank, tier: tierOf(rank) };
  });
}

/**
 * The towns the actor may see the sheets of: every town at district level, else the towns of the actor's own
 * memberships (a township office sees its own sheet, not the others' details).
 */
export async function visibleTowns(
  db: Queryable,
  orgIds: number[],
  districtLevel: boolean,
): Promise<Set<string> | null> {
  if (districtLevel) return null;
  const { rows } = await db.query<{ town: string }>(
    `SELECT DISTINCT left(region_code, 9) AS town FROM orgs WHERE id = ANY($1::bigint[]) AND length(region_code) >= 9`,
    [orgIds],
  );
  return new Set(rows.map((r) => r.town));
}
