/**
 * The demo's published 2024 figures, checked on what a loader put in a fresh database: the one-year fixture of
 * the normal suite (src/lines/reconsideration/demo.db.test.ts) and the full demo of the slow suite
 * (demo.slow.db.test.ts, run with FAZHI_SLOW_TESTS=1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BATCH, type DemoYears } from '../../src/kernel/demo/runner.ts';
import { loadReconsiderationDemo } from '../../src/lines/reconsideration/demo-load.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn, testApp } from './app.ts';
import { createTestDb, type TestDb } from './db.ts';

const TODAY = '2026-11-25';

export function demoFiguresSuite(years?: DemoYears) {
  let t: TestDb;
  let app: App;
  let leader: Client;
  let clerk: Client;
  let loaded: Awaited<ReturnType<typeof loadReconsiderationDemo>>;

  beforeAll(async () => {
    t = await createTestDb();
    app = await testApp(t.db, { today: TODAY });
    const started = Date.now();
    // Interrupted after three batches (as by a crash or Ctrl-C), then resumed: the figures below prove that
    // nothing was lost or loaded twice.
    expect(await loadReconsiderationDemo(t.db, TODAY, { batches: 3, ...(years ? { years } : {}) })).toBe(
      'unfinished',
    );
    const partial = await t.db.query(`SELECT count(*)::int AS n FROM matters WHERE is_demo`);
    expect(partial.rows[0].n).toBe(3 * DEMO_BATCH);
    // A resumed load keeps the years it was started with.
    loaded = await loadReconsiderationDemo(t.db, TODAY);
    console.info(`reconsideration demo loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`, loaded);
    await makeUser(t.db, 'leader', [{ org: 'bureau', role: 'leader' }]);
    await makeUser(t.db, 'clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
    leader = await signIn(app, 'leader');
    clerk = await signIn(app, 'clerk');
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const value = async (id: string, year = 2024) =>
    (await leader.get(`/api/indicators/${id}?year=${year}&region=330211`)).json();

  describe('the demo district reproduces the bureau’s published 2024 figures from its records', () => {
    it('254 applications received, up 108.2% on 122', async () => {
      expect(await value('reconsideration.received')).toMatchObject({
        value: 254,
        previous: 122,
        yoy: 108.2,
      });
    });

    it('2 direct corrections, 3 recommendation letters, 1 suit lost, first-instance suits down 4.1%', async () => {
      expect((await value('reconsideration.corrected')).value).toBe(2);
      expect((await value('reconsideration.recommendations')).value).toBe(3);
      expect((await value('litigation.lost')).value).toBe(1);
      expect(await value('litigation.filed')).toMatchObject({ value: 47, previous: 49, yoy: -4.1 });
    });

    it('composes the annual-report paragraph with the seed’s wording and figures, each linked to its records', async () => {
      const section = (await leader.get('/api/reports/sections'))
        .json()
        .find((s: { id: string }) => s.id === 'reconsideration.annual');
      const res = await leader.post('/api/reports/compose', {
        template: section.template,
        year: 2024,
        region: '330211',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().text).toContain(
        '全年共接收复议案件254件，较去年同期增长108.2%，行政诉讼发案量同比下降4.1%，直接纠错行政复议案件2件，制发行政复议建议书3份，行政败诉案件1件',
      );
      expect(res.json().html).toContain(
        'href="/indicators/reconsideration.received?year=2024&amp;region=330211"',
      );
    });

    it('drills down to the 254 records, each a demo matter with its events and documents', async () => {
      const page = (
        await leader.get('/api/indicators/reconsideration.received/records?year=2024&region=330211&limit=100')
      ).json();
      expect(page.total).toBe(254);
      const { rows } = await t.db.query(
        `SELECT bool_and(m.is_demo) AS demo, min((SELECT count(*) FROM matter_events e WHERE e.matter_id = m.id)) AS events
       FROM matters m WHERE m.line = 'reconsideration'`,
      );
      expect(rows[0]).toMatchObject({ demo: true });
      expect(Number(rows[0].events)).toBeGreaterThanOrEqual(1);
    });

    it('is not loaded twice', async () => {
      expect(loaded).toMatchObject({ applications: expect.any(Number), suits: expect.any(Number) });
      expect(await loadReconsiderationDemo(t.db, TODAY)).toBeNull();
      const left = await t.db.query(
        `SELECT count(*)::int AS n FROM settings WHERE key LIKE 'demo.%.progress'`,
      );
      expect(left.rows[0].n).toBe(0);
    });

    it('counts one more application received through the API: 255, up 109.0%', async () => {
      const res = await clerk.post('/api/lines/reconsideration/application', {
        receivedOn: '2024-12-30',
        channel: 'online',
        applicants: [{ partyType: 'person', name: '新增申请人', idNumber: '33021119851231551X' }],
        respondentOrgId: await orgId(t.db, 'dept-transport'),
        actKind: 'penalty',
        actTitle: '交通运输行政处罚决定（新增）',
        actDate: '2024-12-10',
        actKnownOn: '2024-12-12',
        request: '撤销处罚决定',
      });
      expect(res.statusCode).toBe(201);
      expect(await value('reconsideration.received')).toMatchObject({ value: 255, yoy: 109 });
      expect((await value('reconsideration.received')).yoyText).toBe('增长109.0%');
    });
  });
}
