/** What the suit's steps read and write besides the kernel's tables: links, the 复议机关, the facts documents quote. */
import { profileNames } from '../../kernel/profile/store.ts';
import type { MatterView } from '../../kernel/workflow/types.ts';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { type SuitInstance, upholdingDecisions } from './suit-labels.ts';

/** The reconsideration matter a suit names by its number, with the decision it ended in (if any). */
export async function reconsiderationMatter(tx: Tx, refNo: string | undefined) {
  if (!refNo) return null;
  const { rows } = await tx.query<{ id: number; decisionType: string | null }>(
    `SELECT m.id, a.decision_type AS "decisionType"
     FROM matters m JOIN reconsideration_applications a ON a.matter_id = m.id
     WHERE m.line = 'reconsideration' AND m.kind = 'application' AND m.ref_no = $1`,
    [refNo],
  );
  return rows[0] ?? null;
}

/**
 * The 复议机关's place in the suit (行政诉讼法第二十六条第二款): co-defendant after 维持 (驳回复议请求 included),
 * the defendant after any decision that changed the act; none when no decision was made (第二十六条第三款: the
 * plaintiff sues the original act, whose organ is the defendant).
 */
export const reconsiderationOrganRole = (decisionType: string | null) =>
  decisionType === null ? null : upholdingDecisions.includes(decisionType) ? 'coDefendant' : 'defendant';

/** The suit of an earlier instance, by its case number. */
export async function suitByCaseNumber(tx: Tx, caseNumber: string | undefined) {
  if (!caseNumber) return null;
  const { rows } = await tx.query<{ id: number }>(
    'SELECT matter_id AS id FROM litigation_suits WHERE case_number = $1',
    [caseNumber],
  );
  return rows[0]?.id ?? null;
}

/** The name of the 行政复议机关 (the district government, 行政复议法第二十四条第一款第一项), from the bureau profile. */
export async function reconsiderationOrganName(db: Queryable): Promise<string> {
  return (await profileNames(db)).reconsiderationOrgan;
}

/** The instance the suit was registered with (from its intake). */
export const instanceOf = (m: MatterView): SuitInstance =>
  (m.history.find((h) => h.action === 'create')?.payload.instance as SuitInstance | undefined) ?? 'first';

export interface SuitFacts {
  court: string;
  caseNumber: string;
  plaintiff: string;
  defendant: string;
  actKind: string;
  reconsiderationOrganRole: 'coDefendant' | 'defendant' | null;
}

export async function suitFacts(db: Queryable, matterId: number): Promise<SuitFacts> {
  const { rows } = await db.query<SuitFacts>(
    `SELECT s.court, s.case_number AS "caseNumber", s.plaintiff, o.name AS defendant, s.act_kind AS "actKind",
            s.reconsideration_organ_role AS "reconsiderationOrganRole"
     FROM litigation_suits s JOIN orgs o ON o.id = s.defendant_org_id WHERE s.matter_id = $1`,
    [matterId],
  );
  if (!rows[0]) throw new Error(`suit ${matterId} has no detail row`);
  return rows[0];
}
