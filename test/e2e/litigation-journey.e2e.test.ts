/**
 * 行政应诉 in the browser: a suit after a 维持 decision, with the district government as co-defendant; the 答辩
 * period from the service of the complaint, met; two hearings with different attendees; a loss at first instance
 * reversed on appeal, which the indicator does not count as lost.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn } from '../support/app.ts';
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

describe.skipIf(!hasChromium)('行政应诉 in the browser: co-defendant, 答辩 period, hearings, appeal', () => {
  let testDb: TestDb;
  let app: App;
  let api: Client;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let fillDate: FormHelpers['fillDate'];
  let choose: FormHelpers['choose'];
  let pick: FormHelpers['pick'];
  let base: string;
  let upheldRefNo = '';

  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifacts, `lit-${name}.png`), fullPage: true });
  };

  const act = async (action: string, date: string, fill: () => Promise<void> = async () => {}) => {
    const events = await page.locator('[data-testid^="event-"]').count();
    await page.getByTestId(`action-${action}`).click();
    await page.getByTestId('action-form').waitFor();
    await fillDate('action-date', date);
    await fill();
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-testid^="event-"]').count()).toBeGreaterThan(events);
  };

  /** Registers a suit through the form; returns to its matter page. */
  const registerSuit = async (fill: () => Promise<void>) => {
    await page.getByTestId('menu-matters').click();
    await page.getByTestId('matters-table').waitFor();
    await page.getByTestId('create-reconsideration-suit').click();
    await page.getByTestId('create-form').waitFor();
    await fill();
    await page.getByTestId('create-submit').click();
    await page.getByTestId('matter-refno').waitFor();
  };

  beforeAll(async () => {
    ensureWebBuild();
    testDb = await createTestDb();
    await makeUser(testDb.db, 'fy.clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
    ({ app, base } = await startWebApp(testDb.db, () => TODAY));
    // The reconsideration matter the suit follows, decided 维持 through the API (its own journey is elsewhere).
    api = await signIn(app, 'fy.clerk');
    const created = await api.post('/api/lines/reconsideration/application', {
      receivedOn: '2025-03-03',
      channel: 'window',
      applicants: [{ partyType: 'person', name: '王五', idNumber: '330211199001011236' }],
      respondentOrgId: await orgId(testDb.db, 'dept-market'),
      actKind: 'penalty',
      actTitle: '行政处罚决定',
      actDate: '2025-02-20',
      actKnownOn: '2025-02-24',
      request: '撤销行政处罚决定',
    });
    const { id, refNo } = created.json();
    upheldRefNo = refNo;
    let version = created.json().version;
    for (const [action, date, data] of [
      ['accept', '2025-03-05', { procedure: 'ordinary' }],
      ['sendCopy', '2025-03-06', {}],
      ['serveCopy', '2025-03-06', { method: 'inPerson', receivedOn: '2025-03-06' }],
      // The parties heard (Art. 49) and the decision approved (Art. 61(1)) before it is made.
      ['hearParties', '2025-03-31', { method: 'phone' }],
      [
        'decide',
        '2025-04-01',
        {
          decisionType: 'uphold',
          findings: '事实清楚',
          reasoning: '适用依据正确',
          approval: 'head',
          approvedBy: '李某（副区长）',
        },
      ],
    ] as const) {
      const res = await api.post(`/api/lines/reconsideration/application/${id}/${action}`, {
        version,
        date,
        data,
      });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
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

  it('a clerk follows the suit from the complaint to the appeal', async ({ onTestFailed }) => {
    onTestFailed(async () => {
      await shot('failure');
    });
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('fy.clerk');
    await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();

    await registerSuit(async () => {
      await page.getByTestId('field-court').fill('宁波市镇海区人民法院');
      await page.getByTestId('field-caseNumber').fill('（2025）浙0211行初5号');
      await choose('field-instance', '一审');
      await fillDate('field-filedOn', '2025-04-14');
      await choose('field-defendantOrgId', '宁波市镇海区市场监督管理局', '市场监督');
      await page.getByTestId('field-plaintiff').fill('王五');
      await choose('field-actKind', '行政处罚');
      await page.getByTestId('field-afterReconsideration').click();
      await page.getByTestId('field-reconsiderationRefNo').fill(upheldRefNo);
    });
    // 维持: the district government is a co-defendant (行政诉讼法第二十六条第二款).
    await expect
      .poll(() => page.getByTestId('matter-detail-0').textContent())
      .toContain('宁波市镇海区人民政府：共同被告（复议机关决定维持原行政行为）');
    await expect.poll(() => page.getByTestId('deadline-defence').textContent()).toContain('未开始');
    await shot('01-registered');

    await act('serveComplaint', '2025-04-18', async () => {
      await choose('field-method', '直接送达');
      await fillDate('field-receivedOn', '2025-04-17');
    });
    // 15 days from Thu 17 April end on Fri 2 May, in the Labour Day holiday (1–5 May) → Tue 6 May.
    await expect.poll(() => page.getByTestId('deadline-defence').textContent()).toContain('2025-05-06');

    await act('submitDefence', '2025-04-30', async () => {
      await page.getByTestId('field-defence').fill('被告作出的行政处罚决定事实清楚，证据确凿，程序合法。');
      await page.getByTestId('field-evidence.0.name').fill('现场检查笔录');
      await page.getByTestId('field-evidence.0.purpose').fill('证明违法事实');
      await page.getByTestId('field-legalRepresentative').fill('陈某');
      await page.getByTestId('field-legalRepresentativeTitle').fill('局长');
      await page.getByTestId('field-agents.0.name').fill('周某');
      await page.getByTestId('field-agents.0.position').fill('法规科科长');
      await pick('field-agents.0.authority', '一般代理');
    });
    await expect.poll(() => page.getByTestId('deadline-defence').textContent()).toContain('已按期办结');
    await page.getByTestId('document-reconsideration.suit.defence').waitFor();
    await shot('02-defence-filed');

    await act('recordHearing', '2025-05-20', async () => {
      await pick('field-appearance', '副职负责人出庭');
      await page.getByTestId('field-headName').fill('陈某');
      await page.getByTestId('field-headTitle').fill('副局长');
    });
    await act('recordHearing', '2025-06-10', async () => {
      await pick('field-appearance', '负责人未出庭，委托相应的工作人员出庭');
      await page.getByTestId('field-staffName').fill('周某（法规科科长）');
      await choose('field-absenceReason', '需要履行他人不能代替的公务');
    });
    const hearings = page.getByTestId('matter-detail-table-2');
    await expect.poll(() => hearings.textContent()).toContain('陈某（副局长）');
    expect(await hearings.textContent()).toContain('周某（法规科科长）');
    await shot('03-two-hearings');

    await act('conclude', '2025-07-01', async () => {
      await choose('field-outcome', '败诉');
      await choose('field-judgmentType', '判决撤销或者部分撤销（第七十条）');
      await fillDate('field-servedOn', '2025-07-01');
    });
    // 15 days to appeal from Tue 1 July: Wed 16 July, a party's period.
    await expect.poll(() => page.getByTestId('deadline-appeal').textContent()).toContain('2025-07-16');
    const lostAtFirst = (await api.get('/api/indicators/litigation.lost?year=2025&region=330211')).json();
    expect(lostAtFirst.value).toBe(1);

    await registerSuit(async () => {
      await page.getByTestId('field-court').fill('宁波市中级人民法院');
      await page.getByTestId('field-caseNumber').fill('（2025）浙02行终40号');
      await choose('field-instance', '二审');
      await page.getByTestId('field-priorCaseNumber').fill('（2025）浙0211行初5号');
      await fillDate('field-filedOn', '2025-07-15');
      await choose('field-defendantOrgId', '宁波市镇海区市场监督管理局', '市场监督');
      await page.getByTestId('field-plaintiff').fill('王五');
      await choose('field-actKind', '行政处罚');
    });
    await act('conclude', '2025-09-30', async () => {
      await choose('field-outcome', '胜诉（驳回诉讼请求）');
      // 改判: the first-instance judgment set aside and the plaintiff's claim dismissed.
      await choose('field-judgmentType', '判决驳回原告诉讼请求（第六十九条）');
    });
    await shot('04-appeal-won');
    // Reversed on appeal: the case is not lost.
    const lost = (await api.get('/api/indicators/litigation.lost?year=2025&region=330211')).json();
    expect(lost.value).toBe(0);
  });
});
