import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.ts';
import type { Role } from '../../platform/access/roles.ts';
import type { Queryable, Tx } from '../../platform/db/pool.ts';

/** The matter as a line's guards, effects and templates see it. */
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
  /** Payloads of earlier events by action (the latest first), for guards that depend on history. */
  history: { action: string; occurredOn: string; payload: Record<string, unknown> }[];
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
      rule: string | ((data: P, m: MatterView) => string);
      /** When the period starts counting, if not on the event's date (e.g. the acceptance date, from history). */
      from?: (data: P, date: string, m: MatterView, tx: Tx) => string | Promise<string>;
      when?: (data: P, m: MatterView) => boolean;
    }
  | { op: 'meet' | 'stop' | 'pause' | 'resume'; key: string; when?: (data: P, m: MatterView) => boolean }
  | { op: 'extend'; key: string; days: (data: P) => number; when?: (data: P, m: MatterView) => boolean };

/** The fields of an official document as a template receives them. */
export interface DocumentIssue<P> {
  template: string;
  when?: (data: P, m: MatterView) => boolean;
}

export interface ActionDef<P = Record<string, unknown>> {
  label: string;
  /** States the action may be taken from. */
  from: readonly string[];
  to: string | ((data: P, m: MatterView) => string);
  /** Roles that may take it (within the matter owner's subtree). */
  roles: readonly Role[];
  schema: z.ZodType<P>;
  /** Returns a Chinese reason when the action is refused for this matter and data. */
  guard?: (data: P, m: MatterView, date: string) => string | null;
  deadlines?: DeadlineEffect<P>[];
  documents?: DocumentIssue<P>[];
  /** Line-specific writes (typed detail rows) inside the same transaction. */
  apply?: (ctx: EventContext<P>) => Promise<void>;
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
  table?: { columns: string[]; rows: (string | null)[][] };
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
  };
  // biome-ignore lint/suspicious/noExplicitAny: each action has its own payload type; the engine validates it with the action's schema
  actions: Record<string, ActionDef<any>>;
  /** The line's own facts shown on the matter page; read in the request's transaction, after the scope check. */
  details?: (db: Queryable, matterId: number) => Promise<DetailSection[]>;
  /** Reference number of a new matter from its year and sequence, e.g. 镇司复收〔2024〕12号. */
  refNo: (year: number, seq: number) => string;
}

export interface LineDef {
  id: string;
  label: string;
  // biome-ignore lint/suspicious/noExplicitAny: each kind has its own creation payload type, validated by its schema
  kinds: MatterKindDef<any>[];
}

/** Declares an action with its payload typed from its schema (the kind's action table holds them untyped). */
export const action = <P>(def: ActionDef<P>): ActionDef<P> => def;
