import { validateTemplate } from './compose.ts';

/**
 * The annual report's paragraphs that lines contribute: a title and a template whose placeholders are indicators.
 * Staff start from a line's template and may edit the wording; the figures always come from the records.
 */
export interface ReportSection {
  id: string;
  line: string;
  title: string;
  /** Order in the annual report. */
  order: number;
  template: string;
  /**
   * The subsection of 一、年度法治政府建设情况 the paragraph belongs to: (一) work, (二) business, (三) safety,
   * (四) services. Optional: without it the annual report places the section by its line (`annual/structure.ts`).
   */
  part?: ReportPart;
}

/** The subsections of the annual report's first chapter that lines' paragraphs go into. */
export const reportParts = ['work', 'business', 'safety', 'services'] as const;
export type ReportPart = (typeof reportParts)[number];

const sections = new Map<string, ReportSection>();

/** Registers a section; a template that names an unknown indicator is a programming error, caught at start. */
export function registerReportSection(s: ReportSection) {
  const problems = validateTemplate(s.template);
  if (s.part !== undefined && !reportParts.includes(s.part)) problems.push(`未知的报告部分：${s.part}`);
  if (problems.length) throw new Error(`report section ${s.id}: ${problems.join('; ')}`);
  const known = sections.get(s.id);
  if (known && known !== s) throw new Error(`report section ${s.id} is declared twice`);
  sections.set(s.id, s);
}

export const allReportSections = () => [...sections.values()].sort((a, b) => a.order - b.order);
export const getReportSection = (id: string) => sections.get(id);
