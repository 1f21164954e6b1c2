import { describe, expect, it } from 'vitest';
import examples from '../../../test/fixtures/check-digit-examples.json' with { type: 'json' };
import { creditCodeProblem, maskIdNumber, residentIdProblem } from './identifiers.ts';

describe('resident identity numbers (GB 11643)', () => {
  it.each(examples.residentId.examples)('$value is valid: $ok ($why)', ({ value, ok }) => {
    expect(residentIdProblem(value) === null).toBe(ok);
  });

  it('names the expected check digit so a clerk can spot a typo', () => {
    expect(residentIdProblem('330211199001011235')).toContain('应为 6');
  });

  it('refuses a birth date after today', () => {
    expect(residentIdProblem('330211203001011236', '2026-11-25')).toMatch(/出生日期/);
  });

  it('masks the middle of the number for lists', () => {
    expect(maskIdNumber('33021119851231551X')).toBe('330211********551X');
  });
});

describe('unified social credit codes (GB 32100)', () => {
  it.each(examples.uscc.examples)('$value is valid: $ok', ({ value, ok }) => {
    expect(creditCodeProblem(value) === null).toBe(ok);
  });

  it('accepts lower case input', () => {
    expect(creditCodeProblem('91350100m000100y43')).toBeNull();
  });
});
