/**
 * What the leaders' dashboard (领导驾驶舱) shows, as indicator ids: the figures themselves are the lines' registered
 * indicators, computed by the indicator engine, so each keeps its definition and its drill-down. An id no line
 * registers is left out (the kernel imports no line), never replaced by a figure of its own.
 */

/** Each line's key figures, in the order of the annual report's parts. */
export const DASHBOARD_KEY_INDICATORS: readonly string[] = [
  'reconsideration.received',
  'reconsideration.closed',
  'reconsideration.correctionRate',
  'reconsideration.overdue',
  'litigation.filed',
  'litigation.headAppearanceRate',
  'mediation.received',
  'mediation.succeeded',
  'mediation.successRate',
  'legalAid.casesAccepted',
  'legalAid.closed',
  'legalAid.visits',
  'legalityReview.districtReviewed',
  'legalityReview.townReviewed',
  'legalityReview.adoptionRate',
  'inspection.unitsInspected',
  'inspection.findings',
  'inspection.findingsOverdue',
  'correction.activeCorrectees',
  'correction.intake',
  'resettlement.activeSubjects',
  'creditRepair.enterprisesRepaired',
  'compliance.enterprisesServed',
  'lawyers.practising',
];

/** The intake of the busiest lines, month by month this year against last (flows only). */
export const DASHBOARD_MONTHLY: readonly string[] = [
  'reconsideration.received',
  'mediation.received',
  'legalAid.casesAccepted',
  'legalityReview.districtReviewed',
];

/** The station map's coverage: villages within a station's reach, of the villages placed on the map (stocks). */
export const DASHBOARD_COVERAGE = {
  covered: 'legalServices.coveredVillages',
  villages: 'legalServices.villages',
  townDim: 'town',
} as const;

/**
 * A department's risk profile: each signal is an indicator broken down by the unit it names (the supervision
 * line's department risk page reads the same indicators and keys).
 */
export const DASHBOARD_RISK_SIGNALS = [
  { key: 'received', indicator: 'reconsideration.received', dim: 'respondent', label: '被申请行政复议' },
  { key: 'corrected', indicator: 'reconsideration.corrected', dim: 'respondent', label: '行政复议被纠错' },
  { key: 'suitsLost', indicator: 'litigation.lost', dim: 'defendant', label: '行政诉讼败诉' },
  { key: 'findings', indicator: 'inspection.findings', dim: 'unit', label: '督察发现问题' },
  { key: 'findingsOverdue', indicator: 'inspection.findingsOverdue', dim: 'unit', label: '督察问题逾期整改' },
] as const;
