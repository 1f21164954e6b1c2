import type { ReportSection } from '../../../kernel/reports/sections.ts';

/** The credit-repair sentence of the annual report (一、(二)), in the seed's wording; every figure is an indicator. */
export const creditRepairReport: ReportSection = {
  id: 'creditRepair.annual',
  line: 'creditRepair',
  title: '信用修复',
  order: 41,
  template:
    '创新信用保护修复，成立全省首家信用修复保护平台，已累计为{{creditRepair.subjectsConsulted}}家信用主体进行信用法律咨询及修复指导，帮助{{creditRepair.enterprisesRepaired}}家企业完成及推进信用修复，修复失信记录{{creditRepair.recordsRepaired}}条。',
};
