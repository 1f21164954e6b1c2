import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.ts';
import type { Role } from '../../platform/access/roles.ts';
import type { Db, Queryable, Tx } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import type { ImportDef } from '../import/types.ts';
import type { IndicatorDef } from '../indicators/registry.ts';
import type { ReportSection } from '../reports/sections.ts';
import type { Rule } from '../rules/rules.ts';
import type { TemplateDef } from './templates.ts';

export type Awaitable<T> = T | Promise<T>;

/** The matter as a line's checks, effects and templates see it. */
export interface MatterView {
  id: number;
  line: string;
  kind: string;
  refNo: string;
  title: string;
  state: string;
  ownerOrgId: number;
  subjectOrgId: number | null;
  regionCode: string;
  openedOn: string;
  closedOn: string | null;
  version: number;
  /** Payloads of earlier events by action (the latest first), for checks that depend on history. */
  history: HistoryEntry[];
}

export interface HistoryEntry {
  action: string;
  occurredOn: string;
  payload: Record<string, unknown>;
}

export interface FieldError {
  field: string;
  message: string;
}

/** Why an action is refused: a Chinese sentence, or that sentence with the form fields it concerns. */
export type Refusal = string | { message: string; errors: FieldError[] } | null | undefined;

/** A period of the matter as a check sees it: the live one under its key, or else the latest. */
export interface DeadlineState {
  key: string;
  ruleId: string;
  status: 'running' | 'paused' | 'met' | 'stopped' | 'notStarted';
  startOn: string;
  dueOn: string | null;
  endedOn: string | null;
}

/** What a precondition sees: the matter in the step's transaction, and the kernel's helpers. */
export interface MatterContext {
  tx: Tx;
  actor: Actor;
  matter: MatterView;
  /** The business date of the step being considered (today when the matter page asks what is possible). */
  date: string;
  /** The matter's period under `key`: the running or paused one, or else the one that ended last. */
  deadline(key: string): Promise<DeadlineState | null>;
  /** The version of a rule that governs this matter: the law in force when the matter began. */
  rule(id: string): Rule;
  calendar(): Promise<WorkingCalendar>;
  /**
   * The date a rule's period counted from `from` ends on, as the rule counts (working days, calendar days,
   * months; backwards for a "至迟于事件前" rule): the checks' "at least N working days before" from the law.
   */
  due(ruleId: string, from: string): Promise<string>;
  /** The latest earlier step of this action, if any. */
  last(action: string): HistoryEntry | undefined;
}

export interface CheckContext<P> extends MatterContext {
  data: P;
}

export interface EventContext<P> {
  tx: Tx;
  actor: Actor;
  matter: MatterView;
  /** The business date of the event. */
  date: string;
  data: P;
  eventId: number;
}

/** A deadline effect as a line declares it; `when` and functions see the event's data and the matter. */
export type DeadlineEffect<P> =
  | {
      op: 'start';
      key: string;
      /** The rule, or a choice among declared rules (so every rule a line can start is checked at start-up). */
      rule:
        | string
        | {
            among: readonly string[];
            /** The rule for this step; may read the records (a bureau setting pinned on the matter) through ctx. */
            pick: (data: P, m: MatterView, ctx: CheckContext<P>) => string | Promise<string>;
          };
      /**
       * When the period starts counting, if not on the event's date (e.g. the acceptance date, from history); null
       * when the law counts it from a receipt not yet recorded (自收到…之日起): the period is kept as notStarted
       * until a later step starts it under the same key from the day of receipt.
       */
      from?: (ctx: CheckContext<P>) => Awaitable<string | null>;
      /**
       * A count the step sets (e.g. the days a decision gives for redoing the act), in the rule's unit; the rule's own
       * when undefined. `date` is the step's business date (a count up to a date the step names).
       */
      count?: (data: P, m: MatterView, date: string) => number | undefined;
      when?: (data: P, m: MatterView) => boolean;
    }
  | { op: 'meet' | 'stop' | 'pause' | 'resume'; key: string; when?: (data: P, m: MatterView) => boolean }
  | { op: 'extend'; key: string; days: (data: P) => number; when?: (data: P, m: MatterView) => boolean };

