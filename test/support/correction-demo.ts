/**
 * The demo's published end-2024 correction figures (目前全区共有矫正对象340名，安置帮教对象474名), checked on what
 * the loader put in a fresh database: the one-year fixture (demo.db.test.ts) and the full demo (demo.slow.db.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoYears } from '../../src/kernel/demo/runner.ts';
import { loadCorrectionDemo } from '../../src/lines/community-correction/demo-load.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, signIn, testApp } from './app.ts';
import { createTestDb, type TestDb } from './db.ts';

export function correctionDemoSuite(years: DemoYears | undefined, budget: number) {
  const TODAY = '2026-11-25';
  let t: TestDb;
  let app: App;
  let leader: Client;
  let county: Client;
  let seconds = 0;

  beforeAll(async () => {
    t = await createTestDb();
    app = await testApp(t.db, { today: TODAY });
    const started = Date.now();
    // Interrupted after two walked batches, then resumed: nothing lost or loaded twice.
    expect(await loadCorrectionDemo(t.db, TODAY, { batches: 2, ...(years ? { years } : {}) })).toBe(
      'unfinished',
    );
    expect(await loadCorrectionDemo(t.db, TODAY, years ? { years } : {})).toMatchObject({
      bulk: expect.any(Number),
    });
    seconds = (Date.now() - started) / 1000;
    console.info(
      `correction demo (${years ? `${years.from}–${years.to}` : 'full'}) loaded in ${seconds.toFixed(1)} s`,
    );
    await makeUser(t.db, 'leader', [{ org: 'bureau', role: 'leader' }]);
    await makeUser(t.db, 'county', [{ org: 'sec-correction', role: 'sectionStaff' }]);
    leader = await signIn(app, 'leader');
    county = await signIn(app, 'county');
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const value = async (who: Client, id: string, year = 2024) =>
    (await who.get(`/api/indicators/${id}?year=${year}&region=330211`)).json();

  describe('the demo district reproduces the published end-2024 correction figures from its records', () => {
    it('loads within its budget', () => {
      expect(seconds).toBeLessThan(budget);
    });

    it('340 correction subjects and 474 resettlement subjects at the end of 2024; a plausible 2023', async () => {
      const c = await value(leader, 'correction.activeCorrectees');
      const r = await value(leader, 'resettlement.activeSubjects');
      expect([c.value, r.value]).toEqual([340, 474]);
      // The end of 2023, as drawn (seeded): plausible, not published.
      expect([c.previous, r.previous]).toEqual([361, 453]);
      // The 社区矫正科 sees the same figure and the records behind it; the leader only the figure.
      expect((await value(county, 'correction.activeCorrectees')).value).toBe(340);
      const records = (
        await county.get(
          '/api/indicators/correction.activeCorrectees/records?year=2024&region=330211&limit=1',
        )
      ).json();
      expect(records.total).toBe(340);
      expect(
        (
          await leader.get('/api/indicators/correction.activeCorrectees/records?year=2024&region=330211')
        ).json().total,
      ).toBe(0);
    });

    it('a late report-in, warnings and one revocation in 2024, walked through the engine', async () => {
      expect((await value(leader, 'correction.missedReportIns')).value).toBe(1);
      expect((await value(leader, 'correction.warnings')).value).toBe(1);
      expect((await value(leader, 'correction.revocations')).value).toBe(1);
    });

    it('composes the report’s sentence in the seed’s wording', async () => {
      const section = (await leader.get('/api/reports/sections'))
        .json()
        .find((s: { id: string }) => s.id === 'communityCorrection.annual');
      const res = await leader.post('/api/reports/compose', {
        template: section.template,
        year: 2024,
        region: '330211',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().text).toBe('目前全区共有矫正对象340名，安置帮教对象474名。');
    });

    it('one more subject received in 2024 and still under correction at its end → 341 (and 2025 moves with it)', async () => {
      const before2025 = (await value(county, 'correction.activeCorrectees', 2025)).value;
      const office = Number((await t.db.query(`SELECT id FROM orgs WHERE code = 'jo-330211001'`)).rows[0].id);
      const res = await county.post('/api/lines/communityCorrection/subject', {
        noticeReceivedOn: '2024-12-02',
        officeId: office,
        correctionType: 'probation',
        decisionOrgan: '宁波市镇海区人民法院',
        decisionNo: '（2024）浙0211刑初999号',
        effectiveOn: '2024-11-28',
        subject: { partyType: 'person', name: '测某某', idNumber: '330211199203154518' },
        offence: '危险驾驶罪',
        termStart: '2024-11-28',
        termEnd: '2025-05-27',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect((await value(county, 'correction.activeCorrectees')).value).toBe(341);
      expect((await value(leader, 'correction.activeCorrectees')).value).toBe(341);
      // Not released yet (today is 2026-11-25): still counted at the end of 2025.
      expect((await value(county, 'correction.activeCorrectees', 2025)).value).toBe(before2025 + 1);
    });
  });
}
