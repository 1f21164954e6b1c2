/**
 * DOCX rendering of an official document (公文) in the GB/T 9704-2012 layout. Pure: spec in, bytes out.
 * Every user string is sanitised and placed in a text run (the docx library XML-escapes run text);
 * the only field in the package is the footer's PAGE field, built here, never from input.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Header,
  LineRuleType,
  Packer,
  Paragraph,
  type Table,
} from 'docx';
import {
  blank,
  bodyParagraph,
  type Ctx,
  colophon,
  EXACT_LINE,
  pageNumberFooter,
  type RenderTarget,
  run,
  runs,
  table,
} from './docx-parts.ts';
import {
  BLOCK_WIDTH,
  CHAR,
  CHAR_SPACE,
  FONT,
  FOOTER_DISTANCE,
  GRIDLESS_TRACKING,
  LINE_PITCH,
  PAGE,
  RED,
  RED_RULE_SPACE_PT,
  SIZE,
  widthInChars,
} from './layout.ts';
import { docxToPdf } from './pdf.ts';
import {
  type BodyBlock,
  cleanInline,
  cleanMultiline,
  normaliseDocNumber,
  normaliseNote,
  normaliseRecipient,
  type OfficialDocSpec,
  officialDocSpecSchema,
} from './spec.ts';

export type { RenderTarget } from './docx-parts.ts';
export { renderOfficialHtml } from './official-html.ts';
export { type OfficialDocSpec, officialDocSpecSchema } from './spec.ts';

/** Goes into template hashes: bump whenever the rendered layout changes. */
export const RENDERER_VERSION = 'gbt9704-2012/1';

export interface RenderOptions {
  /** Defaults to 'word', the DOCX users download; docxToPdf needs 'libreoffice' (see RenderTarget). */
  target?: RenderTarget;
}

const HEADING_FONT: Record<1 | 2 | 3 | 4, string> = {
  1: FONT.heading1,
  2: FONT.heading2,
  3: FONT.body,
  4: FONT.body,
};

function bodyBlock(ctx: Ctx, block: BodyBlock): Paragraph | Table {
  switch (block.type) {
    case 'paragraph':
      return bodyParagraph(ctx, block.text);
    case 'heading':
      // A heading never ends a page on its own.
      return bodyParagraph(ctx, cleanInline(block.text), HEADING_FONT[block.level], true);
    case 'table':
      return table(ctx, block.rows, block.header ?? false, block.widths);
  }
}

/** 发文机关标志: as large as fits one line of the block, capped at 小初 (36 pt). */
function authorityMark(ctx: Ctx, text: string): Paragraph {
  const chars = Math.max(widthInChars(text), 1);
  const sizePt = Math.max(22, Math.min(36, Math.floor(BLOCK_WIDTH / 20 / chars)));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: Math.round(sizePt * 20 * 1.3), lineRule: LineRuleType.EXACT },
    children: [run(ctx, text, { font: FONT.title, size: sizePt * 2, color: RED })],
  });
}

/** The 作废 mark of a voided document: a red heading and its date and reason, above the document itself. */
function voidMark(ctx: Ctx, text: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(LINE_PITCH * 1.2), lineRule: LineRuleType.EXACT },
      children: [run(ctx, '作废', { font: FONT.title, size: SIZE.erhao, color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: EXACT_LINE,
      children: runs(ctx, text, { font: FONT.body, color: RED }),
    }),
    blank(),
  ];
}

const voidHeader = (ctx: Ctx) =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [run(ctx, '作废', { font: FONT.title, size: SIZE.sanhao, color: RED })],
      }),
    ],
  });

function header(ctx: Ctx, spec: OfficialDocSpec): Paragraph[] {
  const out: Paragraph[] = spec.voidMark ? voidMark(ctx, spec.voidMark) : [];
  if (spec.authorityMark) out.push(authorityMark(ctx, cleanInline(spec.authorityMark)), blank(), blank());
  if (spec.docNumber) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: EXACT_LINE,
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: RED_RULE_SPACE_PT } },
        children: [run(ctx, normaliseDocNumber(spec.docNumber), { font: FONT.body })],
      }),
      blank(),
    );
  }
  for (const line of cleanMultiline(spec.title).split('\n')) {
    const text = line.trim();
    if (!text) continue;
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: Math.round(LINE_PITCH * 1.2), lineRule: LineRuleType.EXACT },
        children: [run(ctx, text, { font: FONT.title, size: SIZE.erhao })],
      }),
    );
  }
  out.push(blank());
  if (spec.recipient) {
    out.push(
      new Paragraph({
        spacing: EXACT_LINE,
        children: [run(ctx, normaliseRecipient(spec.recipient), { font: FONT.body })],
      }),
    );
  }
  return out;
}

