import type { Actor } from '../../platform/access/actor.ts';
import { inParallel, type Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type IndicatorQuery, indicatorFacts, indicatorValue } from '../indicators/compute.ts';
import { getIndicator } from '../indicators/registry.ts';
import { changePhrase, yoyPhrase } from '../indicators/yoy.ts';

/**
 * Report composition: text whose placeholders are indicators, e.g.
 *   全年共接收复议案件{{reconsideration.received}}件，较去年同期{{reconsideration.received|change}}
 * {{id}} the value · {{id|previous}} last year's value · {{id|yoy}} 同比增长108.2% · {{id|change}} 增长108.2%.
 * Facts that are not counts come from the indicator's records of the year, in the order they happened:
 * {{id|dates}} their days (11月28日) · {{id|first:dim}} the first one's dimension (a project's name) ·
 * {{id|list:dim}} every one's, joined with 、 · {{id|clauses:dim}} the same joined with ，.
 * Every figure keeps the indicator it came from, so HTML can link it to its drill-down.
 */
export type Segment =
  | { text: string }
  | { text: string; indicator: string; part: Part; year: number; region: string; org?: number };
type Part = 'value' | 'previous' | 'yoy' | 'change' | FactPart;
type FactPart = 'dates' | 'first' | 'list' | 'clauses';

const placeholder =
  /\{\{\s*([a-zA-Z0-9.]+)\s*(?:\|\s*(value|previous|yoy|change|dates|(?:first|list|clauses):([a-z_]+))\s*)?\}\}/g;

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(placeholder)].map((m) => m[1]!);
}

export function validateTemplate(template: string): string[] {
  const unknown = [...new Set(placeholdersOf(template))]
    .filter((id) => !getIndicator(id))
    .map((id) => `模板引用了不存在的指标：${id}`);
  // A cited fact names one of the indicator's declared dimensions (a column its fact query returns).
  const undeclared = [...template.matchAll(placeholder)]
    .filter(
      (m) => m[3] && getIndicator(m[1]!) && !getIndicator(m[1]!)!.dimensions?.some((d) => d.id === m[3]),
    )
    .map((m) => `指标 ${m[1]} 没有“${m[3]}”一项`);
  return [...unknown, ...new Set(undeclared)];
}

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, ''));

export async function compose(
  db: Queryable,
  actor: Actor,
  template: string,
  q: IndicatorQuery,
): Promise<Segment[]> {
  const problems = validateTemplate(template);
  if (problems.length) throw new AppError('VALIDATION', problems.join('；'));
  const ids = [...new Set(placeholdersOf(template))];
  const values = new Map(
    await inParallel(
      db,
      ids.map((id) => async () => [id, await indicatorValue(db, actor, id, q)] as const),
    ),
  );
  const factKeys = [
    ...new Set(
      [...template.matchAll(placeholder)]
        .filter((m) => m[2] && isFact(m[2]))
        .map((m) => `${m[1]}|${m[3] ?? ''}`),
    ),
  ];
  const factRows = new Map(
    await inParallel(
      db,
      factKeys.map((k) => async () => {
        const [id, dim] = k.split('|') as [string, string];
        return [k, await indicatorFacts(db, actor, id, dim || null, q)] as const;
      }),
    ),
  );
  const segments: Segment[] = [];
  let at = 0;
  for (const m of template.matchAll(placeholder)) {
    if (m.index > at) segments.push({ text: template.slice(at, m.index) });
    const v = values.get(m[1]!)!;
    const kind = m[2] ?? 'value';
    const part = (isFact(kind) ? kind.split(':')[0] : kind) as Part;
    const text = isFact(kind)
      ? factText(part as FactPart, factRows.get(`${m[1]}|${m[3] ?? ''}`)!)
      : part === 'value'
        ? formatNumber(v.value)
        : part === 'previous'
          ? formatNumber(v.previous)
          : part === 'yoy'
            ? yoyPhrase(v.yoy)
            : changePhrase(v.yoy);
    segments.push({
      text,
      indicator: v.id,
      part,
      year: part === 'previous' ? q.year - 1 : q.year,
      region: q.region,
      ...(q.org ? { org: q.org } : {}),
    });
    at = m.index + m[0].length;
  }
  if (at < template.length) segments.push({ text: template.slice(at) });
  return segments;
}

const isFact = (kind: string) => kind === 'dates' || kind.includes(':');

/** 11月28日 from 2024-11-28. */
const monthDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

function factText(part: FactPart, rows: { onDate: string; key: string | null }[]): string {
  if (part === 'dates') return [...new Set(rows.map((r) => monthDay(r.onDate)))].join('、');
  const keys = rows.map((r) => r.key ?? '（未填）');
  if (part === 'first') return keys[0] ?? '（无记录）';
  return [...new Set(keys)].join(part === 'list' ? '、' : '，') || '（无记录）';
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** HTML in which every number links to the records behind it. */
export function segmentsToHtml(segments: Segment[]): string {
  return segments
    .map((s) =>
      'indicator' in s
        ? `<a class="indicator-figure" data-indicator="${escapeHtml(s.indicator)}" href="/indicators/${encodeURIComponent(s.indicator)}?year=${s.year}&amp;region=${s.region}${s.org ? `&amp;org=${s.org}` : ''}">${escapeHtml(s.text)}</a>`
        : escapeHtml(s.text).replace(/\n/g, '<br/>'),
    )
    .join('');
}

export const segmentsToText = (segments: Segment[]) => segments.map((s) => s.text).join('');
