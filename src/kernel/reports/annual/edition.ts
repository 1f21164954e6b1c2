import type { Actor } from '../../../platform/access/actor.ts';
import { inParallel, type Queryable } from '../../../platform/db/pool.ts';
import { compose, type Segment, segmentsToText } from '../compose.ts';
import { type AnnualPart, annualParts, partNumbering, withReportTokens } from './structure.ts';

/** A block as stored: the bureau's heading or narrative, or a line's registered paragraph (sectionId). */
export interface BlockRow {
  id: number;
  part: AnnualPart;
  position: number;
  kind: 'heading' | 'narrative' | 'line';
  sectionId: string | null;
  newParagraph: boolean;
  /** Left out of the edition by the bureau. */
  omitted: boolean;
  template: string;
  version: number;
}

export interface ComposedBlock extends BlockRow {
  segments: Segment[];
}

/** An edition: every block composed from the records at `asOf`. The published one is this, frozen as JSON. */
export interface Edition {
  year: number;
  region: string;
  asOf: string;
  title: string;
  blocks: ComposedBlock[];
}

/** The report's scope: the issuing bureau's subtree, whoever of its members reads it (see access.ts). */
export const reportActor = (orgId: number): Actor => ({
  userId: -1,
  name: 'annual-report',
  memberships: [{ orgId, role: 'leader' }],
});

/**
 * Composes every block from the records: one indicator read per placeholder, figures scoped to the bureau's
 * subtree (`org` of the edition), the business date `today` deciding what is overdue.
 */
export async function composeEdition(
  db: Queryable,
  report: { year: number; region: string; orgId: number },
  blocks: BlockRow[],
  today?: string,
): Promise<Edition> {
  const actor = reportActor(report.orgId);
  // The blocks are independent: on a pool they are composed side by side (one after another inside a transaction).
  const composed: ComposedBlock[] = await inParallel(
    db,
    orderBlocks(blocks.filter((x) => !x.omitted)).map((b) => async () => ({
      ...b,
      segments: await compose(db, actor, withReportTokens(b.template, report.year), {
        year: report.year,
        region: report.region,
        today,
      }),
    })),
  );
  const title = composed.find((b) => b.part === 'title');
  return {
    year: report.year,
    region: report.region,
    asOf: new Date().toISOString(),
    title: title ? segmentsToText(title.segments) : `${report.year}年法治政府建设年度报告`,
    blocks: composed,
  };
}

export function orderBlocks<T extends BlockRow>(blocks: T[]): T[] {
  const rank = (p: AnnualPart) => annualParts.indexOf(p);
  return [...blocks].sort(
    (a, b) =>
      rank(a.part) - rank(b.part) ||
      (a.kind === 'heading' ? -1 : 0) - (b.kind === 'heading' ? -1 : 0) ||
      a.position - b.position ||
      (a.sectionId ?? '').localeCompare(b.sectionId ?? '') ||
      a.id - b.id,
  );
}

/** One printed unit of the report: a numbered heading, or a paragraph joined from consecutive blocks. */
export type Piece =
  | { type: 'heading'; level: 1 | 2; part: AnnualPart; segments: Segment[] }
  | { type: 'paragraph'; part: AnnualPart; segments: Segment[]; blockIds: number[] };

/**
 * The edition as printed: per part its numbered heading, then its blocks joined into paragraphs (a block continues
 * the paragraph before it unless it starts a new one). The title is not a piece: renderers print it apart.
 */
export function pieces(edition: Edition): Piece[] {
  const out: Piece[] = [];
  for (const part of annualParts) {
    if (part === 'title') continue;
    const blocks = edition.blocks.filter((b) => b.part === part);
    const numbering = partNumbering[part];
    const heading = blocks.find((b) => b.kind === 'heading');
    if (numbering && heading)
      out.push({
        type: 'heading',
        level: numbering.level,
        part,
        segments: [{ text: numbering.number }, ...heading.segments],
      });
    let current: Extract<Piece, { type: 'paragraph' }> | null = null;
    for (const b of blocks) {
      if (b.kind === 'heading') continue;
      if (!current || b.newParagraph) {
        current = { type: 'paragraph', part, segments: [], blockIds: [] };
        out.push(current);
      }
      current.segments.push(...b.segments);
      current.blockIds.push(b.id);
    }
  }
  return out;
}

/** A figure of the edition: which block, which placeholder (by its order in the block), its text. */
export interface Figure {
  blockId: number;
  sectionId: string | null;
  ordinal: number;
  indicator: string;
  part: string;
  text: string;
}

export function figuresOf(edition: Edition): Figure[] {
  return edition.blocks.flatMap((b) =>
    b.segments
      .filter((s): s is Extract<Segment, { indicator: string }> => 'indicator' in s)
      .map((s, ordinal) => ({
        blockId: b.id,
        sectionId: b.sectionId,
        ordinal,
        indicator: s.indicator,
        part: s.part,
        text: s.text,
      })),
  );
}

/** The figures that differ between the published edition and the same text composed from today's records. */
export function diffFigures(published: Edition, live: Edition) {
  const now = new Map(figuresOf(live).map((f) => [`${f.blockId}:${f.ordinal}`, f]));
  return figuresOf(published).map((f) => {
    const l = now.get(`${f.blockId}:${f.ordinal}`);
    return {
      blockId: f.blockId,
      sectionId: f.sectionId,
      indicator: f.indicator,
      part: f.part,
      published: f.text,
      live: l?.text ?? null,
      changed: l?.text !== f.text,
    };
  });
}
