/**
 * Response contracts shared by every route: the problem+json body of an error, "no content", binary downloads.
 *
 * Contract files (`contracts.ts` next to each family of routes) import nothing but zod and other contract files:
 * the web client imports their types (`import type`), so they must type-check without Node and never reach
 * the bundle. Response schemas strip unknown keys: a field the client reads must be declared here.
 */
import { z } from 'zod';

/** One field's error, e.g. `{ field: 'applicants.0.idNumber', message: '…' }`, shown beside the field. */
export const fieldError = z.object({ field: z.string(), message: z.string() });

/**
 * RFC 9457 problem details, as the error handler writes them. Loose: an error may carry extension members
 * (`current`, `allowedActions`, `confirm` …) that the schema must pass through, not strip.
 */
export const problem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string(),
    errors: z.array(fieldError).optional(),
  })
  .meta({ id: 'Problem', description: '错误（RFC 9457 problem+json，中文 title/detail）' });

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problem } },
});

/** The error responses every route declares: client errors (4xx) and server errors (5xx) are problems. */
export const errorResponses = {
  '4xx': problemResponse('请求有误、未登录、无权限、不存在或冲突'),
  '5xx': problemResponse('服务器错误或服务暂不可用'),
} as const;

/** A 204 with no body: `z.undefined()` is what the OpenAPI transform turns into a response without content. */
export const noContent = z.undefined().describe('成功，无响应体');

/** A binary download (DOCX, PDF, XLSX, an attachment) declared under its content type(s). */
export function binary(description: string, ...contentTypes: string[]) {
  // Handlers send a Buffer (a Uint8Array), which Fastify writes as is, never through the schema.
  const file = z
    .custom<Uint8Array>((v) => v instanceof Uint8Array)
    .meta({ type: 'string', format: 'binary' });
  return {
    description,
    content: Object.fromEntries(contentTypes.map((t) => [t, { schema: file }])),
  };
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_TYPE = 'application/pdf';

/**
 * A timestamp (timestamptz column): handlers return a Date, JSON carries its ISO string. Use `Json<T>` on the
 * client to get the wire type of a schema's `z.infer`.
 */
export const timestamp = z.date();

/** The JSON form of a value: what the client receives for a schema's output type (Dates become strings). */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;
