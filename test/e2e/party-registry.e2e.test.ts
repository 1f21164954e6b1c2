import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { signIn as apiSignIn, makeUser, orgId } from '../support/app.ts';
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
const ID = '330211198505051237';

describe.skipIf(!hasChromium)('the parties registry in the browser', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let fillDate: FormHelpers['fillDate'];
  let choose: FormHelpers['choose'];
  let pick: FormHelpers['pick'];
  let base: string;
  let earlierRef = '';

  const shot = async (name: string) => {
    await page.screenshot({ path: path.join(artifacts, `p-${name}.png`), fullPage: true });
  };

  const signIn = async (username: string) => {
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();
  };

  beforeAll(async () => {
    ensureWebBuild();
    testDb = await createTestDb();
    await makeUser(testDb.db, 'fy.clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
    await makeUser(testDb.db, 'zb.clerk', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
    ({ app, base } = await startWebApp(testDb.db, () => TODAY));
    // Last month's application by the same person, registered through the API.
    const clerk = await apiSignIn(app, 'fy.clerk');
    const earlier = await clerk.post('/api/lines/reconsideration/application', {
      receivedOn: '2026-10-12',
      channel: 'window',
      applicants: [{ partyType: 'person', name: '王五', idNumber: ID, phone: '13812345678' }],
      respondentOrgId: await orgId(testDb.db, 'dept-market'),
      actKind: 'penalty',
      actTitle: '行政处罚决定（罚款二千元）',
      actDate: '2026-09-28',
      actKnownOn: '2026-09-30',
      request: '撤销行政处罚决定',
    });
    earlierRef = earlier.json().refNo;
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

  it('a clerk picks an applicant already in the registry by ID number and sees the earlier matter on the party page', async ({
    onTestFailed,
  }) => {
    onTestFailed(() => shot('failure'));
    await signIn('fy.clerk');
    await page.getByTestId('menu-matters').click();
    await page.getByTestId('create-reconsideration-application').click();
    await page.getByTestId('create-form').waitFor();
    await fillDate('field-receivedOn', '2026-11-16');
    await pick('field-channel', '窗口递交');
    // Typed as if new: the same name and phone bring up the record already on file before a second one is made.
    await page.getByTestId('field-applicants.0.name').fill('王五');
    await page.getByTestId('field-applicants.0.phone').fill('13812345678');
    const offered = page.getByTestId('field-applicants.0.partyId-duplicates');
    await expect
      .poll(() => offered.textContent(), { timeout: 10_000 })
      .toContain('王五　330211********1237　138****5678');
    await shot('00-duplicate-offered');
    await choose('field-applicants.0.partyId', '王五', ID);
    // Picked: the record supplies the identity, so its fields and the duplicate hint go away.
    await expect.poll(() => page.getByTestId('field-applicants.0.idNumber').count()).toBe(0);
    await expect.poll(() => offered.count()).toBe(0);
    await expect.poll(() => page.getByTestId('field-applicants.0.name').inputValue()).toBe('王五');
    await shot('01-picked');
    await choose('field-respondentOrgId', '宁波市镇海区住房和城乡建设局', '住房');
    await choose('field-actKind', '行政强制');
    await page.getByTestId('field-actTitle').fill('限期拆除决定');
    await fillDate('field-actDate', '2026-11-02');
    await fillDate('field-actKnownOn', '2026-11-04');
    await page.getByTestId('field-request').fill('请求撤销限期拆除决定。');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('matter-refno').waitFor();
    const parties = (await page.getByTestId('matter-detail-table-1').textContent()) ?? '';
    expect(parties).toContain('王五');
    expect(parties).toContain('330211********1237');
    expect(parties).not.toContain(ID);

    await page.getByTestId('detail-row-link').first().click();
    await page.getByTestId('party-name').waitFor();
    expect(await page.getByTestId('party-idNumber').textContent()).toBe('330211********1237');
    await expect.poll(() => page.getByTestId('party-matters').textContent()).toContain(earlierRef);
    expect(await page.getByTestId('party-matters').locator('tbody tr.ant-table-row').count()).toBe(2);
    await page.getByRole('button', { name: '显示完整号码' }).first().click();
    await expect.poll(() => page.getByTestId('party-idNumber').textContent()).toBe(ID);
    await shot('02-party-page');
  });

  it('a clerk without scope over those matters does not see the party', async () => {
    const url = page.url();
    await page.getByTestId('logout').click();
    await signIn('zb.clerk');
    await page.goto(url);
    await expect.poll(() => page.locator('.ant-result-title').textContent()).toContain('不在您的权限范围内');
    await shot('03-no-scope');
  });
});
