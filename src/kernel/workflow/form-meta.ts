/**
 * Form layout declared beside a line's zod schemas, read by the web client from their JSON Schema:
 * `x-group` puts consecutive fields under one heading; `x-confirm` marks a checkbox shown only when the
 * server's answer names it (e.g. "this looks like a duplicate: tick to register anyway").
 */
import type { z } from 'zod';

/** The same fields, each carrying `x-group: title` beside the metadata it already has. */
export function fieldGroup<S extends Record<string, z.ZodType>>(title: string, shape: S): S {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [key, schema.meta({ ...schema.meta(), 'x-group': title })]),
  ) as S;
}

/** A checkbox that stays hidden until the server asks for it. */
export const confirmOnly = <S extends z.ZodType>(schema: S): S =>
  schema.meta({ ...schema.meta(), 'x-confirm': true }) as S;
