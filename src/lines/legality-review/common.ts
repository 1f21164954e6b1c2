/** What the item's actions share: who acts, and what the history and the matter say about the item. */
import type { MatterView } from '../../kernel/workflow/types.ts';
import type { ItemKind } from './labels.ts';

/** The district centre's staff (at the bureau or its section), a town centre's 法审员 (at the justice office), admins. */
export const staff = ['sectionStaff', 'townshipStaff', 'admin'] as const;

const created = (m: MatterView) => m.history.find((h) => h.action === 'create')?.payload ?? {};

export const itemKindOf = (m: MatterView) => created(m).itemKind as ItemKind;

/** The review time on offer: the latest resubmission's, else the submission's. */
export const offeredDaysOf = (m: MatterView) =>
  Number(m.history.find((h) => h.action === 'resubmit')?.payload.offeredDays ?? created(m).offeredDays);

/** A town centre's item: the matter belongs to the town (a 9-digit region), the district centre's to the district. */
export const isTownItem = (m: Pick<MatterView, 'regionCode'>) => m.regionCode.length > 6;
