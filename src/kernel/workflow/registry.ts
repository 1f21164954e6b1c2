import { AppError } from '../../platform/http/errors.ts';
import type { LineDef, MatterKindDef } from './types.ts';

const lines = new Map<string, LineDef>();

/** Lines register themselves once at start-up (src/lines/index.ts). */
export function registerLine(line: LineDef) {
  for (const kind of line.kinds) {
    for (const [name, action] of Object.entries(kind.actions)) {
      for (const s of [...action.from, ...(typeof action.to === 'string' ? [action.to] : [])]) {
        if (!kind.states[s])
          throw new Error(`${line.id}/${kind.id}: action ${name} names unknown state ${s}`);
      }
    }
    if (!kind.states[kind.initial])
      throw new Error(`${line.id}/${kind.id}: unknown initial state ${kind.initial}`);
  }
  lines.set(line.id, line);
}

export const allLines = () => [...lines.values()];

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
