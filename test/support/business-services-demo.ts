/**
 * The business-environment demo's published 2024 figures, checked on what the loader put in a fresh database: the
 * demo cut to 2024 in the normal suite (src/lines/business-services/demo.db.test.ts) and the full demo, 2023 to
 * the business date with the current year's walked matters, in the slow one (demo.slow.db.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoYears } from '../../src/kernel/demo/runner.ts';
import { loadBusinessServicesDemo } from '../../src/lines/business-services/demo.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, signIn, testApp } from './app.ts';
import { createTestDb, type TestDb } from './db.ts';

export function businessServicesDemoSuite(years: DemoYears | undefined, budget: number) {
  const TODAY = '2026-11-25';
  let t: TestDb;
  let app: App;
  let leader: Client;
  let seconds = 0;

  beforeAll(async () => {
    t = await createTestDb();
    app = await testApp(t.db, { today: TODAY });
    const started = Date.now();
    expect(await loadBusinessServicesDemo(t.db, TODAY, years ? { years } : {})).toMatch(/^信用修复 \d+ 件/);
    seconds = (Date.now() - started) / 1000;
    console.info(
      `business-services demo (${years ? `to ${years.to}` : 'full'}) loaded in ${seconds.toFixed(1)} s`,
    );
    expect(await loadBusinessServicesDemo(t.db, TODAY)).toBeNull();
    await makeUser(t.db, 'leader', [{ org: 'bureau', role: 'leader' }]);
    leader = await signIn(app, 'leader');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const get = async (id: string, year = 2024) =>
    (await leader.get(`/api/indicators/${id}?year=${year}&region=330211`)).json();

  describe('the demo reproduces the published 2024 figures from its records', () => {
    it('loads within its budget', () => expect(seconds).toBeLessThan(budget));
    it.each([
      ['creditRepair.subjectsConsulted', 130, 60],
      ['creditRepair.enterprisesRepaired', 78, 35],
      ['creditRepair.recordsRepaired', 1560, 700],
      ['compliance.guidelines', 3, 0],
      ['foreignRelated.enterprisesServed', 92, 40],
      ['lawyers.firms', 12, 10],
      ['lawyers.firmsAdded', 2, 0],
      ['lawyers.practising', 289, 262],
      ['lawyers.revenueGrowth', 33810, 30000],
    ])('%s: %d (2023: %d)', async (id, value, previous) => {
      const v = await get(id);
      expect([v.value, v.previous]).toEqual([value, previous]);
    });
    it('revenue grew 12.7% year on year', async () => {
      expect((await get('lawyers.revenueGrowth')).yoy).toBeCloseTo(12.7, 5);
    });
    it('writes the report paragraphs of 2024 in the seed’s wording, from the indicators', async () => {
      const text = async (id: string) => {
        const template = (await leader.get('/api/reports/sections'))
          .json()
          .find((x: { id: string }) => x.id === id).template;
        const res = await leader.post('/api/reports/compose', { template, year: 2024 });
        expect(res.statusCode, res.body).toBe(200);
        return res.json().text;
      };
      expect(await text('creditRepair.annual')).toBe(
        '创新信用保护修复，成立全省首家信用修复保护平台，已累计为130家信用主体进行信用法律咨询及修复指导，帮助78家企业完成及推进信用修复，修复失信记录1560条。',
      );
      expect(await text('lawyers.annual')).toBe(
        '建立镇海区产业合规中心，完成绿色石化行业、紧固件产业、稀土磁性材料产业合规指引。做优宁波国际法律服务中心镇海分中心，已累计为92家企业提供法律辅导、咨询。完成2家优秀律所来镇落户，全区共有律师事务所12家，执业律师289人，律师行业总创收同比增长12.7%。',
      );
    });
    // Only the whole demo reaches the current year (a file of 2024 alone registers no such test, rather than a skipped one).
    if (!years)
      it('the current year’s walked records put work on the proactive list', async () => {
        const rows = (await leader.get('/api/lines/creditRepair/proactive?month=2026-11')).json();
        expect(rows.length).toBe(3);
        // 2026 so far: the walked subjects' guidance issued its 指导书.
        const { rows: docs } = await t.db.query(
          `SELECT count(*)::int AS n FROM documents WHERE kind = 'creditRepair.guidanceLetter'`,
        );
        expect(docs[0].n).toBe(3);
      });

    it('mutations: one more firm settled in 2024 → 13 firms, 3 added; one more enterprise served by the foreign-related centre in 2024 → 93; one more credit subject consulted → 131', async () => {
      await makeUser(t.db, 'ls.clerk', [{ org: 'sec-lawyers', role: 'sectionStaff' }]);
      await makeUser(t.db, 'gf.clerk', [{ org: 'sec-legal-services', role: 'sectionStaff' }]);
      const lawyersSection = await signIn(app, 'ls.clerk');
      const services = await signIn(app, 'gf.clerk');
      const org = async (code: string) =>
        Number((await t.db.query('SELECT id FROM orgs WHERE code = $1', [code])).rows[0].id);
      const firm = await lawyersSection.post('/api/lines/lawyers/firms', {
        code: 'firm-mutation',
        name: '浙江测试律师事务所',
        parentId: await org('sec-lawyers'),
        licenceNo: '33302002024199999',
        firmForm: 'partnership',
        foundedOn: '2024-09-02',
        settledOn: '2024-09-02',
        partners: 3,
      });
      expect(firm.statusCode, firm.body).toBe(201);
      expect([(await get('lawyers.firms')).value, (await get('lawyers.firmsAdded')).value]).toEqual([13, 3]);

      const booked = await services.post('/api/lines/compliance/services', {
        ownerOrgId: await org('sec-legal-services'),
        centre: 'foreignRelated',
        service: 'consultation',
        enterprise: {
          partyType: 'organisation',
          name: '宁波测试进出口有限公司',
          creditCode: '91330211MA2GQ8WX1Q',
        },
        topic: '出口欧盟产品合规',
        requestedOn: '2024-10-08',
        country: '德国',
      });
      expect(booked.statusCode, booked.body).toBe(201);
      const done = await services.patch(`/api/lines/compliance/services/${booked.json().id}`, {
        status: 'done',
        on: '2024-10-10',
        adviser: '陈律师',
        advice: '按目标市场法规梳理产品合规清单',
      });
      expect(done.statusCode, done.body).toBe(204);
      expect((await get('foreignRelated.enterprisesServed')).value).toBe(93);

      // Credit repair: one more subject consulted in 2024 → 131.
      const consulted = await services.post('/api/lines/creditRepair/guidance', {
        subject: {
          partyType: 'organisation',
          name: '宁波测试信用有限公司',
          creditCode: '91330211MA2GQ8WX1Q',
        },
        ownerOrgId: await org('sec-legal-services'),
        consultedOn: '2024-10-09',
        channel: 'window',
        topic: '行政处罚信息信用修复咨询',
      });
      expect(consulted.statusCode, consulted.body).toBe(201);
      expect((await get('creditRepair.subjectsConsulted')).value).toBe(131);
    });
  });
}
