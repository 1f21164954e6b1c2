import type { ReportSection } from '../../kernel/reports/sections.ts';

/** The reconsideration paragraph of the annual report, as the 2024 report words it; every figure is an indicator. */
export const reconsiderationReport: ReportSection = {
  id: 'reconsideration.annual',
  line: 'reconsideration',
  title: '行政复议与行政应诉',
  order: 30,
  template:
    '不断提升行政复议基层解纷质效，用好行政复议监督机制，全年共接收复议案件{{reconsideration.received}}件，较去年同期{{reconsideration.received|change}}，行政诉讼发案量{{litigation.filed|yoy}}，直接纠错行政复议案件{{reconsideration.corrected}}件，制发行政复议建议书{{reconsideration.recommendations}}份，行政败诉案件{{litigation.lost}}件。',
};
