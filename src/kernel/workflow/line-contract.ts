import { z } from 'zod';
import { untrackableRules } from '../deadlines/deadlines.ts';
import { importProblems } from '../import/contract.ts';
import { allRules } from '../rules/rules.ts';
import type { ActionDef, DeadlineEffect, LineDef, MatterKindDef } from './types.ts';
import { vocabulariesNamedIn } from './vocabulary.ts';

/** What the contract needs to know about what is registered already. */
export interface RegistryView {
  lineExists(id: string): boolean;
  templateTaken(id: string): boolean;
  indicatorTaken(id: string): boolean;
  /** Registered already (a ratio may name it, or one of the line's own). */
  indicatorKnown(id: string): boolean;
  sectionTaken(id: string): boolean;
  vocabularyKnown(name: string): boolean;
}

const ID = /^[a-z][A-Za-z0-9]*$/;

/** Every rule id a start effect may use. */
function startedRules(e: DeadlineEffect<unknown>): readonly string[] {
  if (e.op !== 'start') return [];
  return typeof e.rule === 'string' ? [e.rule] : e.rule.among;
}

/** The x-showWhen and x-hideWhenSet references of a schema that name no sibling field. */
function showWhenProblems(schema: z.ZodType, where: string): string[] {
  let json: unknown;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  } catch (err) {
    return [`${where}: schema cannot be shown as a form (${(err as Error).message})`];
  }
  const problems: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    const props = n.properties as Record<string, Record<string, unknown>> | undefined;
    if (props) {
      for (const [name, p] of Object.entries(props)) {
        const when = p['x-showWhen'] as { field?: string } | undefined;
        if (when && (!when.field || !(when.field in props)))
          problems.push(
            `${where}: field ${path}${name} is shown when ${when.field}, which is not a field beside it`,
          );
        const hide = p['x-hideWhenSet'] as string | undefined;
        if (hide !== undefined && !(hide in props))
          problems.push(
            `${where}: field ${path}${name} is hidden when ${hide} is set, which is not a field beside it`,
          );
      }
    }
    for (const v of Object.values(n)) {
      if (Array.isArray(v)) for (const x of v) walk(x, path);
      else walk(v, path);
    }
  };
  walk(json, '');
  return problems;
}

function kindProblems(line: LineDef, kind: MatterKindDef, known: Set<string>): string[] {
  const at = `${line.id}/${kind.id}`;
  const problems: string[] = [];
  if (!kind.states[kind.initial]) problems.push(`${at}: unknown initial state ${kind.initial}`);
  if (!kind.refPrefix) problems.push(`${at}: no reference number prefix`);
  const templates = new Set(line.templates ?? []);
  // biome-ignore lint/suspicious/noExplicitAny: every step of the kind, whatever its payload
  const steps: [string, Pick<ActionDef<any>, 'deadlines' | 'documents' | 'schema'>][] = [
    ['create', kind.create],
    ...Object.entries(kind.actions),
  ];
  const startedKeys = new Set(
    steps.flatMap(([, s]) => (s.deadlines ?? []).filter((e) => e.op === 'start').map((e) => e.key)),
  );
  for (const [name, step] of steps) {
    const where = `${at}.${name}`;
    for (const e of step.deadlines ?? []) {
      for (const r of startedRules(e))
        if (!known.has(r)) problems.push(`${where}: starts a period under unknown rule ${r}`);
        else if (untrackableRules().has(r))
          problems.push(`${where}: starts a period under rule ${r}, which ${untrackableRules().get(r)}`);
      if (e.op !== 'start' && !startedKeys.has(e.key))
        problems.push(`${where}: ${e.op}s period ${e.key}, which no step of ${kind.id} starts`);
    }
    for (const d of step.documents ?? []) {
      if (!templates.has(d.template))
        problems.push(`${where}: issues template ${d.template.id}, which ${line.id} does not declare`);
    }
    problems.push(...showWhenProblems(step.schema, where));
  }
  for (const [name, a] of Object.entries(kind.actions)) {
    if (!ID.test(name)) problems.push(`${at}: action name ${name} is not an identifier`);
    for (const s of a.from) if (!kind.states[s]) problems.push(`${at}.${name}: from unknown state ${s}`);
    if (typeof a.to === 'string' && a.to !== 'same' && !kind.states[a.to])
      problems.push(`${at}.${name}: to unknown state ${a.to}`);
    if (!a.roles.length) problems.push(`${at}.${name}: no role may take it`);
    // A correction (更正) must be able to revert every row the step wrote.
    if (a.correctable && a.apply && !a.undo)
      problems.push(`${at}.${name}: correctable, but its apply has no undo`);
  }
  return problems;
}

