import { z } from 'zod';

export const postRow = z.object({
  id: z.coerce.number(),
  name: z.string(),
  host: z.string(),
  ownerOrgName: z.string(),
  liaison: z.string(),
  setUpOn: z.string(),
  selection: z.string().nullable(),
  selectedOn: z.string().nullable(),
});

export const recognitionRow = z.object({
  id: z.coerce.number(),
  kind: z.string(),
  title: z.string(),
  holder: z.string(),
  awardedBy: z.string(),
  result: z.string(),
  assessedYear: z.number().nullable(),
  recordedOn: z.string(),
  evidence: z.string(),
});

export const itemScore = z.object({
  code: z.string(),
  label: z.string(),
  indicatorId: z.string(),
  weight: z.number(),
  direction: z.enum(['higher', 'lower']),
  available: z.boolean(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  score: z.number().nullable(),
  drillDown: z.string().nullable(),
});

export const townScore = z.object({
  town: z.string(),
  name: z.string(),
  total: z.number(),
  rank: z.number(),
  tier: z.string(),
  items: z.array(itemScore),
});

export const evaluationAnswer = z.object({ year: z.number(), towns: z.array(townScore) });

export const riskAnswer = z.object({
  department: z.string(),
  year: z.number(),
  signals: z.array(
    z.object({
      label: z.string(),
      count: z.number(),
      records: z.array(z.object({ id: z.number(), refNo: z.string(), title: z.string(), line: z.string() })),
    }),
  ),
});

export const created = z.object({ id: z.number() });
