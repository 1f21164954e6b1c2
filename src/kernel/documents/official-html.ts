/**
 * Browser preview of an official document: the same parts as the DOCX, on an A4-proportioned sheet,
 * with every user string HTML-escaped. Approximate by design: the DOCX/PDF is the document of record.
 */
import { widthInChars } from './layout.ts';
import {
  cleanInline,
  cleanMultiline,
  normaliseDocNumber,
  normaliseNote,
  normaliseRecipient,
  type OfficialDocSpec,
  officialDocSpecSchema,
} from './spec.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/** Escaped multi-line text; '\n' becomes <br>. */
const lines = (text: string): string => cleanMultiline(text).split('\n').map(escapeHtml).join('<br>');

// Free fallbacks mirror reference/fonts.conf so the preview looks like the PDF on Linux.
const FANGSONG = `'FangSong', '仿宋_GB2312', 'STFangsong', 'AR PL UKai CN', serif`;
const KAITI = `'KaiTi', '楷体_GB2312', 'STKaiti', 'AR PL UKai CN', serif`;
const HEITI = `'SimHei', '黑体', 'STHeiti', 'Noto Sans CJK SC', sans-serif`;
const XIAOBIAOSONG = `'方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'STSong', 'Noto Serif CJK SC', serif`;

const STYLE = `
.fz-odoc{box-sizing:border-box;width:210mm;min-height:297mm;padding:37mm 26mm 35mm 28mm;margin:0 auto;
background:#fff;color:#000;font-family:${FANGSONG};font-size:16pt;line-height:28.95pt;}
.fz-odoc p{margin:0;}
.fz-odoc .mark{color:#c00000;font-family:${XIAOBIAOSONG};text-align:center;line-height:1.3;margin-bottom:57.9pt;}
.fz-odoc .number{text-align:center;border-bottom:1.5pt solid #c00000;padding-bottom:4mm;margin-bottom:28.95pt;}
.fz-odoc .title{text-align:center;font-family:${XIAOBIAOSONG};font-size:22pt;line-height:34.7pt;}
.fz-odoc .title-end{margin-bottom:28.95pt;}
.fz-odoc .para{text-indent:2em;text-align:justify;}
.fz-odoc .h1{text-indent:2em;font-family:${HEITI};}
.fz-odoc .h2{text-indent:2em;font-family:${KAITI};}
.fz-odoc .h3{text-indent:2em;}
.fz-odoc table{border-collapse:collapse;width:100%;font-size:14pt;line-height:20pt;}
.fz-odoc td,.fz-odoc th{border:0.5pt solid #000;padding:2pt 4pt;font-weight:normal;}
.fz-odoc th{font-family:${HEITI};}
.fz-odoc .attachments{margin-top:28.95pt;padding-left:5em;text-indent:-3em;}
.fz-odoc .signature{margin-top:57.9pt;text-align:right;}
.fz-odoc .note{text-indent:2em;}
.fz-odoc .colophon{margin-top:28.95pt;font-size:14pt;border-top:1pt solid #000;border-bottom:1pt solid #000;}
.fz-odoc .colophon p{padding:0 1em;}
.fz-odoc .colophon .copy{border-bottom:0.75pt solid #000;}
.fz-odoc .colophon .printed{display:flex;justify-content:space-between;}
`;

/** An HTML fragment (a <style> and an <article>) to drop into a page. */
export function renderOfficialHtml(input: OfficialDocSpec): string {
  const spec = officialDocSpecSchema.parse(input);
  const out: string[] = [`<style>${STYLE}</style>`, '<article class="fz-odoc" lang="zh-CN">'];
  if (spec.voidMark) {
    out.push(
      '<p class="void" style="color:#c00;text-align:center;font-size:22pt;margin:0">作废</p>',
      `<p class="void-note" style="color:#c00;text-align:center">${lines(spec.voidMark)}</p>`,
    );
  }
  if (spec.authorityMark) {
    const mark = cleanInline(spec.authorityMark);
    const sizePt = Math.max(22, Math.min(36, Math.floor(442 / Math.max(widthInChars(mark), 1))));
    out.push(`<p class="mark" style="font-size:${sizePt}pt">${escapeHtml(mark)}</p>`);
  }
  if (spec.docNumber) out.push(`<p class="number">${escapeHtml(normaliseDocNumber(spec.docNumber))}</p>`);
  const titleLines = cleanMultiline(spec.title)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  titleLines.forEach((line, i) => {
    const last = i === titleLines.length - 1 ? ' title-end' : '';
    out.push(`<h1 class="title${last}" style="margin:0;font-weight:normal">${escapeHtml(line)}</h1>`);
  });
  if (spec.recipient) out.push(`<p>${escapeHtml(normaliseRecipient(spec.recipient))}</p>`);
  for (const block of spec.body) {
    if (block.type === 'paragraph') out.push(`<p class="para">${lines(block.text)}</p>`);
    else if (block.type === 'heading') {
      out.push(`<p class="h${Math.min(block.level, 3)}">${escapeHtml(cleanInline(block.text))}</p>`);
    } else {
      const columns = Math.max(...block.rows.map((r) => r.length));
      const rows = block.rows.map((cells, r) => {
        const tag = block.header && r === 0 ? 'th' : 'td';
        const tds = Array.from({ length: columns }, (_, c) => `<${tag}>${lines(cells[c] ?? '')}</${tag}>`);
        return `<tr>${tds.join('')}</tr>`;
      });
      out.push(`<table>${rows.join('')}</table>`);
    }
  }
  if (spec.attachments?.length) {
    const numbered = spec.attachments.length > 1;
    const items = spec.attachments.map(
      (name, i) => `${i === 0 ? '附件：' : ''}${numbered ? `${i + 1}.` : ''}${escapeHtml(cleanInline(name))}`,
    );
    out.push(`<p class="attachments">${items.join('<br>')}</p>`);
  }
  const signature = cleanInline(spec.signature);
  const shiftEm = 4 + (widthInChars(spec.date) - widthInChars(signature)) / 2;
  out.push(
    `<p class="signature" style="padding-right:${Math.max(0, shiftEm)}em">${escapeHtml(signature)}</p>`,
    `<p style="text-align:right;padding-right:4em">${escapeHtml(spec.date)}</p>`,
  );
  if (spec.note) out.push(`<p class="note">${escapeHtml(normaliseNote(spec.note))}</p>`);
  if (spec.colophon) {
    const c = spec.colophon;
    out.push('<footer class="colophon">');
    if (c.copyTo)
      out.push(`<p class="copy">抄送：${escapeHtml(cleanInline(c.copyTo).replace(/[。.]$/, ''))}。</p>`);
    out.push(
      `<p class="printed"><span>${escapeHtml(cleanInline(c.printedBy))}</span><span>${escapeHtml(c.printedDate)}印发</span></p>`,
      '</footer>',
    );
  }
  out.push('</article>');
  return out.join('\n');
}
