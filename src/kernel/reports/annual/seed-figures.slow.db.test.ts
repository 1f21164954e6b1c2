/**
 * The whole demo district (every line, as `npm start` loads it) and the 2024 annual report drafted on it: every figure
 * of the bureau's published report (reference/seed-figures-2024.json) compared with the composed report's, figure by
 * figure; the seed's sentences found in the text where the product's template words them as the seed does; the draft
 * printed as HTML, DOCX and PDF, the PDF's pages written to docs/screenshots/ to look at. Only with FAZHI_SLOW_TESTS=1.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, makeUser, signIn, testApp } from '../../../../test/support/app.ts';
import { createTestDb, type TestDb } from '../../../../test/support/db.ts';
import { docxText } from '../../../../test/support/docx-text.ts';
import { loadLineDemos } from '../../../lines/index.ts';
import type { App } from '../../../platform/http/app.ts';
import { pdfAvailable } from '../../documents/index.ts';

interface SeedFigure {
  line: string;
  id: string;
  value?: number;
  comparator?: 'more than';
  yoy?: string;
  text: string;
}
type Seg = { text: string; indicator?: string; part?: string };

const seed: SeedFigure[] = JSON.parse(
  readFileSync(new URL('../../../../reference/seed-figures-2024.json', import.meta.url), 'utf8'),
).figures;
const TODAY = '2026-11-25';
const SHOTS = new URL('../../../../docs/screenshots/', import.meta.url);

/**
 * Seed sentences the product words otherwise on purpose, with why. Every other figure's seed text must be found in
 * the composed report word for word.
 */
const wordedOtherwise: Record<string, string> = {
  // The seed says 130余家; the product prints the count of the records (130 on the demo).
  'creditRepair.subjectsConsulted': '130余家 → the exact count',
  // The JSON's text abridges the report (区级合法性审查中心累计审核…); the report's own sentence is checked below.
  'legalityReview.districtReviewed': 'abridged in the JSON',
  // The registry records where and what was set up; 全省首家/全市首家 are claims no record holds.
  'legalAid.workstations': '全省首家/全市首家 not recorded',
};

let t: TestDb;
let app: App;
let leader: Client;
let loadSeconds = 0;
let reportId = 0;
let segments: Seg[] = [];
let text = '';

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { today: TODAY });
  const started = Date.now();
  await loadLineDemos(t.db, TODAY, (line) => console.info(line));
  loadSeconds = (Date.now() - started) / 1000;
  console.info(`whole demo district loaded in ${loadSeconds.toFixed(1)} s`);
  await makeUser(t.db, 'sf.leader', [{ org: 'bureau', role: 'leader' }]);
  await makeUser(t.db, 'sf.staff', [{ org: 'sec-office', role: 'sectionStaff' }]);
  leader = await signIn(app, 'sf.leader');
  const staff = await signIn(app, 'sf.staff');
  const res = await staff.post('/api/annual-reports', { year: 2024 });
  expect(res.json(), res.body).toMatchObject({ created: true });
  reportId = res.json().id;
  const view = (await leader.get(`/api/annual-reports/${reportId}`)).json();
  segments = view.blocks.flatMap((b: { segments: Seg[] }) => b.segments);
  // The text as printed: one line per heading or paragraph (consecutive blocks join into one paragraph).
  text = [...view.liveHtml.matchAll(/<(h\d|p)[^>]*>(.*?)<\/\1>/gs)]
    .map((m) =>
      m[2]!
        .replace(/<[^>]+>/g, '')
        .replace(/&#(\d+);/g, (_: string, c: string) => String.fromCharCode(Number(c))),
    )
    .join('\n');
}, 900_000);
afterAll(async () => {
  await app?.close();
  await t?.close();
});

/** 同比增长12.7% / 较去年同期增长108.2% / 同比下降4.1%: the seed's year-on-year phrase of a figure. */
const yoyWording = (s: string) => s.match(/(同比|较去年同期)(增长|下降)[\d.]+%/)?.[0] ?? null;

