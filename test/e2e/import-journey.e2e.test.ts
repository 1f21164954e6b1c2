/**
 * 台账导入 in the browser: a clerk opens the page from the menu, uploads a ledger with one bad row, reads its
 * message, fixes the identity number in the row editor, imports with the progress bar and sees the result.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationImport } from '../../src/lines/reconsideration/import.ts';
import type { App } from '../../src/platform/http/app.ts';
import { makeUser } from '../support/app.ts';
import { artifacts, ensureWebBuild, hasChromium, launchBrowser, startWebApp } from '../support/browser.ts';
import { TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

const TODAY = '2026-11-25';
const ids = ['330211199001011236', '330211198505051237', '33021119850312018X'];

async function ledgerFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(applicationImport.columns.map((c) => c.header));
  ids.forEach((id, i) => {
    const row: Record<string, string> = {
      收件日期: '2026-11-02',
      申请方式: '窗口递交',
      申请人姓名或名称: `申请人${i}`,
      // The third row's number has a wrong check character (it should be X).
      证件号码: i === 2 ? `${id.slice(0, 17)}1` : id,
      被申请人: '宁波市镇海区市场监督管理局',
      行政行为类别: '行政处罚',
      被申请的行政行为: `行政处罚决定${i}`,
      行政行为作出日期: '2026-10-20',
      知道该行政行为的日期: '2026-10-22',
      行政复议请求: '撤销被申请人作出的行政处罚决定',
    };
    ws.addRow(applicationImport.columns.map((c) => row[c.header] ?? null));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.skipIf(!hasChromium)('ledger import in the browser', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    ensureWebBuild();
    testDb = await createTestDb();
    await makeUser(testDb.db, 'fy.clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
    ({ app, base } = await startWebApp(testDb.db, () => TODAY));
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await testDb?.close();
  });

  it('uploads, shows the bad row, takes the fix, imports and reports', async () => {
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('fy.clerk');
    await page.getByTestId('login-password').fill(TEST_USER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('menu-imports').click();
    await page.getByTestId('import-upload').waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: '复议台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await ledgerFile(),
    });
    const rows = page.getByTestId('import-rows');
    await rows
      .getByText('第4行「证件号码」：公民身份号码校验位错误（按 GB 11643 应为 X），请核对号码')
      .waitFor();
    await expect(page.getByTestId('import-counts').textContent()).resolves.toMatch(/可导入\s*2\s*有错误\s*1/);
    await page.screenshot({ path: path.join(artifacts, 'import-dry-run.png'), fullPage: true });

    await page.getByTestId('import-edit-4').click();
    const form = page.getByTestId('import-edit-form');
    await form.getByLabel('证件号码').fill(ids[2]!);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('import-run').getByText('开始导入（3 行）').waitFor();
    await page.getByTestId('import-run').click();
    await page
      .getByText('导入完成：新增 3 件，跳过 0 行，失败 0 行，此前已导入 0 行')
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(artifacts, 'import-finished.png'), fullPage: true });
    const { rows: matters } = await testDb.db.query<{ title: string }>(
      `SELECT title FROM matters WHERE line = 'reconsideration' ORDER BY id`,
    );
    expect(matters.map((m) => m.title)).toEqual([
      '申请人0不服宁波市镇海区市场监督管理局行政处罚',
      '申请人1不服宁波市镇海区市场监督管理局行政处罚',
      '申请人2不服宁波市镇海区市场监督管理局行政处罚',
    ]);
  });
});
