import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { signIn as apiSignIn, type Client, makeUser, orgId } from '../support/app.ts';
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

const TODAY = '2026-11-25';

/**
 * 更正 as a clerk meets it: a decision recorded as 变更 when 撤销 was meant is corrected with a leader's approval;
 * the timeline shows both steps, the 纠错 indicator drops the case, the voided letter stays downloadable with its
 * 作废 mark, and the right decision takes the next number.
 */
describe.skipIf(!hasChromium)('更正 in the browser: a decision recorded with the wrong type', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let fillDate: FormHelpers['fillDate'];
  let choose: FormHelpers['choose'];
  let base: string;
  let matterId: number;
  let refNo: string;

  const shot = async (name: string, fullPage = true) => {
    if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifacts, `c-${name}.png`), fullPage });
  };

  const decide = async (type: string) => {
    const events = await page.locator('[data-testid^="event-"]').count();
    await page.getByTestId('action-decide').click();
    await page.getByTestId('action-form').waitFor();
    await fillDate('action-date', '2026-11-20');
    await choose('field-decisionType', type);
    // Each type rests on a ground of its article (Art. 63(1), 64(1)); a change states what the act becomes.
    await choose(
      'field-ground',
      type === '变更' ? '事实清楚，证据确凿，程序合法，但是未正确适用依据' : '违反法定程序',
    );
    if (type === '变更') await page.getByTestId('field-changedTo').fill('警告');
    await page.getByTestId('field-findings').fill('被申请人作出处罚决定前未告知申请人陈述申辩的权利。');
    await page.getByTestId('field-reasoning').fill('程序违法，依法应予撤销。');
    await choose('field-approval', '经行政复议机关负责人同意');
    await page.getByTestId('field-approvedBy').fill('李某（副区长）');
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-testid^="event-"]').count()).toBeGreaterThan(events);
  };

  const indicator = async () => {
    await page.goto(`${base}/indicators/reconsideration.corrected?year=2026&region=330211`);
    await page.getByTestId('indicator-value').waitFor();
    await page.waitForTimeout(500);
  };

  const download = async (button: ReturnType<Page['getByTestId']>): Promise<Download> => {
    const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return d;
  };

  beforeAll(async () => {
    ensureWebBuild();
    testDb = await createTestDb();
    await makeUser(testDb.db, 'fy.clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
    await makeUser(testDb.db, 'ju.leader', [{ org: 'bureau', role: 'leader' }]);
    ({ app, base } = await startWebApp(testDb.db, () => TODAY));
    // The steps before the decision are not what this journey is about: the clerk's API does them.
    const clerk: Client = await apiSignIn(app, 'fy.clerk');
    const created = await clerk.post('/api/lines/reconsideration/application', {
      receivedOn: '2026-11-02',
      channel: 'window',
      applicants: [
        { partyType: 'person', name: '张三', idNumber: '330211199001011236', phone: '13800000000' },
      ],
      respondentOrgId: await orgId(testDb.db, 'dept-market'),
      actKind: 'penalty',
      actTitle: '行政处罚决定（罚款五千元）',
      actDate: '2026-10-20',
      actKnownOn: '2026-10-22',
      request: '请求撤销被申请人作出的行政处罚决定。',
    });
    expect(created.statusCode).toBe(201);
    ({ id: matterId, refNo } = created.json());
    let version = 1;
    for (const [action, date, data] of [
      ['accept', '2026-11-03', { procedure: 'ordinary' }],
      ['sendCopy', '2026-11-04', {}],
      // The respondent's reply is in and the parties were heard (Art. 48–49): a decision may be made.
      ['receiveReply', '2026-11-10', { summary: '处罚事实清楚。' }],
      ['hearParties', '2026-11-12', { method: 'phone' }],
    ] as const) {
      const res = await clerk.post(`/api/lines/reconsideration/application/${matterId}/${action}`, {
        version,
        date,
        data,
      });
      expect(res.statusCode).toBe(200);
      version = res.json().version;
    }
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    ({ fillDate, choose } = formHelpers(page));
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await testDb?.close();
  });

  it('a clerk corrects 变更 to 撤销 with the leader’s approval; the voided letter keeps its number and mark', async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      await shot('failure');
    });
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('fy.clerk');
    await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();
    await page.goto(`${base}/matters/${matterId}`);
    await expect.poll(() => page.getByTestId('matter-refno').textContent()).toBe(refNo);

    // The wrong type: 变更 instead of 撤销. It counts as a correction (纠错) at once.
    await decide('变更');
    await expect.poll(() => page.getByTestId('matter-state').textContent()).toBe('已作出决定');
    await expect.poll(() => page.getByTestId('event-summary-decide').textContent()).toBe('变更（纠错）');
    const letter = page.getByTestId('document-reconsideration.decision');
    const wrongText = (await letter.textContent()) ?? '';
    const wrongNumber = /镇政复〔2026〕(\d+)号/.exec(wrongText)!;
    await shot('01-decided-wrong-type');
    await indicator();
    await expect.poll(() => page.getByTestId('indicator-value').textContent()).toContain('1');
    await expect.poll(() => page.getByTestId('indicator-records').textContent()).toContain(refNo);
    await shot('02-indicator-counts-it');

    // 更正 is offered on the latest step only; the dialog asks the reason and the approving leader.
    await page.goto(`${base}/matters/${matterId}`);
    const correctButton = page.locator('[data-testid^="correct-event-"]');
    await correctButton.waitFor();
    expect(await correctButton.count()).toBe(1);
    expect(await page.getByTestId('event-decide').locator('[data-testid^="correct-event-"]').count()).toBe(1);
    await correctButton.click();
    await page.getByTestId('correction-form').waitFor();
    await page.getByTestId('correction-submit').click();
    await expect.poll(() => page.getByTestId('correction-form').textContent()).toContain('请填写更正理由');
    await page.getByTestId('correction-reason').fill('决定类型误选为“变更”，应为“撤销”。');
    await choose('correction-approver', 'ju.leader');
    await shot('03-correction-dialog', false);
    await page.getByTestId('correction-submit').click();
    await page.getByTestId('correction-form').waitFor({ state: 'detached' });

    // Back under review; the timeline keeps the voided decision (struck through, 已更正) and the correction.
    await expect.poll(() => page.getByTestId('matter-state').textContent()).toBe('审理中');
    await page.getByTestId('event-correction').waitFor();
    expect(await page.getByTestId('event-decide').getAttribute('data-voided')).toBe('true');
    expect(await page.getByTestId('event-decide').textContent()).toContain('已更正');
    expect(await page.getByTestId('event-summary-correction').textContent()).toBe(
      '更正第 6 步「作出复议决定」：决定类型误选为“变更”，应为“撤销”。（经 ju.leader 批准）',
    );
    expect(await letter.textContent()).toContain('作废');
    expect(await letter.textContent()).toContain(`${TODAY} 作废：决定类型误选为“变更”，应为“撤销”。`);
    // The decision's periods are back: the decision period runs again.
    await expect.poll(() => page.getByTestId('deadline-decision').textContent()).toContain('2027-01-04');
    await shot('04-corrected-timeline');

    // The voided letter stays downloadable, with its number and the 作废 mark; the preview shows it too.
    const docx = await download(letter.locator('[data-testid^="doc-docx-"]'));
    const xml = await (await JSZip.loadAsync(fs.readFileSync(await docx.path())))
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('作废');
    expect(xml).toContain(wrongNumber[0]);
    expect(xml).toContain('本文书已于2026年11月25日更正作废，文号不再使用。');
    expect(docx.suggestedFilename()).toContain('（作废）');
    const href = await letter.locator('[data-testid^="doc-html-"]').getAttribute('href');
    const preview = await context.newPage();
    await preview.goto(`${base}${href}`);
    expect(await preview.locator('p.void').textContent()).toBe('作废');
    expect(await preview.locator('p.void-note').textContent()).toContain(
      '作废理由：决定类型误选为“变更”，应为“撤销”。',
    );
    await preview.screenshot({ path: path.join(artifacts, 'c-05-voided-preview.png'), fullPage: true });
    await preview.close();

    // 纠错 no longer counts it.
    await indicator();
    await expect.poll(() => page.getByTestId('indicator-value').textContent()).toContain('0');
    expect(await page.getByTestId('indicator-records').textContent()).not.toContain(refNo);
    await shot('06-indicator-dropped');

    // The right decision: 撤销, on its real date, with the next number; the voided one is not reused.
    await page.goto(`${base}/matters/${matterId}`);
    await page.getByTestId('action-decide').waitFor();
    await decide('撤销');
    await expect.poll(() => page.getByTestId('matter-state').textContent()).toBe('已作出决定');
    const letters = page.getByTestId('document-reconsideration.decision');
    await expect.poll(() => letters.count()).toBe(2);
    const next = `镇政复〔2026〕${Number(wrongNumber[1]) + 1}号`;
    expect(await letters.nth(1).textContent()).toContain(next);
    expect(await letters.nth(1).textContent()).not.toContain('作废');
    expect(await letters.nth(0).textContent()).toContain(wrongNumber[0]);
    await shot('07-decided-again');
    await indicator();
    await expect.poll(() => page.getByTestId('indicator-records').textContent()).toContain(refNo);
    await shot('08-indicator-counts-revoke');
  }, 240_000);
});
