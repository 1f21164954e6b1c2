/**
 * The demo's published 2024 mediation figures, checked on what the loader put in a fresh database: the one-year
 * fixture of the normal suite (src/lines/mediation/demo.db.test.ts, all 12,146 cases of 2024, not a sample) and the
 * full demo of the slow suite (demo.slow.db.test.ts, 2023 to the business date, with FAZHI_SLOW_TESTS=1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoYears } from '../../src/kernel/demo/runner.ts';
import { loadMediationDemo } from '../../src/lines/mediation/demo-load.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn, testApp } from './app.ts';
import { createTestDb, type TestDb } from './db.ts';

/** Loads the demo (cut to `years`, or whole) and checks 2024; `budget` is the load's limit in seconds. */
export function mediationDemoSuite(years: DemoYears | undefined, budget: number) {
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
    expect(await loadMediationDemo(t.db, TODAY, { batches: 2, years: { from: 2024, to: 2024 } })).toBe(
      'unfinished',
    );
    expect(await loadMediationDemo(t.db, TODAY)).toMatchObject({ onSpot: expect.any(Number) });
    seconds = (Date.now() - started) / 1000;
    console.info(
      `mediation demo (${years ? `${years.from}–${years.to}` : 'full'}) loaded in ${seconds.toFixed(1)} s`,
    );
    await makeUser(t.db, 'leader', [{ org: 'bureau', role: 'leader' }]);
    leader = await signIn(app, 'leader');
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const value = async (id: string, year = 2024, extra = '') =>
    (await leader.get(`/api/indicators/${id}?year=${year}&region=330211${extra}`)).json();

  describe('the demo district reproduces the bureau’s published 2024 mediation figures from its records', () => {
    it('loads within its budget', () => {
      expect(seconds).toBeLessThan(budget);
    });

    it('12,146 cases taken up, 28,147.83 万元 involved, 2 commercial mediation centres founded', async () => {
      expect((await value('mediation.received')).value).toBe(12146);
      expect((await value('mediation.amount')).value).toBe(28147.83);
      expect((await value('mediation.commercialCentresAdded')).value).toBe(2);
    });

    it('spreads the cases over the towns, and a town’s figure is its committees’ cases', async () => {
      const towns = (
        await leader.get('/api/indicators/mediation.received/breakdown?year=2024&region=330211&dim=town')
      ).json();
      expect(towns.map((r: { key: string }) => r.key).sort()).toEqual(
        ['九龙湖镇', '区级', '招宝山街道', '庄市街道', '澥浦镇', '蛟川街道', '贵驷街道', '骆驼街道'].sort(),
      );
      expect(towns.reduce((s: number, r: { value: number }) => s + r.value, 0)).toBe(12146);
      const office = await orgId(t.db, 'jo-330211003');
      const luotuo = towns.find((r: { key: string }) => r.key === '骆驼街道').value;
      expect((await value('mediation.received', 2024, `&org=${office}`)).value).toBe(luotuo);
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
      // The seed reports the commercial centres under 法护营商 (二), the cases under 法治平安 (三).
      expect(await compose('mediation.commercial')).toBe(
        '新增商事调解中心2家，印发《区人民法院 区司法局关于共同建立镇海区商事纠纷诉调对接工作机制的实施方案》，进一步完善诉调对接流程及方式。',
      );
      expect(await compose('mediation.annual')).toBe(
        '全年全区共受理各类调解案件12146件，涉及金额28147.83万元。',
      );
    });

    it('counts one more 2024 case of 10,000.00 元 through the API: 12,147 and 28,148.83 万元', async () => {
      await makeUser(t.db, 'sfs.zbs', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
      const office = await signIn(app, 'sfs.zbs');
      const res = await office.post('/api/lines/mediation/onSpot', {
        receivedOn: '2024-12-30',
        orgId: await orgId(t.db, 'tj-330211001001'),
        place: '城东社区调解室',
        applicants: [{ partyType: 'person', name: '新增申请人', idKind: 'none' }],
        respondents: [{ partyType: 'person', name: '新增被申请人', idKind: 'none' }],
        disputeType: 'contract',
        amount: 10000,
        facts: '货款纠纷',
        agreement: '当场支付货款',
        amountAgreed: 10000,
        performance: 'immediate',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect((await value('mediation.received')).value).toBe(12147);
      expect((await value('mediation.amount')).value).toBe(28148.83);
    });
  });
}
