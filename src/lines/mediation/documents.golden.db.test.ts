import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mediationTestbed } from '../../../test/support/mediation.ts';

const { bed, kit, documentText } = mediationTestbed();
const CASE = 'mediation/case';

/**
 * Every document of the line, issued for fixed cases and read back from the DOCX the committee downloads, compared
 * with its whole text (number, title, recipient, body, signature, date). The golden texts are in
 * documents.golden.txt, one block per template: read them as the printed page. GOLDEN_WRITE=1 rewrites them.
 */
const goldenFile = new URL('./documents.golden.txt', import.meta.url);
const golden: Record<string, string[]> = existsSync(goldenFile)
  ? Object.fromEntries(
      readFileSync(goldenFile, 'utf8')
        .split(/^=== /m)
        .filter(Boolean)
        .map((block) => {
          const [id, ...lines] = block.trimEnd().split('\n');
          return [id!.trim(), lines];
        }),
    )
  : {};

const issued = new Map<string, number>();

beforeAll(async () => {
  const take = async (
    id: number,
    action: string,
    date: string,
    data: Record<string, unknown> = {},
    as?: string,
  ) => {
    const res = await kit.act(CASE, id, action, date, data);
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
    for (const d of res.json().documents) {
      const key = as && d.kind === 'mediation.courtReply' ? `${d.kind}.${as}` : d.kind;
      if (!issued.has(key)) issued.set(key, d.id);
    }
  };
  const created = await kit.create(CASE);
  for (const d of (created as unknown as { documents: { kind: string; id: number }[] }).documents)
    issued.set(d.kind, d.id);
  const assign = { mediatorIds: [bed.mediators.lead, bed.mediators.second], noConflictDeclared: true };
  const steps: [string, string, Record<string, unknown>?][] = [
    ['accept', '2025-03-04', { partiesConsent: true }],
    ['assign', '2025-03-05', assign],
    ['holdSession', '2025-03-10', { place: '城东社区调解室', attendees: '张某、李某、王调解、赵调解' }],
    [
      'agree',
      '2025-03-20',
      {
        form: 'written',
        agreement:
          '一、李某于2025年4月30日前赔偿张某墙面修复费用3000元，分两期支付；二、双方就本纠纷再无其他争议。',
        amountAgreed: 3000,
        performance: 'instalments',
      },
    ],
    ['applyConfirmation', '2025-03-25', { court: '宁波市镇海区人民法院' }],
    ['recordConfirmation', '2025-04-10', { result: 'valid', rulingNo: '（2025）浙0211民特45号' }],
    [
      'followUp',
      '2025-05-06',
      { visited: '张某', method: 'visit', findings: '李某已付清全部款项，双方关系和睦。', satisfied: true },
    ],
  ];
  for (const [action, date, data] of steps) await take(created.id, action, date, data);

  const oral = await kit.matterIn(CASE, 'mediating.session');
  await take(oral.id, 'agree', '2025-03-12', {
    form: 'oral',
    agreement: '李某当日修复渗水管道，张某不再主张赔偿。',
    amountAgreed: 0,
    performance: 'immediate',
  });

  const referral = {
    source: 'courtDelegated',
    channel: undefined,
    courtName: '宁波市镇海区人民法院',
    courtCaseNo: '（2025）浙0211民诉前调301号',
    materialsReceivedOn: '2025-03-03',
    disputeType: 'contract',
    amount: 28000,
    facts: '张某向李某购买二手车，双方就车款支付发生争议',
  };
  const delegated = await kit.create(CASE, referral);
  await take(delegated.id, 'accept', '2025-03-04', { partiesConsent: true });
  await take(delegated.id, 'assign', '2025-03-05', {
    mediatorIds: [bed.mediators.pooled],
    noConflictDeclared: true,
  });
  await take(delegated.id, 'holdSession', '2025-03-11', { place: '区矛调中心', attendees: '张某、李某' });
  await take(
    delegated.id,
    'agree',
    '2025-03-18',
    {
      form: 'written',
      agreement: '张某于2025年3月31日前支付剩余车款20000元。',
      amountAgreed: 20000,
      performance: 'pending',
    },
    'agreed',
  );

  const returned = await kit.create(CASE, { ...referral, courtCaseNo: '（2025）浙0211民诉前调302号' });
  await take(returned.id, 'accept', '2025-03-04', { partiesConsent: true });
  await take(
    returned.id,
    'fail',
    '2025-03-14',
    { reason: 'partyWithdrew', referredTo: 'court', note: '李某表示不愿继续调解，坚持诉讼。' },
    'failed',
  );
});

describe('the eight documents of a mediation case read, word for word, as the committee prints them', () => {
  it('issues every template of the line', () => {
    expect([...new Set([...issued.keys()].map((k) => k.replace(/\.(agreed|failed)$/, '')))].sort()).toEqual(
      [
        'acceptance',
        'agreement',
        'application',
        'confirmationApplication',
        'courtReply',
        'followUp',
        'oralRecord',
        'termination',
      ].map((t) => `mediation.${t}`),
    );
  });

  it('has a golden text for every document issued', async () => {
    // GOLDEN_WRITE=1 rewrites the file from what is issued now: read its diff as a practitioner would before committing.
    if (process.env.GOLDEN_WRITE) {
      const blocks: string[] = [];
      for (const [id, docId] of [...issued].sort())
        blocks.push(`=== ${id}\n${(await documentText(docId)).join('\n')}\n`);
      writeFileSync(goldenFile, blocks.join(''));
      return;
    }
    expect(Object.keys(golden).sort()).toEqual([...issued.keys()].sort());
  });

  it.each([...Object.keys(golden)])('%s', async (id) => {
    const docId = issued.get(id);
    expect(docId, `no document ${id} was issued`).toBeDefined();
    const text = await documentText(docId!);
    expect(text).toEqual(golden[id]);
  });
});
