const DIGITS = '零一二三四五六七八九';

/** A count as the statutes write it: 5 → 五, 10 → 十, 15 → 十五, 60 → 六十, 120 → 一百二十 (up to 999). */
export function chineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return DIGITS[n]!;
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const tens = t === 0 ? (u && h ? '零' : '') : `${t === 1 && !h ? '' : DIGITS[t]}十`;
  return `${h ? `${DIGITS[h]}百` : ''}${tens}${u ? DIGITS[u] : ''}`;
}
