/** Response contracts of indicators (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';

const dimension = z.object({ id: z.string(), label: z.string() });

/** An entry of the indicator catalogue (its fact query stays on the server). */
export const indicatorDef = z.object({
  id: z.string(),
  name: z.string(),
  line: z.string(),
  unit: z.string(),
  definition: z.string(),
  kind: z.enum(['flow', 'stock']),
  ratio: z.object({ numerator: z.string(), denominator: z.string() }).optional(),
  dimensions: z.array(dimension).optional(),
  decimals: z.number().optional(),
});

/** An indicator's value for a year and region (and organisation), last year's value and the change. */
export const indicatorValue = z.object({
  id: z.string(),
  name: z.string(),
  line: z.string(),
  unit: z.string(),
  kind: z.enum(['flow', 'stock']),
  definition: z.string(),
  year: z.number(),
  region: z.string(),
  org: z.number().nullable(),
  value: z.number(),
  previous: z.number(),
  /** Percent change; null for ratios and when last year was zero. */
  yoy: z.number().nullable(),
  yoyText: z.string(),
  dimensions: z.array(dimension),
});

export const breakdownRow = z.object({
  key: z.string(),
  value: z.number(),
  previous: z.number(),
  yoy: z.number().nullable(),
});

/** The records behind a value (drill-down), one page of them. */
export const indicatorRecords = z.object({
  indicator: z.string(),
  name: z.string(),
  year: z.number(),
  total: z.number(),
  items: z.array(
    z.object({
      id: z.number(),
      line: z.string(),
      kind: z.string(),
      refNo: z.string(),
      title: z.string(),
      state: z.string(),
      onDate: z.string(),
      value: z.number(),
      ownerOrgName: z.string(),
    }),
  ),
});
