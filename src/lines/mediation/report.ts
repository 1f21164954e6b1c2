import type { ReportSection } from '../../kernel/reports/sections.ts';

/** The mediation cases of the year (一、(三) 法治平安), in the seed's wording; every figure is an indicator. */
export const mediationReport: ReportSection = {
  id: 'mediation.annual',
  line: 'mediation',
  title: '大调解',
  order: 40,
  template: '全年全区共受理各类调解案件{{mediation.received}}件，涉及金额{{mediation.amount}}万元。',
};

/** The commercial mediation centres, which the seed reports under 法护营商 (一、(二)) with the court's scheme. */
export const commercialMediationReport: ReportSection = {
  id: 'mediation.commercial',
  line: 'mediation',
  title: '商事调解',
  order: 39,
  part: 'business',
  template:
    '新增商事调解中心{{mediation.commercialCentresAdded}}家，印发《区人民法院 区司法局关于共同建立镇海区商事纠纷诉调对接工作机制的实施方案》，进一步完善诉调对接流程及方式。',
};
