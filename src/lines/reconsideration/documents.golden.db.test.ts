import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { reconsiderationTestbed } from '../../../test/support/reconsideration.ts';

const { bed, kit, documentText } = reconsiderationTestbed();
const APP = 'reconsideration/application';

/**
 * Every document of the line, issued for fixed matters and read back from the DOCX the office downloads, compared
 * with its whole text (number, title, recipient, body, signature, date). The golden texts are in
 * documents.golden.txt, one block per template: read them as the printed page.
 */
const golden = Object.fromEntries(
  readFileSync(new URL('./documents.golden.txt', import.meta.url), 'utf8')
    .split(/^=== /m)
    .filter(Boolean)
    .map((block) => {
      const [id, ...lines] = block.trimEnd().split('\n');
      return [id!.trim(), lines];
    }),
);

const issued = new Map<string, number>();

beforeAll(async () => {
  const intake = {
    applicants: [{ partyType: 'person', name: '张某', idNumber: '330211199001011236' }],
    thirdParties: [
      { partyType: 'organisation', name: '宁波某某贸易有限公司', creditCode: '91330211MA2GQ0XY52' },
    ],
    actTitle: '行政处罚决定',
    actDocNo: '甬镇市监罚〔2025〕12号',
    request: '撤销被申请人作出的行政处罚决定',
  };
  const heard = await kit.matterIn(APP, 'received', intake);
  const steps: [string, string, Record<string, unknown>?][] = [
    ['requestSupplement', '2025-03-04', { items: '请提供行政处罚决定书复印件及身份证明' }],
    ['supplementReceived', '2025-03-06'],
    ['accept', '2025-03-07', { procedure: 'ordinary' }],
    ['sendCopy', '2025-03-10'],
    [
      'noticeHearing',
      '2025-03-11',
      { hearingOn: '2025-03-20', place: '区司法局听证室', matters: '处罚事实认定是否清楚' },
    ],
    ['holdHearing', '2025-03-20', { summary: '双方到场' }],
    [
      'extend',
      '2025-04-01',
      { days: 30, reason: '案情复杂，需要进一步调查取证', approvedBy: '王某（科长）' },
    ],
    ['suspend', '2025-04-07', { cause: 'forceMajeure', note: '申请人因病住院治疗' }],
    ['resume', '2025-04-21', { note: '申请人已出院' }],
    [
      'decide',
      '2025-05-20',
      {
        decisionType: 'revokeRedo',
        redoWithinDays: 30,
        findings: '被申请人认定申请人销售过期食品，但现场检查笔录未记载商品的生产日期。',
        reasoning: '被申请人作出的行政处罚决定主要事实不清、证据不足。',
      },
    ],
    [
      'issueOpinionLetter',
      '2025-05-22',
      {
        recipientOrgId: bed.market,
        problems: '现场检查笔录记载不全。',
        opinion: '请规范现场检查笔录的制作。',
      },
    ],
    [
      'issueRecommendation',
      '2025-05-23',
      { recipientOrgId: bed.market, problems: '执法人员培训不足。', recommendation: '加强执法人员培训。' },
    ],
  ];
  const take = async (id: number, action: string, date: string, data: Record<string, unknown> = {}) => {
    const res = await kit.act(APP, id, action, date, data);
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
    for (const d of res.json().documents) if (!issued.has(d.kind)) issued.set(d.kind, d.id);
  };
  for (const [action, date, data] of steps) await take(heard.id, action, date, data);

  const refused = await kit.matterIn(APP, 'received', { actDocNo: '甬镇市监罚〔2025〕13号' });
  await take(refused.id, 'refuse', '2025-03-05', { reason: '申请人提出的事项不属于行政复议范围。' });

  const simplified = await kit.matterIn(APP, 'received', { actDocNo: '甬镇市监罚〔2025〕14号' });
  await take(simplified.id, 'accept', '2025-03-05', {
    procedure: 'simplified',
    simplifiedGround: 'smallAmount',
  });
  issued.set(
    'reconsideration.acceptance.simplified',
    (await docOf(simplified.id, 'reconsideration.acceptance'))!,
  );
  await take(simplified.id, 'terminate', '2025-03-20', {
    cause: 'withdrawn',
    note: '申请人于2025年3月18日书面撤回申请。',
  });

  const mediated = await kit.matterIn(APP, 'review', { actDocNo: '甬镇市监罚〔2025〕15号' });
  await take(mediated.id, 'mediate', '2025-03-25', {
    agreement: '被申请人将罚款减为二千元，申请人撤回行政复议请求。',
  });
});

async function docOf(matterId: number, kind: string) {
  const { rows } = await bed.t.db.query<{ id: number }>(
    'SELECT id FROM documents WHERE matter_id = $1 AND kind = $2 ORDER BY id LIMIT 1',
    [matterId, kind],
  );
  return rows[0]?.id;
}

describe('the thirteen documents of a reconsideration matter read, word for word, as the office prints them', () => {
  it('issues every template of the line', () => {
    const templates = [...issued.keys()].filter((k) => !k.endsWith('.simplified'));
    expect(templates.sort()).toEqual(
      [
        'acceptance',
        'decision',
        'extensionNotice',
        'hearingNotice',
        'mediation',
        'opinionLetter',
        'recommendation',
        'refusal',
        'replyNotice',
        'resumptionNotice',
        'supplementNotice',
        'suspensionNotice',
        'termination',
      ].map((t) => `reconsideration.${t}`),
    );
  });

  it.each(Object.keys(golden))('%s', async (id) => {
    const docId = issued.get(id);
    expect(docId, `no document ${id} was issued`).toBeDefined();
    const text = await documentText(docId!);
    if (process.env.GOLDEN_PRINT) console.log(`=== ${id}\n${text.join('\n')}`);
    expect(text).toEqual(golden[id]);
  });
});