describe('the 2024 report drafted on the whole demo district reproduces the seed’s figures', () => {
  it('compares every seed figure with the composed report’s, and lists those no line produces', async () => {
    const mismatches: string[] = [];
    const missing: string[] = [];
    for (const f of seed) {
      const own = segments.filter((s) => s.indicator === f.id);
      if (!own.length) {
        missing.push(`${f.line}:${f.id}`);
        continue;
      }
      if (f.value !== undefined) {
        const printed = own.find((s) => s.part === 'value');
        // A fact cited by name (list, clauses, first) counts its records: the indicator's value is the figure.
        const value = printed
          ? Number(printed.text)
          : (await leader.get(`/api/indicators/${f.id}?year=2024&region=330211`)).json().value;
        const ok =
          // 130余家: at least 130 and fewer than 140 (the product prints the count itself).
          f.comparator === 'more than' ? value >= f.value && value < f.value + 10 : value === f.value;
        if (!ok) mismatches.push(`${f.id}: seed ${f.value}${f.comparator ? '余' : ''}, report ${value}`);
      }
      if (f.yoy) {
        const wording = yoyWording(f.text)!;
        const change = own.find((s) => s.part === 'yoy' || s.part === 'change');
        if (!change) mismatches.push(`${f.id}: no year-on-year figure (seed ${wording})`);
        else if (!text.includes(wording))
          mismatches.push(`${f.id}: seed “${wording}”, report “${change.text}”`);
      }
    }
    console.info(
      `seed figures reproduced: ${seed.length - missing.length - mismatches.length} of ${seed.length}; not produced by any line (${missing.length}): ${missing.join(', ') || 'none'}`,
    );
    expect(mismatches).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('contains the seed’s sentences where the template words them as the seed does', () => {
    const absent = seed
      .filter((f) => !(f.id in wordedOtherwise))
      .flatMap((f) => f.text.split('; '))
      .filter((sentence) => !text.includes(sentence.replaceAll(',', '，')));
    expect(absent).toEqual([]);
    expect(text).toContain(
      '推动区级合法性审查中心实质化运作，累计审核各类事项411件，其中协审部门及镇街道事项152件。',
    );
    // The facts that are not counts, from their records.
    expect(text).toContain('“法律援助权利告知制度”等4个项目纳入宁波市县乡法治政府“最佳实践”培育库。');
    expect(text).toContain(
      '培育库。“关于健全重大行政决策责任追究机制的指导意见”入选省厅重大行政决策标志性成果培育项目。在全市率先出台',
    );
    expect(text).toContain(
      '打造“法治九龙”。九龙湖镇人民政府获评全国“八五”普法中期表现突出单位。2023年法治宁波建设年度考评排名列全市第一档。',
    );
    expect(text).toContain(
      '出台《区行政调解暂行办法》，制定全区调解力量统筹运行机制办法，建立健全区级调解人才库制度。11月28日，在全省行政调解工作现场会上作经验交流。全年全区共受理各类调解案件12146件，涉及金额28147.83万元。',
    );
    expect(text).toContain(
      '在物流枢纽港传化物流司机之家成立交通运输行业法律援助工作站，在张鑑碶社区成立新业态领域法律援助联络点，为新业态就业劳动者提供一站式法律援助服务。',
    );
    expect(text).toContain('完成绿色石化行业、紧固件产业、稀土磁性材料产业合规指引。');
  });

  it('splits mediation as the seed does: the commercial centres in (二), the cases in (三)', async () => {
    const view = (await leader.get(`/api/annual-reports/${reportId}`)).json();
    const partOf = (sectionId: string) =>
      view.blocks.find((b: { sectionId: string | null }) => b.sectionId === sectionId)?.part;
    expect(partOf('mediation.commercial')).toBe('business');
    expect(partOf('mediation.annual')).toBe('safety');
    expect(partOf('supervision.exchange')).toBe('safety');
    expect(text).toContain(
      '深化涉企法治服务增值化改革。新增商事调解中心2家，印发《区人民法院 区司法局关于共同建立镇海区商事纠纷诉调对接工作机制的实施方案》，进一步完善诉调对接流程及方式。创新信用保护修复，成立全省首家信用修复保护平台，',
    );
  });

  it('prints the draft as HTML with every figure linked to its records', async () => {
    const res = await leader.get(`/api/annual-reports/${reportId}/html?edition=live`);
    expect(res.statusCode, res.body).toBe(200);
    const html = res.body;
    expect(html).toContain(
      '<h1 class="annual-title">镇海区司法局2024年法治政府建设年度报告和2025年工作思路</h1>',
    );
    for (const f of seed) expect(html, f.id).toContain(`data-indicator="${f.id}"`);
    expect(html).toContain('href="/indicators/mediation.received?year=2024&amp;region=330211"');
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/annual-report-2024.html', html);
  });

  it('prints the draft as a DOCX holding the same paragraphs', async () => {
    const res = await leader.get(`/api/annual-reports/${reportId}/docx?edition=live`);
    expect(res.statusCode, res.body).toBe(200);
    const docx = (await docxText(res.rawPayload)).join('\n');
    expect(docx).toContain('镇海区司法局2024年法治政府建设年度报告和2025年工作思路');
    expect(docx).toContain('全年共接收复议案件254件，较去年同期增长108.2%，行政诉讼发案量同比下降4.1%');
    expect(docx).toContain('11月28日，在全省行政调解工作现场会上作经验交流。');
    expect(docx).toContain('律师行业总创收同比增长12.7%');
  });

  it('prints the draft as a PDF (LibreOffice) and writes its pages to docs/screenshots/', async () => {
    if (!(await pdfAvailable())) {
      console.warn('soffice not installed: the PDF is not checked');
      return;
    }
    const res = await leader.get(`/api/annual-reports/${reportId}/pdf?edition=live`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'annual-pdf-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), res.rawPayload);
      const pdfText = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      expect(pdfText.replace(/\s+/g, '')).toContain('全年全区共受理各类调解案件12146件');
      execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, 'r.pdf'), join(dir, 'p')]);
      const pages = readdirSync(dir).filter((f) => f.endsWith('.png'));
      expect(pages.length).toBeGreaterThanOrEqual(3);
      for (const [i, page] of pages.sort().entries())
        writeFileSync(new URL(`annual-report-2024-p${i + 1}.png`, SHOTS), readFileSync(join(dir, page)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
