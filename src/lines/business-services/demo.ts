import type { DemoYears } from '../../kernel/demo/runner.ts';
import type { Db } from '../../platform/db/pool.ts';
import { loadCreditRepairDemo } from './credit-repair/demo-load.ts';
import { loadComplianceDemo } from './enterprise-services/demo.ts';
import { loadLawyersDemo } from './lawyers/demo.ts';

/** The business-environment lines' demo records; a summary for the start-up message, null when loaded already. */
export async function loadBusinessServicesDemo(
  db: Db,
  today: string,
  opts: { years?: DemoYears } = {},
): Promise<string | null | 'unfinished'> {
  const credit = await loadCreditRepairDemo(db, today, opts);
  if (credit === 'unfinished') return credit;
  const lawyers = await loadLawyersDemo(db, today);
  const compliance = await loadComplianceDemo(db, today);
  if (credit === null && lawyers === null && compliance === null) return null;
  return `信用修复 ${credit ?? 0} 件、律师名录 ${lawyers ?? 0} 条、企业服务 ${compliance ?? 0} 条`;
}
