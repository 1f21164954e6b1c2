// Shapes of the kernel API payloads, inferred from the server's response schemas (src/kernel/*/contracts.ts):
// the server's contract is the one definition. Type-only imports: vite erases them, no server code is bundled.
import type { z } from 'zod';
import type * as calendar from '../../../src/kernel/calendar/contracts.ts';
import type * as changes from '../../../src/kernel/changes/contracts.ts';
import type * as dashboard from '../../../src/kernel/dashboard/contracts.ts';
import type * as deadlines from '../../../src/kernel/deadlines/contracts.ts';
import type * as imports from '../../../src/kernel/import/contracts.ts';
import type * as indicators from '../../../src/kernel/indicators/contracts.ts';
import type * as parties from '../../../src/kernel/parties/contracts.ts';
import type * as profile from '../../../src/kernel/profile/contracts.ts';
import type * as reports from '../../../src/kernel/reports/contracts.ts';
import type * as rules from '../../../src/kernel/rules/contracts.ts';
import type * as workbench from '../../../src/kernel/workbench/contracts.ts';
import type * as workflow from '../../../src/kernel/workflow/contracts.ts';
import type { Json } from '../../../src/platform/http/contracts.ts';
import type { JsonSchema } from './schema.ts';

/** What the client receives for a response schema: its output type in JSON form (timestamps as strings). */
export type Wire<S extends z.ZodType> = Json<z.infer<S>>;

/** The server sends each form's JSON Schema as an open record; the form renderer reads it as `JsonSchema`. */
type WithFormSchema<T> = Omit<T, 'schema'> & { schema: JsonSchema };

type KindContract = Wire<typeof workflow.kindDef>;
export type StateDef = Wire<typeof workflow.stateDef>;
export type ActionDef = WithFormSchema<Wire<typeof workflow.actionDef>>;
export type KindDef = Omit<KindContract, 'create' | 'actions'> & {
  create: WithFormSchema<KindContract['create']>;
  actions: Record<string, ActionDef>;
};
export type LineDef = Omit<Wire<typeof workflow.lineDef>, 'kinds'> & { kinds: KindDef[] };

export type MatterRow = Wire<typeof workflow.matterRow>;
export type MatterPage = Wire<typeof workflow.matterPage>;
export type MatterEvent = Wire<typeof workflow.matterEvent>;
export type DetailSection = Wire<typeof workflow.detailSection>;
export type IssuedDocument = Wire<typeof workflow.issuedDocument>;
export type CorrectionOffer = Wire<typeof workflow.correctionOffer>;
export type Attachment = Wire<typeof workflow.attachment>;
export type AllowedAction = Wire<typeof workflow.allowedAction>;
export type MatterDetail = Wire<typeof workflow.matterDetail>;
export type CreateResult = Wire<typeof workflow.createResult>;

export type DeadlineBadge = Wire<typeof deadlines.deadlineBadge>;
export type DeadlineRuleInfo = Wire<typeof deadlines.deadlineRule>;
export type Deadline = Wire<typeof deadlines.deadline>;
/** A row of GET /api/deadlines: a deadline with the matter it belongs to. */
export type DeadlineRow = Wire<typeof deadlines.deadlineRow>;
export type Notification = Wire<typeof deadlines.notification>;

export type Citation = Wire<typeof rules.citation>;
export type Rule = Wire<typeof rules.rule>;
export type PeriodResult = Wire<typeof rules.periodResult>;
export type RuleDue = Wire<typeof rules.ruleDue>;

export type CalendarYear = Wire<typeof calendar.calendarYear>;
export type CalendarStatus = Wire<typeof calendar.calendarStatus>;
export type PendingChange = Wire<typeof changes.pendingChange>;
export type EntryChange = Wire<typeof changes.entryChange>;
export type ProfileView = Wire<typeof profile.profileView>;
export type ProfileEntry = Wire<typeof profile.profileEntry>;
export type ProfileVersionList = Wire<typeof profile.profileVersionList>;

export type IndicatorDef = Wire<typeof indicators.indicatorDef>;
export type IndicatorValue = Wire<typeof indicators.indicatorValue>;
export type BreakdownRow = Wire<typeof indicators.breakdownRow>;
export type IndicatorRecords = Wire<typeof indicators.indicatorRecords>;

export type ReportSection = Wire<typeof reports.reportSection>;
export type ComposedReport = Wire<typeof reports.composedReport>;

export type PartySummary = Wire<typeof parties.partySummary>;
export type PartyPage = Wire<typeof parties.partyPageSchema>;

export type Workbench = Wire<typeof workbench.workbench>;
export type WaitingItem = Wire<typeof workbench.waitingItem>;

export type Dashboard = Wire<typeof dashboard.dashboard>;

export type ImportKind = Wire<typeof imports.importKind>;
export type ImportBatch = Wire<typeof imports.importBatch>;
export type ImportRow = Wire<typeof imports.importRow>;
