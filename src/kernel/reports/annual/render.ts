import type { OfficialDocSpec } from '../../documents/index.ts';
import { chineseDate } from '../../workflow/templates.ts';
import { segmentsToHtml, segmentsToText } from '../compose.ts';
import { type Edition, pieces } from './edition.ts';

/** The header the 信息公开 site prints above the report: 索引号, 主题分类, 成文日期, 体裁分类, 发布机构, 公开方式. */
export interface Publication {
  indexNo: string | null;
  topic: string;
  writtenOn: string | null;
  genre: string;
  publisher: string;
  disclosure: string;
}

const metaRows = (m: Publication): [string, string, string, string][] => [
  ['索引号', m.indexNo ?? '（未填）', '主题分类', m.topic],
  ['成文日期', m.writtenOn ?? '（未填）', '体裁分类', m.genre],
  ['发布机构', m.publisher, '公开方式', m.disclosure],
];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An HTML fragment for the page and the 信息公开 site: the header table, the title, headings, paragraphs; figures link to their records. */
export function editionHtml(edition: Edition, meta: Publication): string {
  const rows = metaRows(meta)
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i % 2 ? `<td>${escapeHtml(c)}</td>` : `<th>${escapeHtml(c)}</th>`)).join('')}</tr>`,
    )
    .join('');
  const body = pieces(edition)
    .map((p) =>
      p.type === 'heading'
        ? `<h${p.level + 1} class="annual-h${p.level}">${segmentsToHtml(p.segments)}</h${p.level + 1}>`
        : `<p class="annual-para">${segmentsToHtml(p.segments)}</p>`,
    )
    .join('\n');
  return `<article class="annual-report"><table class="annual-meta">${rows}</table>\n<h1 class="annual-title">${escapeHtml(edition.title)}</h1>\n${body}</article>`;
}

/** The whole edition as plain text, paragraph per line (tests, search). */
export function editionText(edition: Edition): string {
  return [edition.title, ...pieces(edition).map((p) => segmentsToText(p.segments))].join('\n');
}

/** The GB/T 9704 document: the header as a table, the title, 一、 headings (黑体) and （一） headings (楷体), the body. */
export function editionSpec(edition: Edition, meta: Publication, signature: string): OfficialDocSpec {
  return {
    title: edition.title,
    body: [
      // The 索引号 (002958773/2025-225339) on one line: its column wider than the labels'.
      { type: 'table', rows: metaRows(meta), widths: [5, 12, 5, 9] },
      ...pieces(edition).map((p) =>
        p.type === 'heading'
          ? { type: 'heading' as const, level: p.level, text: segmentsToText(p.segments) }
          : { type: 'paragraph' as const, text: segmentsToText(p.segments) },
      ),
    ],
    signature,
    date: chineseDate(meta.writtenOn ?? edition.asOf.slice(0, 10)),
  };
}
