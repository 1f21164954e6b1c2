/**
 * 法治督察与评价 in the browser: the 2024 township ranking from the demo records, a town's items expanded, and the
 * drill-down from an item's value to the indicator's records for that town (screenshots in test-artifacts/e2e).
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSupervisionDemo } from '../../src/lines/supervision/demo-load.ts';
import type { App } from '../../src/platform/http/app.ts';
import { makeUser } from '../support/app.ts';
import { artifacts, ensureWebBuild, hasChromium, launchBrowser, startWebApp } from '../support/browser.ts';
import { TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

const TODAY = '2026-11-25';

describe.skipIf(!hasChromium)('the township ranking with its drill-down', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let page: Page;
  let base: string;
  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifacts, `supervision-${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    ensureWebBuild();
    testDb = await createTestDb();
    ({ app, base } = await startWebApp(testDb.db, () => TODAY));
    await loadSupervisionDemo(testDb.db, TODAY, { years: { from: 2024, to: 2024 } });
    await makeUser(testDb.db, 'dc.leader', [{ org: 'bureau', role: 'leader' }]);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('dc.leader');
    await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('menu-supervision').waitFor();
  }, 400_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await testDb?.close();
  });

  it('ranks the 7 towns for 2024 and drills down from an item to its records', async () => {
    await page.getByTestId('menu-supervision').click();
    await page.getByText('镇（街道）法治建设综合评价').waitFor();
    await page.goto(`${base}/supervision?year=2024`);
    await page.getByText('镇（街道）法治建设综合评价').waitFor();
    const ranking = page.getByTestId('evaluation-table');
    await expect.poll(() => ranking.locator('tr.ant-table-row-level-0').count()).toBe(7);
    await ranking.locator('button.ant-table-row-expand-icon').first().click();
    await page.getByText('督察问题整改销号数').first().waitFor();
    await shot('ranking');
    await page.getByRole('link', { name: /个$/ }).first().click();
    await page.waitForURL(/\/indicators\/inspection\.findingsClosed\?year=2024&region=330211\d{3}/, {
      waitUntil: 'commit',
    });
    // The records behind the value: the town's closed findings, each linking to its matter.
    await page
      .getByText(/镇法督问〔2024〕\d+号/)
      .first()
      .waitFor();
    await shot('drilldown');
  });
});
