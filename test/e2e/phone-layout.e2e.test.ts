import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { signIn as apiSignIn, makeUser } from '../support/app.ts';
import { artifacts, ensureWebBuild, hasChromium, launchBrowser, startWebApp } from '../support/browser.ts';
import { TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { registerToyLine } from '../support/toy-line.ts';

const TODAY = '2025-09-26';
const PHONE = { width: 390, height: 844 };

/** A clerk on a 390 px phone: the header fits, the menu is a drawer, lists show title and state. */
describe.skipIf(!hasChromium)('the workbench on a phone', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let matterId: number;

  const shot = (name: string) => page.screenshot({ path: path.join(artifacts, `phone-${name}.png`) });

  /** 退出登录 inside the viewport, nothing wider than the screen. */
  const fitsThePhone = async () => {
    const logout = await page.getByTestId('logout').boundingBox();
    expect(logout).not.toBeNull();
    expect(logout!.x).toBeGreaterThanOrEqual(0);
    expect(logout!.x + logout!.width).toBeLessThanOrEqual(PHONE.width);
    expect(logout!.y + logout!.height).toBeLessThanOrEqual(PHONE.height);
    expect(await page.getByTestId('logout').textContent()).toContain('退出登录');
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
  };

  beforeAll(async () => {
    ensureWebBuild();
    registerToyLine();
    testDb = await createTestDb();
    await makeUser(testDb.db, 'phone_clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
    ({ app, base } = await startWebApp(testDb.db, () => TODAY));
    const clerk = await apiSignIn(app, 'phone_clerk');
    const created = await clerk.post('/api/lines/toy/request', {
      subject: '张某某不服区市场监管局行政处罚决定申请行政复议',
      receivedOn: '2025-09-22',
    });
    matterId = created.json().id;
    await clerk.post(`/api/lines/toy/request/${matterId}/accept`, { version: 1, date: '2025-09-23' });
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await testDb?.close();
  });

  it('fits the home page, the matters list and a matter page into 390 px', async () => {
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('phone_clerk');
    await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();
    await page.waitForTimeout(300);
    await fitsThePhone();
    // The menu is not beside the page but behind the header's button.
    expect(await page.locator('.app-sider').count()).toBe(0);
    await shot('01-home');

    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('menu-matters').click();
    await page.getByTestId('matters-table').waitFor();
    await page.getByText('张某某不服区市场监管局行政处罚决定申请行政复议').waitFor();
    await page.waitForTimeout(400); // the drawer's closing animation
    await fitsThePhone();
    const headers = await page.locator('[data-testid="matters-table"] thead th').allTextContents();
    expect(headers).toEqual(['标题', '状态']);
    await shot('02-matters');

    await page.getByText('张某某不服区市场监管局行政处罚决定申请行政复议').click();
    await page.getByTestId('matter-refno').waitFor();
    expect(await page.getByTestId('matter-state').textContent()).toBe('已受理');
    await fitsThePhone();
    await shot('03-matter');
    await page.getByTestId('action-extend').click();
    await page.getByTestId('action-form').waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await shot('04-action');
  });
});
