import { registerLine } from '../../kernel/workflow/registry.ts';
import type { LineDef } from '../../kernel/workflow/types.ts';
import { applicationKind } from './application.ts';
import { registerReconsiderationTemplates } from './documents.ts';
import { registerReconsiderationIndicators } from './indicators.ts';
import { registerReconsiderationReport } from './report.ts';
import { suitKind } from './suit.ts';

/** Administrative reconsideration (行政复议) and the litigation that follows or bypasses it (行政应诉). */
export const reconsiderationLine: LineDef = {
  id: 'reconsideration',
  label: '行政复议与应诉',
  kinds: [applicationKind, suitKind],
};

let registered = false;
export function registerReconsideration() {
  if (registered) return;
  registered = true;
  registerLine(reconsiderationLine);
  registerReconsiderationTemplates();
  registerReconsiderationIndicators();
  registerReconsiderationReport();
}
