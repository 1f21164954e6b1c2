/** Response bodies of the legality review registry routes (reviewers and their annual assessment). */
import { z } from 'zod';

export const reviewerRow = z.object({
  id: z.number(),
  name: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  reviewerKind: z.string(),
  qualification: z.string().nullable(),
  status: z.string(),
  joinedOn: z.string(),
  items: z.number(),
  onTime: z.number(),
  opinions: z.number(),
  feedback: z.number(),
  adopted: z.number(),
  coReviewed: z.number(),
  score: z.number().nullable(),
  tier: z.string(),
});
export const assessment = z.object({ year: z.number(), rule: z.string(), reviewers: z.array(reviewerRow) });
export const created = z.object({ id: z.number() });