/** A document a step issues: the template declared for the step's payload type, and when it is issued. */
export interface DocumentIssue<P> {
  template: TemplateDef<P>;
  when?: (data: P, m: MatterView) => boolean;
}

/**
 * Who may correct (更正) a step of this action, and whose approval the correction needs. Only the latest step that
 * stands may be corrected; the correction puts back the state, the deadlines and (through `undo`) the line's rows.
 */
export interface CorrectableDef {
  /** Roles that may record the correction (within the matter owner's subtree). */
  roles: readonly Role[];
  /** When set, a user holding one of these roles over the matter's owner (not the clerk) must be named as approver. */
  approval?: readonly Role[];
}

export interface ActionDef<P = Record<string, unknown>> {
  label: string;
  /** States the action may be taken from. */
  from: readonly string[];
  /** The state after the step: a state, `'same'` (a step that records without moving), or chosen from the data. */
  to: string | ((data: P, m: MatterView) => string);
  /** Roles that may take it (within the matter owner's subtree). */
  roles: readonly Role[];
  schema: z.ZodType<P>;
  /**
   * Preconditions that do not depend on what is typed (e.g. 尚未制发意见书): the matter page offers the action
   * only when they pass and says why otherwise. Checked again on every step.
   */
  requires?: (ctx: MatterContext) => Awaitable<Refusal>;
  /** Checks of the step's data against the matter and the records, in the step's transaction, before any write. */
  check?: (ctx: CheckContext<P>) => Awaitable<Refusal>;
  deadlines?: DeadlineEffect<P>[];
  documents?: DocumentIssue<P>[];
  /** Line-specific writes (typed detail rows) inside the same transaction; refusals belong in `check`. */
  apply?: (ctx: EventContext<P>) => Promise<void>;
  /** Reverts what `apply` wrote when the step is corrected; it sees the corrected step's data, date and event id. */
  undo?: (ctx: EventContext<P>) => Promise<void>;
  /** The step may be corrected (更正); a step whose `apply` writes rows must then declare `undo`. */
  correctable?: CorrectableDef;
  /** The matter is closed by this action (closed_on set to the event date). */
  closes?: boolean;
  /** Shown as the primary button in the UI. */
  primary?: boolean;
  /** Short Chinese summary of the event for the timeline. */
  describe?: (data: P) => string;
}

export interface NewMatter {
  title: string;
  ownerOrgId: number;
  subjectOrgId?: number | null;
  regionCode: string;
  openedOn: string;
  searchText: string;
  sensitive?: boolean;
  isDemo?: boolean;
}

/** A block of line-specific facts on the matter page (parties, the contested act, the suit's court …). */
export interface DetailSection {
  title: string;
  fields?: { label: string; value: string | null }[];
  table?: { columns: string[]; rows: (string | null)[][]; links?: (string | null)[] };
}

