import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, makeUser, orgId, signIn, testApp } from '../../../../test/support/app.ts';
import { createTestDb, type TestDb } from '../../../../test/support/db.ts';
import { documentText } from '../../../../test/support/docx-text.ts';
import type { App } from '../../../platform/http/app.ts';

/**
 * Credit repair on the API, on business date 2026-11-25: a record decided in 2026 (发改委令第36号: general severity,
 * 3 months' minimum publication) and one decided in 2025 (the 2023 trial measures, whose period is unverified and
 * left unset), the proactive list, the guidance with its 指导书, the application and the repair, and the figures.
 */
const TODAY = '2026-11-25';
const ACME = { partyType: 'organisation', name: '宁波甲乙化工有限公司', creditCode: '91330211MA2GQ8WX1Q' };
let t: TestDb;
let app: App;
let clerk: Client;
let other: Client;
let office: number;

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { today: TODAY });
  office = await orgId(t.db, 'sec-legal-services');
  await makeUser(t.db, 'gf.clerk', [{ org: 'sec-legal-services', role: 'sectionStaff' }]);
  await makeUser(t.db, 'sfs.lt', [{ org: 'jo-330211003', role: 'townshipStaff' }]);
  clerk = await signIn(app, 'gf.clerk');
  other = await signIn(app, 'sfs.lt');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const record = (over: Record<string, unknown> = {}) => ({
  subject: ACME,
  ownerOrgId: office,
  source: 'creditChina',
  category: 'penalty',
  decidingOrgan: '宁波市镇海区市场监督管理局',
  decisionNo: '镇市监处罚〔2026〕15号',
  decidedOn: '2026-08-20',
  severity: 'general',
  ...over,
});
const post = async (c: Client, url: string, body: Record<string, unknown>, code = 201) => {
  const res = await c.post(url, body);
  expect(res.statusCode, res.body).toBe(code);
  return res.json();
};
const act = async (id: number, action: string, date: string, data: Record<string, unknown>) => {
  const version = (await clerk.get(`/api/matters/${id}`)).json().matter.version;
  return clerk.post(`/api/lines/creditRepair/record/${id}/${action}`, { version, date, data });
};
const figure = async (id: string, year = 2026) =>
  (await clerk.get(`/api/indicators/${id}?year=${year}&region=330211`)).json().value;

