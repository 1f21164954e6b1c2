/** Response bodies of the credit-repair line's own routes. */
import { z } from 'zod';

export const proactiveRow = z.object({
  matterId: z.number(),
  refNo: z.string(),
  subject: z.string(),
  subjectType: z.string(),
  decidingOrgan: z.string(),
  decidedOn: z.string(),
  severity: z.string(),
  fulfilledOn: z.string().nullable(),
  minimumEnds: z.string().nullable(),
  eligibleOn: z.string().nullable(),
  law: z.string(),
  verified: z.boolean(),
  reason: z.string(),
  guided: z.boolean(),
});
export type ProactiveRow = z.infer<typeof proactiveRow>;
