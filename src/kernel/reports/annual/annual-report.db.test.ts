/**
 * The annual report on a small fixture: 2024's applications, suits and mediation cases walked through the API; the
 * 2024 edition composed (the reconsideration and mediation paragraphs within (三) 法治平安, word for word), a block
 * edited with its versions, reviewed, approved and published; a record added afterwards moves the live figure and
 * the diff, not the published edition; the DOCX's golden text; the 2025 draft from the 2024 text.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, makeUser, orgId, signIn } from '../../../../test/support/app.ts';
import { docxText } from '../../../../test/support/docx-text.ts';
import { decisionData, reconsiderationTestbed } from '../../../../test/support/reconsideration.ts';
import { createOrganisation } from '../../../lines/mediation/registry.ts';
import { systemActor } from '../../../platform/access/actor.ts';
import { withTx } from '../../../platform/db/pool.ts';
import { pdfAvailable, pdfQueue } from '../../documents/index.ts';

const { bed, kit } = reconsiderationTestbed();
const GOLDEN = new URL('./annual-report.golden.txt', import.meta.url);
let leader: Client;
let staff: Client;
let township: Client;
let mediationClerk: Client;
let reportId: number;

const ZHANG = { partyType: 'person', name: '张某', idNumber: '330211199001011236' };
const LI = { partyType: 'person', name: '李某', idNumber: '33021119851231551X' };
let serial = 0;
const application = (receivedOn: string, actDate: string, actKnownOn: string) => ({
  receivedOn,
  channel: 'window',
  applicants: [{ ...ZHANG, phone: '13800000000' }],
  respondentOrgId: bed.market,
  actKind: 'penalty',
  actTitle: '行政处罚决定',
  actDocNo: `甬镇市监罚〔${receivedOn.slice(0, 4)}〕${++serial}号`,
  actDate,
  actKnownOn,
  request: '撤销被申请人作出的行政处罚决定',
  allowDuplicate: true,
});
const suit = (filedOn: string, n: number) => ({
  court: '宁波市镇海区人民法院',
  caseNumber: `（${filedOn.slice(0, 4)}）浙0211行初${n}号`,
  instance: 'first',
  filedOn,
  defendantOrgId: bed.market,
  plaintiff: '王某',
  actKind: 'penalty',
});

async function register(path: string, body: Record<string, unknown>, client = bed.clerk) {
  const res = await client.post(`/api/lines/${path}`, body);
  if (res.statusCode !== 201) throw new Error(`${path}: ${res.body}`);
  return res.json().id as number;
}
async function act(path: string, id: number, action: string, date: string, data = {}) {
  const res = await kit.act(path, id, action, date, data);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
}

beforeAll(async () => {
  const db = bed.t.db;
  await makeUser(db, 'ar.leader', [{ org: 'bureau', role: 'leader' }]);
  await makeUser(db, 'ar.staff', [{ org: 'sec-office', role: 'sectionStaff' }]);
  await makeUser(db, 'ar.township', [{ org: 'jo-330211100', role: 'townshipStaff' }]);
  await makeUser(db, 'ar.mediation', [{ org: 'bureau', role: 'sectionStaff' }]);
  leader = await signIn(bed.app, 'ar.leader');
  staff = await signIn(bed.app, 'ar.staff');
  township = await signIn(bed.app, 'ar.township');
  mediationClerk = await signIn(bed.app, 'ar.mediation');

  // 2024: two applications (one revoked: a direct correction), one suit lost; 2023: one application, two suits.
  const a = await register(
    'reconsideration/application',
    application('2024-03-04', '2024-02-20', '2024-02-22'),
  );
  const app = 'reconsideration/application';
  await act(app, a, 'accept', '2024-03-05', { procedure: 'ordinary' });
  await act(app, a, 'sendCopy', '2024-03-06');
  await act(app, a, 'serveCopy', '2024-03-06', { method: 'inPerson', receivedOn: '2024-03-06' });
  await act(app, a, 'hearParties', '2024-03-06', { method: 'phone' });
  await act(app, a, 'decide', '2024-04-10', decisionData('revoke', { ground: 'a64.1' }));
  await register(app, application('2024-06-03', '2024-05-20', '2024-05-22'));
  await register(app, application('2023-06-05', '2023-05-22', '2023-05-24'));
  const lost = await register('reconsideration/suit', suit('2024-05-06', 1));
  await act('reconsideration/suit', lost, 'conclude', '2024-08-01', { outcome: 'lost' });
  await register('reconsideration/suit', suit('2023-03-06', 2));
  await register('reconsideration/suit', suit('2023-04-03', 3));

  // Mediation: a commercial centre set up in 2024; two cases mediated on the spot (12,500 and 2,500 元).
  const village = await withTx(db, async (tx) => {
    await createOrganisation(tx, systemActor, {
      code: 'ar-c24',
      name: '镇海区石化商事调解中心',
      orgKind: 'commercial',
      parentId: await orgId(db, 'sec-participation'),
      regionCode: '330211',
      foundedOn: '2024-06-01',
    });
    return createOrganisation(tx, systemActor, {
      code: 'ar-v1',
      name: '城东社区人民调解委员会',
      orgKind: 'village',
      parentId: await orgId(db, 'jo-330211001'),
      regionCode: '330211001001',
      foundedOn: '2011-01-01',
    });
  });
  for (const [receivedOn, amount] of [
    ['2024-05-06', 12500],
    ['2024-09-02', 2500],
  ] as const)
    await register(
      'mediation/onSpot',
      {
        receivedOn,
        orgId: village,
        place: '城东社区',
        applicants: [ZHANG],
        respondents: [LI],
        disputeType: 'neighbour',
        amount,
        facts: '通道纠纷',
        agreement: '当场和解',
        amountAgreed: 0,
        performance: 'immediate',
      },
      mediationClerk,
    );
}, 120_000);

const view = async () => (await leader.get(`/api/annual-reports/${reportId}`)).json();
const paragraphsOf = (html: string) =>
  [...html.matchAll(/<(h1|h2|h3|p)[^>]*>(.*?)<\/\1>/gs)].map((m) => m[2]!.replace(/<[^>]+>/g, ''));

describe('the 2024 annual report', () => {
  it('opens a draft with the seed’s structure, the lines’ paragraphs in their subsections', async () => {
    expect((await township.post('/api/annual-reports', { year: 2024 })).statusCode).toBe(403);
    const res = await staff.post('/api/annual-reports', { year: 2024 });
    expect(res.statusCode).toBe(200);
    expect(res.json().created).toBe(true);
    reportId = res.json().id;
    // The fixture holds records of two lines: the other lines' paragraphs (all zeros here) are taken out of this
    // draft, so the texts below stay those of these two lines whichever lines are merged.
    await bed.t.db.query(
      `UPDATE annual_report_blocks SET omitted = true
        WHERE report_id = $1 AND kind = 'line' AND section_id NOT IN ('reconsideration.annual', 'mediation.annual', 'mediation.commercial')`,
      [reportId],
    );
    const v = await view();
    expect(v.report).toMatchObject({
      year: 2024,
      state: 'draft',
      publisher: '区司法局',
      disclosure: '主动公开',
    });
    const text = paragraphsOf(v.liveHtml);
    expect(text[0]).toBe('镇海区司法局2024年法治政府建设年度报告和2025年工作思路');
    const headings = text.filter((t) => /^([一二三]、|（[一二三四]）)/.test(t));
    expect(headings).toEqual([
      '一、2024年法治政府建设情况',
      '（一）持续推进法治建设各项工作',
      '（二）持续统筹加强法护营商举措',
      '（三）持续深耕巩固法治平安建设',
      '（四）持续提升公共法律服务质效',
      '二、认真履行机关党组负责人法治建设第一责任人职责',
      '三、2025年工作计划',
    ]);
    const safety = text.indexOf('（三）持续深耕巩固法治平安建设');
    expect(text.slice(safety + 1, safety + 3)).toEqual([
      '完成“风信子”社区矫正社会化服务项目更新升级，严格落实重大活动维稳安保工作部署，实现风险隐患清零。出台《区行政调解暂行办法》，制定全区调解力量统筹运行机制办法，建立健全区级调解人才库制度。全年全区共受理各类调解案件2件，涉及金额1.5万元。',
      '不断提升行政复议基层解纷质效，用好行政复议监督机制，全年共接收复议案件2件，较去年同期增长100.0%，行政诉讼发案量同比下降50.0%，直接纠错行政复议案件1件，制发行政复议建议书0份，行政败诉案件1件。总体情况良好。',
    ]);
    // The seed splits mediation: the commercial centres under 法护营商 (二), the cases under 法治平安 (三).
    const business = text.indexOf('（二）持续统筹加强法护营商举措');
    expect(text[business + 1]).toBe(
      '出台《镇海区涉企法治服务增值化改革工作实施方案》，深化涉企法治服务增值化改革。新增商事调解中心1家，印发《区人民法院 区司法局关于共同建立镇海区商事纠纷诉调对接工作机制的实施方案》，进一步完善诉调对接流程及方式。“信用修复与修复保护全链条改革”获全国信用体系优秀案例，相关信息、新闻被《人民网》《信用中国》《法治浙江》《潮新闻》等刊登。',
    );
    expect(v.liveHtml).toContain(
      'href="/indicators/reconsideration.received?year=2024&amp;region=330211">2</a>',
    );
    expect(v.can).toEqual({ edit: true, sign: true });
    expect(v.allowedActions).toEqual(['review']);
  });

  it('keeps every version of a block: who wrote what', async () => {
    const preface = (await view()).blocks.find((b: { part: string }) => b.part === 'preface');
    const put = (c: Client, template: string, version: number) =>
      c.put(`/api/annual-reports/${reportId}/blocks/${preface.id}`, { template, version });
    expect((await put(township, '改写', 1)).statusCode).toBe(403);
    const bad = await put(staff, '共接收{{no.such}}件', 1);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBe('模板引用了不存在的指标：no.such');
    const edited =
      '{{report.year}}年，镇海区司法局深入贯彻落实习近平法治思想，扎实开展法治政府建设各项工作并取得积极成效。';
    expect((await put(staff, edited, 1)).json()).toEqual({ version: 2 });
    expect((await put(staff, '再改', 1)).statusCode).toBe(409);
    const versions = (
      await leader.get(`/api/annual-reports/${reportId}/blocks/${preface.id}/versions`)
    ).json();
    expect(versions.map((x: { version: number; changedName: string }) => [x.version, x.changedName])).toEqual(
      [
        [2, 'ar.staff'],
        [1, 'ar.staff'],
      ],
    );
    expect(paragraphsOf((await view()).liveHtml)[1]).toBe(
      '2024年，镇海区司法局深入贯彻落实习近平法治思想，扎实开展法治政府建设各项工作并取得积极成效。',
    );
  });

  it('is reviewed, approved and published by a leader only, with its 索引号 and 成文日期', async () => {
    let version = (await view()).report.version;
    const step = (c: Client, action: string) =>
      c.post(`/api/annual-reports/${reportId}/actions/${action}`, { version });
    expect((await step(staff, 'review')).statusCode).toBe(403);
    expect((await step(leader, 'publish')).statusCode).toBe(409);
    const meta = await staff.put(`/api/annual-reports/${reportId}/meta`, {
      indexNo: '002958773/2025-225339',
      writtenOn: '2025-03-19',
      publisher: '区司法局',
      disclosure: '主动公开',
      version,
    });
    expect(meta.statusCode).toBe(200);
    version++;
    // Reviewed, then returned to the draft (the review no longer holds), then reviewed again.
    for (const action of ['review', 'return', 'review', 'approve', 'publish']) {
      const res = await step(leader, action);
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    const v = await view();
    expect(v.report.state).toBe('published');
    const { rows: audited } = await bed.t.db.query(
      `SELECT action FROM audit_log WHERE object_type = 'annualReport' AND object_id = $1 ORDER BY seq`,
      [String(reportId)],
    );
    expect(audited.map((r: { action: string }) => r.action)).toEqual([
      'annualReport.create',
      'annualReport.block.edit',
      'annualReport.meta',
      'annualReport.review',
      'annualReport.return',
      'annualReport.review',
      'annualReport.approve',
      'annualReport.publish',
    ]);
    expect(v.allowedActions).toEqual([]);
    expect(v.publishedHtml).toContain(
      '<tr><th>索引号</th><td>002958773/2025-225339</td><th>主题分类</th><td>司法</td></tr><tr><th>成文日期</th><td>2025-03-19</td>',
    );
    expect(paragraphsOf(v.publishedHtml!).slice(0, 2)).toEqual([
      '镇海区司法局2024年法治政府建设年度报告和2025年工作思路',
      '2024年，镇海区司法局深入贯彻落实习近平法治思想，扎实开展法治政府建设各项工作并取得积极成效。',
    ]);
  });

  it('freezes the published edition: a record added later moves the live figure and the diff, not the edition', async () => {
    const preface = (await view()).blocks.find((b: { part: string }) => b.part === 'preface');
    expect(
      (
        await staff.put(`/api/annual-reports/${reportId}/blocks/${preface.id}`, {
          template: '改',
          version: 2,
        })
      ).statusCode,
    ).toBe(409);
    await expect(
      bed.t.db.query(`UPDATE annual_reports SET publisher = '改' WHERE id = $1`, [reportId]),
    ).rejects.toThrow('a published annual report is frozen');

    await register('reconsideration/application', application('2024-12-02', '2024-11-20', '2024-11-22'));
    const v = await view();
    expect(v.publishedHtml).toContain('全年共接收复议案件<a');
    expect(paragraphsOf(v.publishedHtml).join('\n')).toContain('全年共接收复议案件2件，较去年同期增长100.0%');
    expect(paragraphsOf(v.liveHtml).join('\n')).toContain('全年共接收复议案件3件，较去年同期增长200.0%');
    const diff = (await leader.get(`/api/annual-reports/${reportId}/diff`)).json();
    expect(
      diff.figures
        .filter((f: { changed: boolean }) => f.changed)
        .map((f: { indicator: string; part: string; published: string; live: string }) => [
          f.indicator,
          f.part,
          f.published,
          f.live,
        ]),
    ).toEqual([
      ['reconsideration.received', 'value', '2', '3'],
      ['reconsideration.received', 'change', '增长100.0%', '增长200.0%'],
    ]);
    expect(diff.figures.filter((f: { changed: boolean }) => !f.changed).length).toBeGreaterThan(0);
  });

  it('prints the published edition as a GB/T 9704 DOCX (golden text)', async () => {
    const res = await leader.get(`/api/annual-reports/${reportId}/docx`);
    expect(res.statusCode).toBe(200);
    const text = await docxText(res.rawPayload);
    // GOLDEN_WRITE=1 rewrites the file from what is printed now: read its diff before committing.
    if (process.env.GOLDEN_WRITE) writeFileSync(GOLDEN, `${text.join('\n')}\n`);
    expect(text).toEqual(readFileSync(GOLDEN, 'utf8').trimEnd().split('\n'));
  });

  it('prints the published edition as a PDF where LibreOffice is installed (test-artifacts/ to look at)', async () => {
    const res = await leader.get(`/api/annual-reports/${reportId}/pdf`);
    if (!(await pdfAvailable())) {
      expect(res.statusCode).toBe(503);
      return;
    }
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/annual-report-2024.pdf', res.rawPayload);
  }, 120_000);

  it('keeps the published edition’s PDF: a second download is sent from the store, not rendered again', async () => {
    if (!(await pdfAvailable())) return;
    const { rows } = await bed.t.db.query<{ pdf: Buffer; sha256: string }>(
      'SELECT pdf, sha256 FROM annual_report_pdfs WHERE report_id = $1',
      [reportId],
    );
    expect(rows).toHaveLength(1);
    const started = pdfQueue.stats.started;
    const again = await staff.get(`/api/annual-reports/${reportId}/pdf`);
    expect(again.statusCode).toBe(200);
    expect(pdfQueue.stats.started).toBe(started);
    expect(Buffer.compare(again.rawPayload, rows[0]!.pdf)).toBe(0);
    expect(createHash('sha256').update(again.rawPayload).digest('hex')).toBe(rows[0]!.sha256);
    // The live draft's PDF follows the records: rendered each time, never stored.
    const live = await leader.get(`/api/annual-reports/${reportId}/pdf?edition=live`);
    expect(live.statusCode).toBe(200);
    expect(pdfQueue.stats.started).toBe(started + 1);
    const { rows: stored } = await bed.t.db.query('SELECT 1 FROM annual_report_pdfs');
    expect(stored).toHaveLength(1);
  }, 120_000);

  it('starts the 2025 draft from the 2024 text with every figure recomputed', async () => {
    const res = await staff.post('/api/annual-reports', { year: 2025 });
    expect(res.json().created).toBe(true);
    const v = (await leader.get(`/api/annual-reports/${res.json().id}`)).json();
    expect(v.report).toMatchObject({ year: 2025, state: 'draft', basedOn: reportId, indexNo: null });
    const text = paragraphsOf(v.liveHtml);
    expect(text.slice(0, 3)).toEqual([
      '镇海区司法局2025年法治政府建设年度报告和2026年工作思路',
      '2025年，镇海区司法局深入贯彻落实习近平法治思想，扎实开展法治政府建设各项工作并取得积极成效。',
      '一、2025年法治政府建设情况',
    ]);
    expect(text.join('\n')).toContain(
      '全年共接收复议案件0件，较去年同期下降100.0%，行政诉讼发案量同比下降100.0%，直接纠错行政复议案件0件',
    );
  });
});
