/**
 * The leaders' dashboard (领导驾驶舱): one answer per scope (district, town, department) and year, computed in one
 * round of concurrent queries on the pool — the lines' key indicators with year-on-year, monthly intake, overdue
 * and due-soon counts by office, the township ranking, the station map's coverage and the departments' risk
 * profiles. Every figure is an indicator of the engine (its id, value, last year's, the change) with the link to
 * the records behind it; the only SQL of its own is the deadline count, which the deadlines page links to.
 */
import type { Actor } from '../../platform/access/actor.ts';
import { isDistrictLevel } from '../../platform/access/actor.ts';
import { inParallel, type Queryable } from '../../platform/db/pool.ts';
import { currentCalendar } from '../calendar/service.ts';
import { statusDates } from '../deadlines/badge.ts';
import {
  indicatorBreakdown,
  indicatorMonthly,
  indicatorValue,
  type ValueMemo,
} from '../indicators/compute.ts';
import { getIndicator } from '../indicators/registry.ts';
import { changePhrase, yoyPercent } from '../indicators/yoy.ts';
import { allLines } from '../workflow/registry.ts';
import {
  DASHBOARD_COVERAGE,
  DASHBOARD_KEY_INDICATORS,
  DASHBOARD_MONTHLY,
  DASHBOARD_RISK_SIGNALS,
} from './panels.ts';
import { deadlinesByOffice } from './queries.ts';
import { chooseScope, type DashboardScope, scopesOf } from './scope.ts';

const known = (ids: readonly string[]) => ids.filter((id) => getIndicator(id));

/** The indicator page of a figure: the value's definition, breakdowns and the records it counts. */
const indicatorLink = (id: string, year: number, region: string) =>
  `/indicators/${id}?year=${year}&region=${region}`;

export async function loadDashboard(
  db: Queryable,
  actor: Actor,
  q: { scope?: string | undefined; year: number; today: string },
) {
  const [scopes, cal, district] = await inParallel(db, [
    () => scopesOf(db, actor),
    () => currentCalendar(db),
    () => isDistrictLevel(db, actor, 'report.read'),
  ]);
  const scope = chooseScope(scopes, q.scope);
  const { year, today } = q;
  const base = { year, region: scope.region, today };
  const dept = scope.kind === 'dept' ? scope : null;
  const ranking = allLines().find((l) => l.townRanking)?.townRanking;
  const townScopes = scopes.filter((s) => s.kind === 'town');
  const deptScopes = scopes.filter((s) => s.kind === 'dept');

  // One page, one actor and query: a ratio shown beside its numerator and denominator reads each once.
  const memo: ValueMemo = new Map();
  const [towns, key, monthly, deadlines, coverage, risks] = await inParallel(db, [
    // The ranking first: the longest of the page's queries (every town's items), started before the others.
    async () => (ranking && !dept ? ranking(db, year, today) : null),
    () =>
      dept
        ? deptFigures(db, actor, dept, base)
        : Promise.all(
            known(DASHBOARD_KEY_INDICATORS).map(async (id) =>
              figure(await indicatorValue(db, actor, id, base, memo), indicatorLink(id, year, scope.region)),
            ),
          ),
    () =>
      Promise.all(
        (dept ? known(['reconsideration.received']) : known(DASHBOARD_MONTHLY)).map((id) =>
          indicatorMonthly(db, actor, id, {
            ...base,
            ...(dept ? { only: { dim: 'respondent', key: dept.label } } : {}),
          }),
        ),
      ),
    () =>
      deadlinesByOffice(db, actor, {
        region: scope.region,
        subjectOrgId: dept?.orgId ?? null,
        today,
        soon: statusDates(cal, today).soon,
      }),
    () => (dept ? Promise.resolve(null) : coverageOf(db, actor, scope, base)),
    () => riskProfiles(db, actor, base, dept),
  ]);

  const lineLabel = new Map(allLines().map((l) => [l.id, l.label]));
  const lines: { line: string; label: string; figures: Figure[] }[] = [];
  for (const f of key) {
    const group = lines.find((l) => l.line === f.line);
    if (group) group.figures.push(f);
    else lines.push({ line: f.line, label: lineLabel.get(f.line) ?? f.line, figures: [f] });
  }
  const officeOf = (town: string) => townScopes.find((s) => s.region === town);
  const deptOf = (name: string) => deptScopes.find((s) => s.label === name);
  // A viewer below district level sees their own towns' lines of the ranking, as on the evaluation page.
  const rankingRows = towns?.filter((t) => district || officeOf(t.town));

  return {
    year,
    today,
    scope: {
      value: scope.value,
      kind: scope.kind,
      orgId: scope.orgId,
      label: scope.label,
      region: scope.region,
    },
    scopes: scopes.map((s) => ({ value: s.value, kind: s.kind, label: s.label })),
    lines,
    monthly: monthly.map((m) => ({
      ...m,
      link: dept ? `/supervision?year=${year}&dept=${dept.orgId}` : indicatorLink(m.id, year, scope.region),
    })),
    deadlines: {
      soonCutoff: statusDates(cal, today).soon,
      offices: deadlines.map((d) => ({
        ...d,
        overdueLink: `/matters?overdue=true&ownerOrgId=${d.orgId}`,
        dueSoonLink: `/deadlines?scope=office&filter=dueWithin&within=3`,
      })),
    },
    ranking: rankingRows?.some((t) => t.total > 0)
      ? rankingRows.map((t) => ({
          town: t.town,
          name: t.name,
          total: t.total,
          rank: t.rank,
          tier: t.tier,
          current: scope.kind === 'town' && scope.region === t.town,
          link: officeOf(t.town)
            ? `/dashboard?scope=town:${officeOf(t.town)!.orgId}&year=${year}`
            : `/supervision?year=${year}`,
        }))
      : null,
    coverage,
    risks: risks.map((r) => {
      const org = deptOf(r.department);
      return {
        ...r,
        shortName: org?.short ?? r.department,
        orgId: org?.orgId ?? null,
        link: org ? `/supervision?year=${year}&dept=${org.orgId}` : null,
      };
    }),
  };
}

