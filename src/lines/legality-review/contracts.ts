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
  adjustment: z.number(),
  score: z.number().nullable(),
  tier: z.string(),
});
export const assessment = z.object({ year: z.number(), rule: z.string(), reviewers: z.array(reviewerRow) });
export const created = z.object({ id: z.number() });

export const catalogueRow = z.object({
  matterId: z.number(),
  refNo: z.string(),
  title: z.string(),
  decidingOrg: z.string(),
  state: z.string(),
  listedOn: z.string(),
  publicParticipationOn: z.string().nullable(),
  expertArgumentOn: z.string().nullable(),
  riskAssessmentOn: z.string().nullable(),
  legalityReviewOn: z.string().nullable(),
  collectiveDiscussionOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  /** Why the row is flagged (collective discussion without legality review), or null. */
  flag: z.string().nullable(),
});
