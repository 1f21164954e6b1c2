/**
 * The workbench (工作台) as four people meet it after signing in — the administrator, a reconsideration clerk, a bureau
 * leader and a township office — on the workbench fixture, with screenshots in docs/screenshots; and the clerk's
 * workbench and a matter page on a 390×844 phone, with nothing wider than the screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import {
  artifacts,
  ensureWebBuild,
  formHelpers,
  hasChromium,
  launchBrowser,
  root,
  startWebApp,
} from '../support/browser.ts';
import { TEST_ADMIN_PASSWORD, TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { registerToyLine } from '../support/toy-line.ts';
import {
  WORKBENCH_TODAY,
  type WorkbenchMatters,
  workbenchMatters,
  workbenchUsers,
  workbenchUsersIn,
} from '../support/workbench-fixture.ts';

const shots = path.join(root, 'docs/screenshots');
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasChromium)('the workbench in the browser', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let base: string;
  let m: WorkbenchMatters;

  beforeAll(async () => {
    ensureWebBuild();
    fs.mkdirSync(shots, { recursive: true });
    registerToyLine();
    testDb = await createTestDb();
    await workbenchUsersIn(testDb.db);
    ({ app, base } = await startWebApp(testDb.db, () => WORKBENCH_TODAY));
    m = await workbenchMatters(app, testDb.db);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await testDb?.close();
  });

  const open = async (username: string, viewport = DESKTOP, phone = false) => {
    const context: BrowserContext = await browser.newContext({
      viewport,
      deviceScaleFactor: 1,
      locale: 'zh-CN',
      ...(phone ? { isMobile: true, hasTouch: true } : {}),
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(username);
    await page
      .getByTestId('login-password')
      .fill(username === 'admin' ? TEST_ADMIN_PASSWORD : TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('workbench').waitFor();
    await page.getByTestId('wb-notifications').waitFor();
    await page.waitForTimeout(300);
    return { context, page };
  };
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  // The text as shown, line by line (a figure's number above its caption): innerText, on purpose.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines are what is asserted
  const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

  it('a reconsideration clerk starts from what waits, by urgency, and registers from the workbench', async () => {
    const { context, page } = await open(workbenchUsers.clerk);
    expect(await text(page, 'wb-count-overdue')).toBe('1\n已超期');
    expect(await text(page, 'wb-count-dueSoon')).toBe('1\n3个工作日内到期');
    expect(await text(page, 'wb-count-other')).toBe('2\n其他待办');
    expect(await page.getByTestId('wb-bucket-overdue').locator('a').first().textContent()).toBe(
      '镇司复收〔2025〕1号 张某不服宁波市镇海区市场监督管理局行政处罚',
    );
    expect(await text(page, 'wb-unread')).toBe('2');
    expect(await page.getByTestId('wb-indicators').count()).toBe(0);
    expect(await page.getByTestId('home-org-tree').count()).toBe(0);
    await shot(page, 'workbench-clerk');

    // A waiting matter opens its page; the due-soon figure opens the deadlines page on that filter.
    await page.getByTestId(`wb-waiting-${m.dueSoon.id}`).click();
    await page.getByTestId('matter-refno').waitFor();
    expect(page.url()).toBe(`${base}/matters/${m.dueSoon.id}`);
    await page.goBack();
    await page.getByTestId('wb-count-dueSoon').click();
    await page.getByTestId('deadlines-table').waitFor();
    expect(new URL(page.url()).search).toBe('?scope=office&filter=dueWithin&within=3');
    expect(await (await formHelpers(page).inputOf('deadlines-within')).inputValue()).toBe('3');
    // 登记 opens the intake form at once.
    await page.goto(`${base}/`);
    await page.getByTestId('wb-create-reconsideration-application').click();
    await page.getByRole('dialog').getByText('登记行政复议申请').first().waitFor();
    await context.close();
  });

  it('a leader sees the key figures of the bureau with year-on-year, and overdue matters by office', async () => {
    const { context, page } = await open(workbenchUsers.leader);
    expect(await text(page, 'wb-indicator-reconsideration.received')).toBe(
      '接收行政复议申请\n4件\n去年同期 1件 · 同比增长 300.0%',
    );
    expect(await text(page, 'wb-overdue-by-office')).toContain('澥浦镇司法所');
    expect(await page.getByTestId('wb-waiting').count()).toBe(0);
    await shot(page, 'workbench-leader');
    await page.getByTestId('wb-indicator-reconsideration.received').click();
    await page.waitForURL(/\/indicators\/reconsideration\.received\?year=2025&region=330211&org=\d+$/);
    await context.close();
  });

  it("a township office sees its own work across lines and no one else's", async () => {
    const { context, page } = await open(workbenchUsers.township);
    expect(await text(page, 'wb-township-toy-request-accepted')).toBe('已受理 1');
    expect(await text(page, 'wb-township-toy-request-received')).toBe('已收到 1');
    expect(await text(page, 'wb-waiting-none')).toContain('目前没有等待您办理的事项');
    expect(await page.getByText('镇司复收').count()).toBe(0);
    await shot(page, 'workbench-township');
    await context.close();
  });

  it('the administrator keeps the organisation overview, the tree one click away on 机构管理', async () => {
    const { context, page } = await open('admin');
    expect(await text(page, 'wb-orgs-total')).toBe('30\n机构总数');
    expect(await text(page, 'wb-users-total')).toBe('4\n用户总数');
    await shot(page, 'workbench-admin');
    await page.getByTestId('wb-orgs-total').click();
    await page.getByTestId('orgs-tree').waitFor();
    await context.close();
  });

  it('fits the workbench and a matter page into a 390 px phone', async () => {
    const { context, page } = await open(workbenchUsers.clerk, PHONE, true);
    const fits = async () =>
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
    await fits();
    const logout = await page.getByTestId('logout').boundingBox();
    expect(logout!.x + logout!.width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: path.join(shots, 'phone-workbench.png'), fullPage: true });
    await page.getByTestId(`wb-waiting-${m.overdue.id}`).click();
    await page.getByTestId('matter-refno').waitFor();
    await page.waitForTimeout(500);
    await fits();
    await page.screenshot({ path: path.join(shots, 'phone-matter.png'), fullPage: true });
    // The same page screen by screen, at the size a reviewer reads it (test-artifacts, not committed).
    const height = await page.evaluate(() => document.scrollingElement!.scrollHeight);
    for (let y = 0, i = 1; y < height; y += PHONE.height, i++)
      await page.screenshot({
        path: path.join(artifacts, `phone-matter-${i}.png`),
        fullPage: true,
        clip: { x: 0, y, width: PHONE.width, height: Math.min(PHONE.height, height - y) },
      });
    await context.close();
  });
});
