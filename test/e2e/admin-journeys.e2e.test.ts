import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import {
  artifacts,
  ensureWebBuild,
  formHelpers,
  hasChromium,
  launchBrowser,
  startWebApp,
} from '../support/browser.ts';
import { TEST_ADMIN_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

const CLERK_NEW_PASSWORD = 'Clerk-New-Pass-2026';

describe.skipIf(!hasChromium)('admin journeys in the browser', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;

  const shot = (name: string) =>
    page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });

  const signIn = async (username: string, password: string) => {
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  };

  const choose = (testId: string, text: string) => formHelpers(page).choose(testId, text, text);

  beforeAll(async () => {
    ensureWebBuild();
    testDb = await createTestDb();
    ({ app, base } = await startWebApp(testDb.db));
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await testDb?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('admin creates a township clerk who must change the password and then sees only the own org', async () => {
    // Admin signs in.
    await page.goto(`${base}/login`);
    await expect.poll(() => page.getByTestId('login-submit').isVisible()).toBe(true);
    await shot('01-login-page');
    await signIn('admin', TEST_ADMIN_PASSWORD);
    await page.getByTestId('menu-home').waitFor();
    await page.getByTestId('logout').waitFor();
    await page.waitForLoadState('networkidle');
    await shot('02-admin-home');

    // Creates the clerk.
    await page.getByTestId('menu-users').click();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-form-username').fill('zbs_clerk');
    await page.getByTestId('user-form-displayName').fill('招宝山办事员');
    await page.getByTestId('user-form-phone').fill('13800000001');
    await choose('user-form-org-0', '招宝山街道司法所');
    await choose('user-form-role-0', '司法所工作人员');
    await shot('03-user-form');
    await page.getByTestId('user-form-submit').click();
    const otp = page.getByTestId('initial-password');
    await otp.waitFor();
    const initialPassword = (await otp.textContent())?.trim() ?? '';
    expect(initialPassword.length).toBeGreaterThanOrEqual(10);
    await shot('04-initial-password');
    await page.getByTestId('initial-password-close').click();
    await otp.waitFor({ state: 'hidden' });

    // The audit log shows the creation.
    await page.getByTestId('menu-audit').click();
    const audit = page.getByTestId('audit-table');
    await audit.waitFor();
    await expect.poll(() => audit.textContent()).toContain('zbs_clerk');
    await shot('05-audit-page');

    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();

    // The clerk signs in and is forced to change the password.
    await signIn('zbs_clerk', initialPassword);
    await page.getByTestId('password-current').waitFor();
    await shot('06-forced-password-change');
    await page.getByTestId('password-current').fill(initialPassword);
    await page.getByTestId('password-new').fill(CLERK_NEW_PASSWORD);
    await page.getByTestId('password-confirm').fill(CLERK_NEW_PASSWORD);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('menu-orgs').waitFor();

    // The org tree holds only the clerk's own township office.
    await page.getByTestId('menu-orgs').click();
    const tree = page.getByTestId('orgs-tree');
    await expect.poll(() => tree.textContent()).toContain('招宝山街道司法所');
    const treeText = (await tree.textContent()) ?? '';
    expect(treeText).not.toContain('蛟川街道司法所');
    await shot('07-clerk-orgs');

    // The API agrees, and the database no longer asks for a change.
    const codes = await page.evaluate(async () => {
      const res = await fetch('/api/orgs');
      const body = await res.json();
      const list: { code: string }[] = Array.isArray(body) ? body : (body.items ?? body.orgs ?? []);
      return list.map((o) => o.code);
    });
    expect(codes).toEqual(['jo-330211001']);
    const { rows } = await testDb.db.query<{ must_change_password: boolean }>(
      'SELECT must_change_password FROM users WHERE username = $1',
      ['zbs_clerk'],
    );
    expect(rows[0]?.must_change_password).toBe(false);
  });

  it('five wrong passwords lock the admin account', async () => {
    await page.goto(`${base}/login`);
    const error = page.getByTestId('login-error');
    for (let i = 1; i <= 5; i++) {
      await signIn('admin', `Wrong-Pass-${i}-xx`);
      await expect
        .poll(() => error.getAttribute('data-code'))
        .toBe(i < 5 ? 'BAD_CREDENTIALS' : 'ACCOUNT_LOCKED');
      await page.waitForLoadState('networkidle');
    }
    await expect.poll(() => error.textContent()).toContain('锁定');
    expect(await error.getAttribute('data-code')).toBe('ACCOUNT_LOCKED');
    await shot('08-admin-locked');
  });
});
