import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  docxToPdf,
  type OfficialDocSpec,
  officialDocSpecSchema,
  pdfAvailable,
  RENDERER_VERSION,
  renderOfficialDocx,
  renderOfficialHtml,
  renderOfficialPdf,
} from './index.ts';

const sample: OfficialDocSpec = {
  docNumber: '镇司复〔2025〕12号',
  title: '行政复议决定书',
  recipient: '申请人张某某，被申请人宁波市镇海区某街道办事处',
  body: [
    {
      type: 'paragraph',
      text: '申请人不服被申请人于2025年3月5日作出的《责令限期拆除决定书》，于2025年4月2日向本机关申请行政复议，本机关依法已予受理。本案现已审理终结。',
    },
    { type: 'heading', level: 1, text: '一、案件基本情况' },
    { type: 'heading', level: 2, text: '（一）申请人请求' },
    {
      type: 'paragraph',
      text: '申请人请求撤销被申请人作出的上述决定。申请人称：其房屋系1998年经批准建造，不属于违法建筑。',
    },
    { type: 'heading', level: 2, text: '（二）被申请人答复' },
    {
      type: 'paragraph',
      text: '被申请人称：经现场勘验，申请人于2024年擅自加建彩钢棚约35平方米，事实清楚，证据确凿。',
    },
    {
      type: 'table',
      header: true,
      rows: [
        ['证据名称', '提交人', '证明内容'],
        ['现场勘验笔录', '被申请人', '加建事实及面积'],
        ['建房批准文件', '申请人', '原房屋合法建造'],
      ],
    },
    { type: 'heading', level: 1, text: '二、复议决定' },
    {
      type: 'paragraph',
      text: '根据《中华人民共和国行政复议法》第六十八条之规定，本机关决定：维持被申请人作出的《责令限期拆除决定书》。\n申请人如不服本决定，可以自收到本决定书之日起十五日内向人民法院提起行政诉讼。',
    },
  ],
  signature: '宁波市镇海区司法局',
  date: '2025年7月1日',
  colophon: { copyTo: '宁波市司法局', printedBy: '宁波市镇海区司法局办公室', printedDate: '2025年7月1日' },
};

async function unzip(docx: Buffer): Promise<JSZip> {
  return JSZip.loadAsync(docx);
}

async function part(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`missing ${name}`);
  return file.async('string');
}

