/** Response contracts of the bureau profile (本机关设置); see platform/http/contracts.ts. */
import { z } from 'zod';
import { timestamp } from '../../platform/http/contracts.ts';
import { entryChange, pendingChange } from '../changes/contracts.ts';

export const profileEntry = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['name', 'prefix', 'flag']),
  max: z.number(),
  hint: z.string().optional(),
  /** What the bureau set; null when the entry takes its default. */
  value: z.union([z.string(), z.boolean()]).nullable(),
  /** The value in force (the one set, else the default). */
  effective: z.union([z.string(), z.boolean()]),
  /** What applies when the entry is left empty, in words: 默认“镇司复”, 同“发文机关”. */
  defaultText: z.string(),
});

export const profileView = z.object({
  version: z.number(),
  reason: z.string(),
  confirmedBy: z.string().nullable(),
  createdAt: timestamp,
  groups: z.array(z.object({ id: z.string(), title: z.string(), entries: z.array(profileEntry) })),
  /** The change awaiting a second administrator, if one is pending. */
  pending: pendingChange.nullable(),
});

export const profileVersionList = z.array(
  z.object({
    version: z.number(),
    reason: z.string(),
    proposedBy: z.string().nullable(),
    confirmedBy: z.string().nullable(),
    createdAt: timestamp,
    /** Against the previous version. */
    changes: z.array(entryChange),
  }),
);
