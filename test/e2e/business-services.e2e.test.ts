import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { signIn as apiSignIn, makeUser, orgId } from '../support/app.ts';
import { artifacts, ensureWebBuild, hasChromium, launchBrowser, startWebApp } from '../support/browser.ts';
import { TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

const TODAY = '2026-11-25';

/**
 * The 法护营商 page in the browser: a firm's annual return entered and the industry's revenue growth recomputed on
 * the indicator page; an enterprise's compliance appointment booked, confirmed and its advice recorded; a record
 * on the credit-repair proactive list of the month it becomes eligible.
 */
describe.skipIf(!hasChromium)('the business-environment registers in the browser', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let firm = 0;

  const shot = async (name: string) => {
    await page.screenshot({ path: path.join(artifacts, `business-${name}.png`), fullPage: true });
  };
  const signIn = async (username: string) => {
    await context.clearCookies();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();
  };

  beforeAll(async () => {
    ensureWebBuild();
    testDb = await createTestDb();
    await makeUser(testDb.db, 'ls.clerk', [
      { org: 'sec-lawyers', role: 'sectionStaff' },
      { org: 'sec-legal-services', role: 'sectionStaff' },
    ]);
    await makeUser(testDb.db, 'leader', [{ org: 'bureau', role: 'leader' }]);
    ({ app, base } = await startWebApp(testDb.db, () => TODAY));
    const clerk = await apiSignIn(app, 'ls.clerk');
    const res = await clerk.post('/api/lines/lawyers/firms', {
      code: 'firm-a',
      name: '浙江甲律师事务所',
      parentId: await orgId(testDb.db, 'sec-lawyers'),
      licenceNo: '33302002023100001',
      firmForm: 'partnership',
      foundedOn: '2020-03-01',
      settledOn: '2020-03-01',
    });
    firm = res.json().id;
    await clerk.put(`/api/lines/lawyers/firms/${firm}/revenue`, {
      year: 2023,
      revenue: 1_000_000,
      filedOn: '2024-03-20',
    });
    await clerk.post('/api/lines/creditRepair/record', {
      subject: { partyType: 'organisation', name: '宁波甲乙化工有限公司', creditCode: '91330211MA2GQ8WX1Q' },
      ownerOrgId: await orgId(testDb.db, 'sec-legal-services'),
      source: 'creditChina',
      category: 'penalty',
      decidingOrgan: '宁波市镇海区市场监督管理局',
      decidedOn: '2026-08-20',
      severity: 'general',
    });
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
  }, 300_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await testDb?.close();
  });

  it('lists the record on the proactive list of November 2026 (may apply from 21 November)', async () => {
    await signIn('ls.clerk');
    await page.goto(`${base}/business`);
    await page.getByText('宁波甲乙化工有限公司').waitFor();
    await expect.poll(() => page.getByText('2026-11-21').count()).toBe(1);
    await shot('proactive');
  });

  it('enters a firm’s annual return; the revenue growth is recomputed', async () => {
    await page.getByRole('tab', { name: '律师事务所' }).click();
    await page.getByTestId(`file-revenue-${firm}`).click();
    await page.getByTestId('revenue-year').fill('2024');
    await page.getByTestId('revenue-amount').fill('1127000');
    await page.getByTestId('revenue-filed').fill('2025-03-20');
    await page.getByTestId('revenue-submit').click();
    await page.getByText('2024：1127000.00').waitFor();
    await shot('revenue');
    await signIn('leader');
    await page.goto(`${base}/indicators/lawyers.revenueGrowth?year=2024`);
    await expect.poll(() => page.getByTestId('indicator-yoy').textContent()).toContain('12.7%');
  });

  it('books a compliance appointment, confirms it and records the advice', async () => {
    await signIn('ls.clerk');
    await page.goto(`${base}/business`);
    await page.getByRole('tab', { name: '产业合规指引' }).click();
    await page.getByTestId('service-book').click();
    await page.getByTestId('book-name').fill('宁波丙丁机械有限公司');
    await page.getByTestId('book-code').fill('91330211MA2H00001T');
    await page.getByTestId('book-topic').fill('紧固件出口合规');
    await page.getByTestId('book-date').fill('2026-11-20');
    await page.getByTestId('book-submit').click();
    const confirm = page.locator('[data-testid^="service-confirm-"]').first();
    await confirm.click();
    await page.getByTestId('step-adviser').fill('陈律师');
    await page.getByTestId('step-on').fill('2026-11-21');
    await page.getByTestId('step-submit').click();
    await page.locator('[data-testid^="service-record-"]').first().click();
    await page.getByTestId('step-advice').fill('完善出口产品合规台账，一个月后回访');
    await page.getByTestId('step-on').fill('2026-11-24');
    await page.getByTestId('step-submit').click();
    await page.getByText('完善出口产品合规台账，一个月后回访').waitFor();
    await shot('appointment');
  });
});
