/**
 * 法治督察 closed in a loop, in the browser, in one session: the 法治督察科 registers an inspection of 区市场监管局 and
 * three findings under it (the inspection chosen in the picker), then one is rectified and closed (销号), one is
 * overdue and escalated to a 责任约谈 (with its 约谈记录), one is sent back with a new deadline; a 行政执法监督通知书
 * answered after its reply date is flagged late on its page; and the bureau's leader opens the department's risk
 * page, which lists its reconsideration corrections (set up on the API: the other line's work) with links.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoOrgs } from '../../src/lines/supervision/demo-registry.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import type { App } from '../../src/platform/http/app.ts';
import { signIn as apiSignIn, makeUser } from '../support/app.ts';
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
import { decisionData } from '../support/reconsideration.ts';

const TODAY = '2026-11-25';
const MARKET = '宁波市镇海区市场监督管理局';
/** The page may answer slowly on a busy machine: polls wait up to 10 s rather than vitest's 1 s. */
const slow = { timeout: 10_000 };

describe.skipIf(!hasChromium)(
  '法治督察 closed in a loop, a late reply flagged, a department’s risk page',
  () => {
    let testDb: TestDb;
    let app: App;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let base: string;
    let h: FormHelpers;
    let recon = { id: 0, refNo: '' };
    const findings: Record<'closed' | 'overdue' | 'sentBack', { id: number; refNo: string }> = {
      closed: { id: 0, refNo: '' },
      overdue: { id: 0, refNo: '' },
      sentBack: { id: 0, refNo: '' },
    };
    let inspection = { id: 0, refNo: '' };
    let notice = { id: 0, refNo: '' };

    const shot = async (name: string) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(artifacts, `supervision-loop-${name}.png`), fullPage: true });
    };

    const signIn = async (username: string) => {
      await context.clearCookies();
      await page.goto(`${base}/login`);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('logout').waitFor();
    };

    /** A choice field, whichever way the form renders it (buttons or a select). */
    const option = async (testId: string, text: string) => {
      const cls = (await page.getByTestId(testId).getAttribute('class')) ?? '';
      if (cls.includes('ant-select')) await h.choose(testId, text);
      else await h.pick(testId, text);
    };

    /** Opens an action, dates it, lets `fill` complete its fields, submits, and waits for the new event. */
    const act = async (action: string, date: string, fill: () => Promise<void> = async () => {}) => {
      const events = await page.locator('[data-testid^="event-"]').count();
      await page.getByTestId(`action-${action}`).click();
      await page.getByTestId('action-form').waitFor();
      await h.fillDate('action-date', date);
      await fill();
      await page.getByTestId('action-submit').click();
      await page.getByTestId('action-form').waitFor({ state: 'detached' });
      await expect.poll(() => page.locator('[data-testid^="event-"]').count(), slow).toBeGreaterThan(events);
    };

    const openCreate = async (kind: string) => {
      await page.goto(`${base}/matters`);
      await page.getByTestId(`create-supervision-${kind}`).click();
      await page.getByTestId('create-form').waitFor();
    };

    /** Submits the intake form and reads the new matter's id and number from its page. */
    const submitCreate = async () => {
      await page.getByTestId('create-submit').click();
      await page.waitForURL(/\/matters\/\d+$/);
      await page.getByTestId('matter-refno').waitFor();
      return {
        id: Number(new URL(page.url()).pathname.split('/').pop()),
        refNo: (await page.getByTestId('matter-refno').textContent()) ?? '',
      };
    };

    const registerFinding = async (f: { category: string; description: string; rectifyBy: string }) => {
      await openCreate('finding');
      await h.choose('field-inspectionId', `${inspection.refNo} 对${MARKET}的法治督察`);
      await h.fillDate('field-foundOn', '2026-09-10');
      await h.choose('field-category', f.category);
      await page.getByTestId('field-description').fill(f.description);
      await page.getByTestId('field-evidence').fill('督察组调阅案卷记录');
      await h.fillDate('field-rectifyBy', f.rectifyBy);
      const m = await submitCreate();
      expect(m.refNo).toMatch(/^镇法督问〔2026〕\d+号$/);
      expect(await page.getByTestId('matter-state').textContent()).toBe('整改中');
      await expect
        .poll(() => page.getByTestId('deadline-due-rectify').textContent(), slow)
        .toContain(f.rectifyBy);
      return m;
    };

    const facts = () => page.getByTestId('matter-detail-0').textContent();

    beforeAll(async () => {
      ensureWebBuild();
      testDb = await createTestDb();
      const db = testDb.db;
      await withTx(db, (tx) => ensureDemoOrgs(tx));
      await makeUser(db, 'dc.inspector', [{ org: 'sec-inspection', role: 'sectionStaff' }]);
      await makeUser(db, 'dc.leader', [{ org: 'bureau', role: 'leader' }]);
      await makeUser(db, 'fy.clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
      ({ app, base } = await startWebApp(db, () => TODAY));

      // The reconsideration line's work, on its API: an application against 区市场监管局 decided 撤销 on 1 April 2026.
      const market = (await db.query(`SELECT id FROM orgs WHERE code = 'dept-market'`)).rows[0].id;
      const clerk = await apiSignIn(app, 'fy.clerk');
      const created = await clerk.post('/api/lines/reconsideration/application', {
        receivedOn: '2026-03-02',
        channel: 'window',
        applicants: [{ partyType: 'person', name: '张某', idNumber: '330211199001011236' }],
        respondentOrgId: market,
        actKind: 'penalty',
        actTitle: '行政处罚决定',
        actDocNo: '甬镇市监罚〔2026〕12号',
        actDate: '2026-02-10',
        actKnownOn: '2026-02-12',
        request: '撤销被申请人作出的行政处罚决定',
      });
      expect(created.statusCode, created.body).toBe(201);
      recon = { id: created.json().id, refNo: created.json().refNo };
      let version = created.json().version;
      const steps: [string, string, Record<string, unknown>][] = [
        ['accept', '2026-03-04', { procedure: 'ordinary' }],
        ['sendCopy', '2026-03-05', {}],
        ['receiveReply', '2026-03-13', { summary: '处罚事实清楚' }],
        ['hearParties', '2026-03-20', { method: 'phone' }],
        [
          'decide',
          '2026-04-01',
          decisionData('revoke', { ground: 'a64.1', findings: '事实不清', reasoning: '证据不足' }),
        ],
      ];
      for (const [action, date, data] of steps) {
        const res = await clerk.post(`/api/lines/reconsideration/application/${recon.id}/${action}`, {
          version,
          date,
          data,
        });
        expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
        version = res.json().version;
      }

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

    it('an inspection finds 3 problems: one closed, one overdue and escalated to 约谈, one sent back', async ({
      onTestFailed,
    }) => {
      onTestFailed(async () => {
        await shot('failure-loop');
      });
      await signIn('dc.inspector');
      await openCreate('inspection');
      await page.getByTestId('field-planName').fill('2026年度法治督察工作计划');
      await h.choose('field-unitOrgId', MARKET, '市场监督');
      await h.fillDate('field-noticeOn', '2026-09-01');
      await h.fillDate('field-startsOn', '2026-09-08');
      await h.fillDate('field-endsOn', '2026-09-10');
      await page.getByTestId('field-team').fill('区委依法治区办、区司法局法治督察科');
      await page.getByTestId('field-focus').fill('重大行政决策、行政执法规范化');
      inspection = await submitCreate();
      expect(inspection.refNo).toMatch(/^镇法督〔2026〕\d+号$/);
      expect(await page.getByTestId('matter-state').textContent()).toBe('已通知待反馈');

      findings.closed = await registerFinding({
        category: '行政执法规范化',
        description: '行政处罚案卷中证据材料不完整',
        rectifyBy: '2026-10-30',
      });
      findings.overdue = await registerFinding({
        category: '重大行政决策程序',
        description: '重大行政决策未经合法性审查即提交集体讨论',
        rectifyBy: '2026-10-20',
      });
      findings.sentBack = await registerFinding({
        category: '行政规范性文件管理',
        description: '行政规范性文件未按规定报送备案',
        rectifyBy: '2026-10-30',
      });

      // 1. Rectified on time, verified and closed (销号): the period met, the matter terminal.
      await page.goto(`${base}/matters/${findings.closed.id}`);
      await act('report', '2026-10-28', async () => {
        await page.getByTestId('field-plan').fill('逐卷补齐证据材料，修订案卷归档制度');
        await page.getByTestId('field-result').fill('已完成整改，补齐证据材料12件');
      });
      await expect.poll(() => page.getByTestId('matter-state').textContent(), slow).toBe('已报整改待验收');
      await expect
        .poll(() => page.getByTestId('deadline-badge-rectify').getAttribute('data-badge'))
        .toBe('met');
      await act('verify', '2026-11-02', async () => {
        await option('field-result', '通过验收，予以销号');
        await page.getByTestId('field-opinion').fill('整改到位');
      });
      await expect.poll(() => page.getByTestId('matter-state').textContent(), slow).toBe('已销号');
      expect(await page.getByTestId('event-summary-verify').textContent()).toContain('验收通过，予以销号');
      expect(await facts()).toContain('整改期限2026-10-30整改报告日期2026-10-28退回重新整改次数0');
      await shot('finding-closed');

      // 2. Its deadline (20 October) passed with no report: flagged overdue, then escalated to a 责任约谈.
      await page.goto(`${base}/matters/${findings.overdue.id}`);
      await page.getByTestId('deadline-rectify').waitFor();
      expect(await page.getByTestId('deadline-badge-rectify').getAttribute('data-badge')).toBe('overdue');
      expect(await page.getByTestId('deadline-left-rectify').textContent()).toBe('已超期 36 天');
      await act('escalate', '2026-11-05', async () => {
        await option('field-measure', '责任约谈');
        await page.getByTestId('field-interviewee').fill('区市场监管局局长');
        await page.getByTestId('field-interviewer').fill('区司法局副局长');
        await page.getByTestId('field-content').fill('就重大行政决策未经合法性审查问题逾期未整改进行约谈');
      });
      expect(await page.getByTestId('event-summary-escalate').textContent()).toContain('整改逾期：责任约谈');
      await expect.poll(facts, slow).toContain('退回重新整改次数0逾期督办责任约谈');
      expect(await page.getByTestId('matter-state').textContent()).toBe('整改中');
      const interview = page.getByTestId('document-supervision.interviewRecord');
      await interview.waitFor();
      expect(await interview.textContent()).toContain('约谈记录');
      await shot('finding-interviewed');

      // 3. Reported, but the rectification falls short: sent back with a new deadline, rectifying again.
      await page.goto(`${base}/matters/${findings.sentBack.id}`);
      await act('report', '2026-10-29', async () => {
        await page.getByTestId('field-plan').fill('梳理规范性文件清单');
        await page.getByTestId('field-result').fill('已报送备案2件');
      });
      await act('verify', '2026-11-03', async () => {
        await option('field-result', '未达整改要求，退回重新整改');
        await page.getByTestId('field-opinion').fill('仍有3件文件未报送备案');
        await h.fillDate('field-newRectifyBy', '2026-12-15');
      });
      await expect.poll(() => page.getByTestId('matter-state').textContent(), slow).toBe('整改中');
      expect(await page.getByTestId('event-summary-verify').textContent()).toContain(
        '退回重新整改（期限至2026-12-15）',
      );
      await expect.poll(facts, slow).toContain('整改期限2026-12-15退回重新整改次数1');
      await expect
        .poll(() => page.getByTestId('deadline-due-rectify').textContent(), slow)
        .toContain('2026-12-15');
      await shot('finding-sent-back');

      // The inspection lists its three findings with their states.
      await page.goto(`${base}/matters/${inspection.id}`);
      const table = page.getByTestId('matter-detail-table-1');
      await table.waitFor();
      const rows = table.locator('tr.ant-table-row');
      await expect.poll(() => rows.count(), slow).toBe(3);
      const row = (refNo: string) => rows.filter({ hasText: refNo }).textContent();
      expect(await row(findings.closed.refNo)).toContain('已销号');
      expect(await row(findings.overdue.refNo)).toContain('整改中');
      expect(await row(findings.sentBack.refNo)).toContain('2026-12-15');
      expect(await page.getByTestId('matter-detail-1').textContent()).toContain('督察发现问题（3个）');
      await shot('inspection');
    });

    it('a 行政执法监督通知书 answered after its reply date is flagged late on its page', async ({
      onTestFailed,
    }) => {
      onTestFailed(async () => {
        await shot('failure-notice');
      });
      await openCreate('instrument');
      await option('field-instrument', '行政执法监督通知书');
      await h.choose('field-departmentOrgId', MARKET, '市场监督');
      await h.fillDate('field-issuedOn', '2026-09-15');
      await page.getByTestId('field-problems').fill('行政处罚案件办理超过法定期限');
      await page.getByTestId('field-requirements').fill('对超期案件逐件自查，完善办案期限预警制度');
      await h.fillDate('field-replyBy', '2026-10-15');
      notice = await submitCreate();
      expect(notice.refNo).toMatch(/^镇执监〔2026〕\d+号$/);
      expect(await page.getByTestId('matter-state').textContent()).toBe('待部门回复');
      await act('reply', '2026-10-22', async () => {
        await page.getByTestId('field-reply').fill('已对超期案件逐件自查并建立预警制度');
      });
      await expect.poll(() => page.getByTestId('matter-state').textContent(), slow).toBe('已回复待核查');
      const badge = page.getByTestId('deadline-badge-reply');
      await expect.poll(() => badge.getAttribute('data-badge'), slow).toBe('metLate');
      expect(await badge.textContent()).toBe('超期办结');
      await expect.poll(facts, slow).toContain('回复期限2026-10-15回复日期2026-10-22逾期回复是');
      await shot('notice-late');
    });

    it('the department’s risk page lists its reconsideration correction with a link to it', async ({
      onTestFailed,
    }) => {
      onTestFailed(async () => {
        await shot('failure-risk');
      });
      await signIn('dc.leader');
      await page.goto(`${base}/supervision?year=2026`);
      await h.choose('risk-department', MARKET, '市场监督');
      const table = page.getByTestId('risk-table');
      await table.waitFor();
      const signal = (label: string) => table.locator('tr.ant-table-row').filter({ hasText: label });
      await expect
        .poll(() => signal('行政复议被纠错').textContent(), slow)
        .toBe(`行政复议被纠错1${recon.refNo}`);
      expect(await signal('被申请行政复议').textContent()).toBe(`被申请行政复议1${recon.refNo}`);
      expect(await signal('督察发现问题').textContent()).toBe(
        `督察发现问题3${findings.closed.refNo}${findings.overdue.refNo}${findings.sentBack.refNo}`,
      );
      expect(await signal('督察问题逾期整改').textContent()).toBe(
        `督察问题逾期整改1${findings.overdue.refNo}`,
      );
      expect(await signal('收到行政执法监督通知书').textContent()).toBe(
        `收到行政执法监督通知书1${notice.refNo}`,
      );
      expect(await signal('行政诉讼败诉').textContent()).toBe('行政诉讼败诉0');
      expect(await signal('收到行政执法监督建议书').textContent()).toBe('收到行政执法监督建议书0');
      await shot('risk');
      await signal('行政复议被纠错').getByRole('link', { name: recon.refNo }).click();
      await page.waitForURL(`${base}/matters/${recon.id}`);
      await expect.poll(() => page.getByTestId('matter-refno').textContent(), slow).toBe(recon.refNo);
      expect(await page.getByTestId('matter-state').textContent()).toBe('已作出决定');
    });
  },
);
