/**
 * Four eyes on changes that move legal deadlines or official documents (issue 11, finding 2): a holiday notice or
 * a bureau-profile change is proposed by one district-level administrator and stored pending with its content; it
 * takes effect only when a *different* district-level administrator confirms it, and otherwise ends rejected (by
 * another administrator) or withdrawn (by the proposer). Every step is audited; what the change does (a calendar
 * load and the recomputation of running deadlines, a new profile version) runs in the confirming transaction.
 */
import type { Actor } from '../../platform/access/actor.ts';
import { assertDistrictLevel, isDistrictLevel } from '../../platform/access/actor.ts';
import type { Permission } from '../../platform/access/roles.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db, Queryable } from '../../platform/db/pool.ts';
import { withTx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { applyHolidayNotice } from '../calendar/admin.ts';
import type { YearCalendar } from '../calendar/holidays.ts';
import { diffContents, type EntryChange, orgDefaults, writeVersion } from '../profile/store.ts';
import type { ProfileContent } from '../profile/validate.ts';

export type ChangeKind = 'calendar' | 'profile';
export type ChangeState = 'pending' | 'confirmed' | 'rejected' | 'withdrawn';

/** Who may propose and decide each kind, and how refusals name it. */
const kinds: Record<ChangeKind, { permission: Permission; what: string; label: string }> = {
  calendar: {
    permission: 'calendar.manage',
    what: '确认或驳回节假日安排通知的载入',
    label: '节假日安排通知',
  },
  profile: { permission: 'profile.manage', what: '确认或驳回本机关设置的修改', label: '本机关设置' },
};

const stateLabels: Record<ChangeState, string> = {
  pending: '待确认',
  confirmed: '已确认',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

export interface ChangeRow {
  id: number;
  kind: ChangeKind;
  subject: string;
  payload: Record<string, unknown>;
  reason: string;
  baseVersion: number | null;
  state: ChangeState;
  proposedById: number;
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedVia: 'web' | 'cli' | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  result: Record<string, unknown> | null;
}

const SELECT = `SELECT c.id, c.kind, c.subject, c.payload, c.reason, c.base_version AS "baseVersion", c.state,
    c.proposed_by AS "proposedById", p.display_name AS "proposedBy", c.proposed_at AS "proposedAt",
    d.display_name AS "decidedBy", c.decided_via AS "decidedVia", c.decided_at AS "decidedAt",
    c.decision_note AS "decisionNote", c.result
  FROM pending_changes c JOIN users p ON p.id = c.proposed_by LEFT JOIN users d ON d.id = c.decided_by`;

/** Stores a proposal; one pending change per subject (a year's notice, the profile) at a time. */
export async function propose(
  db: Db,
  actor: Actor,
  input: { kind: ChangeKind; subject: string; payload: unknown; reason: string; baseVersion?: number },
): Promise<number> {
  if (actor.userId === null) throw new Error('a change is proposed by a signed-in administrator');
  return withTx(db, async (tx) => {
    const open = await tx.query<{ id: number }>(
      `SELECT id FROM pending_changes WHERE kind = $1 AND subject = $2 AND state = 'pending'`,
      [input.kind, input.subject],
    );
    if (open.rows[0])
      throw new AppError(
        'CONFLICT',
        `${subjectLabel(input.kind, input.subject)}已有待确认的变更（第 ${open.rows[0].id} 号），请先确认、驳回或撤回`,
      );
    const { rows } = await tx.query<{ id: number }>(
      `INSERT INTO pending_changes (kind, subject, payload, reason, base_version, proposed_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        input.kind,
        input.subject,
        JSON.stringify(input.payload),
        input.reason,
        input.baseVersion ?? null,
        actor.userId,
      ],
    );
    const id = rows[0]!.id;
    await audit(tx, actor, {
      action: 'change.propose',
      objectType: 'change',
      objectId: id,
      summary: { kind: input.kind, subject: input.subject, reason: input.reason },
    });
    return id;
  });
}

const subjectLabel = (kind: ChangeKind, subject: string) =>
  kind === 'calendar' ? `${subject}年节假日安排通知` : kinds[kind].label;

export type Decision = 'confirm' | 'reject' | 'withdraw';

/**
 * Confirms, rejects or withdraws a pending change. `via: 'cli'` is the server operator's confirmation (CLI
 * `change:confirm`), the path of an installation with a single administrator.
 */
export async function decide(
  db: Db,
  actor: Actor,
  id: number,
  decision: Decision,
  note: string | null,
  via: 'web' | 'cli' = 'web',
): Promise<ChangeRow> {
  return withTx(db, async (tx) => {
    const { rows } = await tx.query<ChangeRow>(`${SELECT} WHERE c.id = $1 FOR UPDATE OF c`, [id]);
    const c = rows[0];
    // Permission first, and the same answer whether or not the change exists.
    if (via === 'web') {
      const kind = c ? kinds[c.kind] : kinds.calendar;
      await assertDistrictLevel(tx, actor, kind.permission, kind.what);
    }
    if (!c) throw new AppError('NOT_FOUND', `没有第 ${id} 号变更`);
    if (c.state !== 'pending')
      throw new AppError('CONFLICT', `第 ${id} 号变更${stateLabels[c.state]}，不能再处理`);
    const own = actor.userId === c.proposedById;
    if (decision === 'confirm' && own)
      throw new AppError('FORBIDDEN', '不能确认自己提出的变更，须由另一位区级管理员确认');
    if (decision === 'reject' && own) throw new AppError('FORBIDDEN', '不能驳回自己提出的变更，请撤回');
    if (decision === 'withdraw' && !own) throw new AppError('FORBIDDEN', '只有提出人可以撤回变更');
    if (decision === 'reject' && !note) throw new AppError('VALIDATION', '请填写驳回理由');
    let result: Record<string, unknown> | null = null;
    if (decision === 'confirm') result = await applyChange(tx, actor, c);
    const state: ChangeState =
      decision === 'confirm' ? 'confirmed' : decision === 'reject' ? 'rejected' : 'withdrawn';
    await tx.query(
      `UPDATE pending_changes SET state = $2, decided_by = $3, decided_via = $4, decided_at = now(),
              decision_note = $5, result = $6 WHERE id = $1`,
      [id, state, actor.userId, via, note, result ? JSON.stringify(result) : null],
    );
    await audit(tx, actor, {
      action: `change.${decision}`,
      objectType: 'change',
      objectId: id,
      summary: { kind: c.kind, subject: c.subject, proposedBy: c.proposedById, note, ...(result ?? {}) },
    });
    const { rows: after } = await tx.query<ChangeRow>(`${SELECT} WHERE c.id = $1`, [id]);
    return after[0]!;
  });
}

async function applyChange(tx: Parameters<typeof writeVersion>[0], actor: Actor, c: ChangeRow) {
  if (c.kind === 'calendar') return applyHolidayNotice(tx, actor, c.payload as unknown as YearCalendar);
  const version = await writeVersion(tx, actor, {
    id: c.id,
    content: (c.payload as { content: ProfileContent }).content,
    reason: c.reason,
    proposedBy: c.proposedById,
  });
  return { version };
}

export interface ChangeView extends Omit<ChangeRow, 'proposedById'> {
  stateLabel: string;
  /** Proposed by the reader: they may withdraw it, never confirm it. */
  mine: boolean;
  /** A profile change, entry by entry against the version it was proposed on. */
  changes: EntryChange[];
}

/** The changes of the kinds the reader decides (district-level), newest first. */
export async function listChanges(
  db: Queryable,
  actor: Actor,
  filter: { kind?: ChangeKind; state?: ChangeState; id?: number; limit?: number },
): Promise<ChangeView[]> {
  const allowed: ChangeKind[] = [];
  for (const k of Object.keys(kinds) as ChangeKind[])
    if ((!filter.kind || filter.kind === k) && (await isDistrictLevel(db, actor, kinds[k].permission)))
      allowed.push(k);
  if (!allowed.length) throw new AppError('FORBIDDEN', '只有区或区司法局一级的管理员可以查看待确认的变更');
  const { rows } = await db.query<ChangeRow & { base: ProfileContent | null }>(
    `SELECT x.*, v.content AS base FROM (${SELECT}
       WHERE c.kind = ANY($1::text[]) AND ($2::text IS NULL OR c.state = $2) AND ($4::bigint IS NULL OR c.id = $4)
       ORDER BY c.id DESC LIMIT $3) x
     LEFT JOIN profile_versions v ON v.version = x."baseVersion"
     ORDER BY x.id DESC`,
    [allowed, filter.state ?? null, filter.limit ?? 50, filter.id ?? null],
  );
  const defaults = rows.some((r) => r.kind === 'profile') ? await orgDefaults(db) : {};
  return rows.map(({ base, proposedById, ...r }) => ({
    ...r,
    stateLabel: stateLabels[r.state],
    mine: proposedById === actor.userId,
    changes:
      r.kind === 'profile'
        ? diffContents(base ?? {}, (r.payload as { content: ProfileContent }).content, defaults)
        : [],
  }));
}