type Base = { year: number; region: string; today: string };

/** A figure as the dashboard shows it: the indicator's value, last year's, the change, and its records' page. */
interface Figure {
  id: string;
  name: string;
  line: string;
  unit: string;
  value: number;
  previous: number;
  yoy: number | null;
  yoyText: string;
  link: string;
}

const figure = (v: Awaited<ReturnType<typeof indicatorValue>>, link: string): Figure => ({
  id: v.id,
  name: v.name,
  line: v.line,
  unit: v.unit,
  value: v.value,
  previous: v.previous,
  yoy: v.yoy,
  yoyText: v.yoyText,
  link,
});

/** A department's own figures: each risk signal's row for it, with last year's and the change. */
async function deptFigures(db: Queryable, actor: Actor, dept: DashboardScope, base: Base): Promise<Figure[]> {
  const signals = DASHBOARD_RISK_SIGNALS.filter((s) => getIndicator(s.indicator));
  const rows = await Promise.all(signals.map((s) => indicatorBreakdown(db, actor, s.indicator, s.dim, base)));
  return signals.map((s, i) => {
    const def = getIndicator(s.indicator)!;
    const row = rows[i]!.find((r) => r.key === dept.label);
    const value = Number(row?.value ?? 0);
    const previous = Number(row?.previous ?? 0);
    const yoy = yoyPercent(value, previous);
    return {
      id: def.id,
      name: s.label,
      line: def.line,
      unit: def.unit,
      value,
      previous,
      yoy,
      yoyText: changePhrase(yoy),
      link: `/supervision?year=${base.year}&dept=${dept.orgId}`,
    };
  });
}

/** Villages within a station's reach at the year's end, of those placed on the map, with each town's share. */
async function coverageOf(db: Queryable, actor: Actor, scope: DashboardScope, base: Base) {
  const { covered: c, villages: v, townDim } = DASHBOARD_COVERAGE;
  if (!getIndicator(c) || !getIndicator(v)) return null;
  // The breakdown by town holds every counted row (a row without a town under （未填）), so its sum is the value.
  const [byCovered, byVillages] = await Promise.all([
    indicatorBreakdown(db, actor, c, townDim, base),
    indicatorBreakdown(db, actor, v, townDim, base),
  ]);
  const sum = (rows: { value: unknown }[]) => rows.reduce((s, r) => s + Number(r.value), 0);
  const covered = sum(byCovered);
  const villages = sum(byVillages);
  return {
    covered,
    villages,
    uncovered: villages - covered,
    coveredLink: indicatorLink(c, base.year, scope.region),
    villagesLink: indicatorLink(v, base.year, scope.region),
    mapLink: '/legal-services',
    byTown: byVillages.map((t) => ({
      town: String(t.key),
      villages: Number(t.value),
      covered: Number(byCovered.find((x) => x.key === t.key)?.value ?? 0),
    })),
  };
}

/**
 * Departments' risk profiles: each signal's breakdown by the unit it names, merged by unit name; most corrections
 * first. For a department only its own row.
 */
async function riskProfiles(db: Queryable, actor: Actor, base: Base, dept: DashboardScope | null) {
  const signals = DASHBOARD_RISK_SIGNALS.filter((s) => getIndicator(s.indicator));
  const rows = await Promise.all(signals.map((s) => indicatorBreakdown(db, actor, s.indicator, s.dim, base)));
  const byUnit = new Map<string, Record<string, number>>();
  signals.forEach((s, i) => {
    for (const r of rows[i]!) {
      const unit = String(r.key);
      if (dept && unit !== dept.label) continue;
      const entry = byUnit.get(unit) ?? {};
      entry[s.key] = Number(r.value);
      byUnit.set(unit, entry);
    }
  });
  const get = (e: Record<string, number>, k: string) => e[k] ?? 0;
  return [...byUnit.entries()]
    .map(([department, e]) => ({
      department,
      received: get(e, 'received'),
      corrected: get(e, 'corrected'),
      suitsLost: get(e, 'suitsLost'),
      findings: get(e, 'findings'),
      findingsOverdue: get(e, 'findingsOverdue'),
    }))
    .filter((r) => r.received + r.corrected + r.suitsLost + r.findings + r.findingsOverdue > 0)
    .sort(
      (a, b) =>
        b.corrected - a.corrected ||
        b.suitsLost - a.suitsLost ||
        b.findingsOverdue - a.findingsOverdue ||
        b.findings - a.findings ||
        b.received - a.received ||
        a.department.localeCompare(b.department, 'zh'),
    )
    .slice(0, 12);
}
