import type { ReportSection } from '../../kernel/reports/sections.ts';

/** The 一、(四) sentences of the annual report on the compliance centre, foreign-related services and lawyers. */
export const businessServicesReport: ReportSection = {
  id: 'lawyers.annual',
  line: 'lawyers',
  title: '产业合规、涉外法律服务与律师行业',
  order: 45,
  template:
    '建立镇海区产业合规中心，完成{{compliance.guidelines|list:subject}}合规指引。做优宁波国际法律服务中心镇海分中心，已累计为{{foreignRelated.enterprisesServed}}家企业提供法律辅导、咨询。完成{{lawyers.firmsAdded}}家优秀律所来镇落户，全区共有律师事务所{{lawyers.firms}}家，执业律师{{lawyers.practising}}人，律师行业总创收{{lawyers.revenueGrowth|yoy}}。',
};
