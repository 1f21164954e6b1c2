/**
 * The business-environment lines (法护营商), one folder each under business-services/ because they share their
 * users (the bureau's 公共法律服务管理科 and 律师工作科), their subjects (enterprises of the parties registry) and
 * one annual-report paragraph, yet are separate lines with their own ids, indicators and registries:
 * credit repair (creditRepair), law firms and lawyers (lawyers), the compliance centre and foreign-related legal
 * services (compliance). None imports another.
 */
import { registerLine } from '../../kernel/workflow/registry.ts';
import { creditRepairLine } from './credit-repair/index.ts';
import { complianceLine } from './enterprise-services/index.ts';
import { lawyersLine } from './lawyers/index.ts';
import { businessServicesReport } from './report.ts';

export const businessServiceLines = [
  creditRepairLine,
  complianceLine,
  { ...lawyersLine, reportSections: [businessServicesReport] },
];

export const registerBusinessServices = () => {
  for (const line of businessServiceLines) registerLine(line);
};
