/**
 * The legality review part of the kernel's indicator sweep (test/kernel/indicator-sweep.db.test.ts): a hand-worked
 * fixture of items in 2024 and 2025, each walked through the API by a bureau-level clerk of the district centre.
 * Its expected figures are written beside the other lines' in the sweep.
 */
import { addReviewer } from '../../src/lines/legality-review/registry.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import type { Db } from '../../src/platform/db/pool.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import type { Client } from './app.ts';
import { orgId } from './app.ts';

const ISSUE = {
  problem: '条款缺乏上位法依据',
  basis: '《中华人民共和国立法法》第九十三条',
  suggestion: '删除该条款',
};
const conclude = (conclusion: string, issues: number) => ({
  conclusion,
  items: Array.from({ length: issues }, () => ISSUE),
  reasons: '经审查。',
  signedOffBy: '陈某',
});

/**
 * L1 the district government's normative document, concluded 10 March 2025 with 2 issues, both adopted (20 March);
 * L2 the market bureau's major decision, lawful, 10 April 2025, no feedback yet; L3 招宝山街道's contract, co-reviewed
 * by the district centre 12 May 2025, concluded 14 May with 1 issue, not adopted (26 May); L6 招宝山街道's normative
 * document received in June 2025, not yet accepted. Last year: L4 骆驼街道's other item, lawful, 12 November 2024,
 * reported back adopted on 20 November; L5 the market bureau's contract, unlawful with 1 issue, 10 December 2024,
 * reported back partly adopted on 10 January 2025.
 */
export async function legalitySweepFixture(db: Db, clerk: Client): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const o = {
    centre: await orgId(db, 'sec-legality'),
    jo1: await orgId(db, 'jo-330211001'),
    jo3: await orgId(db, 'jo-330211003'),
    market: await orgId(db, 'dept-market'),
    government: await orgId(db, 'district-government'),
  };
  const r = await withTx(db, async (tx) => {
    const add = (orgId: number, name: string) =>
      addReviewer(tx, systemActor, { orgId, name, reviewerKind: 'reviewer', joinedOn: '2023-01-01' });
    return {
      centre: await add(o.centre, '周审查'),
      jo1: await add(o.jo1, '郑法审'),
      jo3: await add(o.jo3, '蒋法审'),
    };
  });
  const base = { legalBases: '相关法律法规', offeredDays: 10, marketActivity: false };
  const items: [string, Record<string, unknown>, number, [string, string, Record<string, unknown>][]][] = [
    [
      'L4',
      {
        centreOrgId: o.jo3,
        submitterKind: 'townOffice',
        submitterName: '骆驼街道党政办公室',
        itemKind: 'other',
      },
      r.jo3,
      [
        ['conclude', '2024-11-12', conclude('lawful', 0)],
        ['recordFeedback', '2024-11-20', { adoptions: [] }],
      ],
    ],
    [
      'L5',
      { centreOrgId: o.centre, submitterKind: 'department', submitterOrgId: o.market, itemKind: 'contract' },
      r.centre,
      [
        ['conclude', '2024-12-10', conclude('unlawful', 1)],
        ['recordFeedback', '2025-01-10', { adoptions: [{ seq: 1, adoption: 'partly', reason: '部分采纳' }] }],
      ],
    ],
    [
      'L1',
      {
        centreOrgId: o.centre,
        submitterKind: 'government',
        submitterOrgId: o.government,
        itemKind: 'normativeDoc',
      },
      r.centre,
      [
        ['conclude', '2025-03-10', conclude('lawfulIfAmended', 2)],
        [
          'recordFeedback',
          '2025-03-20',
          {
            adoptions: [
              { seq: 1, adoption: 'adopted' },
              { seq: 2, adoption: 'adopted' },
            ],
          },
        ],
      ],
    ],
    [
      'L2',
      {
        centreOrgId: o.centre,
        submitterKind: 'department',
        submitterOrgId: o.market,
        itemKind: 'majorDecision',
      },
      r.centre,
      [['conclude', '2025-04-10', conclude('lawful', 0)]],
    ],
    [
      'L3',
      {
        centreOrgId: o.jo1,
        submitterKind: 'townOffice',
        submitterName: '招宝山街道经济发展办公室',
        itemKind: 'contract',
      },
      r.jo1,
      [
        ['requestCoReview', '2025-05-08', { reason: '疑难' }],
        ['giveCoReview', '2025-05-12', { opinion: '同意' }],
        ['conclude', '2025-05-14', conclude('lawfulIfAmended', 1)],
        [
          'recordFeedback',
          '2025-05-26',
          { adoptions: [{ seq: 1, adoption: 'rejected', reason: '不予采纳' }] },
        ],
      ],
    ],
  ];
  const received: Record<string, string> = {
    L4: '2024-11-04',
    L5: '2024-12-02',
    L1: '2025-03-03',
    L2: '2025-04-01',
    L3: '2025-05-06',
  };
  for (const [label, intake, reviewer, steps] of items) {
    const day = received[label]!;
    const res = await clerk.post('/api/lines/legalityReview/item', {
      ...base,
      ...intake,
      receivedOn: day,
      itemTitle: `${label}号事项`,
    });
    if (res.statusCode !== 201) throw new Error(`${label}: ${res.body}`);
    const m = res.json();
    let version = m.version;
    const accept: [string, string, Record<string, unknown>] = [
      'accept',
      day.replace(/\d\d$/, (d) => String(Number(d) + 1).padStart(2, '0')),
      { reviewerIds: [reviewer], noConflictDeclared: true },
    ];
    for (const [action, date, data] of [accept, ...steps]) {
      const s = await clerk.post(`/api/lines/legalityReview/item/${m.id}/${action}`, { version, date, data });
      if (s.statusCode !== 200) throw new Error(`${label} ${action}: ${s.body}`);
      version = s.json().version;
    }
    ids.set(label, m.id);
  }
  const l6 = await clerk.post('/api/lines/legalityReview/item', {
    ...base,
    centreOrgId: o.jo1,
    submitterKind: 'townOffice',
    submitterName: '招宝山街道党政办公室',
    itemKind: 'normativeDoc',
    receivedOn: '2025-06-02',
    itemTitle: 'L6号事项',
  });
  if (l6.statusCode !== 201) throw new Error(`L6: ${l6.body}`);
  ids.set('L6', l6.json().id);
  return ids;
}
