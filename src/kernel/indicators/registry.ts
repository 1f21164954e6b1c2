/**
 * Named indicators: a figure with a written definition, computed from records for any scope and year.
 * An indicator is a *fact query* — SQL returning one row per counted record — and the kernel does the rest:
 * the year filter, region and scope filters, the previous year, the year-on-year change, breakdowns and the
 * drill-down list. So no line ever computes a figure on its own, and every figure can be clicked through.
 *
 * A fact query returns these columns:
 *   matter_id bigint    the record behind the row (drill-down)
 *   on_date date        the date that decides which year the row counts in (a flow); or the start of a stock
 *   end_date date       stocks only: when the record stopped counting (NULL = still counting)
 *   owner_org_id bigint the org whose scope the row belongs to
 *   region_code text    where it belongs (district / town / village code)
 *   value numeric       what the row adds (1 for a count, an amount for sums)
 *   dim_* text          optional breakdown keys (e.g. dim_respondent)
 * It reads the business date as BUSINESS_TODAY, never now(): the kernel passes it (tests and reports fix it).
 */
export interface IndicatorDef {
  id: string;
  name: string;
  line: string;
  unit: string;
  definition: string;
  /** flow: rows whose on_date falls in the year; stock: rows counting on the last day of the period. */
  kind: 'flow' | 'stock';
  facts?: string;
  /** A percentage: numerator / denominator × 100, each another indicator. */
  ratio?: { numerator: string; denominator: string };
  /** Breakdowns offered: the dim_ column and its label. */
  dimensions?: { id: string; label: string }[];
  /** Decimal places shown. */
  decimals?: number;
  /** A key figure of its line: shown with its year-on-year change on a leader's workbench (工作台). */
  key?: true;
}

/** The business date inside a fact query (a CTE the kernel puts before it). */
export const BUSINESS_TODAY = '(SELECT today FROM business)';

const registry = new Map<string, IndicatorDef>();

export function registerIndicator(def: IndicatorDef) {
  if (!def.facts && !def.ratio) throw new Error(`indicator ${def.id} needs facts or a ratio`);
  const known = registry.get(def.id);
  if (known && known !== def) throw new Error(`indicator ${def.id} is declared twice`);
  registry.set(def.id, def);
}

export const allIndicators = () => [...registry.values()];

export function getIndicator(id: string): IndicatorDef | undefined {
  return registry.get(id);
}

/** A line's indicators as it writes them: a count of records per year unless it says otherwise. */
export type LineIndicator = Omit<IndicatorDef, 'line' | 'unit' | 'kind'> &
  Partial<Pick<IndicatorDef, 'unit' | 'kind'>>;

/** The line's indicators with the line filled in, counted in 件 as flows by default. */
export const indicatorsOf = (line: string, defs: LineIndicator[]): IndicatorDef[] =>
  defs.map((d) => ({ unit: '件', kind: 'flow', ...d, line }));
