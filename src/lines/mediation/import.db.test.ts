import { describe, expect, it } from 'vitest';
import {
  filledLedger,
  importAll as importLedger,
  ledgerResidentId,
  uploadLedger,
} from '../../../test/support/ledger.ts';
import { mediationTestbed } from '../../../test/support/mediation.ts';

const { bed } = mediationTestbed();

const residentId = ledgerResidentId;
const ledger = (rows: Record<string, string>[]) => filledLedger(bed.mediator, 'mediation/onSpot', rows);
const upload = (bytes: Buffer, orgId: number, fileName: string) =>
  uploadLedger(bed.app, bed.mediator, 'mediation/onSpot', orgId, bytes, fileName);
const importAll = (id: number) => importLedger(bed.mediator, id);

const TYPES = ['邻里纠纷', '婚姻家庭纠纷', '物业纠纷', '损害赔偿纠纷', '消费纠纷'];

/** Row i of the ledger: mediated on 3 + i June 2024 in 城东社区's committee. */
const row = (i: number): Record<string, string> => ({
  调解日期: `2024-06-${String(3 + i).padStart(2, '0')}`,
  调解组织: '城东社区人民调解委员会',
  调解地点: '城东社区调解室',
  申请人姓名或名称: `居民甲${i}`,
  申请人身份证号码: residentId(i),
  申请人联系电话: `1380000${String(1000 + i)}`,
  被申请人姓名或名称: `居民乙${i}`,
  被申请人身份证号码: residentId(100 + i),
  纠纷类型: TYPES[i % TYPES.length]!,
  '涉及金额（元）': String(500 + 100 * i),
  纠纷简要情况: `第${i}起：楼上漏水致楼下墙面受损`,
  '调解结果（口头协议内容）': '乙方当场赔偿甲方修缮费用，双方和好',
  '协议金额（元）': String(500 + 100 * i),
  履行情况: '当场履行',
});

const indicator = async (id: string) =>
  (await bed.leader.get(`/api/indicators/${id}?year=2024&region=330211&org=${bed.orgs.village}`)).json()
    .value as number;

const onSpotCount = async () =>
  (
    await bed.t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM matters WHERE line = 'mediation' AND kind = 'onSpot'`,
    )
  ).rows[0]!.n;

describe('committee ledger import (人民调解登记台账 → 当场调解)', () => {
  it('names the 2 bad rows of 20, imports all 20 closed on their day once fixed, counts them, and adds none again', async () => {
    // The committee's own mediator is offered the import in the committee.
    const kinds = (await bed.mediator.get('/api/imports/kinds')).json();
    expect(
      kinds
        .filter((k: { line: string }) => k.line === 'mediation')
        .map((k: { kind: string; offices: { id: number }[] }) => [k.kind, k.offices.map((o) => o.id)]),
    ).toEqual([['onSpot', [bed.orgs.village]]]);

    const rows = Array.from({ length: 20 }, (_, i) => row(i));
    // Data starts on Excel row 3 (header, example): rows 7 and 15 are i = 4 and 12.
    rows[4]!.纠纷类型 = '宅基地纠纷';
    rows[12]!.申请人身份证号码 = '330211198503120181'; // check character should be X
    // Amounts as clerks type them.
    rows[0]!['涉及金额（元）'] = '1,500元';
    const file = await ledger(rows);
    const [receivedBefore, amountBefore, before] = [
      await indicator('mediation.received'),
      await indicator('mediation.amount'),
      await onSpotCount(),
    ];
    expect([receivedBefore, amountBefore, before]).toEqual([0, 0, 0]);

    const up = await upload(file, bed.orgs.village, '城东社区2024年6月调解台账.xlsx');
    expect(up.statusCode, up.body).toBe(201);
    const batch = up.json();
    expect(batch.totalRows).toBe(20);
    expect(batch.counts).toEqual({ ok: 18, bad: 2, skipped: 0, imported: 0, failed: 0, already: 0 });
    expect(
      batch.rows.map((r: { rowNo: number; errors: { text: string }[] }) => [
        r.rowNo,
        r.errors.map((e) => e.text),
      ]),
    ).toEqual([
      [
        7,
        [
          '第7行「纠纷类型」：“宅基地纠纷”不是可选的值，应为：婚姻家庭纠纷、邻里纠纷、损害赔偿纠纷、劳动争议纠纷、物业纠纷、消费纠纷、合同纠纷、交通事故纠纷、医疗纠纷、土地承包、征地拆迁纠纷、其他纠纷',
        ],
      ],
      [15, ['第15行「申请人身份证号码」：公民身份号码校验位错误（按 GB 11643 应为 X），请核对号码']],
    ]);

    for (const [rowNo, cells] of [
      [7, { disputeType: '土地承包、征地拆迁纠纷' }],
      [15, { 'applicants.0.idNumber': '33021119850312018X' }],
    ] as const) {
      const res = await bed.mediator.patch(`/api/imports/${batch.id}/rows/${rowNo}`, { cells });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ rowNo, status: 'ok', errors: [] });
    }

    const done = await importAll(batch.id);
    expect(done.counts).toEqual({ ok: 0, bad: 0, skipped: 0, imported: 20, failed: 0, already: 0 });
    const matters = (
      await bed.t.db.query<{ state: string; opened: string; closed: string; owner: number; title: string }>(
        `SELECT m.state, m.opened_on::text AS opened, m.closed_on::text AS closed, m.owner_org_id AS owner, m.title
         FROM import_rows r JOIN matters m ON m.id = r.matter_id
         WHERE r.batch_id = $1 AND m.kind = 'onSpot' ORDER BY r.row_no`,
        [batch.id],
      )
    ).rows;
    expect(matters).toEqual(
      Array.from({ length: 20 }, (_, i) => {
        const day = `2024-06-${String(3 + i).padStart(2, '0')}`;
        const type = i === 4 ? '土地承包、征地拆迁纠纷' : TYPES[i % TYPES.length];
        return {
          state: 'closed',
          opened: day,
          closed: day,
          owner: bed.orgs.village,
          title: `居民甲${i}与居民乙${i}${type}`,
        };
      }),
    );
    expect(await onSpotCount()).toBe(20);

    // The committee's 2024 figures: 20 more cases received, 30,000 yuan (3.00 万元) more in dispute
    // (500 + 100·i for 20 rows is 29,000; row 3 was typed 1,500 instead of 500).
    expect(await indicator('mediation.received')).toBe(20);
    expect(await indicator('mediation.amount')).toBe(3);

    // The same file again: every row recognised as imported before; importing adds nothing.
    const again = await upload(file, bed.orgs.village, '城东社区2024年6月调解台账（副本）.xlsx');
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().counts).toEqual({ ok: 0, bad: 0, skipped: 0, imported: 0, failed: 0, already: 20 });
    expect((await importAll(again.json().id)).counts.imported).toBe(0);
    expect(await onSpotCount()).toBe(20);
    expect(await indicator('mediation.received')).toBe(20);
  });

  it('refuses an amount that is not a number, naming the column', async () => {
    const bad = { ...row(0), '涉及金额（元）': '约三千元' };
    const up = await upload(await ledger([bad]), bed.orgs.village, '金额.xlsx');
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().rows[0].errors.map((e: { text: string }) => e.text)).toEqual([
      '第3行「涉及金额（元）」：“约三千元”不是数字，请只填写数字，如 3000 或 3000.50',
    ]);
  });
});