describe('renderOfficialDocx', () => {
  it('lays the page out per GB/T 9704-2012', async () => {
    const zip = await unzip(await renderOfficialDocx(sample));
    const xml = await part(zip, 'word/document.xml');

    expect(xml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    // 37 mm → 2098, 35 mm → 1985, 28 mm → 1588, 26 mm → 1474 twips (mm × 56.7, rounded)
    const margin = xml.match(/<w:pgMar [^>]*>/)?.[0] ?? '';
    expect(margin).toContain('w:top="2098"');
    expect(margin).toContain('w:bottom="1985"');
    expect(margin).toContain('w:left="1588"');
    expect(margin).toContain('w:right="1474"');
    const grid = xml.match(/<w:docGrid [^>]*>/)?.[0] ?? '';
    expect(grid).toContain('w:type="linesAndChars"');
    expect(grid).toContain('w:linePitch="579"');
    expect(grid).toContain('w:charSpace="-849"');

    // Title: 二号 (44 half-points) 方正小标宋简体; body: 三号 (32) 仿宋_GB2312.
    const titleRun = xml.match(/<w:r>(?:(?!<\/w:r>).)*行政复议决定书<\/w:t>/s)?.[0] ?? '';
    expect(titleRun).toContain('w:eastAsia="方正小标宋简体"');
    expect(titleRun).toContain('<w:sz w:val="44"/>');
    const bodyRun = xml.match(/<w:r>(?:(?!<\/w:r>).)*本案现已审理终结。<\/w:t>/s)?.[0] ?? '';
    expect(bodyRun).toContain('w:eastAsia="仿宋_GB2312"');
    expect(bodyRun).toContain('w:ascii="Times New Roman"');
    expect(bodyRun).toContain('<w:sz w:val="32"/>');
    expect(xml).toMatch(/w:eastAsia="黑体"(?:(?!<\/w:r>).)*一、案件基本情况/s);
    expect(xml).toMatch(/w:eastAsia="楷体_GB2312"(?:(?!<\/w:r>).)*（一）申请人请求/s);
    expect(xml).toContain('w:firstLine="640"');
    expect(xml).toContain('<w:spacing w:line="579" w:lineRule="exact"/>');
    // Red rule under the document number.
    expect(xml).toMatch(/<w:bottom [^>]*w:color="C00000"[^>]*\/>(?:(?!<\/w:p>).)*镇司复〔2025〕12号/s);
    expect(xml).toContain('宁波市司法局。');
    expect(xml).toContain('2025年7月1日印发');

    const settings = await part(zip, 'word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders');
    const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers.length).toBe(2);
    for (const name of footers) {
      const footer = await part(zip, name);
      expect(footer).toContain('— ');
      expect(footer).toContain(' —');
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(RENDERER_VERSION).toMatch(/\S/);
  });

  it('keeps user text inert', async () => {
    const hostile = [
      '<w:fldSimple w:instr="HYPERLINK http://evil"/>',
      "=cmd|' /C calc'!A0",
      '{{7*7}}',
      ']]><x>',
    ];
    const spec: OfficialDocSpec = {
      ...sample,
      title: hostile[0]!,
      recipient: hostile[2],
      body: [
        ...hostile.map((text) => ({ type: 'paragraph' as const, text: `${text}\u0001\u0007\u001B\u202E` })),
        { type: 'table', rows: [[hostile[1]!, hostile[3]!]] },
      ],
      note: hostile[3],
    };
    const zip = await unzip(await renderOfficialDocx(spec));
    const xml = await part(zip, 'word/document.xml');

    expect(xml).toContain('&lt;w:fldSimple w:instr=&quot;HYPERLINK http://evil&quot;/&gt;');
    expect(xml).toContain('=cmd|&apos;');
    expect(xml).toContain('/C calc&apos;!A0');
    expect(xml).toContain('{{7*7}}');
    expect(xml).toContain(']]&gt;&lt;x&gt;');
    expect(xml).not.toContain('<w:fldSimple');
    expect(xml).not.toContain('fldSimple w:instr="');
    expect(xml).not.toContain('instrText');
    expect(xml).not.toContain('<w:hyperlink');
    expect(xml).not.toContain('<x>');
    // Stripped controls and bidi overrides.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting they were removed
    expect(xml).not.toMatch(/[\u0001\u0007\u001B\u202E]/);
    const rels = await part(zip, 'word/_rels/document.xml.rels');
    expect(rels).not.toContain('TargetMode="External"');
    expect(rels).not.toContain('evil');
  });

  it('uses a line-only grid with tracking for LibreOffice', async () => {
    const xml = await part(
      await unzip(await renderOfficialDocx(sample, { target: 'libreoffice' })),
      'word/document.xml',
    );
    expect(xml.match(/<w:docGrid [^>]*>/)?.[0]).toBe('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(xml).toContain('<w:spacing w:val="-5"/>');
  });

  it('rejects dates with leading zeros or non-Arabic numerals', () => {
    expect(officialDocSpecSchema.safeParse({ ...sample, date: '2025年07月01日' }).success).toBe(false);
    expect(officialDocSpecSchema.safeParse({ ...sample, date: '二〇二五年七月一日' }).success).toBe(false);
  });

  it('normalises the 发文字号 brackets and the recipient colon', async () => {
    const zip = await unzip(
      await renderOfficialDocx({ ...sample, docNumber: '镇司复[2025]12号', recipient: '张某:' }),
    );
    const xml = await part(zip, 'word/document.xml');
    expect(xml).toContain('镇司复〔2025〕12号');
    expect(xml).toContain('张某：');
  });
});

describe('renderOfficialHtml', () => {
  it('renders an escaped preview', () => {
    const html = renderOfficialHtml({
      ...sample,
      title: '<script>alert(1)</script>',
      recipient: '"><img src=x>',
    });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('镇司复〔2025〕12号');
    expect(html).toContain("'FangSong', '仿宋_GB2312', 'STFangsong', 'AR PL UKai CN', serif");
    expect(html).toContain('width:210mm');
  });
});

const hasLibreOffice = await pdfAvailable();
const ARTIFACTS = join(import.meta.dirname, '../../../test-artifacts/documents');
const exec = promisify(execFile);

describe('docxToPdf', () => {
  // Developers without LibreOffice may skip; CI must have it.
  it.skipIf(!hasLibreOffice && process.env.CI !== 'true')(
    'converts the sample to a PDF and a page-1 PNG',
    async () => {
      const docx = await renderOfficialDocx(sample, { target: 'libreoffice' });
      let started = performance.now();
      const pdf = await docxToPdf(docx);
      const ms = Math.round(performance.now() - started);
      expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');

      // Concurrent conversions each get their own LibreOffice profile and must both succeed.
      started = performance.now();
      const pair = await Promise.all([
        docxToPdf(docx),
        renderOfficialPdf({ ...sample, title: '关于某某事项的\n通知' }),
      ]);
      const pairMs = Math.round(performance.now() - started);
      for (const p of pair) expect(p.subarray(0, 4).toString('latin1')).toBe('%PDF');

      await mkdir(ARTIFACTS, { recursive: true });
      const pdfPath = join(ARTIFACTS, 'xingzheng-fuyi-jueding.pdf');
      await writeFile(pdfPath, pdf);
      await writeFile(join(ARTIFACTS, 'xingzheng-fuyi-jueding.docx'), docx);
      console.info(`docxToPdf: ${ms} ms, ${pdf.length} bytes; two concurrent: ${pairMs} ms`);

      const info = await exec('pdfinfo', [pdfPath]).catch(() => null);
      if (info) {
        const pages = Number(info.stdout.match(/^Pages:\s+(\d+)/m)?.[1] ?? 0);
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(info.stdout).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      }
      await exec('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        pdfPath,
        join(ARTIFACTS, 'page'),
      ]).catch(() => null);
    },
    120_000,
  );
});
