import { describe, expect, it } from 'vitest';
import { registerLines } from '../../lines/index.ts';
import { placeholdersOf, validateTemplate } from './compose.ts';

/** Facts cited from records ({{id|first:dim}}, list, clauses) name a dimension the indicator declares. */
describe('facts cited from an indicator’s records', () => {
  registerLines();

  it('reads the indicator of a cited fact as a placeholder', () => {
    expect(
      placeholdersOf(
        '“{{bestPractice.projects|first:title}}”等{{bestPractice.projects}}个项目；{{legalAid.workstations|clauses:founding}}',
      ),
    ).toEqual(['bestPractice.projects', 'bestPractice.projects', 'legalAid.workstations']);
  });

  it('accepts a declared dimension and refuses one the indicator does not return', () => {
    expect(validateTemplate('{{ruleOfLaw.assessmentTiers|clauses:clause}}。')).toEqual([]);
    expect(validateTemplate('{{compliance.guidelines|list:subject}}合规指引')).toEqual([]);
    expect(
      validateTemplate('{{bestPractice.projects|first:town}}、{{bestPractice.projects|list:town}}'),
    ).toEqual(['指标 bestPractice.projects 没有“town”一项']);
    expect(validateTemplate('{{nothing.here|first:title}}')).toEqual([
      '模板引用了不存在的指标：nothing.here',
    ]);
  });
});
