/**
 * Correction (更正) of a mistaken step. The step's event stays in the history, voided by a correction event that
 * names who corrected it, why, and who approved it where the line requires; the matter goes back to the state
 * before the step, the step's deadline effects are reverted from the deadline journal, the documents it issued are
 * kept and marked 作废 (their numbers are never reused: the counter only moves forward), and the line's `undo`
 * reverts its own rows. Only the latest step that stands may be corrected: correcting an earlier one would leave
 * the later steps without their basis.
 */
import { z } from 'zod';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db, Queryable, Tx } from '../../platform/db/pool.ts';
import { withTx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { todayInChina } from '../calendar/index.ts';
import { revertDeadlines } from '../deadlines/journal.ts';
import { rolesOver } from './access.ts';
import { assertDate, type EngineOptions, NEXT_SEQ } from './engine.ts';
import { CORRECTION_ACTION, loadMatterView } from './matter-view.ts';
import { getKind } from './registry.ts';
import type { ActionDef, MatterKindDef } from './types.ts';

export const correctionSchema = z.object({
  version: z.number().int().positive(),
  /** The event being corrected: it must be the latest step that stands. */
  eventId: z.number().int().positive(),
  date: z.iso.date('日期格式应为 YYYY-MM-DD'),
  reason: z.string().trim().min(2, '请写明更正理由').max(500, '更正理由最长 500 字'),
  /** The approving leader, where the line requires approval for this step. */
  approverId: z.number().int().positive().optional(),
});
export type CorrectionInput = z.infer<typeof correctionSchema>;

interface StepRow {
  id: number;
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  occurredOn: string;
  payload: Record<string, unknown>;
}

/** The latest step of the matter that stands (not voided, not itself a correction). */
export async function latestStep(db: Queryable, matterId: number): Promise<StepRow | undefined> {
  const { rows } = await db.query<StepRow>(
    `SELECT id, seq, action, from_state AS "fromState", to_state AS "toState", occurred_on AS "occurredOn", payload
     FROM matter_events WHERE matter_id = $1 AND voided_by IS NULL AND action <> $2 ORDER BY seq DESC LIMIT 1`,
    [matterId, CORRECTION_ACTION],
  );
  return rows[0];
}

/** Users who may approve a correction: active holders of one of `roles` at the owner or one of its ancestors. */
export async function approversFor(db: Queryable, ownerOrgId: number, roles: readonly string[]) {
  const { rows } = await db.query<{ id: number; name: string }>(
    `SELECT DISTINCT u.id, u.display_name AS name FROM users u
     JOIN memberships ms ON ms.user_id = u.id
     JOIN org_closure c ON c.ancestor_id = ms.org_id AND c.descendant_id = $1
     WHERE ms.role = ANY($2::text[]) AND NOT u.disabled ORDER BY u.id`,
    [ownerOrgId, roles],
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name }));
}

const stepLabel = (kind: MatterKindDef, action: string) =>
  action === 'create' ? kind.create.label : (kind.actions[action]?.label ?? action);

/** The date the matter was closed once its history is `live` (ascending), by the engine's closing rule. */
function closedOnAfter(kind: MatterKindDef, live: StepRow[]): string | null {
  let closedOn: string | null = null;
  for (const e of live) {
    const def = kind.actions[e.action];
    const closes =
      (def?.closes || kind.states[e.toState]?.terminal) && !kind.states[e.fromState ?? '']?.terminal;
    if (e.action !== 'create' && closes) closedOn = e.occurredOn;
  }
  return closedOn;
}

/**
 * What the actor may correct on this matter now: the latest step, whether its action is correctable, whether the
 * actor may do it, and the approvers to choose from. The matter page offers 更正 from this.
 */
