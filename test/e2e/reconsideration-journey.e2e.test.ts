import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { makeUser } from '../support/app.ts';
import {
  artifacts,
  ensureWebBuild,
  type FormHelpers,
  formHelpers,
  hasChromium,
  hasSoffice,
  launchBrowser,
  startWebApp,
} from '../support/browser.ts';
import { TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

/** A fixed business date (a Wednesday): every step below is dated in November 2026, none after today. */
const TODAY = '2026-11-25';

describe.skipIf(!hasChromium)(
  '行政复议 in the browser: intake to decision, indicator and annual report',
  () => {
    let testDb: TestDb;
    let app: App;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let fillDate: FormHelpers['fillDate'];
    let choose: FormHelpers['choose'];
    let pick: FormHelpers['pick'];
    let base: string;

    const shot = async (name: string, fullPage = true) => {
      if (fullPage) await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header stays on top
      await page.waitForTimeout(300); // let pickers, messages and popovers finish their animation
      await page.screenshot({ path: path.join(artifacts, `r-${name}.png`), fullPage });
    };

    const signIn = async (username: string) => {
      await page.goto(`${base}/login`);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('logout').waitFor();
    };

    const fieldError = (testId: string) =>
      page
        .locator('.ant-form-item')
        .filter({ has: page.getByTestId(testId) })
        .locator('.ant-form-item-explain-error');

    /** Opens an action, sets its business date, lets `fill` complete its fields, and submits. */
    const act = async (
      action: string,
      date: string,
      fill: () => Promise<void> = async () => {},
      screenshot?: string,
    ) => {
      const events = await page.locator('[data-testid^="event-"]').count();
      await page.getByTestId(`action-${action}`).click();
      await page.getByTestId('action-form').waitFor();
      await fillDate('action-date', date);
      await fill();
      if (screenshot) await shot(screenshot, false);
      await page.getByTestId('action-submit').click();
      await page.getByTestId('action-form').waitFor({ state: 'detached' });
      await expect.poll(() => page.locator('[data-testid^="event-"]').count()).toBeGreaterThan(events);
    };

    const downloadFrom = async (button: ReturnType<Page['getByTestId']>): Promise<Download> => {
      // LibreOffice converting the first PDF can take a while on a cold start.
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 90_000 }),
        button.click(),
      ]);
      return download;
    };
    const magic = async (d: Download, n: number) =>
      fs
        .readFileSync(await d.path())
        .subarray(0, n)
        .toString('latin1');

    beforeAll(async () => {
      ensureWebBuild();
      testDb = await createTestDb();
      await makeUser(testDb.db, 'fy.clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
      await makeUser(testDb.db, 'ju.leader', [{ org: 'bureau', role: 'leader' }]);
      ({ app, base } = await startWebApp(testDb.db, () => TODAY));
      browser = await launchBrowser();
      context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      context.setDefaultTimeout(15_000);
      page = await context.newPage();
      ({ fillDate, choose, pick } = formHelpers(page));
    }, 240_000);

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await app?.close();
      await testDb?.close();
    });

    it('a clerk registers an application and takes it through hearing to a 撤销 decision', async ({
      onTestFailed,
    }) => {
      onTestFailed(async () => {
        await shot('failure');
      });
      await signIn('fy.clerk');
      await page.getByTestId('menu-matters').click();
      await page.getByTestId('matters-table').waitFor();
      await page.getByTestId('create-reconsideration-application').click();
      await page.getByTestId('create-form').waitFor();
      await shot('01-intake-empty', false);

      await fillDate('field-receivedOn', '2026-11-02');
      await pick('field-channel', '窗口递交');
      // A new party starts as a natural person, so the ID number field is there from the start.
      await page.getByTestId('field-applicants.0.name').fill('张三');
      await page.getByTestId('field-applicants.0.idNumber').fill('330211199001011235');
      await page.getByTestId('field-applicants.0.phone').fill('13800000000');
      // A second applicant, switched to an organisation: the credit code replaces the ID number; then removed.
      await page.getByTestId('field-applicants-add').click();
      await page.getByTestId('field-applicants.1.idNumber').waitFor();
      await pick('field-applicants.1.partyType', '法人或其他组织');
      await page.getByTestId('field-applicants.1.creditCode').waitFor();
      expect(await page.getByTestId('field-applicants.1.idNumber').count()).toBe(0);
      await page.getByTestId('field-applicants.1.creditCode').scrollIntoViewIfNeeded();
      await shot('02-intake-two-applicants', false);
      await page.getByTestId('field-applicants.1-remove').click();
      await expect.poll(() => page.getByTestId('field-applicants.1.name').count()).toBe(0);
      await page.getByTestId('field-representatives-add').click();
      await page.getByTestId('field-representatives.0.name').fill('李律师');
      await page.getByTestId('field-representatives.0.relation').fill('律师');

      await choose('field-respondentOrgId', '宁波市镇海区市场监督管理局', '市场监督');
      await choose('field-actKind', '行政处罚');
      await page.getByTestId('field-actTitle').fill('行政处罚决定（罚款五千元）');
      await page.getByTestId('field-actDocNo').fill('甬镇市监罚〔2026〕88号');
      await fillDate('field-actDate', '2026-10-20');
      await fillDate('field-actKnownOn', '2026-10-22');
      await page.getByTestId('field-request').fill('请求撤销被申请人作出的行政处罚决定。');
      // The duplicate confirmation stays hidden until the server reports a possible duplicate.
      expect(await page.getByTestId('field-allowDuplicate').isVisible()).toBe(false);

      // The check digit is wrong: the server's message lands on the applicant's ID number field.
      await page.getByTestId('create-submit').click();
      await expect.poll(() => fieldError('field-applicants.0.idNumber').textContent()).toContain('应为 6');
      await expect.poll(() => page.getByTestId('create-error').textContent()).toContain('请检查标注的输入项');
      await shot('03-intake-id-error', false);
      await page.getByTestId('field-applicants.0.idNumber').fill('330211199001011236');
      await expect.poll(() => fieldError('field-applicants.0.idNumber').count()).toBe(0);
      await page.getByTestId('create-submit').click();

      // The matter page: the line's facts, the acceptance deadline, the registration in the timeline.
      await page.getByTestId('matter-refno').waitFor();
      expect(await page.getByTestId('matter-state').textContent()).toBe('待受理审查');
      const refNo = (await page.getByTestId('matter-refno').textContent()) ?? '';
      expect(refNo).toMatch(/^镇司复收〔2026〕\d+号$/);
      await expect.poll(() => page.getByTestId('matter-detail-0').textContent()).toContain('行政处罚');
      const parties = (await page.getByTestId('matter-detail-table-1').textContent()) ?? '';
      expect(parties).toContain('张三');
      expect(parties).toContain('李律师');
      await page.getByTestId('deadline-acceptance').waitFor();
      const created = (await page.getByTestId('event-create').textContent()) ?? '';
      expect(created).toContain('登记行政复议申请');
      expect(created).not.toContain('330211199001011236');
      await shot('04-matter-registered');

      await act('requestSupplement', '2026-11-03', async () => {
        await page.getByTestId('field-items').fill('请提供行政处罚决定书复印件。');
      });
      expect(await page.getByTestId('matter-state').textContent()).toBe('待补正');
      await expect
        .poll(() => page.getByTestId('event-summary-requestSupplement').textContent())
        .toContain('补正事项');
      await act('supplementReceived', '2026-11-05');
      await expect.poll(() => page.getByTestId('matter-state').textContent()).toBe('待受理审查');

      // Acceptance: the simplified ground shows only for the simplified procedure.
      await act(
        'accept',
        '2026-11-06',
        async () => {
          await pick('field-procedure', '简易程序');
          await page.getByTestId('field-simplifiedGround').waitFor();
          await shot('05-accept-simplified', false);
          await pick('field-procedure', '普通程序');
          await expect.poll(() => page.getByTestId('field-simplifiedGround').count()).toBe(0);
        },
        '05b-accept-ordinary',
      );
      await expect.poll(() => page.getByTestId('matter-state').textContent()).toBe('审理中');
      await act('sendCopy', '2026-11-09');
      await act('receiveReply', '2026-11-13', async () => {
        await page.getByTestId('field-summary').fill('被申请人认为处罚认定事实清楚。');
      });

      // A hearing too close to the notice is refused on the hearing date field (five working days, Art. 51).
      await page.getByTestId('action-noticeHearing').click();
      await fillDate('action-date', '2026-11-16');
      await fillDate('field-hearingOn', '2026-11-20');
      await page.getByTestId('field-place').fill('区司法局听证室');
      await page.getByTestId('field-matters').fill('处罚认定的事实和适用的依据。');
      await page.getByTestId('action-submit').click();
      await expect.poll(() => fieldError('field-hearingOn').textContent()).toContain('最迟应在');
      await shot('06-hearing-too-soon', false);
      await fillDate('field-hearingOn', '2026-11-24');
      await page.getByTestId('action-submit').click();
      await page.getByTestId('action-form').waitFor({ state: 'detached' });
      await page.getByTestId('event-noticeHearing').waitFor();
      await act('holdHearing', '2026-11-24', async () => {
        await page.getByTestId('field-summary').fill('双方到场陈述意见。');
      });

      await act(
        'decide',
        TODAY,
        async () => {
          await choose('field-decisionType', '撤销');
          // The ground is cited by its 项 (Art. 64(1)(二)); the decision is approved before it is made (Art. 61(1)).
          await choose('field-ground', '违反法定程序');
          await page.getByTestId('field-findings').fill('被申请人作出处罚决定前未告知申请人陈述申辩的权利。');
          await page.getByTestId('field-reasoning').fill('程序违法，依法应予撤销。');
          await choose('field-approval', '经行政复议机关负责人同意');
          await page.getByTestId('field-approvedBy').fill('李某（副区长）');
        },
        '07-decide',
      );
      await expect.poll(() => page.getByTestId('matter-state').textContent()).toBe('已作出决定');
      await expect.poll(() => page.getByTestId('event-summary-decide').textContent()).toContain('撤销');

      // Six periods, each listed once (the acceptance review twice: stopped for the supplement, then met).
      expect(await page.getByTestId('matter-deadlines').locator('.deadline-item').count()).toBe(6);
      const decision = page.getByTestId('document-reconsideration.decision');
      await decision.waitFor();
      expect(await decision.textContent()).toContain('行政复议决定书');
      await shot('08-matter-decided');
      const docx = await downloadFrom(decision.locator('[data-testid^="doc-docx-"]'));
      expect(await magic(docx, 2)).toBe('PK');
      if (hasSoffice) {
        const pdf = await downloadFrom(decision.locator('[data-testid^="doc-pdf-"]'));
        expect(await magic(pdf, 4)).toBe('%PDF');
      }

      // Served the same day: the applicant's 15 days to sue show as the applicant's period, with its law.
      await act('serveDecision', TODAY, async () => {
        await choose('field-method', '直接送达');
      });
      const suitPeriod = page.getByTestId('deadline-applicantSuit');
      await expect.poll(() => suitPeriod.textContent()).toContain('2026-12-10');
      expect(await suitPeriod.textContent()).toContain('当事人期间');
      expect(await suitPeriod.textContent()).toContain('第四十五条');
      await suitPeriod.scrollIntoViewIfNeeded();
      await shot('08b-decision-served', false);

      // The list shows the state and no running deadline of the office any more; the indicator counts the
      // correction, opened by its address as a bookmark would.
      await page.getByTestId('menu-matters').click();
      await expect.poll(() => page.getByTestId('matters-table').textContent()).toContain(refNo);
      await shot('09-matters');
      await page.goto(`${base}/indicators/reconsideration.corrected?year=2026&region=330211`);
      await expect.poll(() => page.getByTestId('indicator-value').textContent()).toContain('1');
      await expect.poll(() => page.getByTestId('indicator-records').textContent()).toContain(refNo);
      await page.waitForTimeout(500); // the chart animates in
      await shot('10-indicator-corrected');
      expect(page.url()).toContain('year=2026');
    }, 240_000);

    it('the leader reads the 2026 report with linked figures and downloads it as DOCX', async ({
      onTestFailed,
    }) => {
      onTestFailed(async () => {
        await shot('failure-report');
      });
      await page.goto(`${base}/`); // whatever the first journey left open is closed
      await page.getByTestId('logout').click();
      await page.getByTestId('login-username').waitFor();
      await signIn('ju.leader');
      await page.getByTestId('menu-reports').click();
      await expect.poll(() => page.getByTestId('report-title').textContent()).toContain('2025年度');
      await choose('indicator-year', '2026年');
      await expect
        .poll(() => page.getByTestId('report-title').textContent())
        .toBe('2026年度法治政府建设工作报告（节选）');
      const section = page.getByTestId('report-html-reconsideration.annual');
      await expect.poll(() => section.textContent()).toContain('全年共接收复议案件1件');
      const corrected = section.locator('a[data-indicator="reconsideration.corrected"]');
      expect(await corrected.textContent()).toBe('1');
      expect(await corrected.getAttribute('href')).toBe(
        '/indicators/reconsideration.corrected?year=2026&region=330211',
      );
      await shot('11-report');

      // Edit the wording and recompose: the figures still come from the records.
      await page.getByTestId('report-edit-reconsideration.annual').click();
      await page
        .getByTestId('report-template-reconsideration.annual')
        .fill('本年度直接纠错行政复议案件{{reconsideration.corrected}}件。');
      await page.getByTestId('report-recompose-reconsideration.annual').click();
      await expect.poll(() => section.textContent()).toBe('本年度直接纠错行政复议案件1件。');
      await shot('12-report-edited');

      const docx = await downloadFrom(page.getByTestId('report-docx'));
      expect(await magic(docx, 2)).toBe('PK');
      expect(docx.suggestedFilename()).toBe('2026年度法治政府建设工作报告（节选）.docx');

      // A figure opens its drill-down inside the app.
      await section.locator('a[data-indicator="reconsideration.corrected"]').click();
      await page.waitForURL(/\/indicators\/reconsideration\.corrected\?year=2026/);
      await expect.poll(() => page.getByTestId('indicator-value').textContent()).toContain('1');

      // The English version of the report page.
      await page.goto(`${base}/reports?year=2026&region=330211`);
      await page.evaluate(() => localStorage.setItem('fazhi.lang', 'en'));
      await page.reload();
      await expect.poll(() => page.getByTestId('report-title').textContent()).toContain('2026 Annual Report');
      await shot('13-report-en');
      await page.evaluate(() => localStorage.setItem('fazhi.lang', 'zh-CN'));
    }, 120_000);

    it('a second application by the same applicant against the same open act needs a confirmation', async ({
      onTestFailed,
    }) => {
      onTestFailed(async () => {
        await shot('failure-duplicate');
      });
      await context.clearCookies(); // runs alone too: whoever the journeys above left signed in is gone
      await signIn('fy.clerk');
      const register = async () => {
        await page.goto(`${base}/matters?line=reconsideration&kind=application`);
        await page.getByTestId('create-reconsideration-application').click();
        await page.getByTestId('create-form').waitFor();
        await fillDate('field-receivedOn', '2026-11-20');
        await pick('field-channel', '邮寄');
        await page.getByTestId('field-applicants.0.name').fill('王五');
        await page.getByTestId('field-applicants.0.idNumber').fill('330211198506150018');
        await choose('field-respondentOrgId', '宁波市镇海区市场监督管理局', '市场监督');
        await choose('field-actKind', '行政处罚');
        await page.getByTestId('field-actTitle').fill('责令停产停业决定');
        await fillDate('field-actDate', '2026-11-10');
        await fillDate('field-actKnownOn', '2026-11-12');
        await page.getByTestId('field-request').fill('请求撤销责令停产停业决定。');
        await page.getByTestId('create-submit').click();
      };
      await register();
      await page.getByTestId('matter-refno').waitFor();
      const first = (await page.getByTestId('matter-refno').textContent()) ?? '';

      await register();
      // Nothing is registered: the confirmation appears with the open application's number in its message.
      await expect.poll(() => fieldError('field-allowDuplicate').textContent()).toContain(first);
      expect(await page.getByTestId('field-allowDuplicate').isVisible()).toBe(true);
      await shot('14-duplicate-confirm', false);
      await page.getByTestId('field-allowDuplicate').check();
      await page.getByTestId('create-submit').click();
      await page.getByTestId('matter-refno').waitFor();
      expect(await page.getByTestId('matter-refno').textContent()).not.toBe(first);
      const { rows } = await testDb.db.query(
        `SELECT count(*)::int AS n FROM reconsideration_applications WHERE act_title = '责令停产停业决定'`,
      );
      expect(rows[0].n).toBe(2);
    }, 120_000);
  },
);
