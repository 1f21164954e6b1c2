import type { ReportSection } from '../../kernel/reports/sections.ts';

/** The annual report's sentence on correction and resettlement, in the seed's wording; both figures are stocks. */
export const correctionReport: ReportSection = {
  id: 'communityCorrection.annual',
  line: 'communityCorrection',
  title: '社区矫正和安置帮教',
  order: 50,
  template:
    '目前全区共有矫正对象{{correction.activeCorrectees}}名，安置帮教对象{{resettlement.activeSubjects}}名。',
};
