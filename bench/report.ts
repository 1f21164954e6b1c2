/**
 * (i) The whole annual report of a district: every block of the first draft (the seed's narrative and every line's
 * registered paragraph) composed from the records and printed as DOCX, beside its floor: the raw SQL of the same
 * indicators (each fact query summed over the year, no scope, no year-on-year), run with the same parallelism.
 */
import { performance } from 'node:perf_hooks';
import { renderOfficialDocx } from '../src/kernel/documents/index.ts';
import { getIndicator } from '../src/kernel/indicators/registry.ts';
import { type BlockRow, composeEdition } from '../src/kernel/reports/annual/edition.ts';
import { editionSpec } from '../src/kernel/reports/annual/render.ts';
import { sectionLayout, skeleton } from '../src/kernel/reports/annual/skeleton.ts';
import { partOfSection, withReportTokens } from '../src/kernel/reports/annual/structure.ts';
import { placeholdersOf } from '../src/kernel/reports/compose.ts';
import { allReportSections } from '../src/kernel/reports/sections.ts';
import { vocabularyRows } from '../src/kernel/workflow/vocabulary.ts';
import { type Db, inParallel } from '../src/platform/db/pool.ts';

type TimeEach = (n: number, fn: (i: number) => Promise<unknown>) => Promise<{ median: number; p95: number }>;

/** The first draft's blocks as `openDraft` lays them out, without writing them. */
export function draftBlocks(): BlockRow[] {
  const narrative = skeleton.map((b, i) => ({
    ...b,
    id: i + 1,
    sectionId: null,
    newParagraph: b.newParagraph ?? false,
    omitted: false,
    version: 1,
  }));
  const lines = allReportSections().map((s, i) => ({
    id: 1000 + i,
    part: partOfSection(s),
    position: sectionLayout[s.id]?.position ?? 900,
    kind: 'line' as const,
    sectionId: s.id,
    newParagraph: sectionLayout[s.id]?.newParagraph ?? false,
    omitted: false,
    template: s.template,
    version: 1,
  }));
  return [...narrative, ...lines];
}

export async function reportBench(db: Db, timeEach: TimeEach, year = 2024) {
  const bureau = (await db.query<{ id: number }>(`SELECT id FROM orgs WHERE code = 'bureau'`)).rows[0]!.id;
  const blocks = draftBlocks();
  const meta = {
    indexNo: null,
    topic: '司法',
    writtenOn: `${year + 1}-03-19`,
    genre: '报告',
    publisher: '区司法局',
    disclosure: '主动公开',
  };
  let docxBytes = 0;
  let docxMs = 0;
  const whole = await timeEach(5, async () => {
    const e = await composeEdition(
      db,
      { year, region: '330211', orgId: bureau },
      blocks,
      `${year + 1}-03-19`,
    );
    const t = performance.now();
    docxBytes = (await renderOfficialDocx(editionSpec(e, meta, meta.publisher))).length;
    docxMs = performance.now() - t;
  });
  const ids = [...new Set(blocks.flatMap((b) => placeholdersOf(withReportTokens(b.template, year))))];
  const raw = ids
    .map((id) => getIndicator(id)!)
    .filter((d) => d.facts)
    .map((d) => {
      // This year and last (the report prints year-on-year changes), as (c)'s floor does.
      const inYear = (from: string, to: string) =>
        d.kind === 'flow'
          ? `on_date >= ${from} AND on_date < ${to}`
          : `on_date < ${to} AND (end_date IS NULL OR end_date >= ${to}) AND ${from}::date IS NOT NULL`;
      return `WITH vocabulary AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS v(vocabulary text, code text, label text)),
                   business AS (SELECT $4::date AS today), f AS (${d.facts})
              SELECT sum(value) FILTER (WHERE ${inYear('$1', '$2')}),
                     sum(value) FILTER (WHERE ${inYear('$5', '$1')}) FROM f`;
    });
  const params = [
    `${year}-01-01`,
    `${year + 1}-01-01`,
    vocabularyRows(),
    `${year + 1}-03-19`,
    `${year - 1}-01-01`,
  ];
  const floor = await timeEach(5, () =>
    inParallel(
      db,
      raw.map((sql) => () => db.query(sql, params)),
    ),
  );
  return { ...whole, floor, indicators: ids.length, blocks: blocks.length, docxBytes, docxMs };
}
