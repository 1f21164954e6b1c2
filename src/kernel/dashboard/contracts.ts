/** Response contract of the leaders' dashboard (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';

const figure = z.object({
  id: z.string(),
  name: z.string(),
  line: z.string(),
  unit: z.string(),
  value: z.number(),
  previous: z.number(),
  yoy: z.number().nullable(),
  yoyText: z.string(),
  /** The page listing the records behind the value. */
  link: z.string(),
});

export const dashboard = z.object({
  year: z.number(),
  today: z.string(),
  scope: z.object({
    value: z.string(),
    kind: z.enum(['district', 'town', 'dept']),
    orgId: z.number().nullable(),
    label: z.string(),
    region: z.string(),
  }),
  /** The scopes the viewer may open (the picker). */
  scopes: z.array(
    z.object({ value: z.string(), kind: z.enum(['district', 'town', 'dept']), label: z.string() }),
  ),
  lines: z.array(z.object({ line: z.string(), label: z.string(), figures: z.array(figure) })),
  monthly: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      unit: z.string(),
      months: z.array(z.number()),
      previous: z.array(z.number()),
      link: z.string(),
    }),
  ),
  deadlines: z.object({
    soonCutoff: z.string(),
    offices: z.array(
      z.object({
        orgId: z.number(),
        orgName: z.string(),
        overdue: z.number(),
        dueSoon: z.number(),
        overdueLink: z.string(),
        dueSoonLink: z.string(),
      }),
    ),
  }),
  ranking: z
    .array(
      z.object({
        town: z.string(),
        name: z.string(),
        total: z.number(),
        rank: z.number(),
        tier: z.string(),
        current: z.boolean(),
        link: z.string(),
      }),
    )
    .nullable(),
  coverage: z
    .object({
      covered: z.number(),
      villages: z.number(),
      uncovered: z.number(),
      coveredLink: z.string(),
      villagesLink: z.string(),
      mapLink: z.string(),
      byTown: z.array(z.object({ town: z.string(), villages: z.number(), covered: z.number() })),
    })
    .nullable(),
  risks: z.array(
    z.object({
      department: z.string(),
      shortName: z.string(),
      orgId: z.number().nullable(),
      received: z.number(),
      corrected: z.number(),
      suitsLost: z.number(),
      findings: z.number(),
      findingsOverdue: z.number(),
      link: z.string().nullable(),
    }),
  ),
});
