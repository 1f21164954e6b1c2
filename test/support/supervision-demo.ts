/**
 * The demo's published 2024 supervision figures, checked on what the loader put in a fresh database: the one-year
 * fixture of the normal suite (src/lines/supervision/demo.db.test.ts) and the full demo of the slow suite
 * (demo.slow.db.test.ts, 2023 to the business date, with FAZHI_SLOW_TESTS=1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoYears } from '../../src/kernel/demo/runner.ts';
import { loadSupervisionDemo } from '../../src/lines/supervision/demo-load.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, signIn, testApp } from './app.ts';
import { createTestDb, type TestDb } from './db.ts';

export function supervisionDemoSuite(years: DemoYears | undefined, budget: number) {
  const TODAY = '2026-11-25';
  let t: TestDb;
  let app: App;
  let leader: Client;
  let seconds = 0;

  beforeAll(async () => {
    t = await createTestDb();
    app = await testApp(t.db, { today: TODAY });
    const started = Date.now();
    // Interrupted after two groups (as by a crash), then resumed: nothing lost or loaded twice.
    expect(await loadSupervisionDemo(t.db, TODAY, { batches: 2, ...(years ? { years } : {}) })).toBe(
      'unfinished',
    );
    expect(await loadSupervisionDemo(t.db, TODAY)).toMatchObject({ inspections: expect.any(Number) });
    expect(await loadSupervisionDemo(t.db, TODAY)).toBeNull();
    seconds = (Date.now() - started) / 1000;
    console.info(
      `supervision demo (${years ? `${years.from}–${years.to}` : 'full'}) loaded in ${seconds.toFixed(1)} s`,
    );
    await makeUser(t.db, 'leader', [{ org: 'bureau', role: 'leader' }]);
    leader = await signIn(app, 'leader');
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const value = async (id: string, year = 2024) =>
    (await leader.get(`/api/indicators/${id}?year=${year}&region=330211`)).json().value;

  describe('the demo district reproduces the bureau’s published 2024 supervision figures from its records', () => {
    it('loads within its budget', () => {
      expect(seconds).toBeLessThan(budget);
    });

    it('11 units inspected, 47 problems found; 2 notices, 3 recommendations; 2 posts; 4 best-practice projects', async () => {
      expect(await value('inspection.unitsInspected')).toBe(11);
      expect(await value('inspection.findings')).toBe(47);
      expect(await value('enforcementSupervision.notices')).toBe(2);
      expect(await value('enforcementSupervision.recommendations')).toBe(3);
      expect(await value('enforcementSupervision.observationPosts')).toBe(2);
      expect(await value('bestPractice.projects')).toBe(4);
      // Every 2024 finding was closed by the business date.
      const closed = (
        await leader.get('/api/indicators/inspection.findings/records?year=2024&region=330211&limit=100')
      ).json();
      expect(closed.items.every((m: { state: string }) => m.state === 'closed')).toBe(true);
    });

    it('the annual report paragraphs in the seed’s wording, the project, tier and exchange from their records', async () => {
      const res = await leader.get('/api/reports/sections');
      expect(res.statusCode).toBe(200);
      const compose = async (id: string) => {
        const composed = await leader.post('/api/reports/compose', {
          year: 2024,
          region: '330211',
          template: res.json().find((s: { id: string }) => s.id === id).template,
        });
        expect(composed.statusCode, composed.body).toBe(200);
        return composed.json().text;
      };
      expect(await compose('supervision.annual')).toBe(
        '完善法治督察与纪检监察监督协作配合机制，对11家单位开展法治督察，共发现法治建设主要问题47个。“法律援助权利告知制度”等4个项目纳入宁波市县乡法治政府“最佳实践”培育库。',
      );
      expect(await compose('supervision.enforcement')).toBe(
        '健全行政执法协调监督工作体系，2个点位入选宁波市首批行政执法监督观察站(点)。对重点执法领域和重点执法部门开展执法质效评议和专项监督。今年以来，制发《行政执法监督通知书》2份，《行政执法监督建议书》3份。',
      );
      expect(await compose('supervision.assessment')).toBe('2023年法治宁波建设年度考评排名列全市第一档。');
      expect(await compose('supervision.landmark')).toBe(
        '“关于健全重大行政决策责任追究机制的指导意见”入选省厅重大行政决策标志性成果培育项目。',
      );
      expect(await compose('supervision.honour')).toBe(
        '九龙湖镇人民政府获评全国“八五”普法中期表现突出单位。',
      );
      expect(await compose('supervision.exchange')).toBe('11月28日，在全省行政调解工作现场会上作经验交流。');
    });

    it('the 2023 assessment tier and the projects are records the report can cite', async () => {
      const rec = (await leader.get('/api/lines/supervision/recognitions?year=2024')).json();
      expect(rec.find((r: { kind: string }) => r.kind === 'assessmentTier')).toMatchObject({
        title: '2023年法治宁波建设年度考评',
        result: '全市第一档',
        assessedYear: 2023,
      });
      expect(
        rec.filter((r: { kind: string }) => r.kind === 'bestPractice').map((r: { title: string }) => r.title),
      ).toContain('法律援助权利告知制度');
    });

    it('scores the 7 towns for 2024 from the records, with items of lines not built shown as not available', async () => {
      const ev = (await leader.get('/api/lines/supervision/evaluation?year=2024')).json();
      expect(ev.towns).toHaveLength(7);
      const first = ev.towns[0];
      expect(first.rank).toBe(1);
      expect(first.items.find((i: { code: string }) => i.code === 'legalityReviews')).toMatchObject({
        available: false,
        score: null,
      });
      expect(first.items.find((i: { code: string }) => i.code === 'findingsClosed').drillDown).toBe(
        `/indicators/inspection.findingsClosed?year=2024&region=${first.town}`,
      );
    });

    it('a new record changes the figure: one more 2024 recommendation makes 4', async () => {
      await makeUser(t.db, 'clerk', [{ org: 'sec-inspection', role: 'sectionStaff' }]);
      const clerk = await signIn(app, 'clerk');
      const dept = (await t.db.query(`SELECT id FROM orgs WHERE code = 'dept-transport'`)).rows[0].id;
      const res = await clerk.post('/api/lines/supervision/instrument', {
        instrument: 'recommendation',
        departmentOrgId: Number(dept),
        issuedOn: '2024-12-02',
        replyBy: '2025-01-02',
        problems: '执法文书送达不规范',
        requirements: '规范送达程序',
        campaign: '',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(await value('enforcementSupervision.recommendations')).toBe(4);
      expect(await value('enforcementSupervision.notices')).toBe(2);
    });
  });
}
