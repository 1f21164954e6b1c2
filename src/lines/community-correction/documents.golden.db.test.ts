import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, makeUser, orgId, signIn, testApp } from '../../../test/support/app.ts';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { documentText } from '../../../test/support/docx-text.ts';
import type { App } from '../../platform/http/app.ts';

/**
 * Every document of the line, issued for fixed subjects and read back from the DOCX, compared with its whole text
 * (number, title, recipient, body, signature, date) in documents.golden.txt. GOLDEN_WRITE=1 rewrites it.
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

let t: TestDb;
let app: App;
let clerk: Client;
const issued = new Map<string, number>();

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { today: '2026-11-25' });
  await makeUser(t.db, 'golden.correction', [{ org: 'sec-correction', role: 'sectionStaff' }]);
  clerk = await signIn(app, 'golden.correction');
  const office = await orgId(t.db, 'jo-330211001');
  const note = (docs: { kind: string; id: number }[]) => {
    for (const d of docs) if (!issued.has(d.kind)) issued.set(d.kind, d.id);
  };
  const create = async (kind: string, body: Record<string, unknown>) => {
    const res = await clerk.post(`/api/lines/communityCorrection/${kind}`, body);
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json() as { id: number; version: number };
  };
  const walk = async (
    kind: string,
    m: { id: number; version: number },
    steps: [string, string, Record<string, unknown>][],
  ) => {
    let version = m.version;
    for (const [action, date, data] of steps) {
      const res = await clerk.post(`/api/lines/communityCorrection/${kind}/${m.id}/${action}`, {
        version,
        date,
        data,
      });
      if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
      version = res.json().version;
      note(res.json().documents);
    }
  };
  const subject = (type: string, no: string, who: object, termEnd: string) => ({
    noticeReceivedOn: '2025-03-03',
    officeId: office,
    correctionType: type,
    decisionOrgan: type === 'parole' ? '浙江省宁波市中级人民法院' : '宁波市镇海区人民法院',
    decisionNo: no,
    effectiveOn: '2025-02-28',
    subject: who,
    offence: '盗窃罪',
    termStart: '2025-02-28',
    termEnd,
  });
  const wang = {
    partyType: 'person',
    name: '王某某',
    idNumber: '330211199001011236',
    address: '浙江省宁波市镇海区招宝山街道某路1号',
  };
  const a = await create('subject', subject('parole', '（2025）浙02刑更100号', wang, '2026-03-09'));
  await walk('subject', a, [
    ['reportIn', '2025-03-05', { place: '招宝山街道司法所' }],
    [
      'announce',
      '2025-03-05',
      {
        team: '司法所工作人员李某、社区民警赵某、家属王某',
        level: 'ordinary',
        plan: '每月到司法所当面报告一次；每月参加集中教育学习不少于八小时。',
      },
    ],
    [
      'applyLeave',
      '2025-04-01',
      {
        leaveFrom: '2025-04-10',
        leaveTo: '2025-04-19',
        destination: '浙江省杭州市',
        reason: '探望住院的父亲',
      },
    ],
    ['decideLeave', '2025-04-02', { approve: true, opinion: '经核实，事由属实。' }],
    [
      'sanction',
      '2025-06-03',
      {
        behaviour: 'overstayedLeave',
        facts: '于2025年4月19日外出期满后迟至4月21日返回',
        measure: 'warning',
        justification: '',
      },
    ],
    ['release', '2026-03-09', { announced: true, summary: '矫正期间认罪悔罪，遵守监督管理规定' }],
  ]);
  const b = await create(
    'subject',
    subject(
      'probation',
      '（2025）浙0211刑初12号',
      { partyType: 'person', name: '赵某', idNumber: '33021119851231551X' },
      '2027-02-27',
    ),
  );
  await walk('subject', b, [
    ['reportIn', '2025-03-05', { place: '招宝山街道司法所' }],
    [
      'sanction',
      '2025-08-01',
      {
        behaviour: 'lostContact',
        facts: '自2025年6月20日起脱离监管超过一个月',
        measure: 'revocation',
        justification: '',
      },
    ],
  ]);
  const c = await create('assessment', {
    receivedOn: '2025-04-28',
    officeId: office,
    requestingOrgan: '宁波市镇海区人民法院',
    expedited: false,
    subject: { partyType: 'person', name: '钱某', idNumber: '33021120000101001X' },
  });
  await walk('assessment', c, [
    [
      'submitOpinion',
      '2025-05-12',
      { opinion: 'suitable', findings: '被告人居所固定，家庭成员愿意协助监管，所在社区无异议。' },
    ],
  ]);
  const r = await create('resettlement', {
    noticeReceivedOn: '2026-03-09',
    officeId: office,
    correctionMatterId: a.id,
  });
  await walk('resettlement', r, [
    [
      'contact',
      '2026-03-10',
      { team: '司法所工作人员李某、村委会委员孙某、家属王某', note: '已当面谈话，登记就业意向。' },
    ],
  ]);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('the golden texts of the correction documents', () => {
  it('has a golden text for every template', async () => {
    if (process.env.GOLDEN_WRITE) {
      const blocks: string[] = [];
      for (const [id, docId] of [...issued].sort())
        blocks.push(`=== ${id}\n${(await documentText(t.db, docId)).join('\n')}\n`);
      writeFileSync(goldenFile, blocks.join(''));
      return;
    }
    expect(Object.keys(golden).sort()).toEqual([...issued.keys()].sort());
    expect(issued.size).toBe(8);
  });

  it.each([...Object.keys(golden)])('%s', async (id) => {
    const docId = issued.get(id);
    expect(docId, `no document ${id} was issued`).toBeDefined();
    expect(await documentText(t.db, docId!)).toEqual(golden[id]);
  });
});
