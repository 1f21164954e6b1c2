/**
 * 大调解 in the browser, in one session: a township office takes a case the court delegated before filing (诉前委派)
 * to a mediator of the district pool — chosen in the picker, which shows the conflict check —, records a session,
 * issues the 调解协议书 (DOCX and PDF), records the court's confirmation and finds the case in the indicator's
 * drill-down; then a reconsideration clerk hands an application over to mediation (调解+复议) by picking it, and
 * the agreement appears on the reconsideration matter.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerParty } from '../../src/kernel/parties/registry.ts';
import { addMediator, createOrganisation } from '../../src/lines/mediation/registry.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import type { App } from '../../src/platform/http/app.ts';
import { signIn as apiSignIn, makeUser, orgId, testApp } from '../support/app.ts';
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

const TODAY = '2026-11-25';
/** The page may answer slowly on a busy machine: polls wait up to 10 s rather than vitest's 1 s. */
const slow = { timeout: 10_000 };
const LI = { partyType: 'person', name: '李某', idNumber: '33021119851231551X' };

describe.skipIf(!hasChromium)('大调解 in the browser: court referral and 调解+复议', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let h: FormHelpers;
  const ids = { village: 0, reconRoom: 0, pooled: 0, party: 0, recon: 0 };
  let reconRef = '';

  const shot = (name: string) =>
    page.screenshot({ path: path.join(artifacts, `mediation-${name}.png`), fullPage: true });

  const signIn = async (username: string) => {
    await context.clearCookies();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();
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

  const download = async (button: ReturnType<Page['getByTestId']>): Promise<Download> => {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    return d;
  };
  const magic = async (d: Download, n: number) =>
    fs
      .readFileSync(await d.path())
      .subarray(0, n)
      .toString('latin1');

  beforeAll(async () => {
    ensureWebBuild();
    testDb = await createTestDb();
    const db = testDb.db;
    const jo1 = await orgId(db, 'jo-330211001');
    const jo3 = await orgId(db, 'jo-330211003');
    const reconSection = await orgId(db, 'sec-reconsideration');
    await withTx(db, async (tx) => {
      const committee = (code: string, name: string, parentId: number, regionCode: string) =>
        createOrganisation(tx, systemActor, {
          code,
          name,
          orgKind: 'village',
          parentId,
          regionCode,
          foundedOn: '2011-01-01',
          filedOn: '2011-01-01',
        });
      ids.village = await committee('tv-330211001001', '城东社区人民调解委员会', jo1, '330211001001');
      const other = await committee('tv-330211003001', '中街社区人民调解委员会', jo3, '330211003001');
      ids.reconRoom = await createOrganisation(tx, systemActor, {
        code: 'ta-reconsideration',
        name: '镇海区行政复议调解工作室',
        orgKind: 'administrative',
        parentId: reconSection,
        regionCode: '330211',
        foundedOn: '2023-06-01',
      });
      const li = await registerParty(tx, systemActor, LI as never, ids.village);
      const mediator = (org: number, name: string, inPool: boolean, partyId?: number) =>
        addMediator(tx, systemActor, {
          orgId: org,
          name,
          speciality: '邻里纠纷',
          employment: 'partTime',
          inPool,
          joinedOn: '2020-01-01',
          ...(partyId ? { partyId } : {}),
        });
      await mediator(ids.village, '王调解', false);
      ids.pooled = await mediator(other, '钱调解', true);
      ids.party = await mediator(ids.village, '李某', false, li);
    });
    await makeUser(db, 'sfs.zbs', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
    await makeUser(db, 'fy.clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
    // The reconsideration application being heard is the other line's work: registered and accepted on the API.
    const api = await testApp(db, { today: TODAY });
    const clerk = await apiSignIn(api, 'fy.clerk');
    const housing = (await db.query(`SELECT id FROM orgs WHERE code = 'dept-housing'`)).rows[0].id;
    const created = await clerk.post('/api/lines/reconsideration/application', {
      receivedOn: '2026-11-02',
      channel: 'window',
      applicants: [{ partyType: 'person', name: '张某', idNumber: '330211199001011236' }],
      respondentOrgId: housing,
      actKind: 'licence',
      actTitle: '不予行政许可决定',
      actDate: '2026-10-20',
      actKnownOn: '2026-10-22',
      request: '撤销不予许可决定并准予许可',
    });
    expect(created.statusCode, created.body).toBe(201);
    ids.recon = created.json().id;
    reconRef = created.json().refNo;
    const accepted = await clerk.post(`/api/lines/reconsideration/application/${ids.recon}/accept`, {
      version: created.json().version,
      date: '2026-11-03',
      data: { procedure: 'ordinary' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    await api.close();
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

  it('a court-delegated case: pool mediator, session, 调解协议书, judicial confirmation, drill-down', async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      await shot('failure-court');
    });
    await signIn('sfs.zbs');
    await page.goto(`${base}/matters?line=mediation`);
    await page.getByTestId('matters-town').waitFor();
    await page.getByTestId('create-mediation-case').click();
    await page.getByTestId('create-form').waitFor();
    await h.fillDate('field-receivedOn', '2026-11-02');
    await h.choose('field-orgId', '城东社区人民调解委员会', '城东');
    await h.choose('field-source', '法院诉前委派调解');
    await page.getByTestId('field-courtName').fill('宁波市镇海区人民法院');
    await page.getByTestId('field-courtCaseNo').fill('（2026）浙0211民诉前调801号');
    await h.fillDate('field-materialsReceivedOn', '2026-11-02');
    await page.getByTestId('field-applicants-add').click();
    await page.getByTestId('field-applicants.0.name').fill('张某');
    await page.getByTestId('field-applicants.0.idNumber').fill('330211199001011236');
    await page.getByTestId('field-respondents-add').click();
    await page.getByTestId('field-respondents.0.name').fill(LI.name);
    await page.getByTestId('field-respondents.0.idNumber').fill(LI.idNumber);
    await h.choose('field-disputeType', '邻里纠纷');
    await (await h.inputOf('field-amount')).fill('5000');
    await page.getByTestId('field-facts').fill('李某装修房屋致张某家中墙面渗水');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('matter-refno').waitFor();
    const refNo = (await page.getByTestId('matter-refno').textContent()) ?? '';
    expect(refNo).toMatch(/^镇调〔2026〕\d+号$/);
    // The court's 30 days from the materials signed for (2 November) end on 2 December.
    await expect
      .poll(() => page.getByTestId('deadline-courtTerm').textContent(), slow)
      .toContain('2026-12-02');

    await act('accept', '2026-11-03', () => page.getByTestId('field-partiesConsent').check());
    // The picker: the mediator who is a party is shown with the conflict and cannot be chosen.
    await page.getByTestId('action-assign').click();
    await page.getByTestId('action-form').waitFor();
    await h.fillDate('action-date', '2026-11-04');
    await page.getByTestId('field-mediatorIds').click();
    const conflicted = page.getByTestId(`field-mediatorIds-option-${ids.party}`);
    await expect.poll(() => conflicted.textContent(), slow).toContain('是本案当事人，应当回避');
    expect(await page.locator('.ant-select-item-option-disabled').filter({ has: conflicted }).count()).toBe(
      1,
    );
    const pooled = page.getByTestId(`field-mediatorIds-option-${ids.pooled}`);
    expect(await pooled.textContent()).toContain('区级调解人才库');
    expect(await pooled.textContent()).toContain('回避审查：不是本案当事人');
    await shot('01-mediator-picker');
    await pooled.click();
    await page.keyboard.press('Escape');
    await page.getByTestId('field-noConflictDeclared').check();
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('matter-state').textContent(), slow).toBe('调解中');
    await expect
      .poll(() => page.locator('[data-testid^="matter-detail-table-"]').allTextContents(), slow)
      .toContainEqual(expect.stringContaining('钱调解'));

    await act('holdSession', '2026-11-05', async () => {
      await page.getByTestId('field-place').fill('招宝山街道矛调中心');
      await page.getByTestId('field-attendees').fill('张某、李某、钱调解');
    });
    await act('agree', '2026-11-06', async () => {
      await h.pick('field-form', '书面调解协议');
      await page.getByTestId('field-agreement').fill('李某于2026年11月30日前赔偿张某损失3000元');
      await (await h.inputOf('field-amountAgreed')).fill('3000');
      await h.choose('field-performance', '分期履行');
    });
    await expect.poll(() => page.getByTestId('matter-state').textContent(), slow).toBe('已达成协议');
    const agreement = page.getByTestId('document-mediation.agreement');
    expect(await agreement.textContent()).toContain('人民调解协议书');
    await page.getByTestId('document-mediation.courtReply').waitFor();
    const docx = await download(agreement.locator('[data-testid^="doc-docx-"]'));
    expect(await magic(docx, 2)).toBe('PK');
    if (hasSoffice) {
      const pdf = await download(agreement.locator('[data-testid^="doc-pdf-"]'));
      expect(await magic(pdf, 4)).toBe('%PDF');
    }

    await act('applyConfirmation', '2026-11-09', () =>
      page.getByTestId('field-court').fill('宁波市镇海区人民法院'),
    );
    await act('recordConfirmation', '2026-11-20', async () => {
      await h.pick('field-result', '裁定调解协议有效');
      await page.getByTestId('field-rulingNo').fill('（2026）浙0211民特88号');
    });
    await shot('02-confirmed');

    await page.goto(`${base}/indicators/mediation.judicialConfirmed?year=2026&region=330211`);
    await expect.poll(() => page.getByTestId('indicator-value').textContent(), slow).toContain('1');
    await expect.poll(() => page.getByTestId('indicator-records').textContent(), slow).toContain(refNo);

    // The list by town: 招宝山街道 holds the case, 骆驼街道 does not (and the office sees only its own town).
    await page.goto(`${base}/matters?line=mediation&region=330211001`);
    await expect
      .poll(() => page.getByTestId('matters-table').textContent(), { timeout: 10_000 })
      .toContain(refNo);
    expect(await page.getByTestId('matters-town').textContent()).toContain('招宝山街道');
  }, 120_000);

  it('调解+复议: an application picked for mediation, its agreement shown on the reconsideration matter', async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      await shot('failure-handoff');
    });
    await signIn('fy.clerk');
    await page.goto(`${base}/matters?line=mediation&kind=case&create=1`);
    await page.getByTestId('create-form').waitFor();
    await h.fillDate('field-receivedOn', '2026-11-10');
    await h.choose('field-orgId', '镇海区行政复议调解工作室', '行政复议调解');
    await h.choose('field-source', '调解+行政复议');
    await h.choose('field-reconsiderationMatterId', reconRef);
    // 其他纠纷 is the last of eleven types, below the fold of the (virtual) list: the keyboard reaches it.
    await page.getByTestId('field-disputeType').click();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('field-disputeType').textContent(), slow).toContain('其他纠纷');
    await (await h.inputOf('field-amount')).fill('0');
    await page.getByTestId('field-facts').fill('申请人与区住建局就不予许可决定同意调解');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('matter-refno').waitFor();
    expect(await page.getByTestId('matter-title').textContent()).toBe(
      '张某与宁波市镇海区住房和城乡建设局其他纠纷',
    );
    const refNo = (await page.getByTestId('matter-refno').textContent()) ?? '';

    await act('accept', '2026-11-10', () => page.getByTestId('field-partiesConsent').check());
    await act('assign', '2026-11-11', async () => {
      await h.choose('field-mediatorIds', '钱调解');
      await page.keyboard.press('Escape');
      await page.getByTestId('field-noConflictDeclared').check();
    });
    await act('holdSession', '2026-11-12', async () => {
      await page.getByTestId('field-place').fill('区行政复议局调解室');
      await page.getByTestId('field-attendees').fill('张某、区住建局代理人');
    });
    await act('agree', '2026-11-13', async () => {
      await h.pick('field-form', '书面调解协议');
      await page.getByTestId('field-agreement').fill('区住建局重新审查许可申请');
      await (await h.inputOf('field-amountAgreed')).fill('0');
      await h.choose('field-performance', '尚未履行');
    });

    await page.goto(`${base}/matters/${ids.recon}`);
    const back = page.locator('[data-testid^="matter-detail-"]').filter({ hasText: '调解+复议' });
    await expect.poll(() => back.first().textContent(), slow).toContain(refNo);
    const text = (await back.first().textContent()) ?? '';
    expect(text).toContain('达成调解协议');
    expect(text).toContain('区住建局重新审查许可申请');
    await shot('03-reconsideration-outcome');
  }, 90_000);

  it('the registry records a pool mediator’s kinship with a party (利害关系登记)', async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      await shot('failure-relations');
    });
    await signIn('sfs.zbs');
    await page.goto(`${base}/mediation/registry`);
    await page.locator('tr', { hasText: '钱调解' }).locator('.ant-table-row-expand-icon').first().click();
    const box = page.getByTestId(`relations-${ids.pooled}`);
    await expect.poll(() => box.textContent(), slow).toContain('未登记利害关系');
    await h.choose(`relation-party-${ids.pooled}`, '李某', '李某');
    await h.choose(`relation-kind-${ids.pooled}`, '近亲属');
    await page.getByTestId(`relation-note-${ids.pooled}`).fill('表兄弟');
    await page.getByTestId(`relation-submit-${ids.pooled}`).click();
    await expect
      .poll(() => box.getByTestId('relation-row').allTextContents(), slow)
      .toEqual([expect.stringMatching(/^李某\s*近亲属\s*表兄弟\s*登记于 2026-11-25$/)]);
    await shot('04-mediator-relations');
  }, 60_000);
});
