/**
 * The yearly figures the demo reproduces. 2024 is the bureau's published report (seed-figures-2024.json: 11 units
 * inspected, 47 problems found; 2 notices and 3 recommendations; 2 observation posts; 4 best-practice projects);
 * 2023 and 2025 are plausible neighbours; the business year is partly walked (matters still open).
 */
export interface YearFigures {
  /** Findings per inspected unit: the number of units is the list's length, the findings its sum. */
  findingsPerUnit: number[];
  notices: number;
  recommendations: number;
}

export const YEAR_FIGURES: Record<number, YearFigures> = {
  2023: { findingsPerUnit: [4, 4, 5, 4, 3, 4, 4, 4, 4], notices: 1, recommendations: 2 },
  2024: { findingsPerUnit: [5, 4, 4, 5, 4, 4, 5, 4, 4, 4, 4], notices: 2, recommendations: 3 },
  2025: { findingsPerUnit: [4, 4, 4, 3, 4, 4, 4, 4, 4, 5], notices: 3, recommendations: 2 },
  2026: { findingsPerUnit: [4, 3, 4, 4, 3, 3], notices: 2, recommendations: 2 },
};
