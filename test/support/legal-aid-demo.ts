/**
 * The demo's published 2024 legal-aid and station figures, checked on what the loader put in a fresh database: the
 * one-year fixture of the normal suite (src/lines/legal-aid/demo.db.test.ts, every 2024 visit and case) and the full
 * demo of the slow suite (demo.slow.db.test.ts, 2023 to the business date, with FAZHI_SLOW_TESTS=1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoYears } from '../../src/kernel/demo/runner.ts';
import { loadLegalAidDemo } from '../../src/lines/legal-aid/demo-load.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn, testApp } from './app.ts';
import { createTestDb, type TestDb } from './db.ts';

export function legalAidDemoSuite(years: DemoYears | undefined, budget: number) {
  const TODAY = '2026-11-25';
  let t: TestDb;
  let app: App;
  let leader: Client;
  let seconds = 0;

  beforeAll(async () => {
    t = await createTestDb();
    app = await testApp(t.db, { today: TODAY });
    const started = Date.now();
    // Interrupted after two walked batches (as by a crash), then resumed: nothing lost or loaded twice.
    expect(await loadLegalAidDemo(t.db, TODAY, { batches: 2, ...(years ? { years } : {}) })).toBe(
      'unfinished',
    );
    expect(await loadLegalAidDemo(t.db, TODAY, years ? { years } : {})).toMatchObject({
      visits: expect.any(Number),
    });
    seconds = (Date.now() - started) / 1000;
    console.info(
      `legal-aid demo (${years ? `${years.from}–${years.to}` : 'full'}) loaded in ${seconds.toFixed(1)} s`,
    );
    await makeUser(t.db, 'leader', [{ org: 'bureau', role: 'leader' }]);
    leader = await signIn(app, 'leader');
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const value = async (id: string, year = 2024, extra = '') => {
    const res = await leader.get(`/api/indicators/${id}?year=${year}&region=330211${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().value;
  };

  describe('the demo district reproduces the bureau’s published 2024 legal-aid and station figures', () => {
    it('loads within its budget', () => {
      expect(seconds).toBeLessThan(budget);
    });

    it('stations 2 / 7 / 100, 2 workstations, 5 practice stations; 18,341 visits; 592 cases accepted', async () => {
      expect(await value('legalServices.stations.level1')).toBe(2);
      expect(await value('legalServices.stations.level2')).toBe(7);
      expect(await value('legalServices.stations.level3')).toBe(100);
      expect(await value('legalServices.stations.level3', 2023)).toBe(95);
      expect(await value('legalAid.workstations')).toBe(2);
      expect(await value('legalEducation.practiceStations')).toBe(5);
      expect(await value('legalAid.visits')).toBe(18341);
      expect(await value('legalAid.casesAccepted')).toBe(592);
    });

    it('covers 98 of the 99 villages and communities; 杜夹岙 is outside the circle', async () => {
      expect(await value('legalServices.coveredVillages')).toBe(98);
      expect(await value('legalServices.coverage')).toBe(99);
      const res = await leader.get('/api/lines/legalAid/coverage?on=2024-12-31');
      expect(res.statusCode, res.body).toBe(200);
      const uncovered = res.json().villages.filter((v: { covered: boolean }) => !v.covered);
      expect(uncovered.map((v: { name: string }) => v.name)).toEqual(['杜夹岙村委会']);
      expect(uncovered[0]).toMatchObject({ approximate: true, mode: 'bike', radius: 2000 });
    });

    it('composes the report’s sentences in the seed’s wording', async () => {
      const sections = (await leader.get('/api/reports/sections')).json();
      const compose = async (id: string) => {
        const section = sections.find((s: { id: string }) => s.id === id);
        const res = await leader.post('/api/reports/compose', {
          template: section.template,
          year: 2024,
          region: '330211',
        });
        expect(res.statusCode, res.body).toBe(200);
        return res.json().text;
      };
      expect(await compose('legalServices.annual')).toBe(
        '全面推进“15分钟公共法律服务圈”建设，全区有一级站点2个，二级站点7个、三级站点100个。',
      );
      // Where and what each was set up, from the registry (全省首家/全市首家 are claims no record holds).
      expect(await compose('legalAid.workstations')).toBe(
        '在物流枢纽港传化物流司机之家成立交通运输行业法律援助工作站，在张鑑碶社区成立新业态领域法律援助联络点，为新业态就业劳动者提供一站式法律援助服务。',
      );
      expect(await compose('legalAid.annual')).toBe(
        '全区各级站点累计接待来电来访18341人次，受理援助案件592件。在永旺村、骆驼商会等地打造“乡望”“骆驼侠”等新时代法治实践站点5个。',
      );
    });

    it('counts one more 2024 visit through the API: 18,342', async () => {
      await makeUser(t.db, 'zd.cd', [{ org: 'ls-330211001001', role: 'townshipStaff' }]);
      const worker = await signIn(app, 'zd.cd');
      const res = await worker.post('/api/lines/legalAid/visits', {
        stationOrgId: await orgId(t.db, 'ls-330211001001'),
        visitedOn: '2024-12-30',
        channel: 'window',
        topic: 'labour',
        service: 'answer',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(await value('legalAid.visits')).toBe(18342);
    });
  });
}
