import type { Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { getIndicator, registerIndicator } from '../indicators/registry.ts';
import { getReportSection, registerReportSection } from '../reports/sections.ts';
import { lineProblems } from './line-contract.ts';
import { getTemplate, registerTemplate } from './templates.ts';
import type { DetailSection, LineDef, MatterKindDef } from './types.ts';
import { registerVocabularies, vocabularyKnown } from './vocabulary.ts';

const lines = new Map<string, LineDef>();

/**
 * Lines register themselves once at start-up (src/lines/index.ts). The whole declaration is checked first
 * (line-contract.ts): a duplicate id or an unresolved reference stops the start with every problem listed.
 * Registering the same declaration again is a no-op.
 */
export function registerLine(line: LineDef) {
  if (lines.get(line.id) === line) return;
  const problems = lineProblems(line, {
    lineExists: (id) => lines.has(id),
    templateTaken: (id) => {
      try {
        getTemplate(id);
        return true;
      } catch {
        return false;
      }
    },
    indicatorTaken: (id) => getIndicator(id) !== undefined,
    indicatorKnown: (id) => getIndicator(id) !== undefined,
    sectionTaken: (id) => getReportSection(id) !== undefined,
    vocabularyKnown,
  });
  if (problems.length)
    throw new Error(`business line ${line.id} is declared wrongly:\n- ${problems.join('\n- ')}`);
  for (const t of line.templates ?? []) registerTemplate(t);
  for (const i of line.indicators ?? []) registerIndicator(i);
  for (const s of line.reportSections ?? []) registerReportSection(s);
  registerVocabularies(line.id, line.vocabularies ?? {});
  lines.set(line.id, line);
}

export const allLines = () => [...lines.values()];

/** The sections other lines add to a matter's page (LineDef.linkedDetails), in the order the lines registered. */
export async function linkedDetails(db: Queryable, m: { id: number; line: string; kind: string }) {
  const sections: DetailSection[] = [];
  for (const line of lines.values())
    if (line.id !== m.line && line.linkedDetails) sections.push(...(await line.linkedDetails(db, m)));
  return sections;
}

export function getKind(lineId: string, kindId: string): MatterKindDef {
  const kind = lines.get(lineId)?.kinds.find((k) => k.id === kindId);
  if (!kind) throw new AppError('NOT_FOUND', `没有业务类型 ${lineId}/${kindId}`);
  return kind;
}

export function getLine(lineId: string): LineDef {
  const line = lines.get(lineId);
  if (!line) throw new AppError('NOT_FOUND', `没有业务条线 ${lineId}`);
  return line;
}
