/**
 * 法律援助 in the browser, in one session: a visit logged at a village station (城东社区) is seen by that station's
 * worker only; the legal-aid centre turns it into an application in one click (the form opens with the visit, the
 * station and the applicant filled in), grants it within the 7-working-day review (给予法律援助决定书), assigns a
 * lawyer (指派通知书, 公函) who records progress and submits the closing materials on their own account, and closes
 * it with a quality score; then a court's 通知辩护 is assigned within its 3
 * working days. Periods counted as 浙江省法律援助条例 does (the default setting); screenshots in test-artifacts/e2e.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerParty } from '../../src/kernel/parties/registry.ts';
import { createStation, recordVisit } from '../../src/lines/legal-aid/stations.ts';
import { ensureCentre } from '../../src/lines/legal-aid/store.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import type { App } from '../../src/platform/http/app.ts';
import { insertOrg } from '../../src/platform/orgs/queries.ts';
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
import { documentText } from '../support/docx-text.ts';

const TODAY = '2026-11-25';
const slow = { timeout: 10_000 };
const WANG = {
  partyType: 'person',
  name: '王某',
  idNumber: '330211199001011236',
  address: '浙江省宁波市镇海区招宝山街道城东社区1幢',
} as const;

describe.skipIf(!hasChromium)('法律援助 in the browser: from a village visit to the closing review', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let h: FormHelpers;
  const ids = { village: 0, otherVillage: 0, firm: 0, visit: 0, otherVisit: 0 };

  const shot = async (name: string) => {
    // From the top: the fixed header would otherwise be drawn across a full-page shot of a scrolled page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifacts, `legal-aid-${name}.png`), fullPage: true });
  };

  const signIn = async (username: string) => {
    await context.clearCookies();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();
  };

  /** Opens an action, dates it, lets `fill` complete its fields, submits, and waits for the new state. */
  const act = async (
    action: string,
    date: string,
    state: string,
    fill: () => Promise<void> = async () => {},
  ) => {
    await page.getByTestId(`action-${action}`).click();
    await page.getByTestId('action-form').waitFor();
    await h.fillDate('action-date', date);
    await fill();
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('matter-state').textContent(), slow).toBe(state);
  };

  const deadline = (key: string) => page.getByTestId(`deadline-${key}`).textContent();

  /** The paragraphs of the matter's issued document of a kind, read from its DOCX. */
  const docText = async (matterId: number, kind: string) => {
    const { rows } = await testDb.db.query<{ id: number }>(
      'SELECT id::int FROM documents WHERE matter_id = $1 AND kind = $2',
      [matterId, kind],
    );
    expect(rows).toHaveLength(1);
    return documentText(testDb.db, rows[0]!.id);
  };

  beforeAll(async () => {
    ensureWebBuild();
    testDb = await createTestDb();
    const db = testDb.db;
    await ensureCentre(db);
    const jo1 = await orgId(db, 'jo-330211001');
    const jo3 = await orgId(db, 'jo-330211003');
    const lawyers = await orgId(db, 'sec-lawyers');
    await withTx(db, async (tx) => {
      const station = (code: string, name: string, parentId: number, regionCode: string) =>
        createStation(tx, systemActor, {
          code,
          name,
          parentId,
          stationKind: 'station',
          level: 3,
          regionCode,
          address: `${name}办公室`,
          lat: 29.95,
          lng: 121.71,
          foundedOn: '2020-01-01',
        });
      ids.village = await station('ls-330211001001', '城东社区公共法律服务室', jo1, '330211001001');
      ids.otherVillage = await station('ls-330211003001', '中街社区公共法律服务室', jo3, '330211003001');
      ids.firm = await insertOrg(tx, {
        code: 'firm-a',
        name: '浙江甲律师事务所',
        kind: 'lawFirm',
        parentId: lawyers,
        regionCode: '330211',
      });
      // The visit of Mon 2 November: 王某, known to the registry, guided to apply for legal aid (劳动).
      const wang = await registerParty(tx, systemActor, WANG as never, ids.village);
      ids.visit = await recordVisit(tx, systemActor, {
        stationOrgId: ids.village,
        visitedOn: '2026-11-02',
        channel: 'window',
        topic: 'labour',
        service: 'aidApplication',
        partyId: wang,
      });
      // Another station's visit, which the 城东社区 worker must not see.
      ids.otherVisit = await recordVisit(tx, systemActor, {
        stationOrgId: ids.otherVillage,
        visitedOn: '2026-11-03',
        channel: 'hotline',
        topic: 'marriage',
        service: 'answer',
      });
    });
    await makeUser(db, 'zd.cd', [{ org: 'ls-330211001001', role: 'townshipStaff' }]);
    await makeUser(db, 'fy.centre', [{ org: 'legal-aid-centre', role: 'sectionStaff' }]);
    // Two lawyers of the same firm: only the one the case is assigned to reads it.
    await makeUser(db, 'lawyer.chen', [{ org: 'firm-a', role: 'lawyer' }]);
    await makeUser(db, 'lawyer.lin', [{ org: 'firm-a', role: 'lawyer' }]);
    ({ app, base } = await startWebApp(db, () => TODAY));
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

  it('a village visit becomes an application: 7-day review, 给予决定书, a lawyer assigned, closed with a score', async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      await shot('failure-application');
    });
    // The village worker sees the station's own visits only, and cannot register a legal-aid case.
    await signIn('zd.cd');
    await page.goto(`${base}/legal-services`);
    const visits = page.getByTestId('visits-table');
    await visits.waitFor();
    await expect.poll(() => visits.locator('tbody tr.ant-table-row').count(), slow).toBe(1);
    const row = (await visits.locator('tbody tr.ant-table-row').first().textContent()) ?? '';
    expect(row).toBe('2026-11-02城东社区公共法律服务室窗口劳动引导申请法律援助王某');
    expect(await page.getByTestId(`visit-to-application-${ids.visit}`).count()).toBe(0);
    await shot('00-village-visits');

    // The centre turns it into an application in one click: the visit, station, date, type and applicant are there.
    await signIn('fy.centre');
    await page.goto(`${base}/legal-services`);
    await page.getByTestId(`visit-to-application-${ids.visit}`).click();
    await page.getByTestId('create-form').waitFor();
    expect(await (await h.inputOf('field-receivedOn')).inputValue()).toBe('2026-11-02');
    expect(await (await h.inputOf('field-visitId')).inputValue()).toBe(String(ids.visit));
    // The org picker shows the id until the org's name has loaded.
    await expect
      .poll(() => page.getByTestId('field-stationOrgId').textContent(), slow)
      .toContain('城东社区公共法律服务室');
    expect(await page.getByTestId('field-caseType').textContent()).toContain('劳动争议仲裁代理');
    expect(await page.getByTestId('field-applicant.name').inputValue()).toBe('王某');
    // The registry record the visit named, shown by its name (the server links the application to that record).
    expect(await page.getByTestId('field-applicant.partyId').textContent()).toBe('王某');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifacts, 'legal-aid-01-application-from-visit.png') });
    await page
      .getByTestId('field-matterSummary')
      .fill('王某在某建筑工地务工，被拖欠劳动报酬12000元，申请劳动争议仲裁代理');
    await h.pick('field-eligibility', '免予核查经济困难状况（第四十二条）');
    await h.pick('field-exemption', '进城务工人员');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('matter-refno').waitFor();
    const matterId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(await page.getByTestId('matter-refno').textContent()).toBe('镇法援申〔2026〕1号');
    expect(await page.getByTestId('matter-title').textContent()).toBe('王某申请法律援助（劳动争议仲裁代理）');
    expect(await page.getByTestId('matter-state').textContent()).toBe('审查中');
    // 第四十三条 with 浙江's working days: 7 working days from Mon 2 November (3–6, 9–11) → Wed 11 November.
    await expect.poll(() => page.getByTestId('deadline-due-review').textContent(), slow).toBe('2026-11-11');

    await act('grant', '2026-11-06', '待指派');
    await expect.poll(() => deadline('review'), slow).toContain('于 2026-11-06 结束计算');
    // 3 working days from the grant of Fri 6 November (9–11) → Wed 11 November.
    expect(await page.getByTestId('deadline-due-assign').textContent()).toBe('2026-11-11');
    await page.getByTestId('document-legalAid.grant').waitFor();
    const grant = await docText(matterId, 'legalAid.grant');
    expect(grant).toContain('给予法律援助决定书');
    expect(grant).toContain(
      '申请人于2026年11月2日向本机构申请法律援助，申请事项为劳动争议仲裁代理：王某在某建筑工地务工，被拖欠劳动报酬12000元，申请劳动争议仲裁代理。',
    );
    expect(grant.slice(-2)).toEqual(['宁波市镇海区法律援助中心', '2026年11月6日']);

    await act('assign', '2026-11-09', '承办中', async () => {
      await page.getByTestId('field-workerName').fill('陈律师');
      await h.pick('field-workerKind', '律师');
      await h.choose('field-lawFirmOrgId', '浙江甲律师事务所', '甲律师');
      await h.choose('field-workerUserId', 'lawyer.chen');
      await page.getByTestId('field-courtName').fill('宁波市镇海区劳动人事争议仲裁委员会');
      await page.getByTestId('field-noConflictDeclared').check();
    });
    await expect.poll(() => deadline('assign'), slow).toContain('于 2026-11-09 结束计算');
    // 委托协议: 5 working days from Mon 9 November (10–13, 16) → Mon 16 November.
    expect(await page.getByTestId('deadline-due-agreement').textContent()).toBe('2026-11-16');
    await page.getByTestId('document-legalAid.letter').waitFor();
    expect(await docText(matterId, 'legalAid.assign')).toContain(
      '经本机构审查决定给予法律援助，现指派你单位律师陈律师为受援人王某提供法律援助（劳动争议仲裁代理）。',
    );
    const letter = await docText(matterId, 'legalAid.letter');
    expect(letter).toContain('宁波市镇海区劳动人事争议仲裁委员会：');
    expect(letter).toContain(
      '王某申请法律援助一事，本机构已指派浙江甲律师事务所律师陈律师担任其代理人，提供法律援助。',
    );
    await shot('02-assigned');

    await act('signAgreement', '2026-11-10', '承办中');

    // The assigned lawyer works the case on their own account: the page offers the lawyer's steps and no other.
    await signIn('lawyer.chen');
    await page.goto(`${base}/matters/${matterId}`);
    await expect.poll(() => page.getByTestId('matter-state').textContent(), slow).toBe('承办中');
    // (The agreement, registered already by the centre, is offered last and greyed.)
    expect(await page.getByTestId('matter-actions').locator('button').allTextContents()).toEqual([
      '登记办案进展',
      '报告终止情形',
      '登记办结',
      '登记签订委托协议',
    ]);
    await act('recordProgress', '2026-11-12', '承办中', async () => {
      await h.choose('field-kind', '调查取证');
      await page.getByTestId('field-summary').fill('向用工单位调取考勤记录和工资发放记录');
    });
    await expect
      .poll(() => page.getByTestId('event-summary-recordProgress').textContent(), slow)
      .toBe('调查取证：向用工单位调取考勤记录和工资发放记录');
    expect(await page.getByTestId('event-recordProgress').textContent()).toMatch(
      /^登记办案进展2026-11-12 · lawyer\.chen调查取证：/,
    );
    await act('endCase', '2026-11-20', '已办结待交结案材料', async () => {
      await h.fillDate('field-endedOn', '2026-11-20');
      await page.getByTestId('field-outcome').fill('仲裁裁决支持受援人请求');
    });
    // 结案报告: 15 days from the end on 20 November (浙江省法律援助条例 第十九条) → Sat 5 December → Mon 7 December.
    await expect
      .poll(() => page.getByTestId('deadline-due-closeReport').textContent(), slow)
      .toBe('2026-12-07');
    await act('submitClosing', '2026-11-23', '结案审查中', () =>
      page.getByTestId('field-materials').fill('结案报告、仲裁裁决书复印件'),
    );
    // The closing review is the centre's: nothing is left for the lawyer to do.
    expect(await page.getByTestId('matter-actions').locator('button').count()).toBe(0);
    await shot('03a-lawyer-submitted');
    await signIn('fy.centre');
    await page.goto(`${base}/matters/${matterId}`);
    await expect.poll(() => page.getByTestId('matter-state').textContent(), slow).toBe('结案审查中');
    await act('reviewClosing', '2026-11-25', '已结案', async () => {
      await (await h.inputOf('field-qualityScore')).fill('92');
      await (await h.inputOf('field-subsidy')).fill('2400');
      await page.getByTestId('field-opinion').fill('材料齐全，办案规范');
    });
    await page.getByTestId('document-legalAid.closingReview').waitFor();
    expect(await page.locator('[data-testid^="event-"]').allTextContents()).toContainEqual(
      expect.stringContaining('质量评分 92 分'),
    );
    const review = await docText(matterId, 'legalAid.closingReview');
    expect(review).toContain('承办人员：陈律师（律师，浙江甲律师事务所）');
    expect(review).toContain('指派日期：2026年11月9日；办结日期：2026年11月20日');
    expect(review).toContain('办案质量评分：92分（百分制）');
    expect(review).toContain('办案补贴：2400.00元');
    await shot('03-closed');

    // Back on the visit list, the visit now links to its application.
    await page.goto(`${base}/legal-services`);
    const linked = page
      .getByTestId('visits-table')
      .locator('tbody tr.ant-table-row')
      .filter({ hasText: '王某' });
    await expect
      .poll(() => linked.getByRole('link', { name: '已转申请' }).getAttribute('href'), slow)
      .toBe(`/matters/${matterId}`);

    // The assigned lawyer reads the case; a colleague of the same firm is told it does not exist.
    await signIn('lawyer.chen');
    await page.goto(`${base}/matters/${matterId}`);
    await expect.poll(() => page.getByTestId('matter-refno').textContent(), slow).toBe('镇法援申〔2026〕1号');
    expect((await page.request.get(`${base}/api/matters/${matterId}`)).status()).toBe(200);
    await signIn('lawyer.lin');
    expect((await page.request.get(`${base}/api/matters/${matterId}`)).status()).toBe(404);
    const listed = await (await page.request.get(`${base}/api/matters?line=legalAid`)).json();
    expect(listed.items).toEqual([]);
    await signIn('fy.centre');
  }, 150_000);

  it('a court notice (通知辩护) is assigned within 3 working days', async ({ onTestFailed }) => {
    onTestFailed(async () => {
      await shot('failure-notice');
    });
    await page.goto(`${base}/matters?line=legalAid&kind=notice&create=1`);
    await page.getByTestId('create-form').waitFor();
    await h.fillDate('field-receivedOn', '2026-11-18');
    await page.getByTestId('field-notifyingOrgan').fill('宁波市镇海区人民法院');
    await page.getByTestId('field-noticeNo').fill('（2026）浙0211刑初512号');
    await h.choose('field-caseType', '刑事辩护');
    await page.getByTestId('field-applicant.name').fill('赵某');
    await page.getByTestId('field-applicant.idNumber').fill('33021119851231551X');
    await page.getByTestId('field-matterSummary').fill('被告人赵某涉嫌盗窃罪，系盲人，没有委托辩护人');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('matter-refno').waitFor();
    expect(await page.getByTestId('matter-refno').textContent()).toBe('镇法援通〔2026〕1号');
    expect(await page.getByTestId('matter-title').textContent()).toBe(
      '宁波市镇海区人民法院通知为赵某提供法律援助（刑事辩护）',
    );
    expect(await page.getByTestId('matter-state').textContent()).toBe('待指派');
    // 第三十六条 with 浙江's working days: 3 working days from Wed 18 November (19, 20, 23) → Mon 23 November.
    await expect.poll(() => page.getByTestId('deadline-due-assign').textContent(), slow).toBe('2026-11-23');
    const matterId = Number(new URL(page.url()).pathname.split('/').pop());

    await act('assign', '2026-11-20', '承办中', async () => {
      await page.getByTestId('field-workerName').fill('陈律师');
      await h.pick('field-workerKind', '律师');
      await h.choose('field-lawFirmOrgId', '浙江甲律师事务所', '甲律师');
      await page.getByTestId('field-noConflictDeclared').check();
    });
    await expect.poll(() => deadline('assign'), slow).toContain('届满日 2026-11-23 · 于 2026-11-20 结束计算');
    expect(await page.getByTestId('deadline-badge-assign').textContent()).toBe('已按期办结');
    // 委托协议: 5 working days from Fri 20 November (23–27) → Fri 27 November.
    expect(await page.getByTestId('deadline-due-agreement').textContent()).toBe('2026-11-27');
    // A notice's assignment always writes to the notifying court (公函), with the notice's organ.
    await page.getByTestId('document-legalAid.letter').waitFor();
    expect(await docText(matterId, 'legalAid.assign')).toContain(
      '根据宁波市镇海区人民法院的通知，现指派你单位律师陈律师为受援人赵某提供法律援助（刑事辩护）。',
    );
    const letter = await docText(matterId, 'legalAid.letter');
    expect(letter).toContain('宁波市镇海区人民法院：');
    expect(letter).toContain('赵某一案，本机构已指派浙江甲律师事务所律师陈律师担任其辩护人，提供法律援助。');
    await shot('04-notice-assigned');
  }, 90_000);
});
