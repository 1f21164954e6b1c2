import { describe, expect, it } from 'vitest';
import { chineseCount } from './numerals.ts';

describe('a count in Chinese numerals', () => {
  it('reads as the statutes write periods', () => {
    expect([5, 10, 15, 20, 30, 60, 90, 105, 120, 365].map(chineseCount)).toEqual([
      '五',
      '十',
      '十五',
      '二十',
      '三十',
      '六十',
      '九十',
      '一百零五',
      '一百二十',
      '三百六十五',
    ]);
  });
});
