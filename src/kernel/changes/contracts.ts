/** Response contracts of changes awaiting a second administrator's confirmation (see platform/http/contracts.ts). */
import { z } from 'zod';
import { timestamp } from '../../platform/http/contracts.ts';

export const changeKinds = ['calendar', 'profile'] as const;
export const changeStates = ['pending', 'confirmed', 'rejected', 'withdrawn'] as const;

/** One profile entry before and after, as values in force (a default shows as its text). */
export const entryChange = z.object({
  key: z.string(),
  label: z.string(),
  before: z.union([z.string(), z.boolean()]),
  after: z.union([z.string(), z.boolean()]),
  /** The value was (is) the entry's default rather than one the bureau set: a default follows later changes. */
  beforeIsDefault: z.boolean(),
  afterIsDefault: z.boolean(),
});

export const pendingChange = z.object({
  id: z.number(),
  kind: z.enum(changeKinds),
  /** The calendar year, or 'profile'. */
  subject: z.string(),
  /** What was proposed: a holiday notice ({ year, notice, source, holidays, workdays }) or { content } of the profile. */
  payload: z.record(z.string(), z.unknown()),
  reason: z.string(),
  baseVersion: z.number().nullable(),
  state: z.enum(changeStates),
  stateLabel: z.string(),
  proposedBy: z.string(),
  proposedAt: timestamp,
  decidedBy: z.string().nullable(),
  decidedVia: z.enum(['web', 'cli']).nullable(),
  decidedAt: timestamp.nullable(),
  decisionNote: z.string().nullable(),
  /** What confirming did: { year, checked, changed } of a calendar load, { version } of a profile change. */
  result: z.record(z.string(), z.unknown()).nullable(),
  /** Proposed by the reader: they may withdraw it, and never confirm it. */
  mine: z.boolean(),
  changes: z.array(entryChange),
});

export const pendingChangeList = z.array(pendingChange);