describe('a record decided in 2026, under 发改委令第36号', () => {
  let id: number;
  it('starts the 3 months’ minimum publication from the decision: it ends on 20 November 2026', async () => {
    id = (await post(clerk, '/api/lines/creditRepair/record', record())).id;
    const m = (await clerk.get(`/api/matters/${id}`)).json();
    expect(m.matter.refNo).toMatch(/^镇信记〔2026〕\d+号$/);
    expect(
      m.deadlines.map((d: { key: string; rule: { id: string }; dueOn: string }) => [
        d.key,
        d.rule.id,
        d.dueOn,
      ]),
    ).toEqual([['minimumPublication', 'xyxf.minimum.general', '2026-11-20']]);
  });

  it('is on the proactive list of November 2026 (first day to apply: 21 November), not of October', async () => {
    const dec = (await clerk.get('/api/lines/creditRepair/proactive?month=2026-11')).json();
    expect(
      dec.map((r: { refNo: string; eligibleOn: string; minimumEnds: string }) => [
        r.eligibleOn,
        r.minimumEnds,
      ]),
    ).toEqual([['2026-11-21', '2026-11-20']]);
    expect(dec[0].law).toBe(
      '信用修复管理办法（国家发展改革委令第36号，2025年11月20日公布，2026年4月1日施行）',
    );
    expect((await clerk.get('/api/lines/creditRepair/proactive?month=2026-10')).json()).toEqual([]);
    // Another office's clerk does not see the bureau's records.
    expect((await other.get('/api/lines/creditRepair/proactive?month=2026-11')).json()).toEqual([]);
  });

  it('refuses an application before the minimum period has run, without a commitment, or before fulfilment', async () => {
    const early = await act(id, 'apply', '2026-11-20', {
      channel: 'creditChina',
      commitment: true,
      fulfilledOn: '2026-09-10',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe(
      '最短公示期至2026-11-20届满（信用修复管理办法（国家发展改革委令第36号，2025年11月20日公布，2026年4月1日施行）），届满前不能申请信用修复',
    );
    const noCommitment = await act(id, 'apply', '2026-11-23', {
      channel: 'creditChina',
      fulfilledOn: '2026-09-10',
    });
    expect(noCommitment.json().detail).toBe('申请信用修复应当提交信用修复承诺书');
    const unfulfilled = await act(id, 'apply', '2026-11-23', { channel: 'creditChina', commitment: true });
    expect(unfulfilled.json().detail).toBe('信用主体应当先履行法定义务、纠正失信行为，方可申请信用修复');
    expect((await clerk.get(`/api/matters/${id}`)).json().matter.state).toBe('published');
  });
});

describe('a record decided in 2025, under the 2023 trial measures', () => {
  it('starts no period and says why: the trial measures’ minimum period is unverified and unset', async () => {
    const { id } = await post(
      clerk,
      '/api/lines/creditRepair/record',
      record({ decidedOn: '2025-06-16', decisionNo: '镇市监处罚〔2025〕8号' }),
    );
    const m = (await clerk.get(`/api/matters/${id}`)).json();
    expect(m.deadlines).toEqual([]);
    const unknown = (await clerk.get('/api/lines/creditRepair/proactive?month=2026-12&unknown=true')).json();
    const row = unknown.find((r: { matterId: number }) => r.matterId === id);
    expect(row).toMatchObject({
      eligibleOn: null,
      verified: false,
      reason:
        '失信行为纠正后的信用信息修复管理办法（试行）（国家发展改革委令2023年第58号）的最短公示期未经核实，尚未设置，不计算可修复日期',
    });
  });

  it('computes the day once the district sets the verified months for that version', async () => {
    await t.db.query(
      `INSERT INTO settings (key, value) VALUES ('creditRepair.minimumMonths.general.2023-05-01', '3')`,
    );
    const sep = (await clerk.get('/api/lines/creditRepair/proactive?month=2025-09')).json();
    expect(sep.map((r: { eligibleOn: string }) => r.eligibleOn)).toEqual(['2025-09-17']);
    await t.db.query(`DELETE FROM settings WHERE key = 'creditRepair.minimumMonths.general.2023-05-01'`);
  });
});

describe('guidance, application and repair', () => {
  it('walks consultation → 指导书 → application → repaired, and the figures follow', async () => {
    const before = await Promise.all(
      [
        'creditRepair.subjectsConsulted',
        'creditRepair.enterprisesRepaired',
        'creditRepair.recordsRepaired',
      ].map((i) => figure(i)),
    );
    expect(before).toEqual([0, 0, 0]);
    const g = await post(clerk, '/api/lines/creditRepair/guidance', {
      subject: ACME,
      ownerOrgId: office,
      consultedOn: '2026-11-02',
      channel: 'window',
      topic: '行政处罚信息影响投标，咨询如何修复',
    });
    const version = (await clerk.get(`/api/matters/${g.id}`)).json().matter.version;
    const guided = await clerk.post(`/api/lines/creditRepair/guidance/${g.id}/guide`, {
      version,
      date: '2026-11-03',
      data: {
        toCorrect: '缴清罚款并完成整改',
        documents: '信用修复申请书、信用修复承诺书、罚款缴纳凭证',
        channel: 'creditChina',
      },
    });
    expect(guided.statusCode, guided.body).toBe(200);
    const doc = guided.json().documents[0];
    expect(doc.kind).toBe('creditRepair.guidanceLetter');
    expect((await documentText(t.db, doc.id)).join('\n')).toMatchSnapshot();
    expect(await figure('creditRepair.subjectsConsulted')).toBe(1);

    const decided = (await clerk.get('/api/lines/creditRepair/proactive?month=2026-11')).json()[0];
    const applied = await act(decided.matterId, 'apply', '2026-11-23', {
      channel: 'creditChina',
      commitment: true,
      fulfilledOn: '2026-09-10',
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(await figure('creditRepair.enterprisesRepaired')).toBe(1);
    expect(await figure('creditRepair.recordsRepaired')).toBe(0);
    const done = await act(decided.matterId, 'decide', '2026-11-25', { result: 'repaired' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().state).toBe('repaired');
    expect(await figure('creditRepair.recordsRepaired')).toBe(1);
    expect((await clerk.get('/api/lines/creditRepair/proactive?month=2026-11')).json()).toEqual([]);
  });
});

describe('the 信用中国 export imported as a ledger', () => {
  it('imports the records (a bad severity named), and a record becomes eligible in its month', async () => {
    const { filledLedger, importAll, uploadLedger } = await import('../../../../test/support/ledger.ts');
    const row = (name: string, code: string, decidedOn: string, severity: string) => ({
      信用主体名称: name,
      统一社会信用代码: code,
      承办机构: '公共法律服务管理科',
      公示来源: '信用中国网站',
      信息类别: '行政处罚信息',
      '处罚（认定）机关': '宁波市生态环境局镇海分局',
      '处罚（认定）日期': decidedOn,
      失信程度: severity,
      履行完毕日期: '2026-08-01',
    });
    const file = await filledLedger(clerk, 'creditRepair/record', [
      row('宁波丙丁机械有限公司', '91330211MA2H00001T', '2026-07-15', '一般'),
      row('宁波戊己材料有限公司', '91330211MA2H00002X', '2026-07-20', '很严重'),
    ]);
    const up = await uploadLedger(app, clerk, 'creditRepair/record', office, file, '信用中国导出.xlsx');
    expect(up.statusCode, up.body).toBe(201);
    const batch = up.json();
    expect(batch.counts).toMatchObject({ ok: 1, bad: 1 });
    expect(batch.rows.map((r: { errors: { text: string }[] }) => r.errors.map((e) => e.text))).toEqual([
      ['第4行「失信程度」：“很严重”不是可选的值，应为：轻微、一般、严重'],
    ]);
    expect((await clerk.post(`/api/imports/${batch.id}/rows/4/skip`, { skip: true })).statusCode).toBe(200);
    await importAll(clerk, batch.id);
    // Decided 15 July 2026 (一般): the minimum period ends 15 October; it may be repaired from 16 October.
    const oct = (await clerk.get('/api/lines/creditRepair/proactive?month=2026-10')).json();
    expect(oct.map((r: { subject: string; eligibleOn: string }) => [r.subject, r.eligibleOn])).toEqual([
      ['宁波丙丁机械有限公司', '2026-10-16'],
    ]);
  });
});
