/** Year-on-year change in percent, one decimal, or null when last year's figure was zero. */
export function yoyPercent(value: number, previous: number): number | null {
  if (!previous) return null;
  return Math.round(((value - previous) / previous) * 1000) / 10;
}

/** 增长108.2% / 下降4.1% / 持平 — the Chinese way of phrasing a change. */
export function changePhrase(yoy: number | null): string {
  if (yoy === null) return '去年同期为零，无法比较';
  if (yoy > 0) return `增长${yoy.toFixed(1)}%`;
  if (yoy < 0) return `下降${Math.abs(yoy).toFixed(1)}%`;
  return '持平';
}

/** 同比增长108.2% / 同比下降4.1% / 同比持平. */
export const yoyPhrase = (yoy: number | null) => (yoy === null ? '去年同期为零' : `同比${changePhrase(yoy)}`);