/** 附件说明: "附件：" two characters in, further items aligned under the first item's number. */
function attachmentNote(ctx: Ctx, names: string[]): Paragraph[] {
  const numbered = names.length > 1;
  return names.map((name, i) => {
    const label = numbered ? `${i + 1}.` : '';
    const textStart = 5 * CHAR + Math.round(widthInChars(label) * CHAR);
    return new Paragraph({
      alignment: AlignmentType.BOTH,
      spacing: EXACT_LINE,
      indent: { left: textStart, hanging: textStart - (i === 0 ? 2 * CHAR : 5 * CHAR) },
      children: [run(ctx, `${i === 0 ? '附件：' : ''}${label}${cleanInline(name)}`, { font: FONT.body })],
    });
  });
}

/**
 * Sealed-document rule (7.3.5.1): the date is right-indented four characters and the signature is
 * centred over it, so its right indent grows or shrinks by half the width difference.
 */
function signatureAndDate(ctx: Ctx, signature: string, date: string): Paragraph[] {
  const dateIndent = 4 * CHAR;
  const shift = ((widthInChars(date) - widthInChars(signature)) / 2) * CHAR;
  const signatureIndent = Math.max(0, Math.round(dateIndent + shift));
  const line = (text: string, right: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: EXACT_LINE,
      indent: { right },
      children: [run(ctx, text, { font: FONT.body })],
    });
  return [line(signature, signatureIndent), line(date, dateIndent)];
}

export function buildOfficialDocument(input: OfficialDocSpec, options: RenderOptions = {}): Document {
  const spec = officialDocSpecSchema.parse(input);
  const word = (options.target ?? 'word') === 'word';
  const ctx: Ctx = { tracking: word ? undefined : GRIDLESS_TRACKING };
  const children: (Paragraph | Table)[] = [...header(ctx, spec), ...spec.body.map((b) => bodyBlock(ctx, b))];
  if (spec.attachments?.length) children.push(blank(), ...attachmentNote(ctx, spec.attachments));
  children.push(blank(), blank(), ...signatureAndDate(ctx, cleanInline(spec.signature), spec.date));
  if (spec.note) children.push(bodyParagraph(ctx, normaliseNote(spec.note)));
  if (spec.colophon) children.push(blank(), ...colophon(ctx, spec.colophon));

  return new Document({
    title: cleanInline(spec.title.replace(/\n/g, '')),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: { eastAsia: FONT.body, ascii: FONT.latin, hAnsi: FONT.latin },
            size: SIZE.sanhao,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: EXACT_LINE },
        },
      },
      // LibreOffice sizes the character grid from the Normal style's own East Asian font size, not
      // from docDefaults; without it the grid is 12 pt and every 三号 character takes two cells.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: { eastAsia: FONT.body, ascii: FONT.latin, hAnsi: FONT.latin }, size: SIZE.sanhao },
          paragraph: { spacing: EXACT_LINE },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginLeft,
              right: PAGE.marginRight,
              header: PAGE.headerDistance,
              footer: FOOTER_DISTANCE,
            },
          },
          grid: word
            ? { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE }
            : { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter(ctx, true), even: pageNumberFooter(ctx, false) },
        ...(spec.voidMark ? { headers: { default: voidHeader(ctx), even: voidHeader(ctx) } } : {}),
        children,
      },
    ],
  });
}

/** Validates the spec (throws a ZodError on bad input) and renders the DOCX bytes. */
export async function renderOfficialDocx(
  spec: OfficialDocSpec,
  options: RenderOptions = {},
): Promise<Buffer> {
  return Packer.toBuffer(buildOfficialDocument(spec, options));
}

/** The PDF through LibreOffice, from the LibreOffice-targeted DOCX. Throws PdfUnavailableError. */
export async function renderOfficialPdf(spec: OfficialDocSpec): Promise<Buffer> {
  return docxToPdf(await renderOfficialDocx(spec, { target: 'libreoffice' }));
}
