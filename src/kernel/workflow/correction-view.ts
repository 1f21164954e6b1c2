import type { OfficialDocSpec } from '../documents/index.ts';
import { chineseDate } from './templates.ts';
import type { MatterKindDef } from './types.ts';

/** A correction event as the timeline shows it: 更正 of which step, why, approved by whom. */
export function correctionEvent(
  e: { toState: string; payload: Record<string, unknown> } & Record<string, unknown>,
  kind: MatterKindDef,
) {
  const p = e.payload as { label?: string; seq?: number; reason?: string; approverName?: string | null };
  return {
    ...e,
    label: '更正',
    summary: `更正第 ${p.seq} 步「${p.label}」：${p.reason}${p.approverName ? `（经 ${p.approverName} 批准）` : ''}`,
    toStateLabel: kind.states[e.toState]?.label ?? e.toState,
  };
}

/** The issued document's spec with its 作废 mark: the date and reason of the correction that voided it. */
export function voidedSpec(fields: OfficialDocSpec, voidedOn: string, reason: string): OfficialDocSpec {
  return {
    ...fields,
    voidMark: `本文书已于${chineseDate(voidedOn)}更正作废，文号不再使用。\n作废理由：${reason}`,
  };
}
