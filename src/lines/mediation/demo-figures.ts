/**
 * The demo district's yearly mediation figures. 2024 is the bureau's published figure (2024 annual report): 12,146
 * cases taken up, 28,147.83 万元 involved, 2 commercial mediation centres founded. The report gives no year-on-year
 * change, so 2023, 2025 and 2026 are plausible choices (a few per cent of growth a year); 2026 is cut at the
 * business date.
 */
export interface YearFigures {
  /** Cases taken up (mediation.received). */
  received: number;
  /** The amount involved, in fen (分), so every sum is exact. */
  amountFen: number;
}

export const YEAR_FIGURES: Record<number, YearFigures> = {
  2023: { received: 11_382, amountFen: 24_963_118_420 },
  // 28,147.83 万元 = 281,478,300.00 元 = 28,147,830,000 分.
  2024: { received: 12_146, amountFen: 28_147_830_000 },
  2025: { received: 12_503, amountFen: 29_462_518_750 },
  2026: { received: 12_880, amountFen: 30_511_200_000 },
};

/** Dispute types as the district's 台账 show them, by weight. */
export const DISPUTE_WEIGHTS = {
  neighbour: 24,
  marriage: 15,
  damages: 12,
  property: 10,
  contract: 10,
  labour: 8,
  consumer: 6,
  traffic: 7,
  land: 3,
  medical: 2,
  other: 3,
} as const;

/** Share of the cases by kind of organisation. */
export const ORG_KIND_WEIGHTS = {
  village: 62,
  town: 22,
  industry: 9,
  administrative: 3,
  commercial: 2,
  centre: 2,
} as const;
