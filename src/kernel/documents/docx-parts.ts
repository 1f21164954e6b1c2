/**
 * Building blocks of the official-document DOCX: runs, paragraphs, the table, the 版记 and the
 * page-number footers. User text only ever reaches `run()`, i.e. a w:t element the library escapes.
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { BLOCK_WIDTH, CHAR, FONT, FOOTER_LINE, LINE_PITCH, SIZE, SMALL_CHAR } from './layout.ts';
import { cleanInline, cleanMultiline, type OfficialDocSpec } from './spec.ts';

/**
 * 'word': the standard's 28 × 22 document grid, as Word and WPS lay it out.
 * 'libreoffice': LibreOffice (7.x) cannot compress characters to a grid pitch below the font size
 * (with charSpace −849 every 三号 character takes two cells, 14 per line), so this target uses a
 * line-only grid and −0.25 pt tracking on 三号 runs, which also gives 28 characters per line.
 */
export type RenderTarget = 'word' | 'libreoffice';

export interface Ctx {
  /** Character spacing (twips) added to 三号 runs; undefined for the Word target. */
  tracking?: number;
}

export interface RunStyle {
  font: string;
  size?: number;
  color?: string;
}

export const EXACT_LINE = { line: LINE_PITCH, lineRule: LineRuleType.EXACT } as const;

/** East Asian text in the given font, digits and Latin in Times New Roman (宋体 keeps its own). */
export function run(ctx: Ctx, text: string, style: RunStyle, breakBefore = false): TextRun {
  const latin = style.font === FONT.song ? FONT.song : FONT.latin;
  const size = style.size ?? SIZE.sanhao;
  return new TextRun({
    text,
    break: breakBefore ? 1 : undefined,
    font: { eastAsia: style.font, ascii: latin, hAnsi: latin, hint: 'eastAsia' },
    size,
    color: style.color,
    characterSpacing: size === SIZE.sanhao ? ctx.tracking : undefined,
  });
}

/** '\n' in user text becomes a line break inside the same paragraph. */
export function runs(ctx: Ctx, text: string, style: RunStyle): TextRun[] {
  return cleanMultiline(text)
    .split('\n')
    .map((line, i) => run(ctx, line, style, i > 0));
}

export const blank = (): Paragraph => new Paragraph({ spacing: EXACT_LINE });

/** Justified, first line indented two characters (2 × 16 pt = 640 twips). */
export function bodyParagraph(ctx: Ctx, text: string, font: string = FONT.body, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    keepNext,
    indent: { firstLine: 2 * CHAR },
    spacing: EXACT_LINE,
    children: runs(ctx, text, { font }),
  });
}

/** A plain bordered table across the block, 四号仿宋 (header row 黑体, centred, repeated). */
export function table(ctx: Ctx, rows: string[][], header: boolean, weights?: number[]): Table {
  const columns = Math.max(...rows.map((r) => r.length));
  const weight = (c: number) => weights?.[c] ?? 1;
  const total = Array.from({ length: columns }, (_, c) => weight(c)).reduce((a, b) => a + b, 0);
  const widths = Array.from({ length: columns }, (_, c) => Math.floor((BLOCK_WIDTH * weight(c)) / total));
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = {
    top: line,
    bottom: line,
    left: line,
    right: line,
    insideHorizontal: line,
    insideVertical: line,
  };
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders,
    rows: rows.map((cells, r) => {
      const isHeader = header && r === 0;
      const style = { font: isHeader ? FONT.heading1 : FONT.body, size: SIZE.sihao };
      return new TableRow({
        tableHeader: isHeader,
        cantSplit: true,
        children: Array.from(
          { length: columns },
          (_, c) =>
            new TableCell({
              width: { size: widths[c]!, type: WidthType.DXA },
              margins: { left: 80, right: 80, top: 40, bottom: 40 },
              children: [
                new Paragraph({
                  alignment: isHeader ? AlignmentType.CENTER : AlignmentType.LEFT,
                  // 四号 in a 三号 grid: a tighter exact line keeps rows compact and unclipped.
                  spacing: { line: 400, lineRule: LineRuleType.EXACT },
                  children: runs(ctx, cells[c] ?? '', style),
                }),
              ],
            }),
        ),
      });
    }),
  });
}

/** 版记: 四号仿宋 between a thick first and last rule, thin rules between rows (GB/T 9704 7.4). */
export function colophon(ctx: Ctx, c: NonNullable<OfficialDocSpec['colophon']>): Paragraph[] {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
  const style = { font: FONT.body, size: SIZE.sihao };
  const out: Paragraph[] = [];
  if (c.copyTo) {
    out.push(
      new Paragraph({
        spacing: EXACT_LINE,
        // Left and right one character in; wrapped lines align after "抄送：".
        indent: { left: SMALL_CHAR * 4, right: SMALL_CHAR, hanging: SMALL_CHAR * 3 },
        border: { top: thick, bottom: thin },
        children: [run(ctx, `抄送：${cleanInline(c.copyTo).replace(/[。.]$/, '')}。`, style)],
      }),
    );
  }
  out.push(
    new Paragraph({
      spacing: EXACT_LINE,
      indent: { left: SMALL_CHAR, right: SMALL_CHAR },
      tabStops: [{ type: TabStopType.RIGHT, position: BLOCK_WIDTH - SMALL_CHAR }],
      border: c.copyTo ? { bottom: thick } : { top: thick, bottom: thick },
      children: [
        run(ctx, cleanInline(c.printedBy), style),
        new TextRun({ children: ['\t'] }),
        run(ctx, `${cleanInline(c.printedDate)}印发`, style),
      ],
    }),
  );
  return out;
}

/** "— 1 —" in 四号 half-width 宋体; odd pages right with one character in, even pages left. */
export function pageNumberFooter(ctx: Ctx, odd: boolean): Footer {
  const style = { font: FONT.song, size: SIZE.sihao };
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: SMALL_CHAR } : { left: SMALL_CHAR },
        spacing: { line: FOOTER_LINE, lineRule: LineRuleType.EXACT },
        children: [
          run(ctx, '— ', style),
          new TextRun({ children: [PageNumber.CURRENT], font: FONT.song, size: SIZE.sihao }),
          run(ctx, ' —', style),
        ],
      }),
    ],
  });
}
