import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerIndicator } from '../../src/kernel/indicators/registry.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, signIn, testApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let t: TestDb;
let app: App;
let staff: Client;

/** Texts a spreadsheet would run as formulas (= + - @) or that start with a tab, as a line might word them. */
const HOSTILE = {
  name: '=HYPERLINK("http://evil.example","点击查看")',
  unit: '+件',
  definition: '@SUM(1+1)：以收件日期定年度',
};

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { toy: true, today: '2026-11-25' });
  registerIndicator({
    id: 'toy.hostile',
    name: HOSTILE.name,
    line: 'toy',
    unit: HOSTILE.unit,
    kind: 'flow',
    definition: HOSTILE.definition,
    facts: `SELECT id AS matter_id, opened_on AS on_date, owner_org_id, region_code, 1 AS value FROM matters WHERE line = 'toy'`,
  });
  await makeUser(t.db, 'xl.staff', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
  staff = await signIn(app, 'xl.staff');
  const { id } = (
    await staff.post('/api/lines/toy/request', { subject: '-1+2', receivedOn: '2025-03-03' })
  ).json();
  expect(id).toBeGreaterThan(0);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('the indicator table exported to XLSX', () => {
  it('stores formula-looking text as inert text and numbers as numbers, and the export is audited', async () => {
    const res = await staff.get('/api/indicators/export.xlsx?year=2025&ids=toy.hostile');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('2025年指标');
    const row = ws.getRow(2);
    expect(row.getCell(1).value).toBe('toy.hostile');
    // A leading apostrophe keeps the text from being run (OWASP formula injection); it is stored as text.
    expect(row.getCell(2).value).toBe(`'${HOSTILE.name}`);
    expect(row.getCell(6).value).toBe(`'${HOSTILE.unit}`);
    expect(row.getCell(7).value).toBe(`'${HOSTILE.definition}`);
    for (const c of [2, 6, 7]) expect(row.getCell(c).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(3).value).toBe(1);
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(4).value).toBe(0);
    // Nothing in the sheet is a formula.
    ws.eachRow((r) =>
      r.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof c.value === 'string') expect(c.value).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
    const { rows } = await t.db.query(`SELECT summary FROM audit_log WHERE action = 'indicator.export'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].summary).toMatchObject({ ids: ['toy.hostile'], year: 2025 });
  });
});
