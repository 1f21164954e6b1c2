/**
 * The demo's published 2024 legality review figures, checked on what the loader put in a fresh database: the
 * one-year fixture of the normal suite (src/lines/legality-review/demo.db.test.ts, every item of 2024) and the full
 * demo of the slow suite (demo.slow.db.test.ts, with FAZHI_SLOW_TESTS=1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoYears } from '../../src/kernel/demo/runner.ts';
import { loadLegalityReviewDemo } from '../../src/lines/legality-review/demo-load.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn, testApp } from './app.ts';
import { createTestDb, type TestDb } from './db.ts';

export function legalityDemoSuite(years: DemoYears | undefined, budget: number) {
  const TODAY = '2026-11-25';
  let t: TestDb;
  let app: App;
  let centre: Client;
  let seconds = 0;

  beforeAll(async () => {
    t = await createTestDb();
    app = await testApp(t.db, { today: TODAY });
    const started = Date.now();
    // Interrupted after two walked batches (as by a crash), then resumed: nothing lost or loaded twice.
    expect(await loadLegalityReviewDemo(t.db, TODAY, { batches: 2, ...(years ? { years } : {}) })).toBe(
      'unfinished',
    );
    expect(await loadLegalityReviewDemo(t.db, TODAY)).toMatchObject({ bulk: expect.any(Number) });
    seconds = (Date.now() - started) / 1000;
    console.info(
      `legality review demo (${years ? `${years.from}–${years.to}` : 'full'}) loaded in ${seconds.toFixed(1)} s`,
    );
    // The district centre itself (法制审核科, no bureau-wide account): it reads the towns' figures as the line's reader.
    await makeUser(t.db, 'hfx.centre', [{ org: 'sec-legality', role: 'sectionStaff' }]);
    centre = await signIn(app, 'hfx.centre');
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const value = async (id: string, year = 2024, extra = '') =>
    (await centre.get(`/api/indicators/${id}?year=${year}&region=330211${extra}`)).json().value;

  describe('the demo district reproduces the bureau’s published 2024 legality review figures', () => {
    it('loads within its budget', () => {
      expect(seconds).toBeLessThan(budget);
    });

    it('411 items at the district centre, 152 of them co-reviewed, 2,419 at the towns', async () => {
      expect(await value('legalityReview.districtReviewed')).toBe(411);
      expect(await value('legalityReview.coReviewed')).toBe(152);
      expect(await value('legalityReview.townReviewed')).toBe(2419);
    });

    it('spreads the towns’ items over the seven towns, each office holding its own', async () => {
      const towns = (
        await centre.get(
          '/api/indicators/legalityReview.townReviewed/breakdown?year=2024&region=330211&dim=town',
        )
      ).json();
      expect(towns).toHaveLength(7);
      expect(towns.reduce((s: number, r: { value: number }) => s + r.value, 0)).toBe(2419);
      const office = await orgId(t.db, 'jo-330211003');
      const luotuo = towns.find((r: { key: string }) => r.key === '骆驼街道').value;
      expect(await value('legalityReview.townReviewed', 2024, `&org=${office}`)).toBe(luotuo);
    });

    it('composes the report’s sentences in the seed’s wording', async () => {
      const res = await centre.post('/api/reports/compose', {
        template:
          '推动区级合法性审查中心实质化运作，累计审核各类事项{{legalityReview.districtReviewed}}件，其中协审部门及镇街道事项{{legalityReview.coReviewed}}件。各镇(街道)累计审核各类事项共计{{legalityReview.townReviewed}}件。',
        year: 2024,
        region: '330211',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().text).toBe(
        '推动区级合法性审查中心实质化运作，累计审核各类事项411件，其中协审部门及镇街道事项152件。各镇(街道)累计审核各类事项共计2419件。',
      );
    });

    it('ranks every town’s 法审员 in the 2024 assessment', async () => {
      const sheet = (await centre.get('/api/lines/legalityReview/reviewers?year=2024')).json();
      expect(sheet.reviewers).toHaveLength(25);
      const items = sheet.reviewers.reduce((s: number, r: { items: number }) => s + r.items, 0);
      expect(items).toBe(411 - 60 + 2419);
    });

    it('keeps a catalogue of the year’s major decisions, one discussed before its legality review', async () => {
      const rows = (await centre.get('/api/lines/legalityReview/decisions?year=2024')).json();
      expect(rows.map((r: { state: string; flag: string | null }) => [r.state, r.flag !== null])).toEqual([
        ['decided', false],
        ['listed', true],
        ['listed', false],
      ]);
    });

    it('counts one more co-reviewed department item through the API: 412 and 153', async () => {
      const { rows } = await t.db.query(
        `SELECT v.id FROM legality_reviewers v JOIN orgs o ON o.id = v.org_id WHERE o.code = 'sec-legality'
         AND v.status = 'active' ORDER BY v.id LIMIT 1`,
      );
      const created = await centre.post('/api/lines/legalityReview/item', {
        receivedOn: '2024-12-02',
        centreOrgId: await orgId(t.db, 'sec-legality'),
        submitterKind: 'department',
        submitterOrgId: await orgId(t.db, 'dept-education'),
        itemKind: 'normativeDoc',
        itemTitle: '镇海区校外培训机构管理办法',
        legalBases: '《中华人民共和国教育法》',
        offeredDays: 10,
        marketActivity: true,
        fairCompetition: '已开展公平竞争审查',
      });
      expect(created.statusCode, created.body).toBe(201);
      const m = created.json();
      let version = m.version;
      for (const [action, date, data] of [
        ['accept', '2024-12-03', { reviewerIds: [Number(rows[0].id)], noConflictDeclared: true }],
        ['conclude', '2024-12-10', { conclusion: 'lawful', items: [], reasons: '合法', signedOffBy: '陈某' }],
      ] as const) {
        const res = await centre.post(`/api/lines/legalityReview/item/${m.id}/${action}`, {
          version,
          date,
          data,
        });
        expect(res.statusCode, res.body).toBe(200);
        version = res.json().version;
      }
      expect(await value('legalityReview.districtReviewed')).toBe(412);
      expect(await value('legalityReview.coReviewed')).toBe(153);
      expect(await value('legalityReview.townReviewed')).toBe(2419);
    });
  });
}
