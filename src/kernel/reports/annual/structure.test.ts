import { describe, expect, it } from 'vitest';
import type { ReportSection } from '../sections.ts';
import { partOfSection, withReportTokens } from './structure.ts';

const section = (id: string, line: string, part?: ReportSection['part']): ReportSection => ({
  id,
  line,
  title: id,
  order: 10,
  template: '',
  ...(part ? { part } : {}),
});

describe('where a line’s paragraph lands in the annual report', () => {
  it.each([
    ['reconsideration.annual', 'reconsideration', 'safety'],
    ['mediation.annual', 'mediation', 'safety'],
    ['communityCorrection.annual', 'communityCorrection', 'safety'],
    ['supervision.annual', 'supervision', 'work'],
    ['legalityReview.annual', 'legalityReview', 'work'],
    ['creditRepair.annual', 'creditRepair', 'business'],
    ['legalServices.annual', 'legalAid', 'business'],
    ['legalAid.annual', 'legalAid', 'services'],
    ['lawyers.annual', 'lawyers', 'services'],
    ['unknown.annual', 'somethingNew', 'work'],
  ] as const)('%s (line %s) without a part: %s, where the seed puts its figures', (id, line, part) => {
    expect(partOfSection(section(id, line))).toBe(part);
  });

  it('a section that names its part goes there', () => {
    expect(partOfSection(section('mediation.commercial', 'mediation', 'business'))).toBe('business');
  });

  it('rolls the report’s own years over', () => {
    expect(withReportTokens('{{report.year}}年报告和{{report.nextYear}}年思路，{{x.y}}', 2025)).toBe(
      '2025年报告和2026年思路，{{x.y}}',
    );
  });
});
