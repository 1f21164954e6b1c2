/**
 * 社区矫正 in the browser, in one session, the business date moving with the story: a 司法所 officer receives a
 * parolee (the record opens only for a stated purpose), the missed report-in shows as overdue, the report-in is
 * recorded late; a 10-day leave is refused to the 司法所 and approved by the 社区矫正科; the county chooses a warning
 * against the discretion benchmark (a measure outside it is refused without a justification); the officer releases
 * the subject at term end and registers resettlement by picking the released record — nothing re-typed. Then a
 * user of another line (人民参与和促进法治科, mediation) searches the name, opens a party page and the record's address,
 * and learns nothing but "受限".
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { makeUser, orgId } from '../support/app.ts';
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

/** The page may answer slowly on a busy machine: polls wait up to 10 s rather than vitest's 1 s. */
const slow = { timeout: 10_000 };
const WANG = { name: '王某某', idNumber: '330211199001011236' };

describe.skipIf(!hasChromium)(
  '社区矫正 in the browser: intake to resettlement, and what other lines see',
  () => {
    let testDb: TestDb;
    let app: App;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let base: string;
    let h: FormHelpers;
    /** The business date the server answers with; the story moves it forward. */
    let today = '2026-11-25';
    let subjectUrl = '';
    let partyId = 0;

    const shot = (name: string) =>
      page.screenshot({ path: path.join(artifacts, `community-correction-${name}.png`), fullPage: true });

    const signIn = async (username: string) => {
      await context.clearCookies();
      await page.goto(`${base}/login`);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('logout').waitFor();
    };

    /** Opens a record of the line: the page first asks why (kept in the audit), then shows it. */
    const openWithPurpose = async (url: string, purpose: string) => {
      await page.goto(url);
      const prompt = page.getByTestId('purpose-prompt');
      await prompt.waitFor();
      await prompt.getByRole('textbox').fill(purpose);
      await prompt.getByRole('button').click();
      await page.getByTestId('matter-refno').waitFor();
    };

    const openAction = async (action: string, date: string) => {
      await page.getByTestId(`action-${action}`).click();
      await page.getByTestId('action-form').waitFor();
      await h.fillDate('action-date', date);
    };
    const submit = async () => {
      const events = await page.locator('[data-testid^="event-"]').count();
      await page.getByTestId('action-submit').click();
      await page.getByTestId('action-form').waitFor({ state: 'detached' });
      await expect.poll(() => page.locator('[data-testid^="event-"]').count(), slow).toBeGreaterThan(events);
    };
    const refused = async () => {
      await page.getByTestId('action-error').waitFor();
      return (await page.getByTestId('action-error').textContent()) ?? '';
    };
    /** A code list is a select, a row of buttons or a list of radios, as long as its labels are (enumStyle). */
    const chooseCode = async (testId: string, text: string) => {
      await page.getByTestId(testId).waitFor();
      if ((await page.getByTestId(testId).getByRole('combobox').count()) > 0) await h.choose(testId, text);
      else await h.pick(testId, text);
    };
    const details = (i: number) => page.getByTestId(`matter-detail-${i}`).textContent();

    beforeAll(async () => {
      ensureWebBuild();
      testDb = await createTestDb();
      await makeUser(testDb.db, 'sfs.zbs', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
      await makeUser(testDb.db, 'jzk.staff', [{ org: 'sec-correction', role: 'sectionStaff' }]);
      await makeUser(testDb.db, 'tj.staff', [{ org: 'sec-participation', role: 'sectionStaff' }]);
      ({ app, base } = await startWebApp(testDb.db, () => today));
      browser = await launchBrowser();
      context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      context.setDefaultTimeout(15_000);
      page = await context.newPage();
      page.on('pageerror', (e) => console.error('pageerror', e.message));
      h = formHelpers(page);
    }, 240_000);

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await app?.close();
      await testDb?.close();
    });

    it('intake, missed report-in, leave escalated, warning against the benchmark, release, resettlement', async ({
      onTestFailed,
    }) => {
      onTestFailed(async () => {
        await shot('failure-journey');
      });
      // 接收: the ruling took effect on 10 November; the subject should have reported in by the 20th.
      await signIn('sfs.zbs');
      await page.goto(`${base}/matters?line=communityCorrection`);
      await page.getByTestId('create-communityCorrection-subject').click();
      await page.getByTestId('create-form').waitFor();
      await h.fillDate('field-noticeReceivedOn', '2026-11-12');
      await h.choose('field-officeId', '招宝山街道司法所', '招宝山');
      await chooseCode('field-correctionType', '假释');
      await page.getByTestId('field-decisionOrgan').fill('浙江省宁波市中级人民法院');
      await page.getByTestId('field-decisionNo').fill('（2026）浙02刑更318号');
      await h.fillDate('field-effectiveOn', '2026-11-10');
      await page.getByTestId('field-subject.name').fill(WANG.name);
      await page.getByTestId('field-subject.idNumber').fill(WANG.idNumber);
      await page.getByTestId('field-offence').fill('盗窃罪');
      await h.fillDate('field-termStart', '2026-11-10');
      await h.fillDate('field-termEnd', '2026-12-09');
      await page.getByTestId('create-submit').click();
      // The record does not open without a purpose: the page asks for one, the server keeps it in the audit.
      await page.getByTestId('purpose-prompt').waitFor();
      subjectUrl = page.url();
      expect(await page.getByTestId('purpose-prompt').textContent()).toContain(
        '查阅该条线的档案须说明查阅目的（如：日常监管、审批外出申请），查阅将记入审计',
      );
      await shot('01-purpose');
      await page.getByTestId('purpose-prompt').getByRole('textbox').fill('入矫登记');
      await page.getByTestId('purpose-prompt').getByRole('button').click();
      await page.getByTestId('matter-refno').waitFor();
      expect(await page.getByTestId('matter-refno').textContent()).toMatch(/^镇社矫〔2026〕\d+号$/);
      // The missed report-in is the alert: due 20 November (10 days from the 10th), overdue on the 25th.
      expect(await page.getByTestId('deadline-due-reportIn').textContent()).toBe('2026-11-20');
      expect(await page.getByTestId('deadline-badge-reportIn').getAttribute('data-badge')).toBe('overdue');
      expect(await page.getByTestId('deadline-left-reportIn').textContent()).toBe('已超期 5 天');
      const facts = (await details(0)) ?? '';
      expect(facts).toContain('王某某');
      expect(facts).toContain('330211********1236');
      expect(facts).not.toContain(WANG.idNumber);
      await shot('02-missed-report-in');
      const { rows: audit } = await testDb.db.query(
        `SELECT summary->>'purpose' AS purpose FROM audit_log WHERE action = 'matter.view' ORDER BY seq`,
      );
      expect(audit).toEqual([{ purpose: '入矫登记' }]);

      // 报到, late: the period ends, the term's end (9 December) becomes the release's due date.
      await openAction('reportIn', '2026-11-25');
      await page.getByTestId('field-place').fill('招宝山街道司法所');
      await submit();
      await expect
        .poll(() => page.getByTestId('deadline-reportIn').textContent(), slow)
        .toContain('届满日 2026-11-20 · 于 2026-11-25 结束计算');
      expect(await page.getByTestId('deadline-due-term').textContent()).toBe('2026-12-09');

      // 外出 27 November to 6 December: 10 days, beyond the 7 a 司法所 may approve.
      await openAction('applyLeave', '2026-11-25');
      await h.fillDate('field-leaveFrom', '2026-11-27');
      await h.fillDate('field-leaveTo', '2026-12-06');
      await page.getByTestId('field-destination').fill('杭州市');
      await page.getByTestId('field-reason').fill('探望住院的父亲');
      await submit();
      expect(await page.getByTestId('matter-detail-table-1').textContent()).toContain(
        '2026-11-272026-12-0610杭州市区社区矫正机构待审批',
      );
      await openAction('decideLeave', '2026-11-25');
      await page.getByTestId('field-approve').check();
      await page.getByTestId('field-opinion').fill('同意');
      await page.getByTestId('action-submit').click();
      expect(await refused()).toContain(
        '申请外出10日，超过7日，应由区社区矫正机构（社区矫正科）审批，司法所不能批准',
      );
      await shot('03-leave-refused-to-office');
      await page.keyboard.press('Escape');
      await page.getByTestId('action-form').waitFor({ state: 'detached' });

      // The 社区矫正科 approves it, and issues the 外出审批表.
      await signIn('jzk.staff');
      await openWithPurpose(subjectUrl, '审批外出申请');
      await openAction('decideLeave', '2026-11-25');
      await page.getByTestId('field-approve').check();
      await page.getByTestId('field-opinion').fill('同意，按期返回');
      await submit();
      expect(await page.getByTestId('matter-detail-table-1').textContent()).toContain(
        '2026-11-272026-12-0610杭州市区社区矫正机构批准',
      );
      await page.getByTestId('document-communityCorrection.leaveApproval').waitFor();

      // Back two days late: the benchmark allows 训诫 or 警告; 治安管理处罚 is refused without a reason.
      today = '2026-12-09';
      await page.reload();
      await page.getByTestId('purpose-prompt').waitFor();
      await page.getByTestId('purpose-prompt').getByRole('textbox').fill('违规处理');
      await page.getByTestId('purpose-prompt').getByRole('button').click();
      await page.getByTestId('matter-refno').waitFor();
      await openAction('sanction', '2026-12-08');
      await chooseCode('field-behaviour', '外出期满未按期返回');
      await page.getByTestId('field-facts').fill('外出期满后迟延两日返回');
      await chooseCode('field-measure', '提请公安机关予以治安管理处罚');
      await page.getByTestId('action-submit').click();
      // The officer is shown the benchmark's range under the justification a departure needs.
      const fieldError = page.getByTestId('action-form').locator('.ant-form-item-explain-error');
      await fieldError.waitFor();
      expect(await fieldError.textContent()).toBe(
        '裁量基准对“外出期满未按期返回”的处理措施为：训诫、警告；选择其他措施须说明偏离理由',
      );
      // The dialog as the officer sees it, once antd has scrolled to the field and faded the message in.
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(artifacts, 'community-correction-04-benchmark.png') });
      await chooseCode('field-measure', '警告');
      await submit();
      expect(await page.getByTestId('matter-detail-table-2').textContent()).toContain(
        '2026-12-08外出期满未按期返回警告是',
      );
      await page.getByTestId('document-communityCorrection.warning').waitFor();

      // 解除矫正 on the last day of the term, by the 司法所.
      await signIn('sfs.zbs');
      await openWithPurpose(subjectUrl, '解除矫正');
      await openAction('release', '2026-12-09');
      await page.getByTestId('field-announced').check();
      await page.getByTestId('field-summary').fill('矫正期间受警告一次，其后表现良好');
      await submit();
      await expect.poll(() => page.getByTestId('matter-state').textContent(), slow).toContain('解除矫正');
      await page.getByTestId('document-communityCorrection.release').waitFor();
      const released = (await details(0)) ?? '';
      expect(released).toContain('2026-12-09');
      await shot('05-released');

      // 安置帮教: the released parolee is picked, not typed again.
      await page.goto(`${base}/matters?line=communityCorrection`);
      await page.getByTestId('create-communityCorrection-resettlement').click();
      await page.getByTestId('create-form').waitFor();
      await h.fillDate('field-noticeReceivedOn', '2026-12-09');
      await h.choose('field-officeId', '招宝山街道司法所', '招宝山');
      await h.choose('field-correctionMatterId', '王某某（假释）');
      await shot('06-resettlement-form');
      await page.getByTestId('create-submit').click();
      await page.getByTestId('purpose-prompt').waitFor();
      await page.getByTestId('purpose-prompt').getByRole('textbox').fill('安置帮教衔接');
      await page.getByTestId('purpose-prompt').getByRole('button').click();
      await page.getByTestId('matter-refno').waitFor();
      expect(await page.getByTestId('matter-refno').textContent()).toMatch(/^镇安帮〔2026〕\d+号$/);
      const resettled = (await details(0)) ?? '';
      for (const text of ['王某某', '330211********1236', '社区矫正期满解除', '2026-12-09', '盗窃罪'])
        expect(resettled).toContain(text);
      // The 帮教期: 5 years from the release.
      expect(await page.getByTestId('deadline-due-period').textContent()).toBe('2031-12-09');
      await shot('07-resettlement');
      const { rows } = await testDb.db.query(
        `SELECT r.party_id = s.party_id AS same_person, (SELECT count(*)::int FROM parties WHERE name = $1) AS parties
       FROM resettlement_subjects r JOIN correction_subjects s ON s.matter_id = r.correction_matter_id`,
        [WANG.name],
      );
      expect(rows).toEqual([{ same_person: true, parties: 1 }]);
      partyId = Number((await testDb.db.query('SELECT party_id FROM correction_subjects')).rows[0].party_id);
    });

    it('a mediation section user finds nothing of the subject and sees only “受限”', async ({
      onTestFailed,
    }) => {
      onTestFailed(async () => {
        await shot('failure-privacy');
      });
      // A person of their own, to compare: the party page every such user sees.
      const own = await testDb.db.query(
        `INSERT INTO parties (party_type, name, owner_org_id) VALUES ('person', '孙某', $1) RETURNING id`,
        [await orgId(testDb.db, 'sec-participation')],
      );
      await signIn('tj.staff');
      await page.goto(`${base}/matters`);
      await page.getByTestId('matters-table').waitFor();
      const search = await h.inputOf('matters-search');
      await search.fill(WANG.name);
      // The search itself is asked and answers nothing (not merely an empty list before it).
      const [answer] = await Promise.all([
        page.waitForResponse(
          (r) => r.url().includes('/api/matters?') && r.url().includes(encodeURIComponent(WANG.name)),
        ),
        search.press('Enter'),
      ]);
      expect(answer.status()).toBe(200);
      expect((await answer.json()).items).toEqual([]);
      await expect.poll(() => page.getByTestId('matters-table').locator('.ant-empty').count(), slow).toBe(1);
      expect(await page.getByTestId('matters-table').textContent()).not.toContain('王某某');
      await shot('08-search-nothing');
      await page.goto(`${base}/parties/${own.rows[0].id}`);
      await page.getByTestId('party-restricted').waitFor();
      expect(await page.getByTestId('party-restricted').textContent()).toBe(
        '受限：本页不显示社区矫正和安置帮教的记录（仅限相关司法所和社区矫正科查阅）',
      );
      expect(await page.getByTestId('party-matters').locator('tbody tr.ant-table-row').count()).toBe(0);
      await shot('09-party-restricted');
      // The subject's own party page and record answer as if they did not exist: no name, no purpose prompt.
      for (const url of [`${base}/parties/${partyId}`, subjectUrl]) {
        await page.goto(url);
        await page.locator('.ant-result-404').waitFor();
        expect(await page.locator('body').textContent()).not.toContain('王某某');
        expect(await page.getByTestId('purpose-prompt').count()).toBe(0);
      }
      await shot('10-record-not-found');
    });
  },
);
