import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { makeUser } from '../support/app.ts';
import {
  artifacts,
  ensureWebBuild,
  type FormHelpers,
  formHelpers,
  hasChromium,
  launchBrowser,
  startWebApp,
} from '../support/browser.ts';
import { TEST_ADMIN_PASSWORD, TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { registerToyLine } from '../support/toy-line.ts';

/** A fixed business date: the toy matter's deadlines and the indicator year follow from it. */
const TODAY = '2025-09-26';

describe.skipIf(!hasChromium)('kernel journeys in the browser (toy line)', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let inputOf: FormHelpers['inputOf'];
  let fillDate: FormHelpers['fillDate'];
  let choose: FormHelpers['choose'];
  let base: string;

  const shot = async (name: string, fullPage = true) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300); // let pickers and popovers finish their closing animation
    await page.screenshot({ path: path.join(artifacts, `k-${name}.png`), fullPage });
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
    registerToyLine();
    testDb = await createTestDb();
    await makeUser(testDb.db, 'fy_staff', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
    ({ app, base } = await startWebApp(testDb.db, () => TODAY));
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    ({ inputOf, fillDate, choose } = formHelpers(page));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await testDb?.close();
  });

  it('registers a matter, works it through its deadlines to a decision, and finds it in the indicators', async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      await shot('failure');
    });
    await signIn('fy_staff', TEST_USER_PASSWORD);

    // Matters list, and the create form generated from the toy kind's JSON Schema.
    await page.getByTestId('menu-matters').click();
    await page.getByTestId('matters-table').waitFor();
    await page.getByTestId('create-toy-request').click();
    await page.getByTestId('create-form').waitFor();
    // 101 characters: the form lets it through (the counter turns red), the server refuses it on the field.
    await page.getByTestId('field-subject').fill('关'.repeat(101));
    await fillDate('field-receivedOn', '2025-09-22');
    await page.getByTestId('create-submit').click();
    const subjectError = page.locator('.ant-form-item-has-error .ant-form-item-explain-error');
    await expect.poll(() => subjectError.first().textContent()).toContain('最多 100 个字符');
    await shot('01-create-server-error');
    await page.getByTestId('field-subject').fill('张某某不服区市场监管局行政处罚测试申请');
    await page.getByTestId('create-submit').click();

    // Detail: the review deadline with its badge and legal basis.
    await page.getByTestId('matter-refno').waitFor();
    expect(await page.getByTestId('matter-state').textContent()).toBe('已收到');
    const review = page.getByTestId('deadline-review');
    await review.waitFor();
    expect(await page.getByTestId('deadline-badge-review').textContent()).toMatch(/计算中|即将到期/);
    // Five working days from Mon 22 Sep end on Sun 28 Sep, an adjusted working day: one is left on Fri 26 Sep.
    expect(await page.getByTestId('deadline-left-review').textContent()).toBe('剩 1 个工作日');
    await page.getByTestId('citation-review').hover();
    await expect.poll(() => page.getByTestId('citation-review-text').textContent()).toContain('第三十条');
    await shot('02-matter-detail');
    await page.mouse.move(0, 0);

    // 受理 (no fields), then 延期 by 10 days.
    await page.getByTestId('action-accept').click();
    await page.getByTestId('action-submit').click();
    await expect.poll(() => page.getByTestId('matter-state').textContent()).toBe('已受理');
    await page.getByTestId('deadline-decision').waitFor();
    const dueBefore = await page.getByTestId('deadline-due-decision').textContent();
    await page.getByTestId('action-extend').click();
    await (await inputOf('field-days')).fill('10');
    await shot('03-action-extend');
    await page.getByTestId('action-submit').click();
    await page.getByTestId('event-extend').waitFor();
    const dueAfter = await page.getByTestId('deadline-due-decision').textContent();
    expect(dueAfter).not.toBe(dueBefore);
    const refNo = (await page.getByTestId('matter-refno').textContent()) ?? '';
    const matterUrl = page.url();

    // Deadlines page: the running decision deadline is listed under "mine".
    await page.getByTestId('menu-deadlines').click();
    await page.getByTestId('deadlines-table').waitFor();
    await page.getByTestId('deadlines-filter').getByText('全部').click();
    await expect.poll(() => page.getByTestId('deadlines-table').textContent()).toContain(refNo);
    // 60 days from 26 Sep (25 Nov) extended by 10: due Fri 5 Dec, shown as the days left, not "计算中".
    expect(await page.getByTestId('deadlines-table').textContent()).toContain('剩 70 天');
    await shot('04-deadlines');

    // 作出决定 issues a document; its DOCX downloads.
    await page.goto(matterUrl);
    await page.getByTestId('action-decide').click();
    await choose('field-outcome', 'revoke');
    await page.getByTestId('field-reasoning').fill('经审查，原处罚决定认定事实不清。');
    await page.getByTestId('action-submit').click();
    await expect.poll(() => page.getByTestId('matter-state').textContent()).toBe('已决定');
    const docx = page.locator('[data-testid^="doc-docx-"]').first();
    await docx.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), docx.click()]);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(download.suggestedFilename()).toMatch(/\.docx$/);

    // Attachments: a wrong type is refused with the server's message; a PDF is accepted.
    const fileInput = page.locator('input[type=file]');
    await fileInput.setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('不支持的文件类型');
    await fileInput.setInputFiles({
      name: '申请书扫描件.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await expect
      .poll(() => page.getByTestId('matter-attachments').textContent())
      .toContain('申请书扫描件.pdf');
    await shot('05-matter-decided');
    await page.getByTestId('menu-matters').click();
    await expect.poll(() => page.getByTestId('matters-table').textContent()).toContain(refNo);
    await shot('05b-matters');

    // Period calculator: 5 working days from 2025-09-26 skip the National Day holiday.
    await page.getByTestId('menu-period').click();
    await fillDate('period-start', '2025-09-26');
    await (await inputOf('period-days')).fill('5');
    await page.getByTestId('period-submit').click();
    await expect.poll(() => page.getByTestId('period-due').textContent()).toBe('2025-10-10');
    await choose('rule-select', '受理审查');
    await fillDate('rule-start', '2025-09-26');
    await page.getByTestId('rule-submit').click();
    await expect.poll(() => page.getByTestId('rule-due').textContent()).toBe('2025-10-10');
    await shot('06-period');

    await page.getByTestId('menu-rules').click();
    await expect.poll(() => page.getByTestId('rules-table').textContent()).toContain('xzfy.accept.review');
    await shot('07-rules', false);

    // Indicator: the value counts the matter and the drill-down lists it.
    await page.goto(`${base}/indicators?year=2025&region=330211`);
    await page.getByTestId('indicator-link-toy.received').waitFor();
    await shot('08-indicators');
    await page.getByTestId('indicator-link-toy.received').click();
    await expect.poll(() => page.getByTestId('indicator-value').textContent()).toContain('1');
    await expect.poll(() => page.getByTestId('indicator-records').textContent()).toContain(refNo);
    await page.getByTestId('breakdown-chart-state').waitFor();
    await page.waitForTimeout(500); // the chart animates in
    await shot('09-indicator');

    // Calendar administration is for admins: 2023–2026 are loaded from official notices.
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    await signIn('admin', TEST_ADMIN_PASSWORD);
    await page.getByTestId('menu-calendar').click();
    for (const year of [2023, 2024, 2025, 2026]) {
      await page.getByTestId(`calendar-official-${year}`).waitFor();
    }
    await page.getByTestId('calendar-load').click();
    await (await inputOf('notice-year')).fill('2026');
    await page.getByTestId('notice-json').fill(
      JSON.stringify({
        notice: '测试',
        source: '',
        holidays: [{ start: '2026-02-30', end: '2026-03-01', name: '春节' }],
        workdays: [],
      }),
    );
    await page.getByTestId('notice-submit').click();
    await expect.poll(() => page.getByTestId('notice-errors').textContent()).toContain('日期无效');
    await shot('10-calendar-invalid');
    await page.keyboard.press('Escape');
    await shot('11-calendar');
  });
});
