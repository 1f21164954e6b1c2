import type { DemoYears } from '../../kernel/demo/runner.ts';
import type { Db } from '../../platform/db/pool.ts';
import { loadCreditRepairDemo } from './credit-repair/demo-load.ts';

/** The business-environment lines' demo records; a summary for the start-up message, null when loaded already. */
export async function loadBusinessServicesDemo(
  db: Db,
  today: string,
  opts: { years?: DemoYears } = {},
): Promise<string | null | 'unfinished'> {
  const credit = await loadCreditRepairDemo(db, today, opts);
  if (credit === 'unfinished') return credit;
  if (credit === null) return null;
  return `信用修复 ${credit} 件`;
}
