/**
 * 信用修复 in the browser, end to end: an enterprise's adverse record imported from the 信用中国 export through 台账导入,
 * absent from the proactive list of October and on it in November 2026 (the month it may apply), the consultation and
 * the written guidance recorded, the application and the repair result recorded on the record, and the three
 * credit-repair indicators before and after (screenshots in test-artifacts/e2e).
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordImport } from '../../src/lines/business-services/credit-repair/import.ts';
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
import { TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

const TODAY = '2026-11-25';
const ENTERPRISE = '宁波镇信化工有限公司';
const CREDIT_CODE = '91330211MA2GQ8WX1Q';
const slow = { timeout: 15_000 };

/** The 信用中国 export as the clerk keeps it: one 一般 penalty decided 2026-08-20, fines paid 2026-09-10. */
async function ledgerFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('失信信息');
  ws.addRow(recordImport.columns.map((c) => c.header));
  const row: Record<string, string | number> = {
    信用主体名称: ENTERPRISE,
    统一社会信用代码: CREDIT_CODE,
    承办机构: '公共法律服务管理科',
    公示来源: '信用中国网站',
    信息类别: '行政处罚信息',
    '处罚（认定）机关': '宁波市镇海区市场监督管理局',
    决定书文号: '镇市监处罚〔2026〕88号',
    '处罚（认定）日期': '2026-08-20',
    失信程度: '一般',
    '公示期（月）': 12,
    履行完毕日期: '2026-09-10',
  };
  ws.addRow(recordImport.columns.map((c) => row[c.header] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.skipIf(!hasChromium)('credit repair from the imported record to the indicators', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let h: FormHelpers;
  let recordId = 0;

  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifacts, `credit-repair-${name}.png`), fullPage: true });
  };
  const signIn = async (username: string) => {
    await context.clearCookies();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();
  };
  /** Opens an action, dates it, lets `fill` complete its fields, submits and waits for the matter's new state. */
  const act = async (action: string, date: string, state: string, fill: () => Promise<void>) => {
    await page.getByTestId(`action-${action}`).click();
    await page.getByTestId('action-form').waitFor();
    await h.fillDate('action-date', date);
    await fill();
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('matter-state').textContent(), slow).toBe(state);
  };
  /** Does `go` and waits for the proactive list of `month` to arrive. */
  const listOf = async (month: string, go: () => Promise<unknown>) => {
    const arrived = page.waitForResponse((r) => r.url().includes(`/proactive?month=${month}`) && r.ok());
    await go();
    await arrived;
  };
  /** The figures of the three credit-repair indicators for 2026, as the indicator page shows them. */
  const figures = async () => {
    const out: Record<string, string> = {};
    for (const id of ['subjectsConsulted', 'enterprisesRepaired', 'recordsRepaired']) {
      await page.goto(`${base}/indicators/creditRepair.${id}?year=2026`);
      await page.getByTestId('indicator-name').getByText(/累计/).waitFor();
      const value = page.getByTestId('indicator-value').locator('.ant-statistic-content');
      out[id] = ((await value.textContent()) ?? '').trim();
    }
    return out;
  };

  beforeAll(async () => {
    ensureWebBuild();
    testDb = await createTestDb();
    await makeUser(testDb.db, 'xy.clerk', [{ org: 'sec-legal-services', role: 'sectionStaff' }]);
    await makeUser(testDb.db, 'leader', [{ org: 'bureau', role: 'leader' }]);
    ({ app, base } = await startWebApp(testDb.db, () => TODAY));
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    h = formHelpers(page);
  }, 300_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await testDb?.close();
  });

  it('shows the indicators before: no subject, no enterprise, no record', async () => {
    await signIn('leader');
    expect(await figures()).toEqual({
      subjectsConsulted: '0家',
      enterprisesRepaired: '0家',
      recordsRepaired: '0条',
    });
    await shot('indicator-before');
  });

  it('imports the record from the 信用中国 export through 台账导入', async () => {
    await signIn('xy.clerk');
    await page.getByTestId('menu-imports').click();
    await page.getByTestId('import-upload').waitFor();
    await h.choose('import-kind', '失信信息台账（信用中国导出）（信用修复）');
    await page.locator('input[type=file]').setInputFiles({
      name: '信用中国导出.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await ledgerFile(),
    });
    await expect
      .poll(() => page.getByTestId('import-counts').textContent(), slow)
      .toMatch(/可导入\s*1\s*有错误\s*0/);
    await page.getByTestId('import-run').getByText('开始导入（1 行）').waitFor();
    await page.getByTestId('import-run').click();
    await page
      .getByText('导入完成：新增 1 件，跳过 0 行，失败 0 行，此前已导入 0 行')
      .waitFor({ timeout: 30_000 });
    await shot('imported');
    const { rows } = await testDb.db.query<{ id: number; title: string; state: string }>(
      `SELECT id::int, title, state FROM matters WHERE line = 'creditRepair'`,
    );
    expect(rows).toEqual([
      {
        id: expect.any(Number),
        title: `${ENTERPRISE}·宁波市镇海区市场监督管理局行政处罚信息（一般）`,
        state: 'published',
      },
    ]);
    recordId = rows[0]!.id;
  });

  it('is not on the list of October, and on the list of November: may apply from 21 November', async () => {
    // The page opens on the month of the business day (November 2026).
    await listOf('2026-11', () => page.goto(`${base}/business`));
    const row = page.locator('tr', { hasText: ENTERPRISE });
    await row.waitFor();
    const month = page.locator('input[type=month]');
    await listOf('2026-10', () => month.fill('2026-10'));
    await page.locator('.ant-empty-description').getByText('暂无数据').waitFor();
    expect(await page.getByText(ENTERPRISE).count()).toBe(0);
    await listOf('2026-11', () => month.fill('2026-11'));
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([
      ENTERPRISE,
      '宁波市镇海区市场监督管理局',
      '2026-08-20',
      '一般',
      '2026-11-21',
      // The 2026 measures' period is marked unverified in the rules (the page says so beside the law).
      '信用修复管理办法（国家发展改革委令第36号，2025年11月20日公布，2026年4月1日施行）条文未核实',
      '',
    ]);
    await shot('proactive');
  });

  it('records the consultation and the written guidance; the list marks the enterprise as guided', async () => {
    await page.goto(`${base}/matters?line=creditRepair`);
    await page.getByTestId('create-creditRepair-guidance').click();
    await page.getByTestId('create-form').waitFor();
    // The enterprise is already in the parties registry: the import put it there.
    await h.choose('field-subject.partyId', ENTERPRISE, '镇信化工');
    await h.choose('field-ownerOrgId', '公共法律服务管理科', '公共法律');
    await h.fillDate('field-consultedOn', '2026-11-23');
    await h.pick('field-channel', '上门走访（主动服务）');
    await page.getByTestId('field-topic').fill('行政处罚信息公示期满后的信用修复');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('matter-refno').waitFor();
    expect(await page.getByTestId('matter-state').textContent()).toBe('已咨询待指导');
    await act('guide', '2026-11-24', '已指导', async () => {
      await page.getByTestId('field-toCorrect').fill('已缴清罚款；整改危险化学品储存场所');
      await page.getByTestId('field-documents').fill('信用修复承诺书、罚款缴纳凭证、整改报告');
      await h.pick('field-channel', '“信用中国”网站信用修复（免费）');
    });
    // The written guidance issued in the bureau's name, numbered and dated on the day of the guidance.
    await page.getByText('信用修复指导书').waitFor();
    await page.getByText('镇司信指〔2026〕1号 · 2026-11-24').waitFor();
    await shot('guided');
    await page.goto(`${base}/business`);
    const row = page.locator('tr', { hasText: ENTERPRISE });
    await expect.poll(() => row.locator('td').last().textContent(), slow).toBe('✓');
  });

  it('records the application and the successful repair on the record', async () => {
    await page.goto(`${base}/matters/${recordId}`);
    expect(await page.getByTestId('matter-state').textContent()).toBe('公示中');
    await act('apply', '2026-11-25', '已申请修复', async () => {
      await h.pick('field-channel', '“信用中国”网站信用修复（免费）');
      await page.getByTestId('field-commitment').check();
    });
    await act('decide', '2026-11-25', '已修复', async () => {
      await h.pick('field-result', '修复成功');
    });
    await shot('repaired');
    // Repaired, the record is no longer on the list of the month.
    await listOf('2026-11', () => page.goto(`${base}/business`));
    await page.locator('.ant-empty-description').getByText('暂无数据').waitFor();
    expect(await page.getByText(ENTERPRISE).count()).toBe(0);
  });

  it('shows the indicators after: one subject, one enterprise, one record repaired', async () => {
    await signIn('leader');
    expect(await figures()).toEqual({
      subjectsConsulted: '1家',
      enterprisesRepaired: '1家',
      recordsRepaired: '1条',
    });
    const { rows } = await testDb.db.query<{ ref_no: string }>('SELECT ref_no FROM matters WHERE id = $1', [
      recordId,
    ]);
    await expect
      .poll(() => page.getByTestId('indicator-records').textContent(), slow)
      .toContain(rows[0]!.ref_no);
    await shot('indicator-after');
  });
});