export interface MatterKindDef<C = Record<string, unknown>> {
  id: string;
  label: string;
  states: Record<string, { label: string; terminal?: boolean }>;
  initial: string;
  create: {
    label: string;
    roles: readonly Role[];
    schema: z.ZodType<C>;
    /** Checks against the database (a registry lookup, a duplicate) that a schema cannot make. */
    validate?: (
      tx: Tx,
      data: C,
      actor: Actor,
    ) => Promise<{ errors: { field: string; message: string }[]; warnings: string[] }>;
    toMatter: (data: C, actor: Actor, tx: Tx) => Promise<NewMatter>;
    apply?: (ctx: EventContext<C>) => Promise<void>;
    deadlines?: DeadlineEffect<C>[];
    documents?: DocumentIssue<C>[];
    /** The business date of creation (e.g. the date the application was received). */
    date: (data: C) => string;
    /** The form field holding that date, so an error about it lands on the field. */
    dateField?: string;
    /**
     * The offices where matters of this kind are registered (行政复议局 for applications, the mediation
     * organisations for cases). The engine already refuses a registration owned outside the actor's subtree; with
     * this the workbench, the lists and the import offer 登记 only to memberships above one of them, so a clerk of
     * one section is not offered another section's kinds because both hold the same role. Absent: role alone.
     */
    owners?: (db: Queryable) => Promise<number[]>;
  };
  // biome-ignore lint/suspicious/noExplicitAny: each action has its own payload type; the engine validates it with the action's schema
  actions: Record<string, ActionDef<any>>;
  /** The line's own facts shown on the matter page; read in the request's transaction, after the scope check. */
  details?: (db: Queryable, matterId: number) => Promise<DetailSection[]>;
  /**
   * The prefix of the matters' reference numbers, e.g. 镇司复收 → 镇司复收〔2024〕12号; a bureau overrides it in
   * settings (refPrefix.<line>.<kind>).
   */
  refPrefix: string;
}

/**
 * Everything a business line brings, in one declaration checked when the server starts (registerLine): a
 * duplicate id or a reference to a rule, template, period, field or state that does not exist stops the start.
 */
export interface LineDef {
  id: string;
  label: string;
  // biome-ignore lint/suspicious/noExplicitAny: each kind has its own creation payload type, validated by its schema
  kinds: MatterKindDef<any>[];
  // biome-ignore lint/suspicious/noExplicitAny: each template has the payload type of the step that issues it
  templates?: TemplateDef<any>[];
  indicators?: IndicatorDef[];
  reportSections?: ReportSection[];
  /** Code lists whose labels indicator SQL joins through the kernel's vocabulary table (labelJoin). */
  vocabularies?: Record<string, Record<string, string>>;
  /** Ledger imports (台账导入): spreadsheet columns mapped into a kind's intake payload (kernel/import). */
  imports?: ImportDef[];
  /** Data upgrades run at every start after the migrations (idempotent), e.g. moving old rows into the registry. */
  upgrade?: (db: Db) => Promise<void>;
  /**
   * Sections this line adds to the page of a matter of *another* line it is linked with (调解+复议: the mediation's
   * outcome shown on the reconsideration application), read in the request's transaction after the scope check.
   * So a hand-off's result goes back onto the other line's matter without either line importing the other.
   */
  linkedDetails?: (
    db: Queryable,
    matter: { id: number; line: string; kind: string },
  ) => Promise<DetailSection[]>;
  /** Its matters belong to organisations in the towns (region codes below the district): lists filter by 镇街. */
  byTown?: boolean;
  /** Filters the matter list offers for this line besides the kernel's (纠纷类型 for mediation cases). */
  listFilters?: ListFilterDef[];
  /** The line's own routes besides its matters' (registries such as the mediator pool), under /api/lines/<line>/. */
  routes?: (app: App, deps: { db: Db; today?: () => string }) => Promise<void>;
  /**
   * The towns' ranking a line computes (the township evaluation, 考评), shown on the leaders' dashboard: the kernel
   * imports no line, so the line that owns the ranking hands it over here.
   */
  townRanking?: (
    db: Queryable,
    year: number,
    today: string,
  ) => Promise<{ town: string; name: string; total: number; rank: number; tier: string }[]>;
}

/**
 * A list filter of a line: a code of one of the line's vocabularies, compared with a column of the line's detail table
 * (one row per matter, keyed by matter_id) or of matters itself. The list asks `EXISTS (… table.column = value)`
 * only when the filter is used; index the column (with matter_id) where a page must stay fast.
 */
export interface ListFilterDef {
  /** The query parameter of GET /api/matters, e.g. disputeType. */
  id: string;
  label: string;
  table: string;
  column: string;
  /** The name of the line's vocabulary holding the codes and their labels. */
  vocabulary: string;
}

/** Declares an action with its payload typed from its schema (the kind's action table holds them untyped). */
export const action = <P>(def: ActionDef<P>): ActionDef<P> => def;
