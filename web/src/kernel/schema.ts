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
  /** Hide the field while this sibling holds a value (identity fields once a registry record is picked). */
  'x-hideWhenSet'?: string;
  'x-enumLabels'?: Record<string, string>;
  /** What each value means, shown under the choice once made (e.g. 计为纠错). */
  'x-enumNotes'?: Record<string, string>;
  /** Heading of the form section the field belongs to; consecutive fields with one heading form a section. */
  'x-group'?: string;
  /** A confirmation the clerk gives only when the server asks for it (e.g. 确认重复申请仍登记): hidden until then. */
  'x-confirm'?: boolean;
  /** `x-widget: lookup`: choices from the server (LookupSelect). */
  'x-lookup'?: { url: string; params?: Record<string, string> };
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
  | 'party'
  | 'lookup'
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
  if (s['x-widget'] === 'party') return 'party';
  if (s['x-widget'] === 'lookup' && s['x-lookup']) return 'lookup';
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

/** Whether a field with `x-showWhen` / `x-hideWhenSet` is shown, given the values of its object (its siblings). */
export function shown(s: JsonSchema, siblings: Values | undefined): boolean {
  const hider = s['x-hideWhenSet'];
  if (hider !== undefined && siblings?.[hider] != null && siblings[hider] !== '') return false;
  const cond = s['x-showWhen'];
  if (!cond) return true;
  const v = siblings?.[cond.field];
  return Array.isArray(v) ? v.some((x) => cond.in.includes(x)) : cond.in.includes(v);
}

/**
 * Initial form values: every `default`; `minItems` empty rows for lists of objects; `false` for a checkbox
 * (unticked means no). A choice without a default starts empty, so a decision type or a procedure is always
 * chosen by the clerk, never inherited from the order of the options.
 */
export function initialValues(schema: JsonSchema): Values {
  const out: Values = {};
  for (const [key, raw] of Object.entries(schema.properties ?? {})) {
    const s = normalize(raw);
    const kind = fieldKind(s);
    if (s.default !== undefined) out[key] = s.default;
    else if (kind === 'object') out[key] = initialValues(s);
    else if (kind === 'objectList')
      out[key] = Array.from({ length: s.minItems ?? 0 }, () => initialValues(normalize(s.items ?? {})));
    else if (kind === 'boolean') out[key] = false;
  }
  return out;
}

/** How a choice is offered: buttons for a few short labelled options, a list for sentence-long ones. */
export function enumStyle(s: JsonSchema): 'buttons' | 'list' | 'select' {
  const labels = s['x-enumLabels'];
  const values = s.enum ?? [];
  // Unlabelled codes stay in a select: showing raw codes as buttons would put them in the clerk's face.
  if (!labels || values.length === 0) return 'select';
  // x-widget: search asks for a searchable select whatever the number of options.
  if (s['x-widget'] === 'search') return 'select';
  const longest = Math.max(...values.map((v) => enumLabel(s, v).length));
  if (values.length <= 4 && longest <= 10) return 'buttons';
  // Statutory grounds (中止原因, 简易程序情形) are sentences a select would cut off; a list shows them whole.
  if (values.length <= 10 && longest >= 16) return 'list';
  return 'select';
}

/** Whether a field takes the form's whole width: free text, lists, groups, long choices; else half. */
export function isWide(s: JsonSchema): boolean {
  const kind = fieldKind(s);
  if (['object', 'objectList', 'textarea', 'boolean', 'enumList', 'textList'].includes(kind)) return true;
  if (kind === 'enum') return enumStyle(s) === 'list';
  return kind === 'text' && (s.maxLength ?? 0) > 100;
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
