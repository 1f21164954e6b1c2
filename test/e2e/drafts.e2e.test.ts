import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { signIn as apiSignIn, type Client, makeUser } from '../support/app.ts';
import {
  artifacts,
  ensureWebBuild,
  type FormHelpers,
  formHelpers,
  hasChromium,
  launchBrowser,
  startWebApp,
} from '../support/browser.ts';
import { TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { registerToyLine } from '../support/toy-line.ts';

const TODAY = '2025-09-26';
// A decision's reasoning runs long: what a clerk would hate to type twice.
const REASONING = `经审查，被申请人作出的行政处罚决定认定事实不清、证据不足。${'申请人提交的证据材料显示，涉案商品系合法渠道购进，'.repeat(12)}本机关决定撤销该行政处罚决定。`;

/** A clerk's long decision survives an expired session and another user's step taken first. */
describe.skipIf(!hasChromium)('drafts of forms in the browser', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let choose: FormHelpers['choose'];
  let fillDate: FormHelpers['fillDate'];
  let inputOf: FormHelpers['inputOf'];
  let other: Client;
  let matterId: number;

  const shot = (name: string) => page.screenshot({ path: path.join(artifacts, `draft-${name}.png`) });

  const signIn = async () => {
    await page.getByTestId('login-username').fill('draft_clerk');
    await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();
  };

  beforeAll(async () => {
    ensureWebBuild();
    registerToyLine();
    testDb = await createTestDb();
    await makeUser(testDb.db, 'draft_clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
    await makeUser(testDb.db, 'draft_other', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
    ({ app, base } = await startWebApp(testDb.db, () => TODAY));
    other = await apiSignIn(app, 'draft_other');
    matterId = (
      await other.post('/api/lines/toy/request', {
        subject: '王某某不服区城管局行政处罚申请',
        receivedOn: '2025-09-22',
      })
    ).json().id;
    await other.post(`/api/lines/toy/request/${matterId}/accept`, { version: 1, date: '2025-09-23' });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    ({ choose, fillDate, inputOf } = formHelpers(page));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await testDb?.close();
  });

  it('keeps a long decision across a lapsed session and a conflicting step, and sends it once', async () => {
    await page.goto(`${base}/matters/${matterId}`);
    await signIn();
    await page.getByTestId('matter-refno').waitFor();
    await page.getByTestId('action-decide').click();
    await choose('field-outcome', 'revoke');
    await page.getByTestId('field-reasoning').fill(REASONING);

    // The session lapses on the server while the clerk is typing; the submit meets the sign-in page.
    await testDb.db.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second'
       WHERE user_id = (SELECT id FROM users WHERE username = 'draft_clerk')`,
    );
    await page.getByTestId('action-submit').click();
    await page.getByTestId('login-username').waitFor();
    expect(await page.locator('body').textContent()).toContain('登录已过期');
    await signIn();
    await page.getByTestId('matter-refno').waitFor();
    expect(await page.getByTestId('matter-state').textContent()).toBe('已受理');

    await page.getByTestId('action-decide').click();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByTestId('field-reasoning').inputValue()).toBe(REASONING);
    expect(await page.getByTestId('field-outcome').textContent()).toContain('revoke');
    await shot('01-restored-after-sign-in');

    // Another user extends the matter first: the clerk's submit is refused, the text stays, the change shows.
    const extended = await other.post(`/api/lines/toy/request/${matterId}/extend`, {
      version: 2,
      date: '2025-09-25',
      data: { days: 10 },
    });
    expect(extended.statusCode).toBe(200);
    await page.getByTestId('action-submit').click();
    const conflict = page.getByTestId('action-conflict');
    await conflict.waitFor();
    await expect
      .poll(() => page.getByTestId('conflict-changes').textContent())
      .toBe('2025-09-25 延期（draft_other） → 已受理');
    expect(await conflict.textContent()).toContain('案件现为「已受理」（第 3 版）');
    expect(await page.getByTestId('field-reasoning').inputValue()).toBe(REASONING);
    await shot('02-conflict');

    // Re-applied against the new version: decided, with the text as typed, and the draft gone.
    await page.getByTestId('action-submit').click();
    await expect.poll(() => page.getByTestId('matter-state').textContent()).toBe('已决定');
    const { rows } = await testDb.db.query(
      `SELECT payload->>'reasoning' AS reasoning, actor_name FROM matter_events WHERE matter_id = $1 AND action = 'decide'`,
      [matterId],
    );
    expect(rows).toEqual([{ reasoning: REASONING, actor_name: 'draft_clerk' }]);
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fazhi.draft'))),
    ).toEqual([]);
  });

  it('keeps a create form across a refused submit and a closed dialog, per user', async () => {
    await page.goto(`${base}/matters`);
    await page.locator('[data-testid="logout"], [data-testid="login-username"]').first().waitFor();
    if (await page.getByTestId('login-username').isVisible()) await signIn();
    await page.getByTestId('create-toy-request').click();
    await page.getByTestId('field-subject').fill('关'.repeat(101));
    await fillDate('field-receivedOn', '2025-09-22');
    await page.getByTestId('create-submit').click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').first().textContent())
      .toContain('最多 100 个字符');
    // Closed as a clerk closes it (the dialog's ×): Escape depends on where the focus was left by the refusal.
    await page.locator('.ant-modal-close').click();
    await page.getByTestId('create-form').waitFor({ state: 'detached' });
    await page.getByTestId('create-toy-request').click();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByTestId('field-subject').inputValue()).toBe('关'.repeat(101));
    expect(await (await inputOf('field-receivedOn')).inputValue()).toBe('2025-09-22');
    // Discarding starts afresh.
    await page.getByTestId('draft-discard').click();
    await expect.poll(() => page.getByTestId('field-subject').inputValue()).toBe('');
  });
});
