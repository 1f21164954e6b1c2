import { chineseDate } from '../../kernel/workflow/templates.ts';
import type { MatterView } from '../../kernel/workflow/types.ts';
import type { BuildContext } from './documents-common.ts';

/** What a reconsideration matter's history says, as its documents state it. */

export const step = (m: MatterView, action: string) => m.history.find((h) => h.action === action);
export const steps = (m: MatterView, action: string) =>
  m.history.filter((h) => h.action === action).reverse();

/**
 * The acceptance date: the day of the acceptance record, or, when the review period ran out first (2023 law
 * Art. 30(3)), the day it ran out, from which the application counts as accepted.
 */
export async function acceptance(c: BuildContext) {
  const { db, matter: m, law2017 } = c;
  // The acceptance notice is rendered within its own step, before the step is in the history: its date is the issue date.
  const on = step(m, 'accept')?.occurredOn ?? c.issuedOn;
  if (law2017) return { on, deemed: false };
  const { rows } = await db.query<{ due: string | null }>(
    `SELECT to_char(due_on, 'YYYY-MM-DD') AS due FROM deadlines WHERE matter_id = $1 AND key = 'acceptance'
     ORDER BY id DESC LIMIT 1`,
    [m.id],
  );
  const due = rows[0]?.due;
  return due && due < on ? { on: due, deemed: true } : { on, deemed: false };
}

export const acceptedSentence = (a: { on: string; deemed: boolean }, organ: string) =>
  a.deemed
    ? `审查期限于${chineseDate(a.on)}届满，${organ}未作出不予受理决定，该申请自审查期限届满之日起视为受理`
    : `${organ}于${chineseDate(a.on)}依法受理`;

/** 有…的情形: how a document states a cause of suspension, as the statute lists them (有下列情形之一的). */
export const situation = (cause: string) => (cause.endsWith('情形') ? `有${cause}` : `有${cause}的情形`);
