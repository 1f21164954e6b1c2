/**
 * 领导驾驶舱 in the browser, on the demo's 2023 and 2024 records of five lines (reconsideration, mediation, legal aid, legality
 * review, supervision): the bureau leader opens the district's dashboard and one town's (chosen in the scope
 * picker), clicks a figure through to its records, and the screenshots go to docs/screenshots. The endpoint's time
 * on this fixture is printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLegalAidDemo } from '../../src/lines/legal-aid/demo-load.ts';
import { loadLegalityReviewDemo } from '../../src/lines/legality-review/demo-load.ts';
import { loadMediationDemo } from '../../src/lines/mediation/demo-load.ts';
import { loadReconsiderationDemo } from '../../src/lines/reconsideration/demo-load.ts';
import { loadSupervisionDemo } from '../../src/lines/supervision/demo-load.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn } from '../support/app.ts';
import {
  artifacts,
  ensureWebBuild,
  hasChromium,
  launchBrowser,
  root,
  startWebApp,
} from '../support/browser.ts';
import { TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

const TODAY = '2026-11-25';
const YEARS = { from: 2023, to: 2024 };
const shots = path.join(root, 'docs/screenshots');

describe.skipIf(!hasChromium)('the leaders’ dashboard in the browser', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let leader: Client;
  let town = 0;

  beforeAll(async () => {
    ensureWebBuild();
    fs.mkdirSync(shots, { recursive: true });
    testDb = await createTestDb();
    const db = testDb.db;
    ({ app, base } = await startWebApp(db, () => TODAY));
    const started = Date.now();
    await loadReconsiderationDemo(db, TODAY, { years: YEARS });
    await loadMediationDemo(db, TODAY, { years: YEARS });
    await loadLegalAidDemo(db, TODAY, { years: YEARS });
    await loadLegalityReviewDemo(db, TODAY, { years: YEARS });
    await loadSupervisionDemo(db, TODAY, { years: YEARS });
    console.info(`dashboard fixture loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await makeUser(db, 'dash_leader', [{ org: 'bureau', role: 'leader' }]);
    leader = await signIn(app, 'dash_leader');
    town = await orgId(db, 'jo-330211001');
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  }, 900_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await testDb?.close();
  });

  const chartsDrawn = async () => {
    // The header stays on top of a scrolled page: the full-page shot starts from the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => {
      const charts = [...document.querySelectorAll('.dash-chart')];
      return charts.length > 0 && charts.every((c) => (c as HTMLElement).dataset.ready === 'true');
    });
    await page.waitForTimeout(300);
  };

  it('answers each scope in one request, timed', async () => {
    for (const scope of ['district', `town:${town}`]) {
      await leader.get(`/api/dashboard?year=2024&scope=${scope}`);
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const res = await leader.get(`/api/dashboard?year=2024&scope=${scope}`);
        times.push(performance.now() - t0);
        expect(res.statusCode, res.body).toBe(200);
      }
      const best = Math.min(...times);
      console.info(`GET /api/dashboard ${scope}: ${times.map((t) => t.toFixed(0)).join(' / ')} ms`);
      // The goal (≤ 1 s) is bench (h)'s, on a quiet machine; here, beside other work on two cores, a guard only.
      expect(best).toBeLessThan(3000);
    }
  });

  it('shows the district, then one town, and clicks a figure through to its records', async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      await page.screenshot({ path: path.join(artifacts, 'dashboard-failure.png'), fullPage: true });
    });
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('dash_leader');
    await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('workbench').waitFor();
    await page.getByTestId('menu-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    // The business year is 2026; the demo's records are 2024's.
    await page.goto(`${base}/dashboard?year=2024`);
    await page.getByTestId('dash-subtitle').waitFor();
    expect(await page.getByTestId('dash-subtitle').textContent()).toBe(
      '镇海区 · 2024年 · 数据截至2026-11-25',
    );
    const district = (await leader.get('/api/dashboard?year=2024')).json();
    const received = district.lines
      .flatMap((l: { figures: { id: string; value: number }[] }) => l.figures)
      .find((f: { id: string }) => f.id === 'reconsideration.received');
    expect(received.value).toBeGreaterThan(0);
    expect(await page.getByTestId('dash-link-reconsideration.received').textContent()).toBe(
      `${received.value.toLocaleString('zh-CN')}件`,
    );
    expect(await page.getByTestId('dash-ranking').locator('tbody tr').count()).toBe(district.ranking.length);
    await chartsDrawn();
    await page.screenshot({ path: path.join(shots, 'dashboard-district.png'), fullPage: true });

    // One town, chosen in the picker.
    await page.getByTestId('dashboard-scope').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^招宝山街道$/ })
      .click();
    await expect
      .poll(() => page.getByTestId('dash-subtitle').textContent(), { timeout: 15_000 })
      .toBe('招宝山街道 · 2024年 · 数据截至2026-11-25');
    expect(new URL(page.url()).searchParams.get('scope')).toBe(`town:${town}`);
    const townData = (await leader.get(`/api/dashboard?year=2024&scope=town:${town}`)).json();
    const mediation = townData.lines
      .flatMap((l: { figures: { id: string; value: number }[] }) => l.figures)
      .find((f: { id: string }) => f.id === 'mediation.received');
    await expect
      .poll(() => page.getByTestId('dash-link-mediation.received').textContent(), { timeout: 15_000 })
      .toBe(`${mediation.value.toLocaleString('zh-CN')}件`);
    expect(await page.locator('.dash-current').textContent()).toContain('招宝山街道');
    await chartsDrawn();
    await page.screenshot({ path: path.join(shots, 'dashboard-town.png'), fullPage: true });

    // The town's figure opens the records it counts, in the town's region.
    await page.getByTestId('dash-link-mediation.received').click();
    await page.getByTestId('indicator-records').waitFor();
    expect(new URL(page.url()).pathname).toBe('/indicators/mediation.received');
    expect(new URL(page.url()).searchParams.get('region')).toBe('330211001');
    await expect
      .poll(() => page.getByTestId('indicator-value').textContent(), { timeout: 15_000 })
      .toBe(`2024年${mediation.value.toLocaleString('zh-CN')}件`);
  });
});
