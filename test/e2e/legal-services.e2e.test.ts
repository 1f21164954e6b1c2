import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLegalAidDemo } from '../../src/lines/legal-aid/demo-load.ts';
import type { App } from '../../src/platform/http/app.ts';
import { makeUser } from '../support/app.ts';
import { artifacts, ensureWebBuild, hasChromium, launchBrowser, startWebApp } from '../support/browser.ts';
import { TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

const TODAY = '2026-11-25';

describe.skipIf(!hasChromium)('the 15-minute circle in the browser', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    ensureWebBuild();
    testDb = await createTestDb();
    await makeUser(testDb.db, 'leader', [{ org: 'bureau', role: 'leader' }]);
    ({ app, base } = await startWebApp(testDb.db, () => TODAY));
    // After the app: building it registers the lines the demo walks through.
    await loadLegalAidDemo(testDb.db, TODAY, { years: { from: 2024, to: 2024 } });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 400_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await testDb?.close();
  });

  it('draws the stations and villages from the product’s data and lists the uncovered village', async () => {
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('leader');
    await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();
    await page.goto(`${base}/legal-services`);
    await page.getByText('服务圈外的村（社区）（1）').waitFor();
    expect(await page.locator('svg[role="img"] circle[fill="#f5222d"]').count()).toBe(1);
    expect(await page.locator('svg[role="img"] circle[fill="#52c41a"]').count()).toBe(98);
    await expect(page.getByRole('cell', { name: '杜夹岙村委会' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('图中位置为近似值').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'legal-services-circle.png'), fullPage: true });
  });
});
