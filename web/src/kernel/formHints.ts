// Layout hints for forms whose line schema does not carry them yet: section headings (`x-group`) and the
// confirm-only field (`x-confirm`). They belong in the line's zod `.meta()` on the server (requested); until
// then they are merged in here, and a hint the server already sends is never overridden.
import type { JsonSchema } from './schema.ts';
import type { LineDef } from './types.ts';

type Hints = Record<string, Partial<JsonSchema>>;

const group = (name: string, fields: string[]): Hints =>
  Object.fromEntries(fields.map((f) => [f, { 'x-group': name }]));

/** line/kind → the create form's hints, by top-level field. */
const createHints: Record<string, Hints> = {
  'reconsideration/application': {
    ...group('收件信息', ['receivedOn', 'channel']),
    ...group('当事人', ['applicants', 'representatives', 'thirdParties']),
    ...group('被申请的行政行为', [
      'respondentOrgId',
      'actKind',
      'actTitle',
      'actDocNo',
      'actDate',
      'actKnownOn',
      'realProperty',
    ]),
    ...group('行政复议请求', ['request', 'facts']),
    allowDuplicate: { 'x-group': '行政复议请求', 'x-confirm': true },
  },
  'reconsideration/suit': {
    ...group('案件信息', ['court', 'caseNumber', 'instance', 'filedOn']),
    ...group('当事人与被诉行为', ['defendantOrgId', 'plaintiff', 'actKind']),
    ...group('行政复议', ['afterReconsideration', 'reconsiderationRefNo']),
  },
};

function withHints(schema: JsonSchema, hints: Hints | undefined): JsonSchema {
  if (!hints || !schema.properties) return schema;
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([k, s]) => [k, { ...hints[k], ...s }]),
  );
  return { ...schema, properties };
}

export function applyFormHints(lines: LineDef[]): LineDef[] {
  return lines.map((l) => ({
    ...l,
    kinds: l.kinds.map((k) => ({
      ...k,
      create: { ...k.create, schema: withHints(k.create.schema, createHints[`${l.id}/${k.id}`]) },
    })),
  }));
}
