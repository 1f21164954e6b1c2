/** Response bodies of the compliance and foreign-related centres' routes. */
import { z } from 'zod';

export const guidelineRow = z.object({
  id: z.number(),
  industry: z.string(),
  title: z.string(),
  version: z.number(),
  authors: z.string(),
  publishedOn: z.string(),
  enterprisesReached: z.number(),
});

export const serviceRow = z.object({
  id: z.number(),
  centre: z.string(),
  service: z.string(),
  enterprise: z.string(),
  topic: z.string(),
  country: z.string().nullable(),
  requestedOn: z.string(),
  slotOn: z.string().nullable(),
  status: z.string(),
  adviser: z.string().nullable(),
  advice: z.string().nullable(),
  doneOn: z.string().nullable(),
});
