/** Response contracts of ledger import (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';
import { timestamp } from '../../platform/http/contracts.ts';

export const importColumn = z.object({
  field: z.string(),
  header: z.string(),
  example: z.string(),
  required: z.boolean(),
  /** The values a cell may take (vocabulary labels, 是/否), or null for free text, dates and organ names. */
  options: z.array(z.string()).nullable(),
  personal: z.boolean(),
});

/** GET /api/imports/kinds: the imports the user may run, with the offices they may import into. */
export const importKind = z.object({
  line: z.string(),
  lineLabel: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  label: z.string(),
  columns: z.array(importColumn),
  offices: z.array(z.object({ id: z.number(), name: z.string() })),
});

export const rowStatus = z.enum(['ok', 'bad', 'skipped', 'imported', 'failed', 'already']);

export const importRowError = z.object({
  field: z.string().nullable(),
  header: z.string().nullable(),
  message: z.string(),
  /** The whole sentence, e.g. 第12行「证件号码」：公民身份号码校验位错误（按 GB 11643 应为 X），请核对号码. */
  text: z.string(),
});

/** A row as the page shows it: identity and phone numbers masked. */
export const importRow = z.object({
  rowNo: z.number().int(),
  status: rowStatus,
  cells: z.array(z.object({ field: z.string(), header: z.string(), value: z.string() })),
  errors: z.array(importRowError),
});

/** An uploaded ledger: its dry run, then its progress (the counts) and the rows that need a decision. */
export const importBatch = z.object({
  id: z.number(),
  line: z.string(),
  kind: z.string(),
  label: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  totalRows: z.number().int(),
  createdAt: timestamp,
  finished: z.boolean(),
  counts: z.object({
    ok: z.number().int(),
    bad: z.number().int(),
    skipped: z.number().int(),
    imported: z.number().int(),
    failed: z.number().int(),
    already: z.number().int(),
  }),
  /** Rows with problems, failed or skipped, in row order (at most 500). */
  rows: z.array(importRow),
});
