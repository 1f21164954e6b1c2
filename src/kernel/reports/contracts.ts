/** Response contracts of report composition (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';

/** A paragraph of the annual report a line contributes (GET /api/reports/sections). */
export const reportSection = z.object({
  id: z.string(),
  line: z.string(),
  title: z.string(),
  order: z.number(),
  /** Text with {{indicator}}, {{indicator|yoy}}, {{indicator|change}}, {{indicator|previous}}, {{indicator|dates}}, {{indicator|first:dim}}, {{indicator|list:dim}} placeholders. */
  template: z.string(),
  /** The subsection of the annual report (一、(一)–(四)) when the line names it. */
  part: z.enum(['work', 'business', 'safety', 'services']).optional(),
});

/** A piece of composed text: plain, or a figure that keeps the indicator (and scope) it came from. */
export const segment = z.union([
  z.object({
    text: z.string(),
    indicator: z.string(),
    part: z.enum(['value', 'previous', 'yoy', 'change', 'dates', 'first', 'list', 'clauses']),
    year: z.number(),
    region: z.string(),
    org: z.number().optional(),
  }),
  z.object({ text: z.string() }),
]);

/** POST /api/reports/compose: the server escapes all text; `html` only adds links around the figures. */
export const composedReport = z.object({ html: z.string(), text: z.string(), segments: z.array(segment) });
