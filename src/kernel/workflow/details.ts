import type { DetailSection } from './types.ts';

/** The Chinese label of a stored code (the code itself when the list lacks it: old data stays readable). */
export const labelled = <T extends Record<string, string>>(labels: T, code: string | null | undefined) =>
  code === null || code === undefined ? null : (labels[code as keyof T] ?? code);

/** A value as the matter page prints it: 是/否 for a yes-no, nothing for a missing value. */
function shown(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** A block of label–value facts on the matter page, in the order given. */
export const factsSection = (title: string, facts: [label: string, value: unknown][]): DetailSection => ({
  title,
  fields: facts.map(([label, value]) => ({ label, value: shown(value) })),
});

/** A table on the matter page (the parties, the hearings …), each row optionally opening a page (a party's). */
export const tableSection = (
  title: string,
  columns: string[],
  rows: unknown[][],
  links?: (string | null)[],
): DetailSection => ({
  title,
  table: { columns, rows: rows.map((r) => r.map(shown)), ...(links ? { links } : {}) },
});
