// The subset of JSON Schema that line schemas produce (zod's toJSONSchema), plus the custom `x-` keys a line
// may set, and the pure helpers the form renderer needs: normalising, defaults, visibility and the payload.

/** `x-showWhen`: show a field only while a sibling field (same object) holds one of these values. */
export interface ShowWhen {
  field: string;
  in: unknown[];
}

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  'x-widget'?: 'textarea' | 'org' | string;
  'x-orgKinds'?: string[];
  'x-showWhen'?: ShowWhen;
  'x-enumLabels'?: Record<string, string>;
}

export type FieldKind =
  | 'object'
  | 'objectList'
  | 'enumList'
  | 'textList'
  | 'enum'
  | 'boolean'
  | 'integer'
  | 'number'
  | 'date'
  | 'textarea'
  | 'org'
  | 'text';

const isNull = (s: JsonSchema) => s.type === 'null' || (s.const === null && s.type === undefined);

/**
 * One schema per field: `.nullable()`/`.optional()` unions collapse to their non-null branch (keeping the
 * outer title, help and default), and a union of constants becomes an enum.
 */
export function normalize(s: JsonSchema): JsonSchema {
  const union = s.anyOf ?? s.oneOf;
  if (!union) {
    if (Array.isArray(s.type)) return { ...s, type: s.type.find((t) => t !== 'null') };
    return s;
  }
  const { anyOf: _a, oneOf: _o, ...outer } = s;
  const branches = union.filter((b) => !isNull(b));
  if (branches.length === 1) return normalize({ ...branches[0], ...outer });
  if (branches.every((b) => b.const !== undefined)) {
    return { type: 'string', ...outer, enum: branches.map((b) => b.const) };
  }
  // A union the form cannot render field by field: offer free text, the server validates it.
  return { type: 'string', ...outer };
}

export function fieldKind(s: JsonSchema): FieldKind {
  if (s['x-widget'] === 'org') return 'org';
  if (s.type === 'object') return 'object';
  if (s.type === 'array') {
    const items = normalize(s.items ?? {});
    if (items.type === 'object') return 'objectList';
    if (items.enum) return 'enumList';
    return 'textList';
  }
  if (s.enum) return 'enum';
  if (s.type === 'boolean') return 'boolean';
  if (s.type === 'integer') return 'integer';
  if (s.type === 'number') return 'number';
  if (s.format === 'date') return 'date';
  if (s['x-widget'] === 'textarea') return 'textarea';
  return 'text';
}

/** Label of an enum value: the line's `x-enumLabels`, else the raw value (never hidden). */
export function enumLabel(s: JsonSchema, value: unknown): string {
  return s['x-enumLabels']?.[String(value)] ?? String(value);
}

type Values = Record<string, unknown>;

/** Whether a field with `x-showWhen` is shown, given the values of its object (its siblings). */
export function shown(s: JsonSchema, siblings: Values | undefined): boolean {
  const cond = s['x-showWhen'];
  if (!cond) return true;
  const v = siblings?.[cond.field];
  return Array.isArray(v) ? v.some((x) => cond.in.includes(x)) : cond.in.includes(v);
}

/** Initial form values: every `default`, and `minItems` empty rows for lists of objects. */
export function initialValues(schema: JsonSchema): Values {
  const out: Values = {};
  for (const [key, raw] of Object.entries(schema.properties ?? {})) {
    const s = normalize(raw);
    const kind = fieldKind(s);
    if (s.default !== undefined) out[key] = s.default;
    else if (kind === 'object') out[key] = initialValues(s);
    else if (kind === 'objectList')
      out[key] = Array.from({ length: s.minItems ?? 0 }, () => initialValues(normalize(s.items ?? {})));
  }
  return out;
}

/** A new row of a list of objects, with its defaults. */
export function newRow(list: JsonSchema): Values {
  return initialValues(normalize(list.items ?? {}));
}

/**
 * What is sent: hidden fields dropped (a condition that no longer holds must not leave stale data behind),
 * empty optional text omitted, nested objects and lists shaped by their own schemas.
 */
export function toPayload(schema: JsonSchema, values: Values | undefined): Values {
  const out: Values = {};
  const required = new Set(schema.required ?? []);
  for (const [key, raw] of Object.entries(schema.properties ?? {})) {
    const s = normalize(raw);
    if (!shown(s, values)) continue;
    const v = values?.[key];
    const kind = fieldKind(s);
    if (kind === 'object') out[key] = toPayload(s, v as Values | undefined);
    else if (kind === 'objectList') {
      const items = normalize(s.items ?? {});
      out[key] = ((v as Values[] | undefined) ?? []).map((row) => toPayload(items, row));
    } else if (v === undefined || v === null || (v === '' && !required.has(key))) {
      // Left empty: the server applies its default or reports "必填".
    } else out[key] = v;
  }
  return out;
}

/** Paths of the leaves an antd `onValuesChange` reports as changed, so their server errors can be cleared. */
export function leafPaths(changed: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(changed)) {
    return changed.flatMap((v, i) => (v === undefined ? [] : leafPaths(v, [...prefix, i])));
  }
  if (changed && typeof changed === 'object') {
    return Object.entries(changed).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  }
  return [prefix];
}
