import { z } from 'zod';
import type { LineDef } from '../workflow/types.ts';

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[] };

function resolves(schema: JsonSchema | undefined, path: string[]): boolean {
  if (!schema) return false;
  if (!path.length) return true;
  if (schema.anyOf) return schema.anyOf.some((s) => resolves(s, path));
  const [head, ...rest] = path;
  return /^\d+$/.test(head!) ? resolves(schema.items, rest) : resolves(schema.properties?.[head!], rest);
}

/** What is wrong with a line's import declarations: unknown kinds, fields the intake schema lacks, duplicates. */
export function importProblems(line: LineDef): string[] {
  const problems: string[] = [];
  const kinds = (line.imports ?? []).map((i) => i.kind);
  for (const k of new Set(kinds.filter((k, i) => kinds.indexOf(k) !== i)))
    problems.push(`import of kind ${k} is declared twice`);
  for (const imp of line.imports ?? []) {
    const at = `${line.id}.import(${imp.kind})`;
    const kind = line.kinds.find((k) => k.id === imp.kind);
    if (!kind) {
      problems.push(`${at}: unknown kind ${imp.kind}`);
      continue;
    }
    const schema = z.toJSONSchema(kind.create.schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    const seen = new Set<string>();
    for (const c of imp.columns) {
      if (seen.has(c.field) || seen.has(`header:${c.header}`))
        problems.push(`${at}: column ${c.field} (${c.header}) is declared twice`);
      seen.add(c.field).add(`header:${c.header}`);
      if (!resolves(schema, c.field.split('.')))
        problems.push(
          `${at}: column ${c.header} fills ${c.field}, which the create schema of ${kind.id} does not have`,
        );
      if (c.labels && !Object.keys(c.labels).length) problems.push(`${at}: column ${c.header} has no labels`);
    }
    if (!imp.columns.length) problems.push(`${at}: no columns`);
  }
  return problems;
}
