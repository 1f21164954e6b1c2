import type { Actor } from '../../platform/access/actor.ts';
import type { Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { currentCalendar } from '../calendar/service.ts';
import { ruleDue } from '../deadlines/compute.ts';
import { ruleInForce } from '../rules/rules.ts';
import type { CheckContext, DeadlineState, MatterContext, MatterView, Refusal } from './types.ts';

/** The context a line's preconditions and checks see, in the step's transaction. */
export function matterContext(tx: Tx, actor: Actor, matter: MatterView, date: string): MatterContext {
  return {
    tx,
    actor,
    matter,
    date,
    deadline: async (key) => {
      const { rows } = await tx.query<DeadlineState>(
        `SELECT key, rule_id AS "ruleId", status, start_on AS "startOn", due_on AS "dueOn", ended_on AS "endedOn"
         FROM deadlines WHERE matter_id = $1 AND key = $2
         ORDER BY (status IN ('running', 'paused', 'notStarted')) DESC, id DESC LIMIT 1`,
        [matter.id, key],
      );
      return rows[0] ?? null;
    },
    rule: (id) => ruleInForce(id, matter.openedOn),
    calendar: () => currentCalendar(tx),
    due: async (ruleId, from) =>
      ruleDue(await currentCalendar(tx), ruleInForce(ruleId, matter.openedOn), from).due,
    last: (action) => matter.history.find((h) => h.action === action),
  };
}

export const withData = <P>(ctx: MatterContext, data: P): CheckContext<P> => ({ ...ctx, data });

/** A refusal as the 409 (or 400 with field errors) the client shows. */
export function refuse(refusal: Refusal, current: unknown): never | void {
  if (!refusal) return;
  if (typeof refusal === 'string') throw new AppError('CONFLICT', refusal, { current });
  throw new AppError('VALIDATION', refusal.message, {
    errors: refusal.errors.map((e) => ({
      ...e,
      field: e.field.startsWith('data.') ? e.field : `data.${e.field}`,
    })),
    current,
  });
}
