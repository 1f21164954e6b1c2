import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn } from '../support/app.ts';
import {
  artifacts,
  ensureWebBuild,
  formHelpers,
  hasChromium,
  launchBrowser,
  startWebApp,
} from '../support/browser.ts';
import { TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

/**
 * 年度报告 in the browser: the leader opens the 2024 draft, edits the preface, fills 索引号 and 成文日期, reviews,
 * approves and publishes; an application registered afterwards moves the live figure, not the published edition,
 * and the diff tab shows the change.
 */
describe.skipIf(!hasChromium)('the annual report, written, signed and published by the leader', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let clerk: Client;
  let serial = 0;

  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifacts, `annual-report-${name}.png`), fullPage: true });
  };
  const apply = async (receivedOn: string) => {
    const res = await clerk.post('/api/lines/reconsideration/application', {
      receivedOn,
      channel: 'window',
      applicants: [{ partyType: 'person', name: '张某', idNumber: '330211199001011236' }],
      respondentOrgId: await orgId(testDb.db, 'dept-market'),
      actKind: 'penalty',
      actTitle: '行政处罚决定',
      actDocNo: `甬镇市监罚〔2024〕${++serial}号`,
      actDate: '2024-05-20',
      actKnownOn: '2024-05-22',
      request: '撤销被申请人作出的行政处罚决定',
      allowDuplicate: true,
    });
    if (res.statusCode !== 201) throw new Error(res.body);
  };

  beforeAll(async () => {
    ensureWebBuild();
    testDb = await createTestDb();
    await makeUser(testDb.db, 'ar_leader', [{ org: 'bureau', role: 'leader' }]);
    await makeUser(testDb.db, 'ar_clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
    ({ app, base } = await startWebApp(testDb.db, () => '2026-12-02'));
    clerk = await signIn(app, 'ar_clerk');
    await apply('2024-06-03');
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await testDb?.close();
  });

  it('edits a block, publishes, and shows what moved in the records since', async ({ onTestFailed }) => {
    onTestFailed(async () => {
      await shot('failure');
    });
    const { fillDate, inputOf } = formHelpers(page);
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('ar_leader');
    await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();
    await page.getByTestId('menu-annualReport').click();
    const year = await inputOf('annual-year');
    await year.fill('2024');
    await year.press('Tab');
    await page.getByTestId('annual-open').click();
    await expect.poll(() => page.getByTestId('annual-state').textContent()).toBe('草稿');
    const safety = page.getByTestId('annual-part-safety');
    await expect.poll(() => safety.textContent()).toContain('全年共接收复议案件1件');

    const preface = page.getByTestId('annual-part-preface');
    await preface.locator('[data-testid^="annual-edit-"]').click();
    await preface.locator('textarea').fill('{{report.year}}年，区司法局扎实推进法治政府建设。');
    await preface.locator('[data-testid^="annual-save-"]').click();
    await expect.poll(() => preface.textContent()).toContain('2024年，区司法局扎实推进法治政府建设。');
    await expect.poll(() => preface.textContent()).toContain('第2版');

    await page.getByTestId('annual-index-no').fill('002958773/2025-225339');
    await fillDate('annual-written-on', '2025-03-19');
    await page.getByTestId('annual-meta-save').click();
    await shot('01-draft');
    for (const [action, state] of [
      ['review', '已审核'],
      ['approve', '已签发'],
      ['publish', '已发布'],
    ] as const) {
      await page.getByTestId(`annual-action-${action}`).click();
      await expect.poll(() => page.getByTestId('annual-state').textContent()).toBe(state);
    }

    await apply('2024-09-02');
    await page.reload();
    await page.getByRole('tab', { name: '发布版' }).click();
    await expect
      .poll(() => page.getByTestId('annual-published').textContent())
      .toContain('全年共接收复议案件1件');
    await shot('02-published');
    await page.getByRole('tab', { name: '发布后数字变化' }).click();
    const diff = page.getByTestId('annual-diff');
    await expect.poll(() => diff.textContent()).toContain('1');
    await shot('03-diff');
    const cells = await diff.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(1)).toEqual(['数值', '1', '2']);
  }, 120_000);
});
