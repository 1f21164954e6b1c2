/** Response contracts of the rules and the period calculator (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';

export const citation = z.object({ law: z.string(), article: z.string(), text: z.string() });

/** A statutory rule as listed by GET /api/rules: the rule's data and its kind's Chinese label. */
export const rule = z.object({
  id: z.string(),
  line: z.string(),
  lineName: z.string(),
  event: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  unit: z.string(),
  count: z.number().nullable(),
  startRule: z.string(),
  trigger: z.string().nullable(),
  actor: z.string().nullable(),
  citation,
  alsoCited: z.array(citation),
  verified: z.boolean(),
  source: z.string(),
  notes: z.string().nullable(),
  inForceFrom: z.string(),
  inForceTo: z.string().nullable(),
  onExpiry: z.string().nullable(),
  version: z.string(),
});

/** GET /api/calendar/period: the due date of N working days / days / months after a start. */
export const periodResult = z.object({
  start: z.string(),
  days: z.number(),
  unit: z.string(),
  due: z.string(),
  provisional: z.boolean(),
  counted: z.string(),
});

/** GET /api/rules/:ruleId/due: the due date by the version of the rule in force on the start date. */
export const ruleDue = z.object({
  ruleId: z.string(),
  ruleVersion: z.string(),
  start: z.string(),
  due: z.string(),
  provisional: z.boolean(),
  kind: z.string(),
  kindLabel: z.string(),
  count: z.number().nullable(),
  unit: z.string(),
  event: z.string(),
  citation,
  verified: z.boolean(),
  onExpiry: z.string().nullable(),
});
