// Shapes of the kernel API payloads (lines, matters, deadlines, rules, calendar, indicators), transcribed
// from the route handlers in src/kernel; the server stays the contract.
import type { Role } from '../types.ts';
import type { JsonSchema } from './schema.ts';

export interface StateDef {
  label: string;
  terminal?: boolean;
}

export interface ActionDef {
  label: string;
  from: string[];
  roles: Role[];
  primary: boolean;
  closes: boolean;
  schema: JsonSchema;
}

export interface KindDef {
  id: string;
  label: string;
  initial: string;
  states: Record<string, StateDef>;
  create: { label: string; roles: Role[]; schema: JsonSchema };
  actions: Record<string, ActionDef>;
}

export interface LineDef {
  id: string;
  label: string;
  kinds: KindDef[];
}

export interface MatterRow {
  id: number;
  line: string;
  kind: string;
  refNo: string;
  title: string;
  state: string;
  openedOn: string;
  closedOn: string | null;
  ownerOrgName: string;
  subjectOrgName: string | null;
  version: number;
  nextDue: string | null;
  nextDueProvisional: boolean | null;
  overdue: boolean | null;
  /** The nearest deadline's badge, computed by the server exactly as on the matter page. */
  nextDueBadge: DeadlineBadge | null;
  nextDueBadgeLabel: string | null;
}

export interface MatterPage {
  items: MatterRow[];
  nextAfter: number | null;
}

export type DeadlineBadge =
  | 'running'
  | 'dueSoon'
  | 'overdue'
  /** The period ran out and the law attaches a consequence (e.g. 期满视为受理): not a fault, a legal effect. */
  | 'lapsed'
  /** A party's period still running (the applicant's time to sue): never the office's to miss. */
  | 'partyPeriod'
  /** A guideline, duration or recurring period: shown, never due soon nor overdue. */
  | 'guideline'
  /** A minimum period that has run: the office may now act. */
  | 'elapsed'
  | 'paused'
  | 'met'
  | 'metLate'
  | 'stopped';

export interface Citation {
  law: string;
  article: string;
  text: string;
}

export interface DeadlineRuleInfo {
  id: string;
  event: string;
  kind: string;
  kindLabel: string;
  count: number | null;
  unit: string;
  citation: Citation;
  verified: boolean;
  onExpiry: string | null;
}

export interface Deadline {
  id: number;
  key: string;
  ruleId: string;
  kind: string;
  startOn: string;
  dueOn: string | null;
  status: string;
  provisional: boolean;
  pausedOn: string | null;
  endedOn: string | null;
  extendedDays?: number | null;
  /** The server's status of the deadline (deadline_status in SQL), the one definition of overdue. */
  badge: DeadlineBadge;
  badgeLabel: string;
  onExpiry: string | null;
  /** Days to the due date (negative once past), in the rule's unit; for a paused period, the days it had left. */
  daysLeft: number | null;
  dayUnit: 'working' | 'calendar' | null;
  /** The server's words for daysLeft: 剩 3 个工作日, 今日到期, 已超期 2 个工作日. */
  remainingText: string | null;
  rule: DeadlineRuleInfo;
}

/** A row of GET /api/deadlines: a deadline with the matter it belongs to. */
export interface DeadlineRow extends Deadline {
  matterId: number;
  refNo: string;
  title: string;
  line: string;
  matterKind: string;
  state: string;
}

export interface MatterEvent {
  id: number;
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  occurredOn: string;
  actorName: string | null;
  payload: Record<string, unknown>;
  recordedAt: string;
  /** The action's Chinese label ("登记行政复议申请" for the create event). */
  label: string;
  /** One line written by the line from the payload, or null when the line has none for this action. */
  summary: string | null;
  toStateLabel: string;
}

/** A block of the line's own facts on the matter page: label/value pairs, or a table (e.g. the parties). */
export interface DetailSection {
  title: string;
  fields?: { label: string; value: string | number | boolean | null }[];
  table?: { columns: string[]; rows: (string | number | boolean | null)[][] };
}

export interface IssuedDocument {
  id: number;
  kind: string;
  title: string;
  docNumber: string;
  issuedOn: string;
}

export interface Attachment {
  id: number;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface AllowedAction {
  action: string;
  label: string;
  primary: boolean;
  /** Whether the step's preconditions hold now; if not, `reason` says why (the server still judges each step). */
  available: boolean;
  reason: string | null;
}

export interface MatterDetail {
  matter: {
    id: number;
    line: string;
    kind: string;
    refNo: string;
    title: string;
    state: string;
    stateLabel: string;
    kindLabel: string;
    ownerOrgId: number;
    ownerOrgName: string;
    subjectOrgName: string | null;
    openedOn: string;
    closedOn: string | null;
    version: number;
  };
  events: MatterEvent[];
  deadlines: Deadline[];
  documents: IssuedDocument[];
  attachments: Attachment[];
  allowedActions: AllowedAction[];
  details: DetailSection[];
  today: string;
}

/** A paragraph of the annual report a line contributes (GET /api/reports/sections). */
export interface ReportSection {
  id: string;
  line: string;
  title: string;
  order: number;
  /** Text with {{indicator}}, {{indicator|yoy}}, {{indicator|change}}, {{indicator|previous}} placeholders. */
  template: string;
}

/** POST /api/reports/compose: the server escapes all text; `html` only adds links around the figures. */
export interface ComposedReport {
  html: string;
  text: string;
}

export interface CreateResult {
  id: number;
  refNo: string;
  warnings?: string[];
}

export interface Notification {
  id: number;
  kind: string;
  matterId: number | null;
  title: string;
  body: string | null;
  createdOn: string;
  readAt: string | null;
}

export interface Rule {
  id: string;
  line: string;
  lineName: string;
  event: string;
  kind: string;
  kindLabel: string;
  unit: string;
  count: number | null;
  citation: Citation;
  verified: boolean;
  inForceFrom: string;
  inForceTo: string | null;
  onExpiry: string | null;
  notes: string | null;
  version: string;
}

export interface PeriodResult {
  start: string;
  days: number;
  unit: string;
  due: string;
  provisional: boolean;
  counted: string;
}

export interface RuleDue {
  ruleId: string;
  start: string;
  due: string;
  provisional: boolean;
  kindLabel: string;
  count: number | null;
  unit: string;
  event: string;
  citation: Citation;
  verified: boolean;
  onExpiry: string | null;
}

export interface CalendarYear {
  year: number;
  official: boolean;
  notice: string;
  source: string;
  holidays: { start: string; end: string; name: string }[];
  workdays: string[];
}

export interface CalendarStatus {
  today: string;
  years: CalendarYear[];
  nextYear: number;
  nextYearLoaded: boolean;
  banner: string | null;
}

export interface IndicatorDef {
  id: string;
  name: string;
  line: string;
  unit: string;
  definition: string;
  kind: 'flow' | 'stock';
  ratio?: { numerator: string; denominator: string };
  dimensions?: { id: string; label: string }[];
}

export interface IndicatorValue {
  id: string;
  name: string;
  line: string;
  unit: string;
  kind: string;
  definition: string;
  year: number;
  region: string;
  value: number;
  previous: number;
  yoy: number | null;
  yoyText: string;
  dimensions: { id: string; label: string }[];
}

export interface BreakdownRow {
  key: string;
  value: number;
  previous: number;
  yoy: number | null;
}

export interface IndicatorRecords {
  total: number;
  year: number;
  items: {
    id: number;
    refNo: string;
    title: string;
    state: string;
    line: string;
    kind: string;
    onDate: string;
    value: number;
    ownerOrgName: string;
  }[];
}
