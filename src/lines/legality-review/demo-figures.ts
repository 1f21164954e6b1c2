/**
 * The demo district's yearly legality review figures. 2024 is the bureau's published figure (2024 annual report):
 * the district centre reviewed 411 items, 152 of them co-reviews of departments' and towns' items, and the towns
 * reviewed 2,419. How the 152 split between departments' items sent to the district centre and towns' items it
 * co-reviewed, and the other years, are plausible choices (the report gives neither); 2026 is cut at the business
 * date.
 */
export interface YearFigures {
  /** Items of the district government and its office the district centre concluded. */
  government: number;
  /** Departments' items the district centre concluded (co-reviews). */
  departments: number;
  /** Towns' items the district centre co-reviewed (each also one of the towns' items). */
  townCoReviews: number;
  /** Items the towns' centres concluded (legalityReview.townReviewed). */
  towns: number;
}

export const YEAR_FIGURES: Record<number, YearFigures> = {
  2023: { government: 237, departments: 79, townCoReviews: 52, towns: 2186 },
  // 259 + 92 + 60 = 411 (districtReviewed); 92 + 60 = 152 (coReviewed); 2,419 (townReviewed).
  2024: { government: 259, departments: 92, townCoReviews: 60, towns: 2419 },
  2025: { government: 269, departments: 101, townCoReviews: 66, towns: 2540 },
  2026: { government: 274, departments: 108, townCoReviews: 70, towns: 2602 },
};

export const DISTRICT_KIND_WEIGHTS = {
  normativeDoc: 45,
  majorDecision: 10,
  contract: 30,
  other: 15,
} as const;
export const TOWN_KIND_WEIGHTS = { normativeDoc: 8, majorDecision: 4, contract: 52, other: 36 } as const;
