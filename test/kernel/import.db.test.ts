/**
 * Ledger import through the HTTP API, as a clerk does it: template → a 50-row ledger with 3 bad rows → the dry
 * run names exactly those rows → fixes on the page → import → 50 matters with events and deadlines → the same
 * file uploaded again adds nothing.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/kernel/import/run.ts';
import { type Client, makeUser, orgId, signIn } from '../support/app.ts';
import {
  filledLedger,
  importAll as importLedger,
  ledgerResidentId,
  uploadLedger,
} from '../support/ledger.ts';
import { reconsiderationTestbed } from '../support/reconsideration.ts';

const { bed } = reconsiderationTestbed();

const residentId = ledgerResidentId;
const ledger = (rows: Record<string, string>[]) =>
  filledLedger(bed.clerk, 'reconsideration/application', rows);
const upload = (bytes: Buffer, orgId: number, fileName = '2025年复议台账.xlsx', client: Client = bed.clerk) =>
  uploadLedger(bed.app, client, 'reconsideration/application', orgId, bytes, fileName);
const importAll = (id: number) => importLedger(bed.clerk, id);

const office = async (client: Client) => {
  const kinds = (await client.get('/api/imports/kinds')).json();
  const kind = kinds.find((k: { kind: string }) => k.kind === 'application');
  return kind.offices[0].id as number;
};

const row = (i: number): Record<string, string> => ({
  收件日期: '2025-03-03',
  申请方式: i % 2 ? '邮寄' : '窗口递交',
  申请人姓名或名称: `申请人${i}`,
  证件号码: residentId(i),
  联系电话: `1380000${String(1000 + i)}`,
  被申请人: i % 3 ? '宁波市镇海区市场监督管理局' : '区住建局',
  行政行为类别: '行政处罚',
  被申请的行政行为: `行政处罚决定${i}`,
  行政行为文书编号: `甬镇市监罚〔2025〕${i + 1}号`,
  行政行为作出日期: '2025-02-20',
  知道该行政行为的日期: '2025-02-24',
  行政复议请求: '撤销被申请人作出的行政处罚决定',
});

const count = async (sql: string, params: unknown[] = []) =>
  (await bed.t.db.query<{ n: number }>(sql, params)).rows[0]!.n;

describe('ledger import (台账导入)', () => {
  it('shows exactly the 3 bad rows of 50, imports all 50 once fixed, and adds none when the file comes again', async () => {
    const orgId = await office(bed.clerk);
    const rows = Array.from({ length: 50 }, (_, i) => row(i));
    // Data starts on Excel row 3 (header, example): rows 12, 25 and 40 are i = 9, 22 and 37.
    rows[9]!.证件号码 = '330211198503120181'; // check character should be X
    rows[22]!.行政复议请求 = '';
    rows[37]!.行政行为类别 = '行政处分';
    const file = await ledger(rows);
    const before = await count(`SELECT count(*)::int AS n FROM matters WHERE line = 'reconsideration'`);

    const up = await upload(file, orgId);
    expect(up.statusCode, up.body).toBe(201);
    const batch = up.json();
    expect(batch.totalRows).toBe(50);
    expect(batch.counts).toEqual({ ok: 47, bad: 3, skipped: 0, imported: 0, failed: 0, already: 0 });
    expect(batch.rows.map((r: { errors: { text: string }[] }) => r.errors.map((e) => e.text))).toEqual([
      ['第12行「证件号码」：公民身份号码校验位错误（按 GB 11643 应为 X），请核对号码'],
      ['第25行「行政复议请求」：必填，不能为空'],
      [
        '第40行「行政行为类别」：“行政处分”不是可选的值，应为：行政处罚、行政强制、行政许可、行政确认、征收征用、不履行法定职责、政府信息公开、工伤认定、举报投诉处理、行政确权、行政协议、行政赔偿、其他',
      ],
    ]);
    // The page shows the row back with its identity and phone numbers masked.
    const shown = batch.rows[0].cells;
    expect(shown.find((c: { field: string }) => c.field === 'applicants.0.idNumber').value).toBe(
      '330211********0181',
    );
    expect(shown.find((c: { field: string }) => c.field === 'applicants.0.phone').value).toBe('138****1009');
    // Nothing of the ledger is kept in clear: no identity number in the import tables.
    const clear = await count(
      `SELECT count(*)::int AS n FROM import_rows WHERE position($1::bytea IN cells) > 0 OR errors::text LIKE '%' || $2 || '%'`,
      [Buffer.from(residentId(0)), residentId(0)],
    );
    expect(clear).toBe(0);

    // Importing is refused while rows with problems wait.
    const early = await bed.clerk.post(`/api/imports/${batch.id}/run`);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('还有 3 行有错误，请修正或跳过后再导入');

    // A fix that is still wrong stays bad with the new message; the right fixes make the rows importable.
    const wrong = await bed.clerk.patch(`/api/imports/${batch.id}/rows/12`, {
      cells: { 'applicants.0.idNumber': '330211198503120182' },
    });
    expect(wrong.json()).toMatchObject({
      status: 'bad',
      errors: [{ text: '第12行「证件号码」：公民身份号码校验位错误（按 GB 11643 应为 X），请核对号码' }],
    });
    for (const [rowNo, cells] of [
      [12, { 'applicants.0.idNumber': '33021119850312018X' }],
      [25, { request: '确认被申请人的行政处罚决定违法' }],
      [40, { actKind: '行政处罚' }],
    ] as const) {
      const res = await bed.clerk.patch(`/api/imports/${batch.id}/rows/${rowNo}`, { cells });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ rowNo, status: 'ok', errors: [] });
    }

    const done = await importAll(batch.id);
    expect(done.counts).toEqual({ ok: 0, bad: 0, skipped: 0, imported: 50, failed: 0, already: 0 });
    const ids = (
      await bed.t.db.query<{ matter_id: number }>(
        'SELECT matter_id FROM import_rows WHERE batch_id = $1 ORDER BY row_no',
        [batch.id],
      )
    ).rows.map((r) => r.matter_id);
    expect(new Set(ids).size).toBe(50);
    expect(await count(`SELECT count(*)::int AS n FROM matters WHERE line = 'reconsideration'`)).toBe(
      before + 50,
    );
    expect(
      await count(
        `SELECT count(*)::int AS n FROM matter_events WHERE matter_id = ANY($1) AND action = 'create'`,
        [ids],
      ),
    ).toBe(50);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM deadlines WHERE matter_id = ANY($1) AND key = 'acceptance' AND due_on = '2025-03-10'`,
        [ids],
      ),
    ).toBe(50);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'matter.create' AND object_id = ANY($1)`,
        [ids.map(String)],
      ),
    ).toBe(50);
    // Imported rows give up their sealed cells.
    expect(await count('SELECT count(*)::int AS n FROM import_rows WHERE cells IS NOT NULL')).toBe(0);

    // The fixed row 12 became its matter with the corrected number (found through the blind index).
    const m12 = (await bed.clerk.get(`/api/matters/${ids[9]}`)).json();
    expect(m12.matter.title).toBe('申请人9不服宁波市镇海区住房和城乡建设局行政处罚');
    expect(m12.deadlines.find((d: { key: string }) => d.key === 'acceptance').dueOn).toBe('2025-03-10');

    // The report: one line per row, with the reference number.
    const report = await bed.clerk.get(`/api/imports/${batch.id}/report`);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('导入结果')!;
    const first = (
      await bed.t.db.query<{ ref_no: string }>('SELECT ref_no FROM matters WHERE id = $1', [ids[0]])
    ).rows[0]!.ref_no;
    expect(ws.getRow(2).values).toEqual([undefined, 3, '已导入', first, '']);
    expect(ws.rowCount).toBe(53);

    // The same file again (the 3 rows as they were, fixed on the page and imported under this file's hash and
    // row number): every row is recognised as imported before, and importing adds nothing.
    const again = await upload(file, orgId, '复议台账（副本）.xlsx');
    expect(again.statusCode).toBe(201);
    expect(again.json().counts).toEqual({ ok: 0, bad: 0, skipped: 0, imported: 0, failed: 0, already: 50 });
    const rerun = await importAll(again.json().id);
    expect(rerun.counts.imported).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM matters WHERE line = 'reconsideration'`)).toBe(
      before + 50,
    );
  });

  it('offers a template with required marks, an example row, drop-downs and identity numbers kept as text', async () => {
    const res = await bed.clerk.get('/api/imports/templates/reconsideration/application');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('行政复议申请台账模板.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('台账')!;
    expect((ws.getRow(1).values as string[]).slice(1, 7)).toEqual([
      '收件日期*',
      '申请方式*',
      '申请人姓名或名称*',
      '申请人类型',
      '证件类型',
      '证件号码',
    ]);
    expect(ws.getCell('F2').value).toBe('330211199001011236');
    expect(ws.getCell('F3').numFmt).toBe('@');
    // 行政行为类别 (column K) offers the line's labels, listed on the hidden options sheet.
    const dv = ws.getCell('K3').dataValidation;
    expect(dv.type).toBe('list');
    const options = wb.getWorksheet('选项')!;
    expect(options.state).toBe('hidden');
    const [, col] = /^'选项'!\$([A-Z]+)\$2:/.exec(dv.formulae![0] as string)!;
    expect(options.getColumn(col!).values.slice(1)).toEqual([
      '行政行为类别',
      '行政处罚',
      '行政强制',
      '行政许可',
      '行政确认',
      '征收征用',
      '不履行法定职责',
      '政府信息公开',
      '工伤认定',
      '举报投诉处理',
      '行政确权',
      '行政协议',
      '行政赔偿',
      '其他',
    ]);
  });

  it('refuses formulas cell by cell, and an oversize, disguised or foreign upload as a whole, in Chinese', async () => {
    const office = await orgId(bed.t.db, 'sec-reconsideration');
    const rows = [row(100), row(101), row(102)];
    rows[1]!.行政复议请求 = '=HYPERLINK("http://evil.example","撤销")';
    rows[2]!.被申请的行政行为 = '@SUM(1+1)';
    const file = await ledger(rows);
    // A real formula cell, as Excel stores it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('台账')!;
    ws.getCell('Q3').value = {
      formula: 'CONCAT("撤销","决定")',
      result: '撤销决定',
    } as ExcelJS.CellFormulaValue;
    const up = await upload(Buffer.from(await wb.xlsx.writeBuffer()), office);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().rows.map((r: { errors: { text: string }[] }) => r.errors.map((e) => e.text))).toEqual([
      ['第3行「行政复议请求」：是公式，导入只接受直接填写的值，请复制后“粘贴为数值”'],
      ['第4行「行政复议请求」：以“=”开头，可能是公式，请删除开头的符号'],
      ['第5行「被申请的行政行为」：以“@”开头，可能是公式，请删除开头的符号'],
    ]);
    // A fix typed on the page is held to the same rule.
    const still = await bed.clerk.patch(`/api/imports/${up.json().id}/rows/4`, {
      cells: { request: '+撤销' },
    });
    expect(still.json().errors.map((e: { text: string }) => e.text)).toEqual([
      '第4行「行政复议请求」：以“+”开头，可能是公式，请删除开头的符号',
    ]);

    const big = await upload(Buffer.concat([file, Buffer.alloc(10 * 1024 * 1024)]), office);
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toBe('台账文件超过 10 MB，请分成几个文件导入');
    const pdf = await upload(Buffer.from('%PDF-1.4\n%%EOF\n'), office, '台账.xlsx');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().detail).toBe('请上传 Excel 工作簿（.xlsx），文件内容与扩展名须一致');

    // A township clerk may not register applications in the reconsideration office, so may not import them; the
    // committees' mediation ledger is offered only where the office has a committee, and this database has none.
    await makeUser(bed.t.db, 'jd.clerk', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
    const township = await signIn(bed.app, 'jd.clerk');
    expect(
      (await township.get('/api/imports/kinds'))
        .json()
        .map((k: { line: string; kind: string; offices: { name: string }[] }) => [
          `${k.line}/${k.kind}`,
          k.offices.map((o) => o.name),
        ]),
    ).toEqual([]);
    const foreign = await upload(file, office, '台账.xlsx', township);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().detail).toBe('您无权在该机构登记「行政复议案件」，不能导入该台账');
    // Nor read the clerk's batch.
    expect((await township.get(`/api/imports/${up.json().id}`)).statusCode).toBe(404);
  });

  it('skips a row, reports a row the engine refuses at import (a duplicate application), and lists both', async () => {
    const office = await orgId(bed.t.db, 'sec-reconsideration');
    // Row 4 is the same application as row 3: the line's duplicate check refuses it when it is registered.
    const rows = [
      row(200),
      row(200),
      { ...row(201), 行政行为类别: '' },
      // Known in November: registered, with the intake's warning that the application seems late.
      { ...row(202), 行政行为作出日期: '2024-10-30', 知道该行政行为的日期: '2024-11-01' },
    ];
    const up = await upload(await ledger(rows), office, '重复.xlsx');
    const batch = up.json();
    expect(batch.counts).toMatchObject({ ok: 3, bad: 1 });
    expect(batch.rows[0].errors[0].text).toBe('第5行「行政行为类别」：必填，不能为空');
    const skipped = await bed.clerk.post(`/api/imports/${batch.id}/rows/5/skip`, { skip: true });
    expect(skipped.json()).toMatchObject({ rowNo: 5, status: 'skipped' });
    const done = await importAll(batch.id);
    expect(done.counts).toEqual({ ok: 0, bad: 0, skipped: 1, imported: 2, failed: 1, already: 0 });
    const failed = (
      done as unknown as { rows: { rowNo: number; status: string; errors: { text: string }[] }[] }
    ).rows;
    expect(failed.map((r) => [r.rowNo, r.status])).toEqual([
      [4, 'failed'],
      [5, 'skipped'],
    ]);
    // Row 3 was registered in the same transaction and is numbered at its end: the message names its row.
    expect(failed[0]!.errors[0]!.text).toBe(
      '第4行：同一申请人对同一行政行为已有未办结的申请（本台账第3行），如确需另行登记请勾选“确认重复申请仍登记”',
    );
    const report = await bed.clerk.get(`/api/imports/${batch.id}/report`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('导入结果')!;
    expect([2, 3, 4, 5].map((r) => (ws.getRow(r).values as unknown[]).slice(1, 3))).toEqual([
      [3, '已导入'],
      [4, '导入失败'],
      [5, '已跳过'],
      [6, '已导入'],
    ]);
    expect(ws.getCell('D5').value).toBe(
      '第6行：提示：申请可能已超过法定申请期限：自知道行政行为之日（2024-11-01）起六十日，至 2024-12-31 届满（中华人民共和国行政复议法（2023年9月1日修订，2024年1月1日施行）第二十条第一款）。请核实是否有不可抗力或其他正当理由。',
    );
    expect(ws.getCell('D4').value).toBe('第5行「行政行为类别」：必填，不能为空');
    expect(ws.getCell('D3').value).toBe(failed[0]!.errors[0]!.text);
  });

  it('finds a duplicate in another transaction running at the same time (one row per transaction, two workers)', async () => {
    const orgId = await office(bed.clerk);
    const up = await upload(await ledger([row(400), row(401), row(400), row(402)]), orgId, '并行.xlsx');
    const { rows: users } = await bed.t.db.query<{ id: number }>(
      `SELECT id FROM users WHERE username = 'fy.clerk'`,
    );
    const clerk = {
      userId: users[0]!.id,
      name: 'fy.clerk',
      memberships: [{ orgId, role: 'sectionStaff' as const }],
    };
    let done = false;
    while (!done)
      done = (
        await runImport(bed.t.db, clerk, up.json().id, { today: '2025-06-30', rowsPerTx: 1, workers: 2 })
      ).finished;
    const rows = (await bed.clerk.get(`/api/imports/${up.json().id}`)).json().rows;
    // Rows 3 and 5 (the first data row is 3) are the same application: whichever registers second waits for the first and is refused.
    expect(rows.map((r: { rowNo: number; status: string }) => [r.rowNo, r.status])).toHaveLength(1);
    expect([3, 5]).toContain(rows[0].rowNo);
    expect(rows[0].status).toBe('failed');
    expect(rows[0].errors[0].text).toMatch(
      /同一申请人对同一行政行为已有未办结的申请（镇司复收〔2025〕\d+号）/,
    );
  });
});
