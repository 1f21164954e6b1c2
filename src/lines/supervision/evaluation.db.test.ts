import { beforeAll, describe, expect, it } from 'vitest';
import { supervisionTestbed } from '../../../test/support/supervision.ts';

const { bed, kit } = supervisionTestbed();

/**
 * The township evaluation on a hand-worked fixture. The 2024 indicator set is replaced by three items: findings
 * closed (60, more is better), findings overdue (40, fewer is better) and an item whose indicator no line
 * registers (50: not available, its weight left out). 招宝山街道's government had two findings, both closed;
 * 骆驼街道's one finding is overdue; the other five towns had none.
 *   招宝山 60 + 40 = 100; the five others 0 + 40 = 40 (shared rank 2); 骆驼 0 + 0 = 0 (rank 7).
 */
const town = (ev: { towns: { town: string }[] }, code: string) =>
  ev.towns.find((t) => t.town === code) as unknown as {
    total: number;
    rank: number;
    tier: string;
    items: Record<string, unknown>[];
  };

let overdueFinding = 0;
beforeAll(async () => {
  await bed.t.db.query('DELETE FROM evaluation_items WHERE year = 2024');
  await bed.t.db.query(
    `INSERT INTO evaluation_items (year, code, label, indicator_id, weight, direction) VALUES
       (2024, 'closed', '督察问题整改销号数', 'inspection.findingsClosed', 60, 'higher'),
       (2024, 'overdue', '督察问题逾期整改数', 'inspection.findingsOverdue', 40, 'lower'),
       (2024, 'ghost', '尚未上线的业务指标', 'ghost.metric', 50, 'higher')`,
  );
  const inspect = async (unitOrgId: number) =>
    (
      await kit.create('supervision/inspection', {
        unitOrgId,
        planName: '2024年度法治督察工作计划',
        noticeOn: '2024-03-01',
        startsOn: '2024-03-11',
        endsOn: '2024-03-12',
      })
    ).id;
  const finding = (inspectionId: number, description: string) =>
    kit.create('supervision/finding', {
      inspectionId,
      foundOn: '2024-03-12',
      rectifyBy: '2024-05-13',
      description,
    });
  const a = await inspect(bed.orgs.townGov);
  for (const d of ['规范性文件未备案', '执法公示不及时']) {
    const f = await finding(a, d);
    expect(
      (await kit.act('supervision/finding', f.id, 'report', '2024-05-06', { plan: '整改', result: '完成' }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await kit.act('supervision/finding', f.id, 'verify', '2024-05-10', {
          result: 'closed',
          opinion: '到位',
        })
      ).statusCode,
    ).toBe(200);
  }
  overdueFinding = (await finding(await inspect(bed.orgs.otherTownGov), '重大行政决策目录未公布')).id;
});

describe('the township evaluation: scores, ranks and tiers computed from the records', () => {
  it('scores the 7 towns as worked out by hand, leaving out the item no line provides', async () => {
    const ev = (await bed.leader.get('/api/lines/supervision/evaluation?year=2024')).json();
    expect(
      ev.towns.map((t: { name: string; total: number; rank: number; tier: string }) => [
        t.name,
        t.total,
        t.rank,
        t.tier,
      ]),
    ).toEqual([
      ['招宝山街道', 100, 1, '第一档'],
      ['蛟川街道', 40, 2, '第一档'],
      ['庄市街道', 40, 2, '第一档'],
      ['贵驷街道', 40, 2, '第一档'],
      ['澥浦镇', 40, 2, '第一档'],
      ['九龙湖镇', 40, 2, '第一档'],
      ['骆驼街道', 0, 7, '第三档'],
    ]);
    expect(town(ev, '330211003').items).toEqual([
      expect.objectContaining({
        code: 'closed',
        value: 0,
        score: 0,
        drillDown: '/indicators/inspection.findingsClosed?year=2024&region=330211003',
      }),
      expect.objectContaining({ code: 'overdue', value: 1, score: 0 }),
      expect.objectContaining({ code: 'ghost', available: false, value: null, score: null, drillDown: null }),
    ]);
    // The drill-down behind 骆驼街道's overdue item lists the finding itself.
    const rec = (
      await bed.leader.get(
        '/api/indicators/inspection.findingsOverdue/records?year=2024&region=330211003&limit=10',
      )
    ).json();
    expect(rec.items.map((r: { id: number }) => r.id)).toEqual([overdueFinding]);
  });

  it('changing a record changes the score: the overdue finding rectified late and closed', async () => {
    expect(
      (
        await kit.act('supervision/finding', overdueFinding, 'report', '2024-06-03', {
          plan: '整改',
          result: '完成',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await kit.act('supervision/finding', overdueFinding, 'verify', '2024-06-07', {
          result: 'closed',
          opinion: '到位',
        })
      ).statusCode,
    ).toBe(200);
    const ev = (await bed.leader.get('/api/lines/supervision/evaluation?year=2024')).json();
    // Closed 1 of the best town's 2 → 30 of 60; still overdue once (reported late) → 0 of 40.
    expect(town(ev, '330211003')).toMatchObject({ total: 30, rank: 7 });
  });

  it('a township office sees its own sheet only; a department none', async () => {
    const mine = (await bed.town.get('/api/lines/supervision/evaluation?year=2024')).json();
    expect(mine.towns.map((t: { town: string; total: number }) => [t.town, t.total])).toEqual([
      ['330211001', 100],
    ]);
    const dept = await bed.deptOfficer.get('/api/lines/supervision/evaluation?year=2024');
    expect(dept.statusCode).toBe(403);
  });
});
