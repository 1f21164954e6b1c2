/** Response contracts of the annual report (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';
import { segment } from '../contracts.ts';

export const annualPartEnum = z.enum([
  'title',
  'preface',
  'overview',
  'work',
  'business',
  'safety',
  'services',
  'leaderDuty',
  'plan',
]);
export const reportStateEnum = z.enum(['draft', 'reviewed', 'approved', 'published']);
export const reportActionEnum = z.enum(['review', 'approve', 'publish', 'return']);

export const annualReportSummary = z.object({
  id: z.number(),
  year: z.number(),
  region: z.string(),
  state: reportStateEnum,
  indexNo: z.string().nullable(),
  writtenOn: z.string().nullable(),
  publisher: z.string(),
  disclosure: z.string(),
  topic: z.string(),
  genre: z.string(),
  basedOn: z.number().nullable(),
  version: z.number(),
  asOf: z.date().nullable(),
  publishedAt: z.date().nullable(),
});

export const annualBlock = z.object({
  id: z.number(),
  part: annualPartEnum,
  position: z.number(),
  kind: z.enum(['heading', 'narrative', 'line']),
  sectionId: z.string().nullable(),
  newParagraph: z.boolean(),
  omitted: z.boolean(),
  template: z.string(),
  version: z.number(),
  /** The block composed from today's records (the draft's live text). */
  segments: z.array(segment),
});

export const annualReportView = z.object({
  report: annualReportSummary,
  parts: z.array(z.object({ part: annualPartEnum, label: z.string() })),
  blocks: z.array(annualBlock),
  allowedActions: z.array(reportActionEnum),
  can: z.object({ edit: z.boolean(), sign: z.boolean() }),
  /** The live draft as HTML (figures linked to their drill-downs). */
  liveHtml: z.string(),
  /** The published edition as HTML, frozen at publication. */
  publishedHtml: z.string().nullable(),
});

export const blockVersion = z.object({
  version: z.number(),
  template: z.string(),
  changedName: z.string(),
  changedAt: z.date(),
});

export const figureDiff = z.object({
  asOf: z.string(),
  liveAsOf: z.string(),
  figures: z.array(
    z.object({
      blockId: z.number(),
      sectionId: z.string().nullable(),
      indicator: z.string(),
      /** The indicator's name (for the page's table). */
      name: z.string(),
      part: z.string(),
      published: z.string(),
      live: z.string().nullable(),
      changed: z.boolean(),
    }),
  ),
});
