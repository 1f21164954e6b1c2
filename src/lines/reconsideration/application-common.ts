/** What the application's actions share: who acts, and what the history says about the procedure. */
import type { Rule } from '../../kernel/rules/rules.ts';
import type { MatterView } from '../../kernel/workflow/types.ts';
import type { Tx } from '../../platform/db/pool.ts';

export const staff = ['sectionStaff', 'admin'] as const;

/** The procedure the matter is heard under now: chosen on acceptance, possibly converted to ordinary (Art. 55). */
export function procedureOf(m: MatterView): 'ordinary' | 'simplified' {
  if (m.history.some((h) => h.action === 'convertToOrdinary')) return 'ordinary';
  const accepted = m.history.find((h) => h.action === 'accept');
  return accepted?.payload.procedure === 'simplified' ? 'simplified' : 'ordinary';
}

export const acceptedOn = (m: MatterView) =>
  m.history.find((h) => h.action === 'accept')?.occurredOn ?? m.openedOn;

export async function setProcedure(tx: Tx, matterId: number, procedure: string | null) {
  await tx.query('UPDATE reconsideration_applications SET procedure = $2 WHERE matter_id = $1', [
    matterId,
    procedure,
  ]);
}

/** States after acceptance in which the case is being heard. */
export const hearing = ['review'] as const;
export const closedStates = ['decided', 'mediated', 'terminated'] as const;

/** Applications received before 2024-01-01 follow the 2017 law, whose review rule has an end of validity. */
export const underLaw2017 = (rule: (id: string) => Rule) => rule('xzfy.accept.review').inForceTo !== null;
