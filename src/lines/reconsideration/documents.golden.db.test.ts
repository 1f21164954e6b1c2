import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decisionData, reconsiderationTestbed } from '../../../test/support/reconsideration.ts';
import { withTx } from '../../platform/db/pool.ts';
import { insertOrg } from '../../platform/orgs/queries.ts';
import { reconsiderationTemplates } from './documents.ts';

const { bed, kit, documentText } = reconsiderationTestbed();
const APP = 'reconsideration/application';

/**
 * Every document of the line, issued for fixed matters and read back from the DOCX the office downloads, compared
 * with its whole text (number, title, recipient, body, signature, date). Twice: for applications received in 2025
 * (the 2023 law) and in December 2023 (the 2017 law and the 2007 实施条例, issue 10 §2). The golden texts are in
 * documents.golden.txt, one block per template (`2023:` before the id for the older law): read them as the page.
 * The signature line is the issuer: the 复议机关 (宁波市镇海区人民政府) for its acts, the 复议机构 (宁波市镇海区司法局)
 * for its own.
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
const applicant = {
  partyType: 'person',
  name: '张某',
  idNumber: '330211199001011236',
  address: '浙江省宁波市镇海区骆驼街道某某路1号',
};
const thirdParty = {
  partyType: 'organisation',
  name: '宁波某某贸易有限公司',
  creditCode: '91330211MA2GQ0XY52',
  legalRepresentative: '王某',
  address: '浙江省宁波市镇海区庄市街道某某路2号',
};
const company = {
  partyType: 'organisation',
  name: '宁波某某建材有限公司',
  creditCode: '91350100M000100Y43',
  legalRepresentative: '赵某',
};
const law2017 = { receivedOn: '2023-12-20', actDate: '2023-12-01', actKnownOn: '2023-12-05' };

type Steps = [string, string, Record<string, unknown>?][];

beforeAll(async () => {
  const take = async (
    prefix: string,
    id: number,
    action: string,
    date: string,
    data: Record<string, unknown> = {},
  ) => {
    const res = await kit.act(APP, id, action, date, data);
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
    for (const d of res.json().documents) if (!issued.has(prefix + d.kind)) issued.set(prefix + d.kind, d.id);
  };
  const walk = async (prefix: string, id: number, steps: Steps) => {
    for (const [action, date, data] of steps) await take(prefix, id, action, date, data);
  };
  const receiptOf = async (prefix: string, id: number) => {
    if (!issued.has(`${prefix}reconsideration.receipt`))
      issued.set(`${prefix}reconsideration.receipt`, (await docOf(id, 'reconsideration.receipt'))!);
  };

  // ——— 2025: the 2023 law ———
  const heard = await kit.matterIn(APP, 'received', {
    applicants: [applicant],
    representatives: [{ name: '孙某', relation: '浙江某某律师事务所律师' }],
    thirdParties: [thirdParty],
    actTitle: '行政处罚决定',
    actDocNo: '甬镇市监罚〔2025〕12号',
    request: '撤销被申请人作出的行政处罚决定',
  });
  await receiptOf('', heard.id);
  await walk('', heard.id, [
    ['requestSupplement', '2025-03-04', { items: '请提供行政处罚决定书复印件及身份证明' }],
    ['supplementReceived', '2025-03-06'],
    ['accept', '2025-03-07', { procedure: 'ordinary' }],
    ['sendCopy', '2025-03-10'],
    [
      'serveCopy',
      '2025-03-11',
      { method: 'post', receivedOn: '2025-03-11', recipient: '李某', proof: 'EMS1234567890' },
    ],
    [
      'noticeHearing',
      '2025-03-11',
      { hearingOn: '2025-03-20', place: '区司法局听证室', matters: '处罚事实认定是否清楚' },
    ],
    [
      'receiveReply',
      '2025-03-14',
      {
        summary: '申请人销售过期食品的事实有现场检查笔录为证，处罚适当，请求维持。',
        replyTitle: '行政复议答复书',
        replyPages: 4,
        evidence: [
          { name: '现场检查笔录', pages: 3, source: '被申请人执法人员现场制作' },
          { name: '《中华人民共和国食品安全法》第一百二十四条' },
        ],
      },
    ],
    ['holdHearing', '2025-03-20', { summary: '双方到场' }],
    [
      'extend',
      '2025-04-01',
      { days: 30, reason: '案情复杂，需要进一步调查取证', approvedBy: '王某（局长）' },
    ],
    ['suspend', '2025-04-07', { cause: 'forceMajeure', note: '申请人因病住院治疗。' }],
    ['resume', '2025-04-21', { note: '申请人已出院' }],
    [
      'decide',
      '2025-05-20',
      decisionData('revokeRedo', {
        ground: 'a64.1',
        redoWithinDays: 30,
        // Typed with the words the decision prints itself: printed once.
        findings: '经审理查明：被申请人认定申请人销售过期食品，但现场检查笔录未记载商品的生产日期。',
        reasoning: '本机关认为：被申请人作出的行政处罚决定主要事实不清、证据不足。',
        thirdPartyOpinion: '第三人认为其供货的食品均在保质期内。',
        approval: 'collective',
        approvedBy: '区人民政府行政复议案件集体讨论会议',
      }),
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
  ]);

  // A respondent outside the district government's jurisdiction: a vertically managed organ (Art. 27).
  const tax = await withTx(bed.t.db, async (tx) => {
    const { rows } = await tx.query<{ id: number; region_code: string }>(
      `SELECT id, region_code FROM orgs WHERE code = 'district'`,
    );
    return insertOrg(tx, {
      code: 'dept-tax-golden',
      name: '国家税务总局宁波市镇海区税务局',
      kind: 'department',
      parentId: rows[0]!.id,
      regionCode: rows[0]!.region_code,
    });
  });
  const refused = await kit.matterIn(APP, 'received', {
    applicants: [company],
    respondentOrgId: tax,
    actTitle: '税务处理决定',
    actDocNo: '镇税处〔2025〕13号',
  });
  await walk('', refused.id, [
    [
      'refuse',
      '2025-03-05',
      {
        ground: 'outsideJurisdiction',
        reason:
          '被申请人系实行垂直领导的税务机关，对其作出的行政行为不服的，应当向其上一级主管部门申请行政复议。',
        properBody: '国家税务总局宁波市税务局',
      },
    ],
  ]);

  const simplified = await kit.matterIn(APP, 'received', { actDocNo: '甬镇市监罚〔2025〕14号' });
  await walk('', simplified.id, [
    ['accept', '2025-03-05', { procedure: 'simplified', simplifiedGround: 'smallAmount' }],
  ]);
  issued.set(
    'reconsideration.acceptance.simplified',
    (await docOf(simplified.id, 'reconsideration.acceptance'))!,
  );
  await walk('', simplified.id, [
    ['convertToOrdinary', '2025-03-10', { reason: '案件涉及第三人合法权益，需要进一步调查' }],
    [
      'terminate',
      '2025-03-20',
      { cause: 'withdrawn', note: '申请人于2025年3月18日书面申请撤回行政复议申请。' },
    ],
  ]);

  // Acceptance recorded after the review period ran out (Mon 10 March): deemed accepted from that day (Art. 30(3)).
  const deemed = await kit.matterIn(APP, 'received', { actDocNo: '甬镇市监罚〔2025〕16号' });
  await walk('', deemed.id, [['accept', '2025-03-12', { procedure: 'ordinary' }]]);
  issued.set('reconsideration.acceptance.deemed', (await docOf(deemed.id, 'reconsideration.acceptance'))!);
  const mediated = await kit.matterIn(APP, 'review', { actDocNo: '甬镇市监罚〔2025〕15号' });
  await walk('', mediated.id, [
    ['mediate', '2025-03-25', { agreement: '被申请人将罚款减为二千元，申请人撤回行政复议请求。' }],
  ]);

  // ——— December 2023: the 2017 law and the 2007 实施条例 ———
  const old = await kit.matterIn(APP, 'received', {
    ...law2017,
    applicants: [company],
    thirdParties: [thirdParty],
    actTitle: '行政处罚决定',
    actDocNo: '甬镇市监罚〔2023〕88号',
    request: '撤销被申请人作出的行政处罚决定',
  });
  await receiptOf('2023:', old.id);
  await walk('2023:', old.id, [
    ['requestSupplement', '2023-12-21', { items: '请提供营业执照复印件', periodDays: 15 }],
    ['supplementReceived', '2023-12-26'],
    ['accept', '2023-12-27', { procedure: 'ordinary' }],
    ['sendCopy', '2023-12-28'],
    ['serveCopy', '2023-12-28', { method: 'inPerson', receivedOn: '2023-12-28', recipient: '李某' }],
    ['receiveReply', '2024-01-05', { summary: '处罚事实清楚，程序合法。' }],
    [
      'noticeHearing',
      '2024-01-08',
      { hearingOn: '2024-01-16', place: '区司法局听证室', matters: '罚款数额是否适当' },
    ],
    ['holdHearing', '2024-01-16', { summary: '双方到场' }],
    ['extend', '2024-02-05', { days: 20, reason: '案情复杂，需要补充鉴定', approvedBy: '李某（副区长）' }],
    ['suspend', '2024-02-19', { cause: 'relatedCase', note: '' }],
    ['resume', '2024-02-26', { note: '关联案件已审结' }],
    [
      'decide',
      '2024-03-08',
      decisionData('change', {
        changedTo: '罚款人民币五千元',
        compensation: 'rejected',
        findings: '申请人违法经营的事实清楚，但罚款数额明显不当。',
        reasoning: '被申请人作出的行政处罚决定内容明显不当。',
      }),
    ],
    [
      'issueOpinionLetter',
      '2024-03-12',
      { recipientOrgId: bed.market, problems: '裁量基准适用不当。', opinion: '请对同类案件开展自查。' },
    ],
    [
      'issueRecommendation',
      '2024-03-13',
      { recipientOrgId: bed.market, problems: '裁量基准不够细化。', recommendation: '细化罚款裁量基准。' },
    ],
  ]);
  const oldRefused = await kit.matterIn(APP, 'received', { ...law2017, actDocNo: '甬镇市监罚〔2023〕89号' });
  await walk('2023:', oldRefused.id, [
    [
      'refuse',
      '2023-12-21',
      { ground: 'noInterest', reason: '申请人并非该行政处罚决定的相对人，与其没有利害关系。' },
    ],
  ]);
  const oldWithdrawn = await kit.matterIn(APP, 'received', {
    ...law2017,
    actDocNo: '甬镇市监罚〔2023〕90号',
  });
  await walk('2023:', oldWithdrawn.id, [
    ['accept', '2023-12-22', { procedure: 'ordinary' }],
    [
      'terminate',
      '2023-12-29',
      { cause: 'withdrawn', note: '申请人于2023年12月28日书面申请撤回行政复议申请。' },
    ],
  ]);
  const oldMediated = await kit.matterIn(APP, 'received', { ...law2017, actDocNo: '甬镇市监罚〔2023〕91号' });
  await walk('2023:', oldMediated.id, [
    ['accept', '2023-12-22', { procedure: 'ordinary' }],
    ['mediate', '2024-01-10', { agreement: '被申请人将罚款减为三千元，申请人撤回行政复议请求。' }],
  ]);
});

async function docOf(matterId: number, kind: string) {
  const { rows } = await bed.t.db.query<{ id: number }>(
    'SELECT id FROM documents WHERE matter_id = $1 AND kind = $2 ORDER BY id LIMIT 1',
    [matterId, kind],
  );
  return rows[0]?.id;
}

describe('the documents of a reconsideration matter read, word for word, as the office prints them', () => {
  it('issues every template of the line under the 2023 law, and all but the conversion under the 2017 law', () => {
    const all = reconsiderationTemplates.map((t) => t.id).sort();
    expect(
      [...issued.keys()].filter((k) => !k.startsWith('2023:') && !/\.(simplified|deemed)$/.test(k)).sort(),
    ).toEqual(all);
    // The 2017 law has no simplified procedure, so nothing to convert from.
    expect(
      [...issued.keys()]
        .filter((k) => k.startsWith('2023:'))
        .map((k) => k.slice(5))
        .sort(),
    ).toEqual(all.filter((t) => t !== 'reconsideration.conversionNotice'));
  });

  it('speaks as the 复议机关 for its acts and as the 复议机构 for its own, under either law', async () => {
    const organ = '宁波市镇海区人民政府';
    const body = '宁波市镇海区司法局';
    const bodyActs = [
      'receipt',
      'replyNotice',
      'hearingNotice',
      'conversionNotice',
      'withdrawalApproval',
      'recommendation',
      'serviceCertificate',
    ];
    const signatures: Record<string, string> = {};
    for (const [id, docId] of issued) signatures[id] = (await documentText(docId)).at(-2)!;
    expect(signatures).toEqual(
      Object.fromEntries(
        [...issued.keys()].map((id) => [
          id,
          bodyActs.includes(id.replace(/^2023:/, '').split('.')[1]!) ? body : organ,
        ]),
      ),
    );
  });

  it('has a golden text for every document issued', async () => {
    // GOLDEN_WRITE=1 rewrites the file from what is issued now: read its diff as a practitioner would before committing.
    if (process.env.GOLDEN_WRITE) {
      const blocks: string[] = [];
      for (const id of [...issued.keys()].sort())
        blocks.push(`=== ${id}\n${(await documentText(issued.get(id)!)).join('\n')}\n`);
      writeFileSync(new URL('./documents.golden.txt', import.meta.url), blocks.join(''));
      return;
    }
    expect(Object.keys(golden).sort()).toEqual([...issued.keys()].sort());
  });

  it.each(Object.keys(golden))('%s', async (id) => {
    const docId = issued.get(id);
    expect(docId, `no document ${id} was issued`).toBeDefined();
    const text = await documentText(docId!);
    if (process.env.GOLDEN_PRINT) console.log(`=== ${id}\n${text.join('\n')}`);
    expect(text).toEqual(golden[id]);
  });
});
