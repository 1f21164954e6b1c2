import { AppError } from '../../platform/http/errors.ts';
import { allLines, getKind } from '../workflow/registry.ts';
import type { LineDef, MatterKindDef } from '../workflow/types.ts';
import type { ImportDef } from './types.ts';

export interface DeclaredImport {
  line: LineDef;
  kind: MatterKindDef;
  def: ImportDef;
}

/** Every import the registered lines declare. */
export const allImports = (): DeclaredImport[] =>
  allLines().flatMap((line) =>
    (line.imports ?? []).map((def) => ({ line, kind: getKind(line.id, def.kind), def })),
  );

export function getImport(lineId: string, kindId: string): DeclaredImport {
  const hit = allImports().find((i) => i.line.id === lineId && i.kind.id === kindId);
  if (!hit) throw new AppError('NOT_FOUND', `业务类型 ${lineId}/${kindId} 没有台账导入`);
  return hit;
}
