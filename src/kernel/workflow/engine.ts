import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/pool.ts';
import { named, withTx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { compareDates, todayInChina } from '../calendar/index.ts';
import { storedPayload } from '../personal-data/redact.ts';
import { rolesOnMatter, rolesOver, writingOrgs } from './access.ts';
import type { Idempotency } from './idempotency.ts';
import { insertNewMatter, insertWholeMatter } from './insert-matter.ts';
import { loadMatterView } from './matter-view.ts';
import { finishNewMatter, numberMatter } from './numbering.ts';
import { getKind } from './registry.ts';
import { matterContext, refuse, withData } from './step-context.ts';
import { issueStepDocuments, plannedStarts, runEffects } from './step-effects.ts';
import type { ActionDef, MatterKindDef, MatterView } from './types.ts';

export interface EngineOptions {
  /** Today's business date; tests and the demo generator set it, the server uses Asia/Shanghai today. */
  today?: string;
  /** Idempotency-Key hooks: a replay returns the first result; the key is stored with the action. */
  idempotency?: Idempotency;
  /** The line and kind the caller addressed: a matter of another kind is "not found" there. */
  expect?: { line: string; kind: string };
  /**
   * createMatter only: leave the number, the documents and the audit entry to finishCreated(tx, batch) (finish-created.ts) at the end
   * of the caller's transaction (an import of many rows), so that the counters' row locks, held to commit, are
   * taken once per transaction for a few statements instead of once per row.
   */
  batch?: CreatedBatch;
}

/** Matters created in one transaction, waiting for finishCreated. */
export type CreatedBatch = {
  actor: Actor;
  m: MatterView;
  kind: MatterKindDef;
  eventId: number;
  date: string;
  input: Record<string, unknown>;
}[];

export function assertDate(
  date: string,
  m: { openedOn?: string; lastEventOn?: string } | null,
  today: string,
  field = 'date',
) {
  if (compareDates(date, today) > 0) {
    throw new AppError('VALIDATION', `日期 ${date} 晚于今天（${today}），不能登记将来的事件`, {
      errors: [{ field, message: '日期不能晚于今天' }],
    });
  }
  if (m?.lastEventOn && compareDates(date, m.lastEventOn) < 0) {
    throw new AppError('VALIDATION', `日期 ${date} 早于上一环节（${m.lastEventOn}），请按办理顺序登记`, {
      errors: [{ field, message: '日期早于上一环节' }],
    });
  }
}

/**
 * The next event number of the matter bound to $1, inside the INSERT (the matter row is locked): the history the
 * line sees leaves out voided steps and corrections, the numbering does not.
 */
export const NEXT_SEQ = '(SELECT coalesce(max(seq), 0) + 1 FROM matter_events WHERE matter_id = $1)';

/** Creates a matter of a line's kind: the matter row, its first event, deadlines, documents and audit in one transaction. */
export async function createMatter(
  db: Db,
  actor: Actor,
  lineId: string,
  kindId: string,
  data: unknown,
  opts: EngineOptions = {},
) {
  const kind: MatterKindDef = getKind(lineId, kindId);
  const input = kind.create.schema.parse(data) as Record<string, unknown>;
  const today = opts.today ?? todayInChina();
  const date = kind.create.date(input);
  assertDate(date, null, today, kind.create.dateField);
  /**
   * `autocommit`: `tx` is a connection outside any transaction and only the one statement of insertWholeMatter
   * writes; anything that would need more answers IN_TRANSACTION.
   */
  let triedWhole = false;
  const create = async (tx: Tx, autocommit: boolean) => {
    const prior = await opts.idempotency?.check(tx);
    if (prior !== undefined) return prior as never;
    // Permission first: the checks against the records (duplicates, registered case numbers) would otherwise
    // tell someone who may not register here what is on file.
    const nm = await kind.create.toMatter(input, actor, tx);
    const forbidden = () => new AppError('FORBIDDEN', `您无权在该机构登记「${kind.label}」`);
    // Without checks against the records, the INSERT itself checks the permission (one round trip fewer).
    const checkedInInsert = !kind.create.validate && actor.userId !== null;
    if (!checkedInInsert) {
      const roles = await rolesOver(tx, actor, nm.ownerOrgId, lineId);
      if (!kind.create.roles.some((r) => roles.has(r))) throw forbidden();
    }
    const via = checkedInInsert ? writingOrgs(actor, kind.create.roles) : [];
    if (checkedInInsert && !via.length) throw forbidden();
    const checked = kind.create.validate
      ? await kind.create.validate(tx, input, actor)
      : { errors: [], warnings: [] };
    if (checked.errors.length) {
      throw new AppError('VALIDATION', checked.errors.map((e) => e.message).join('；'), {
        errors: checked.errors,
      });
    }
    const payload = storedPayload(input);
    const year = Number(date.slice(0, 4));
    const closedOn = kind.states[kind.initial]?.terminal ? date : null;
    // Without documents to render first, the INSERT takes the number; the periods and the audit entry go in the
    // same statement (insertWholeMatter) or, where the periods need the written matter, in one after. A reply kept
    // for its Idempotency-Key is stored after them.
    const numberedAtInsert = !kind.create.documents?.length && !opts.batch;
    const numbering = { line: lineId, kind: kindId, defaultPrefix: kind.refPrefix, year };
    const permittedVia = checkedInInsert ? via : null;
    const newRow = {
      line: lineId,
      kind: kindId,
      title: nm.title,
      ownerOrgId: nm.ownerOrgId,
      regionCode: nm.regionCode,
      subjectOrgId: nm.subjectOrgId ?? null,
      state: kind.initial,
      openedOn: date,
      // A kind registered closed in one step (a dispute mediated on the spot) is closed the day it is registered.
      closedOn,
      isDemo: nm.isDemo ?? false,
      sensitive: nm.sensitive ?? false,
      searchText: nm.searchText,
      payload: JSON.stringify(payload),
    };
    const draftOf = (id: number, refNo: string): MatterView & { fresh: true } => ({
      id,
      line: lineId,
      kind: kindId,
      refNo,
      title: nm.title,
      state: kind.initial,
      ownerOrgId: nm.ownerOrgId,
      subjectOrgId: nm.subjectOrgId ?? null,
      regionCode: nm.regionCode,
      openedOn: date,
      closedOn,
      version: 1,
      history: [{ action: 'create', occurredOn: date, payload: JSON.parse(JSON.stringify(payload)) }],
      fresh: true,
    });
    const created = (id: number, refNo: string) => ({
      id,
      refNo,
      state: kind.initial,
      version: 1,
      warnings: checked.warnings,
      documents: [],
    });
    const stored = async (id: number, refNo: string) => {
      const result = created(id, refNo);
      await opts.idempotency?.store(tx, result);
      return result;
    };
    // Tried once: a statement that found the calendar changed would find it changed again.
    if (numberedAtInsert && !triedWhole) {
      triedWhole = true;
      const planned = await plannedStarts(tx, actor, draftOf(0, ''), date, input, kind.create);
      if (planned) {
        const reply =
          autocommit && opts.idempotency
            ? { ...opts.idempotency.record, warnings: checked.warnings }
            : undefined;
        const whole = await insertWholeMatter(tx, actor, newRow, {
          permittedVia,
          numbering,
          ...planned,
          reply,
        });
        if (whole.written) return autocommit ? created(whole.id, whole.refNo) : stored(whole.id, whole.refNo);
        if (whole.reason === 'forbidden') throw forbidden();
      }
    }
    if (autocommit) return IN_TRANSACTION;
    const row = await insertNewMatter(tx, actor, newRow, {
      permittedVia,
      numbering: numberedAtInsert ? numbering : null,
    });
    if (!row) throw forbidden();
    const { id, eventId, calendar } = row;
    const draft = draftOf(id, numberedAtInsert ? row.refNo : '');
    const started = await runEffects(
      tx,
      actor,
      draft,
      date,
      input,
      eventId,
      kind.create,
      calendar,
      numberedAtInsert,
    );
    if (opts.batch) {
      const { fresh: _, ...m } = draft;
      opts.batch.push({ actor, m, kind, eventId, date, input });
      // Its reference is the placeholder until finishCreated: a later row's check may name it.
      return created(id, row.refNo);
    }
    if (numberedAtInsert) {
      const periods = started && {
        rows: started,
        ownerOrgId: nm.ownerOrgId,
        regionCode: nm.regionCode,
        eventId,
      };
      await finishNewMatter(tx, actor, { id, refNo: row.refNo, line: lineId, kind: kindId }, periods);
      return stored(id, row.refNo);
    }
    const refNo = await numberMatter(tx, id, numbering);
    const { fresh: _, ...m } = { ...draft, refNo };
    const documents = await issueStepDocuments(tx, m, date, input, eventId, kind.create.documents);
    const result = { id, refNo, state: kind.initial, version: 1, warnings: checked.warnings, documents };
    await opts.idempotency?.store(tx, result);
    await audit(tx, actor, {
      action: `matter.create`,
      objectType: 'matter',
      objectId: id,
      summary: { line: lineId, kind: kindId, refNo },
    });
    return result;
  };
  // A creation whose statement makes all its checks (none against the records, no documents, no line effect that
  // needs the written matter) runs outside a transaction: the statement commits itself, so its kind's counter row
  // is held for that commit alone, not also for the round trip to this process and back with COMMIT — concurrent
  // registrations of one kind queue on that row. Its Idempotency-Key is stored by the statement.
  if (!kind.create.documents?.length && !opts.batch && !kind.create.validate && !kind.create.apply) {
    const client = await db.connect();
    try {
      const done = await create(client, true);
      if (done !== IN_TRANSACTION) return done;
    } catch (err) {
      // A request with the same key was written meanwhile: the transaction's check below waits for it and replays it.
      if (!opts.idempotency || (err as { constraint?: unknown }).constraint !== 'idempotency_keys_pkey')
        throw err;
    } finally {
      client.release();
    }
  }
  const result = await withTx(db, (tx) => create(tx, false));
  if (result === IN_TRANSACTION) throw new Error('createMatter: a creation in a transaction asked for one');
  return result;
}

/** What a creation tried outside a transaction answers when it must be written the longer way, in one. */
const IN_TRANSACTION = Symbol('inTransaction');

export interface TransitionInput {
  version: number;
  date: string;
  data?: unknown;
}

/** The actions the actor may take on a matter now: its state allows them and the actor holds one of their roles. */
export function allowedActions(kind: MatterKindDef, state: string, roles: Set<string>) {
  return Object.entries(kind.actions)
    .filter(([, a]) => a.from.includes(state) && a.roles.some((r) => roles.has(r)))
    .map(([name, a]) => ({ action: name, label: a.label, primary: a.primary ?? false }));
}

/** The state a step leads to: `'same'` and a chosen state are resolved and checked against the kind's states. */
// biome-ignore lint/suspicious/noExplicitAny: the step's payload was checked by its schema
function targetState(kind: MatterKindDef, def: ActionDef<any>, data: unknown, m: MatterView) {
  const to = typeof def.to === 'function' ? def.to(data, m) : def.to;
  const state = to === 'same' ? m.state : to;
  if (!kind.states[state]) throw new Error(`${m.line}/${m.kind}: a step leads to unknown state ${state}`);
  return state;
}

/**
 * The actions offered on the matter page: those the state and the actor's roles allow, each with whether its
 * preconditions hold today and, if not, why. A step that records without moving and was taken already is no
 * longer highlighted as the next one. The server still judges every step when it is taken.
 */
export async function offeredActions(tx: Tx, actor: Actor, m: MatterView, roles: Set<string>, today: string) {
  const kind = getKind(m.line, m.kind);
  const ctx = matterContext(tx, actor, m, today);
  const offered = [];
  for (const a of allowedActions(kind, m.state, roles)) {
    const def = kind.actions[a.action]!;
    const refusal = await def.requires?.(ctx);
    const reason = !refusal ? null : typeof refusal === 'string' ? refusal : refusal.message;
    const done = def.to === 'same' && m.history.some((h) => h.action === a.action);
    offered.push({ ...a, primary: a.primary && !reason && !done, available: !reason, reason });
  }
  return offered;
}

/** Applies one transition in one transaction: checks, event, state, line effects, deadlines, documents, audit. */
export async function transition(
  db: Db,
  actor: Actor,
  matterId: number,
  action: string,
  input: TransitionInput,
  opts: EngineOptions = {},
) {
  const today = opts.today ?? todayInChina();
  return withTx(db, async (tx) => {
    const prior = await opts.idempotency?.check(tx);
    if (prior !== undefined) return prior as never;
    const m = await loadMatterView(tx, matterId, { lock: true, actor });
    if (opts.expect && (opts.expect.line !== m.line || opts.expect.kind !== m.kind)) {
      throw new AppError('NOT_FOUND', '该案件不属于此业务类型');
    }
    const kind = getKind(m.line, m.kind);
    const roles = await rolesOnMatter(tx, actor, m);
    const current = { id: m.id, state: m.state, stateLabel: kind.states[m.state]?.label, version: m.version };
    if (m.version !== input.version) {
      throw new AppError(
        'VERSION_CONFLICT',
        `该案件已被他人办理（当前状态：${current.stateLabel}），请刷新后再操作`,
        { current },
      );
    }
    const def = kind.actions[action];
    const allowed = allowedActions(kind, m.state, roles);
    if (!def?.from.includes(m.state) || !def.roles.some((r) => roles.has(r))) {
      const what = def ? `「${def.label}」` : `“${action}”`;
      const why = !def
        ? '没有这个操作'
        : !def.from.includes(m.state)
          ? `当前状态「${current.stateLabel}」下不能${what}`
          : `您无权执行${what}`;
      throw new AppError(
        def?.from.includes(m.state) ? 'FORBIDDEN' : 'ACTION_NOT_ALLOWED',
        `${why}。可执行的操作：${allowed.map((a) => a.label).join('、') || '无'}`,
        {
          current,
          allowedActions: allowed,
        },
      );
    }
    const parsed = def.schema.safeParse(input.data ?? {});
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({
        field: ['data', ...i.path].join('.'),
        message: i.message,
      }));
      throw new AppError('VALIDATION', errors.map((e) => `${e.field}：${e.message}`).join('；'), { errors });
    }
    const data = parsed.data;
    assertDate(input.date, { lastEventOn: m.history[0]?.occurredOn ?? m.openedOn }, today);
    const ctx = matterContext(tx, actor, m, input.date);
    refuse(await def.requires?.(ctx), current);
    refuse(await def.check?.(withData(ctx, data)), current);
    const to = targetState(kind, def, data, m);
    const ev = await tx.query<{ id: number }>(
      named(
        `INSERT INTO matter_events (matter_id, seq, action, from_state, to_state, occurred_on, actor_id, actor_name, payload)
       VALUES ($1, ${NEXT_SEQ}, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          m.id,
          action,
          m.state,
          to,
          input.date,
          actor.userId,
          actor.name,
          JSON.stringify(storedPayload(data)),
        ],
      ),
    );
    // Steps taken after closing (an opinion letter after the decision) keep the date the matter was closed.
    const closes = (def.closes || kind.states[to]?.terminal) && !kind.states[m.state]?.terminal;
    const { rows } = await tx.query<{ version: number }>(
      named(
        `UPDATE matters SET state = $2, version = version + 1, updated_at = now(),
              closed_on = CASE WHEN $3::boolean THEN $4::date ELSE closed_on END
       WHERE id = $1 AND version = $5 RETURNING version`,
        [m.id, to, Boolean(closes), input.date, input.version],
      ),
    );
    if (!rows[0]) throw new AppError('VERSION_CONFLICT', '该案件已被他人办理，请刷新后再操作', { current });
    const after = { ...m, state: to };
    await runEffects(tx, actor, after, input.date, data, ev.rows[0]!.id, def);
    const documents = await issueStepDocuments(tx, after, input.date, data, ev.rows[0]!.id, def.documents);
    const result = { id: m.id, state: to, version: rows[0].version, eventId: ev.rows[0]!.id, documents };
    await opts.idempotency?.store(tx, result);
    await audit(tx, actor, {
      action: `matter.${action}`,
      objectType: 'matter',
      objectId: m.id,
      summary: { line: m.line, kind: m.kind, refNo: m.refNo, from: m.state, to, date: input.date },
    });
    return result;
  });
}
