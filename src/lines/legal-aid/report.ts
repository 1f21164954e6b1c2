import type { ReportSection } from '../../kernel/reports/sections.ts';

/** The network's sentence of the annual report (法护营商), in the seed's wording; every figure is an indicator. */
export const networkReport: ReportSection = {
  id: 'legalServices.annual',
  line: 'legalAid',
  title: '15分钟公共法律服务圈',
  order: 30,
  template:
    '全面推进“15分钟公共法律服务圈”建设，全区有一级站点{{legalServices.stations.level1}}个，二级站点{{legalServices.stations.level2}}个、三级站点{{legalServices.stations.level3}}个。',
};

/** The legal-aid workstations and liaison points set up, each where and what (从名录), in the seed's wording. */
export const workstationsReport: ReportSection = {
  id: 'legalAid.workstations',
  line: 'legalAid',
  title: '法律援助工作站、联络点',
  order: 44,
  template: '{{legalAid.workstations|clauses:founding}}，为新业态就业劳动者提供一站式法律援助服务。',
};

/** The visits, legal aid and practice-station sentences (公共法律服务质效), in the seed's wording. */
export const legalAidReport: ReportSection = {
  id: 'legalAid.annual',
  line: 'legalAid',
  title: '法律援助与法治实践站点',
  order: 45,
  template:
    '全区各级站点累计接待来电来访{{legalAid.visits}}人次，受理援助案件{{legalAid.casesAccepted}}件。在永旺村、骆驼商会等地打造“乡望”“骆驼侠”等新时代法治实践站点{{legalEducation.practiceStations}}个。',
};