/** The kernel's own parameters of GET /api/matters: a line's list filter may not take one of their names. */
export const KERNEL_LIST_PARAMS = [
  'line',
  'kind',
  'state',
  'q',
  'ownerOrgId',
  'region',
  'openedFrom',
  'openedTo',
  'overdue',
  'after',
  'limit',
];
const SQL_NAME = /^[a-z][a-z0-9_]*$/;

/** A list filter's table and column are spliced into the list's SQL: plain lower-case identifiers only. */
function listFilterProblems(line: LineDef): string[] {
  const problems: string[] = [];
  const ids = (line.listFilters ?? []).map((f) => f.id);
  for (const f of line.listFilters ?? []) {
    const at = `list filter ${f.id}`;
    if (!ID.test(f.id) || KERNEL_LIST_PARAMS.includes(f.id))
      problems.push(`${at}: not an identifier, or a parameter of the kernel's list`);
    if (ids.indexOf(f.id) !== ids.lastIndexOf(f.id)) problems.push(`${at} is declared twice`);
    if (!SQL_NAME.test(f.table) || !SQL_NAME.test(f.column))
      problems.push(`${at}: table ${f.table} and column ${f.column} must be plain SQL identifiers`);
    if (!line.vocabularies?.[f.vocabulary]) problems.push(`${at}: unknown vocabulary ${f.vocabulary}`);
  }
  return [...new Set(problems)];
}

/** Every problem of a line's declaration: duplicate ids and references that do not resolve. */
export function lineProblems(line: LineDef, reg: RegistryView): string[] {
  const problems: string[] = [];
  if (!ID.test(line.id)) problems.push(`line id ${line.id} is not an identifier`);
  if (reg.lineExists(line.id)) problems.push(`line ${line.id} is registered twice`);
  const known = new Set(allRules().map((r) => r.id));
  const seen = (what: string, ids: string[]) => {
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    for (const id of new Set(dup)) problems.push(`${what} ${id} is declared twice`);
  };
  seen(
    'kind',
    line.kinds.map((k) => k.id),
  );
  seen(
    'template',
    (line.templates ?? []).map((t) => t.id),
  );
  seen(
    'indicator',
    (line.indicators ?? []).map((i) => i.id),
  );
  seen(
    'report section',
    (line.reportSections ?? []).map((s) => s.id),
  );
  for (const kind of line.kinds) problems.push(...kindProblems(line, kind, known));
  const own = (id: string) => id.startsWith(`${line.id}.`) || id.startsWith(`${line.id}:`);
  for (const t of line.templates ?? []) {
    if (reg.templateTaken(t.id)) problems.push(`template ${t.id} is registered already`);
  }
  for (const i of line.indicators ?? []) {
    if (reg.indicatorTaken(i.id)) problems.push(`indicator ${i.id} is registered already`);
    if (i.line !== line.id && !own(i.id)) problems.push(`indicator ${i.id} names line ${i.line}`);
    if (!i.facts && !i.ratio) problems.push(`indicator ${i.id} has neither facts nor a ratio`);
    for (const v of vocabulariesNamedIn(i.facts ?? ''))
      if (
        !reg.vocabularyKnown(v) &&
        !(v.startsWith(`${line.id}.`) && line.vocabularies?.[v.slice(line.id.length + 1)])
      )
        problems.push(`indicator ${i.id} joins unknown vocabulary ${v}`);
    for (const part of i.ratio ? [i.ratio.numerator, i.ratio.denominator] : [])
      if (!reg.indicatorKnown(part) && !line.indicators?.some((o) => o.id === part))
        problems.push(`indicator ${i.id} divides by unknown indicator ${part}`);
  }
  for (const s of line.reportSections ?? []) {
    if (reg.sectionTaken(s.id)) problems.push(`report section ${s.id} is registered already`);
  }
  problems.push(...importProblems(line));
  problems.push(...listFilterProblems(line));
  for (const [name, labels] of Object.entries(line.vocabularies ?? {})) {
    if (!ID.test(name)) problems.push(`vocabulary ${name} is not an identifier`);
    if (!Object.keys(labels).length) problems.push(`vocabulary ${name} is empty`);
  }
  return problems;
}
