import type { ReportSection } from '../../kernel/reports/sections.ts';

/** The mediation sentences of the annual report, in the seed's wording; every figure is an indicator. */
export const mediationReport: ReportSection = {
  id: 'mediation.annual',
  line: 'mediation',
  title: '大调解',
  order: 40,
  template:
    '新增商事调解中心{{mediation.commercialCentresAdded}}家，进一步完善诉调对接流程及方式。全年全区共受理各类调解案件{{mediation.received}}件，涉及金额{{mediation.amount}}万元。',
};
