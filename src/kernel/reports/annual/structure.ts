import type { ReportPart, ReportSection } from '../sections.ts';

/**
 * The structure of the annual report (法治政府建设年度报告), as the bureau's 2024 report has it: 标题; 导语;
 * 一、年度法治政府建设情况 with (一) 法治建设各项工作, (二) 法护营商, (三) 法治平安, (四) 公共法律服务;
 * 二、主要负责人履行推进法治建设第一责任人职责; 三、下一年度工作计划.
 */
export const annualParts = [
  'title',
  'preface',
  'overview',
  'work',
  'business',
  'safety',
  'services',
  'leaderDuty',
  'plan',
] as const;
export type AnnualPart = (typeof annualParts)[number];

/** How a part's heading is numbered and at which level it prints (1 = 一、, 2 = （一）); title and preface have none. */
export const partNumbering: Record<AnnualPart, { number: string; level: 1 | 2 } | null> = {
  title: null,
  preface: null,
  overview: { number: '一、', level: 1 },
  work: { number: '（一）', level: 2 },
  business: { number: '（二）', level: 2 },
  safety: { number: '（三）', level: 2 },
  services: { number: '（四）', level: 2 },
  leaderDuty: { number: '二、', level: 1 },
  plan: { number: '三、', level: 1 },
};

export const partLabels: Record<AnnualPart, string> = {
  title: '标题',
  preface: '导语',
  overview: '一、年度法治政府建设情况',
  work: '（一）法治建设各项工作',
  business: '（二）法护营商',
  safety: '（三）法治平安',
  services: '（四）公共法律服务',
  leaderDuty: '二、主要负责人履行推进法治建设第一责任人职责',
  plan: '三、下一年度工作计划',
};

/**
 * Where a line's paragraph goes when its section does not name a part — where the seed report puts the line's
 * figures. The seed puts 行政复议 in (三) 法治平安 (its second paragraph), beside the 调解 figures; 信用修复 in (二).
 */
export const defaultPartOfLine: Record<string, ReportPart> = {
  reconsideration: 'safety',
  mediation: 'safety',
  correction: 'safety',
  communityCorrection: 'safety',
  legalityReview: 'work',
  supervision: 'work',
  legalServices: 'services',
  legalAid: 'services',
  creditRepair: 'business',
  // The seed reports the compliance centre, foreign-related services and the lawyers in (四), not (二).
  compliance: 'services',
  foreignRelated: 'services',
  lawyers: 'services',
};

/** Sections the seed places elsewhere than their line's part: the 15-minute circle is 法护营商 (二). */
const defaultPartOfSection: Record<string, ReportPart> = {
  'legalServices.annual': 'business',
};

export function partOfSection(s: ReportSection): ReportPart {
  return s.part ?? defaultPartOfSection[s.id] ?? defaultPartOfLine[s.line] ?? 'work';
}

/** Placeholders that are the report's own, not indicators: replaced before composition. */
export function withReportTokens(template: string, year: number): string {
  return template
    .replaceAll('{{report.year}}', String(year))
    .replaceAll('{{report.nextYear}}', String(year + 1));
}
