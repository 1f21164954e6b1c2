import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { makeUser } from '../support/app.ts';
import {
  artifacts,
  ensureWebBuild,
  formHelpers,
  hasChromium,
  launchBrowser,
  startWebApp,
} from '../support/browser.ts';
import { TEST_ADMIN_PASSWORD, TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

/**
 * 本机关设置 in the browser: the district administrator proposes a change (a bad value first, shown on its field),
 * a second district administrator confirms it on the same page, and the history shows the new version's diff.
 */
describe.skipIf(!hasChromium)(
  'the bureau profile, proposed by one administrator and confirmed by another',
  () => {
    let testDb: TestDb;
    let app: App;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let base: string;

    const shot = async (name: string) => {
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(artifacts, `profile-${name}.png`), fullPage: true });
    };
    const signIn = async (username: string, password: string) => {
      await page.goto(`${base}/login`);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('logout').waitFor();
    };

    beforeAll(async () => {
      ensureWebBuild();
      testDb = await createTestDb();
      await makeUser(testDb.db, 'pf_admin2', [{ org: 'bureau', role: 'admin' }]);
      ({ app, base } = await startWebApp(testDb.db, () => '2026-12-02'));
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

    it('proposes, refuses a bad name on its field, and is confirmed by the second administrator', async ({
      onTestFailed,
    }) => {
      onTestFailed(async () => {
        await shot('failure');
      });
      await signIn('admin', TEST_ADMIN_PASSWORD);
      await page.getByTestId('menu-profile').click();
      await page.getByTestId('profile-version').waitFor();
      expect(await page.getByTestId('profile-version').textContent()).toContain('第 1 版');
      await page.getByTestId('profile-profile.reconsiderationOrganName').fill('府');
      await page.getByTestId('profile-reason').fill('复议机关名称按行政复议法第四条填写');
      await page.getByTestId('profile-submit').click();
      await expect
        .poll(() => page.getByTestId('profile-error').textContent())
        .toContain('行政复议机关至少 2 个字');
      await shot('1-invalid');
      await page.getByTestId('profile-profile.reconsiderationOrganName').fill('宁波市镇海区人民政府');
      await page.getByTestId('profile-profile.reconsiderationSealAuthorised').check();
      await page.getByTestId('profile-submit').click();
      await page.getByText('已提交，待另一位区级管理员确认').waitFor();
      await page.getByRole('tab', { name: '待确认' }).click();
      await page.getByText('本人提出，须由另一位管理员确认').waitFor();
      await shot('2-pending-own');

      // A holiday notice goes the same way: proposed on the calendar page, listed there as awaiting confirmation.
      await page.getByTestId('menu-calendar').click();
      await page.getByTestId('calendar-load').click();
      await (await formHelpers(page).inputOf('notice-year')).fill('2027');
      await page.getByTestId('notice-json').fill(
        JSON.stringify({
          notice: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
          holidays: [{ start: '2027-02-05', end: '2027-02-13', name: '春节' }],
          workdays: [],
        }),
      );
      await page.getByTestId('notice-submit').click();
      await page.getByTestId('changes-calendar').getByText('本人提出，须由另一位管理员确认').waitFor();
      await page.getByTestId('calendar-provisional-2027').waitFor();
      await shot('5-calendar-pending');

      await page.getByTestId('logout').click();
      await page.getByTestId('login-username').waitFor();
      await signIn('pf_admin2', TEST_USER_PASSWORD);
      await page.getByTestId('menu-profile').click();
      await page.getByRole('tab', { name: '待确认' }).click();
      const confirm = page.locator('[data-testid^="change-confirm-"]');
      await confirm.waitFor();
      await shot('3-pending-other');
      await confirm.click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await page.getByText('已确认，变更已生效').waitFor();
      await expect.poll(() => page.getByTestId('profile-version').textContent()).toContain('第 2 版');
      await page.getByRole('tab', { name: '历史版本' }).click();
      await page.getByRole('cell', { name: '复议机关名称按行政复议法第四条填写' }).waitFor();
      await page.locator('.ant-table-row-expand-icon').first().click();
      await page.locator('.ant-table-expanded-row').getByText('已获授权使用行政复议专用章').waitFor();
      await shot('4-history');

      await page.getByTestId('menu-calendar').click();
      await page
        .getByTestId('changes-calendar')
        .getByText('2027年：国务院办公厅关于2027年部分节假日安排的通知（测试）')
        .waitFor();
      await page.locator('[data-testid^="change-confirm-"]').click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await page.getByTestId('calendar-official-2027').waitFor();
      await page.getByTestId('changes-empty-calendar').waitFor();
      await shot('6-calendar-confirmed');
    });
  },
);
