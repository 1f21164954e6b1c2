/** Response contracts of the audit trail (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';
import { timestamp } from '../http/contracts.ts';

export const auditOutcome = z.enum(['success', 'failure', 'denied']);

export const auditEntry = z.object({
  seq: z.number(),
  at: timestamp,
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: auditOutcome,
  summary: z.unknown(),
});

export const auditPage = z.object({ items: z.array(auditEntry), nextBefore: z.number().nullable() });

/** The hash chain checked end to end; the first broken link when there is one. */
export const auditVerify = z.object({
  ok: z.boolean(),
  rows: z.number(),
  brokenSeq: z.number().optional(),
  reason: z.string().optional(),
});
