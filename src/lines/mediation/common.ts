/** What the case's actions share: who acts, and what the history says about where the case came from. */
import type { MatterView } from '../../kernel/workflow/types.ts';
import { courtSources, type Source } from './labels.ts';

/** A committee's mediators, the township office over its committees, the bureau's section, the administrator. */
export const staff = ['mediator', 'townshipStaff', 'sectionStaff', 'admin'] as const;

/** The case's source, from its intake event (the history keeps it; no query needed). */
export const sourceOf = (m: MatterView): Source | undefined =>
  m.history.find((h) => h.action === 'create')?.payload.source as Source | undefined;

/** Court referrals run the court's period (courtTerm); other cases the one-month guideline (term). */
export const isCourtCase = (m: MatterView) => {
  const s = sourceOf(m);
  return s !== undefined && courtSources.includes(s);
};
export const periodKey = (m: MatterView) => (isCourtCase(m) ? 'courtTerm' : 'term');
