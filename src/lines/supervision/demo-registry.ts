/**
 * What the demo needs besides matters: the towns' governments as inspected units (kind government, one per town,
 * added if no other line added them), the observation posts and the recorded external results (2024: 2 posts
 * selected in Ningbo's first batch, 4 best-practice projects, the 2023 assessment tier, the 九龙湖镇 honour, the
 * provincial exchange).
 */
import { systemActor } from '../../platform/access/actor.ts';
import type { Tx } from '../../platform/db/pool.ts';
import { insertOrg } from '../../platform/orgs/queries.ts';
import { TOWN_CODES, townGovCode } from './demo.ts';
import { addPost, addRecognition } from './registry.ts';

async function idOf(tx: Tx, code: string): Promise<number | null> {
  const { rows } = await tx.query<{ id: number }>('SELECT id FROM orgs WHERE code = $1', [code]);
  return rows[0]?.id ?? null;
}

/** The demo organs the plan names, by code; null when the demo district is not there. */
export async function ensureDemoOrgs(tx: Tx): Promise<Map<string, number> | null> {
  const district = await idOf(tx, 'district');
  if (!district || !(await idOf(tx, 'dept-market'))) return null;
  for (const town of TOWN_CODES) {
    if (await idOf(tx, townGovCode(town))) continue;
    const { rows } = await tx.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [town]);
    const name = rows[0]?.name;
    if (!name) continue;
    await insertOrg(tx, {
      code: townGovCode(town),
      name: name.endsWith('街道') ? `宁波市镇海区${name}办事处` : `宁波市镇海区${name}人民政府`,
      shortName: name,
      kind: 'government',
      parentId: district,
      regionCode: town,
      isDemo: true,
    });
  }
  const { rows } = await tx.query<{ code: string; id: number }>(
    `SELECT code, id FROM orgs WHERE code LIKE 'dept-%' OR code LIKE 'town-gov-%' OR code IN ('bureau', 'sec-inspection')`,
  );
  return new Map(rows.map((r) => [r.code, Number(r.id)]));
}

/** Posts and recognitions, once (the marker's loader calls it in its first batch). */
export async function insertDemoRecords(tx: Tx, orgs: Map<string, number>, today: string) {
  const bureau = orgs.get('sec-inspection') ?? orgs.get('bureau')!;
  const posts = [
    {
      name: '骆驼街道行政执法监督观察站',
      host: '骆驼街道综合信息指挥室',
      liaison: '王某（联络员）',
      setUpOn: '2024-03-15',
      selectedOn: '2024-09-20',
    },
    {
      name: '宁波石化经济技术开发区行政执法监督观察点',
      host: '开发区企业服务中心',
      liaison: '陈某（联络员）',
      setUpOn: '2024-04-02',
      selectedOn: '2024-09-20',
    },
    {
      name: '庄市街道行政执法监督观察点',
      host: '庄市街道商会',
      liaison: '李某（联络员）',
      setUpOn: '2025-05-10',
    },
  ];
  for (const p of posts)
    if (p.setUpOn <= today)
      await addPost(
        tx,
        systemActor,
        {
          ...p,
          ownerOrgId: bureau,
          ...(p.selectedOn && p.selectedOn <= today
            ? { selection: '宁波市首批行政执法监督观察站（点）', selectedOn: p.selectedOn }
            : {}),
        },
        true,
      );
  const rec = (
    kind: 'bestPractice' | 'landmark' | 'assessmentTier' | 'honour' | 'exchange',
    title: string,
    holder: string,
    awardedBy: string,
    result: string,
    recordedOn: string,
    assessedYear?: number,
  ) => ({
    kind,
    title,
    holder,
    ownerOrgId: bureau,
    awardedBy,
    result,
    recordedOn,
    evidence: `${awardedBy}公布的名单（${recordedOn}）`,
    ...(assessedYear ? { assessedYear } : {}),
  });
  const records = [
    rec(
      'bestPractice',
      '镇海区行政争议实质性化解机制',
      '宁波市镇海区司法局',
      '宁波市委全面依法治市委员会办公室',
      '纳入“最佳实践”培育库',
      '2023-08-18',
    ),
    rec(
      'bestPractice',
      '“调解+行政复议”联动化解模式',
      '宁波市镇海区司法局',
      '宁波市委全面依法治市委员会办公室',
      '纳入“最佳实践”培育库',
      '2023-08-18',
    ),
    rec(
      'bestPractice',
      '法律援助权利告知制度',
      '宁波市镇海区司法局',
      '宁波市委全面依法治市委员会办公室',
      '纳入宁波市县乡法治政府“最佳实践”培育库',
      // The year's first project (the report names it: “法律援助权利告知制度”等4个项目).
      '2024-06-21',
    ),
    rec(
      'bestPractice',
      '镇（街道）合法性审查中心实质化运作',
      '宁波市镇海区司法局',
      '宁波市委全面依法治市委员会办公室',
      '纳入宁波市县乡法治政府“最佳实践”培育库',
      '2024-07-12',
    ),
    rec(
      'bestPractice',
      '“法治九龙”基层依法治理',
      '宁波市镇海区九龙湖镇人民政府',
      '宁波市委全面依法治市委员会办公室',
      '纳入宁波市县乡法治政府“最佳实践”培育库',
      '2024-07-12',
    ),
    rec(
      'bestPractice',
      '信用修复与修复保护全链条改革',
      '宁波市镇海区司法局',
      '宁波市委全面依法治市委员会办公室',
      '纳入宁波市县乡法治政府“最佳实践”培育库',
      '2024-07-12',
    ),
    rec(
      'landmark',
      '关于健全重大行政决策责任追究机制的指导意见',
      '宁波市镇海区司法局',
      '浙江省司法厅',
      '入选省厅重大行政决策标志性成果培育项目',
      '2024-06-28',
    ),
    rec(
      'assessmentTier',
      '2023年法治宁波建设年度考评',
      '镇海区',
      '宁波市委全面依法治市委员会',
      '全市第一档',
      '2024-04-26',
      2023,
    ),
    rec(
      'honour',
      '全国“八五”普法中期表现突出单位',
      '宁波市镇海区九龙湖镇人民政府',
      '全国普法办',
      '获评',
      '2024-05-20',
    ),
    rec(
      'exchange',
      '全省行政调解工作现场会',
      '宁波市镇海区司法局',
      '浙江省司法厅',
      '作经验交流',
      '2024-11-28',
    ),
  ];
  for (const r of records) if (r.recordedOn <= today) await addRecognition(tx, systemActor, r, true);
}
