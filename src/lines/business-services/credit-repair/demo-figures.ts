/**
 * The demo's credit-repair figures, cumulative at each year's end (the platform opened in 2023): subjects consulted,
 * enterprises that applied for repair, records repaired. 2024 is the published report's (130, 78, 1,560); the
 * other years are plausible. The current year runs to the business date.
 */
export const CUMULATIVE: Record<number, { subjects: number; enterprises: number; records: number }> = {
  2023: { subjects: 60, enterprises: 35, records: 700 },
  2024: { subjects: 130, enterprises: 78, records: 1560 },
  2025: { subjects: 176, enterprises: 104, records: 2012 },
  2026: { subjects: 205, enterprises: 121, records: 2290 },
};