export async function correctionOffer(db: Queryable, actor: Actor, matterId: number) {
  const m = await loadMatterView(db, matterId, { actor });
  const kind = getKind(m.line, m.kind);
  const step = await latestStep(db, m.id);
  const def: ActionDef | undefined = step ? kind.actions[step.action] : undefined;
  if (!step || !def?.correctable) return { step: null };
  const roles = await rolesOver(db, actor, m.ownerOrgId, m.line);
  const approval = def.correctable.approval;
  return {
    step: {
      eventId: Number(step.id),
      seq: step.seq,
      action: step.action,
      label: def.label,
      occurredOn: step.occurredOn,
      allowed: def.correctable.roles.some((r) => roles.has(r)),
      approvalRequired: Boolean(approval?.length),
      approvers: approval?.length
        ? (await approversFor(db, m.ownerOrgId, approval)).filter((a) => a.id !== actor.userId)
        : [],
    },
  };
}

/** Records a correction of the matter's latest step, in one transaction with its audit row. */
export async function correctStep(
  db: Db,
  actor: Actor,
  matterId: number,
  input: CorrectionInput,
  opts: EngineOptions = {},
) {
  const today = opts.today ?? todayInChina();
  return withTx(db, async (tx) => {
    const prior = await opts.idempotency?.check(tx);
    if (prior !== undefined) return prior as never;
    const m = await loadMatterView(tx, matterId, { lock: true, actor });
    const kind = getKind(m.line, m.kind);
    const current = { id: m.id, state: m.state, stateLabel: kind.states[m.state]?.label, version: m.version };
    if (m.version !== input.version) {
      throw new AppError(
        'VERSION_CONFLICT',
        `该案件已被他人办理（当前状态：${current.stateLabel}），请刷新后再操作`,
        { current },
      );
    }
    const step = await latestStep(tx, m.id);
    const target = await tx.query<StepRow & { voidedBy: number | null }>(
      `SELECT id, seq, action, voided_by AS "voidedBy" FROM matter_events WHERE id = $1 AND matter_id = $2`,
      [input.eventId, m.id],
    );
    const t = target.rows[0];
    if (!t || t.action === CORRECTION_ACTION) throw new AppError('NOT_FOUND', '该案件没有这个办理环节');
    if (t.voidedBy !== null)
      throw new AppError('CONFLICT', `「${stepLabel(kind, t.action)}」已经更正过`, { current });
    if (!step || Number(step.id) !== Number(t.id)) {
      const last = step ? `「${stepLabel(kind, step.action)}」（${step.occurredOn}）` : '';
      throw new AppError(
        'CONFLICT',
        `只能更正最近一个办理环节${last}；更正较早的「${stepLabel(kind, t.action)}」会使其后的环节失去依据，请先更正其后的环节`,
        { current },
      );
    }
    const def: ActionDef | undefined = kind.actions[step.action];
    if (!def?.correctable) {
      throw new AppError('CONFLICT', `「${stepLabel(kind, step.action)}」不能更正`, { current });
    }
    if (await predatesJournal(tx, Number(step.id))) {
      throw new AppError(
        'CONFLICT',
        `「${def.label}」登记于更正功能启用之前，其期限变动没有记录，不能自动更正；请联系系统管理员`,
        { current },
      );
    }
    const roles = await rolesOver(tx, actor, m.ownerOrgId, m.line);
    if (!def.correctable.roles.some((r) => roles.has(r)))
      throw new AppError('FORBIDDEN', `您无权更正「${def.label}」`);
    const approver = await checkApprover(tx, actor, m.ownerOrgId, def, input.approverId);
    assertDate(input.date, { lastEventOn: step.occurredOn }, today);

    const ev = await tx.query<{ id: number }>(
      `INSERT INTO matter_events (matter_id, seq, action, from_state, to_state, occurred_on, actor_id, actor_name, payload)
       VALUES ($1, ${NEXT_SEQ}, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        m.id,
        CORRECTION_ACTION,
        m.state,
        step.fromState,
        input.date,
        actor.userId,
        actor.name,
        JSON.stringify({
          eventId: Number(step.id),
          seq: step.seq,
          action: step.action,
          label: def.label,
          reason: input.reason,
          approverId: approver?.id ?? null,
          approverName: approver?.name ?? null,
        }),
      ],
    );
    const correctionId = ev.rows[0]!.id;
    await tx.query('UPDATE matter_events SET voided_by = $2 WHERE id = $1', [step.id, correctionId]);
    const restored = { ...(await loadMatterView(tx, m.id)), state: step.fromState! };
    if (def.undo) {
      await def.undo({
        tx,
        actor,
        matter: restored,
        date: step.occurredOn,
        data: step.payload,
        eventId: Number(step.id),
      });
    }
    const deadlines = await revertDeadlines(tx, Number(step.id));
    const voided = await tx.query<{ id: number; docNumber: string }>(
      `UPDATE documents SET voided_by = $2, voided_on = $3, void_reason = $4
       WHERE event_id = $1 AND voided_by IS NULL RETURNING id, doc_number AS "docNumber"`,
      [step.id, correctionId, input.date, input.reason],
    );
    const live = await tx.query<StepRow>(
      `SELECT id, seq, action, from_state AS "fromState", to_state AS "toState", occurred_on AS "occurredOn"
       FROM matter_events WHERE matter_id = $1 AND voided_by IS NULL AND action <> $2 ORDER BY seq`,
      [m.id, CORRECTION_ACTION],
    );
    const { rows } = await tx.query<{ version: number }>(
      `UPDATE matters SET state = $2, closed_on = $3, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $4 RETURNING version`,
      [m.id, step.fromState, closedOnAfter(kind, live.rows), input.version],
    );
    if (!rows[0]) throw new AppError('VERSION_CONFLICT', '该案件已被他人办理，请刷新后再操作', { current });
    const documents = voided.rows.map((d) => ({ id: Number(d.id), docNumber: d.docNumber }));
    const result = {
      id: m.id,
      state: step.fromState!,
      version: rows[0].version,
      eventId: Number(correctionId),
      correctedEventId: Number(step.id),
      voidedDocuments: documents,
    };
    await opts.idempotency?.store(tx, result);
    await audit(tx, actor, {
      action: 'matter.correct',
      objectType: 'matter',
      objectId: m.id,
      summary: {
        line: m.line,
        kind: m.kind,
        correctedEventId: Number(step.id),
        correctedAction: step.action,
        from: m.state,
        to: step.fromState,
        date: input.date,
        reason: input.reason,
        approverId: approver?.id ?? null,
        voidedDocuments: documents.map((d) => d.docNumber),
        deadlines,
      },
    });
    return result;
  });
}

/**
 * A step recorded before the deadline journal existed (before this feature's migration was applied) left no
 * before-images: reverting it would leave its deadlines as they are, so it is refused rather than half-reverted.
 */
async function predatesJournal(tx: Tx, eventId: number): Promise<boolean> {
  const { rows } = await tx.query<{ old: boolean }>(
    `SELECT e.recorded_at < m.applied_at AS old FROM matter_events e,
       (SELECT min(applied_at) AS applied_at FROM schema_migrations WHERE name LIKE '%_correction%') m
     WHERE e.id = $1`,
    [eventId],
  );
  return rows[0]?.old === true;
}

/** The approver a correction of this step needs: required, someone else, holding an approval role over the owner. */
async function checkApprover(
  tx: Tx,
  actor: Actor,
  ownerOrgId: number,
  def: ActionDef,
  approverId: number | undefined,
): Promise<{ id: number; name: string } | null> {
  const roles = def.correctable?.approval;
  if (!roles?.length) return null;
  const field = (message: string) =>
    new AppError('VALIDATION', message, { errors: [{ field: 'approverId', message }] });
  if (approverId === undefined) throw field(`更正「${def.label}」须经领导批准，请选择批准人`);
  if (approverId === actor.userId) throw field('批准人不能是更正人本人');
  const found = (await approversFor(tx, ownerOrgId, roles)).find((a) => a.id === approverId);
  if (!found) throw field('所选批准人无权批准该案件的更正');
  return found;
}
