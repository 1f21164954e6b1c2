/**
 * Community correction and resettlement on the API, with exact dates, and the line's privacy: only the subject's
 * 司法所 and the 社区矫正科 read it, every read states a purpose (audited), others learn nothing (list, search, party
 * page, indicator records), and the figures stay visible to leaders.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, makeUser, signIn, testApp } from '../../../test/support/app.ts';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import type { App } from '../../platform/http/app.ts';

const TODAY = '2026-11-25';
const WANG = {
  partyType: 'person',
  name: '王某某',
  idNumber: '330211199001011236',
  address: '镇海区招宝山街道某路1号',
};
const ZHAO = { partyType: 'person', name: '赵某', idNumber: '33021119851231551X' };
const PURPOSE = 'purpose=%E6%97%A5%E5%B8%B8%E7%9B%91%E7%AE%A1'; // 日常监管

let t: TestDb;
let app: App;
let officer: Client; // 招宝山街道司法所
let county: Client; // 社区矫正科
let otherOffice: Client; // 骆驼街道司法所
let leader: Client; // 局领导 at the bureau
let mediationSection: Client; // 人民参与和促进法治科

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { today: TODAY });
  await makeUser(t.db, 'sqjz-officer', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
  await makeUser(t.db, 'sqjz-county', [{ org: 'sec-correction', role: 'sectionStaff' }]);
  await makeUser(t.db, 'other-office', [{ org: 'jo-330211003', role: 'townshipStaff' }]);
  await makeUser(t.db, 'bureau-leader', [{ org: 'bureau', role: 'leader' }]);
  await makeUser(t.db, 'mediation-section', [{ org: 'sec-participation', role: 'sectionStaff' }]);
  officer = await signIn(app, 'sqjz-officer');
  county = await signIn(app, 'sqjz-county');
  otherOffice = await signIn(app, 'other-office');
  leader = await signIn(app, 'bureau-leader');
  mediationSection = await signIn(app, 'mediation-section');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const officeId = async () =>
  Number((await t.db.query(`SELECT id FROM orgs WHERE code = 'jo-330211001'`)).rows[0].id);

const intake = async (over: Record<string, unknown> = {}) => ({
  noticeReceivedOn: '2025-03-03',
  officeId: await officeId(),
  correctionType: 'parole',
  decisionOrgan: '浙江省宁波市中级人民法院',
  decisionNo: '（2025）浙02刑更100号',
  effectiveOn: '2025-02-28',
  subject: WANG,
  offence: '盗窃罪',
  termStart: '2025-02-28',
  termEnd: '2026-03-09',
  ...over,
});

async function act(who: Client, kind: string, id: number, action: string, date: string, data: object) {
  const version = (await who.get(`/api/matters/${id}?${PURPOSE}`)).json().matter.version;
  return who.post(`/api/lines/communityCorrection/${kind}/${id}/${action}`, { version, date, data });
}
// biome-ignore lint/suspicious/noExplicitAny: API answers are read as JSON of the route contracts
const ok = async (p: Promise<{ statusCode: number; body: string; json: () => any }>) => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const periods = async (id: number) =>
  (
    await t.db.query(
      `SELECT key, rule_id AS rule, status, due_on::text AS "dueOn" FROM deadlines WHERE matter_id = $1 ORDER BY id`,
      [id],
    )
  ).rows;

describe('a parolee from reception to resettlement', () => {
  let id: number;
  it('receives the subject: 10 days to report in from the ruling taking effect (社区矫正法第二十一条)', async () => {
    const res = await officer.post('/api/lines/communityCorrection/subject', await intake());
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    // 28 February + 10 days = 10 March 2025, a Monday.
    expect(await periods(id)).toEqual([
      { key: 'reportIn', rule: 'sqjz.report-in', status: 'running', dueOn: '2025-03-10' },
    ]);
    // The title never carries the full name.
    const m = (await officer.get(`/api/matters/${id}?${PURPOSE}`)).json().matter;
    expect(m.title).toBe('王某某（假释）');
  });

  it('a report-in after the 10 days is late: the missed report-in is counted', async () => {
    await ok(act(officer, 'subject', id, 'reportIn', '2025-03-12', { place: '招宝山街道司法所' }));
    expect(await periods(id)).toEqual([
      { key: 'reportIn', rule: 'sqjz.report-in', status: 'met', dueOn: '2025-03-10' },
      // The release is due when the term ends: 9 March 2026, a Monday.
      { key: 'term', rule: 'sqjz.term-end', status: 'running', dueOn: '2026-03-09' },
    ]);
    const v = await ok(leader.get('/api/indicators/correction.missedReportIns?year=2025&region=330211'));
    expect(v.value).toBe(1);
  });

  it('入矫宣告 issues the 宣告书 and the 矫正方案', async () => {
    const r = await ok(
      act(officer, 'subject', id, 'announce', '2025-03-12', {
        team: '司法所工作人员、社区民警、家属',
        level: 'ordinary',
        plan: '每月报告，参加教育学习',
      }),
    );
    expect(r.documents.map((d: { kind: string }) => d.kind)).toEqual([
      'communityCorrection.announcement',
      'communityCorrection.plan',
    ]);
  });

  it('a leave beyond 7 days is for the county: the 司法所 cannot approve it, the 社区矫正科 can', async () => {
    await ok(
      act(officer, 'subject', id, 'applyLeave', '2025-04-01', {
        leaveFrom: '2025-04-10',
        leaveTo: '2025-04-19',
        destination: '杭州市',
        reason: '探望住院的父亲',
      }),
    );
    const refused = await act(officer, 'subject', id, 'decideLeave', '2025-04-02', {
      approve: true,
      opinion: '同意',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('申请外出10日，超过7日，应由区社区矫正机构（社区矫正科）审批');
    const r = await ok(
      act(county, 'subject', id, 'decideLeave', '2025-04-02', { approve: true, opinion: '同意，按期返回' }),
    );
    expect(r.documents.map((d: { kind: string }) => d.kind)).toEqual(['communityCorrection.leaveApproval']);
    // Seven days the 司法所 approves itself.
    await ok(
      act(officer, 'subject', id, 'applyLeave', '2025-05-06', {
        leaveFrom: '2025-06-01',
        leaveTo: '2025-06-07',
        destination: '宁波市外',
        reason: '务工',
      }),
    );
    await ok(act(officer, 'subject', id, 'decideLeave', '2025-05-07', { approve: true, opinion: '同意' }));
    const { rows } = await t.db.query(
      `SELECT days, approver, decision FROM correction_leaves WHERE matter_id = $1 ORDER BY id`,
      [id],
    );
    expect(rows).toEqual([
      { days: 10, approver: 'county', decision: 'approved' },
      { days: 7, approver: 'office', decision: 'approved' },
    ]);
  });

  it('over 30 days, or over 30 days within two months together, goes to the higher level', async () => {
    // 7 days approved from 1 June; 25 more from 20 June make 32 within two months: the higher level's.
    await ok(
      act(officer, 'subject', id, 'applyLeave', '2025-05-07', {
        leaveFrom: '2025-06-20',
        leaveTo: '2025-07-14',
        destination: '上海市',
        reason: '务工',
      }),
    );
    const { rows } = await t.db.query(
      `SELECT days, approver, decision FROM correction_leaves WHERE matter_id = $1 ORDER BY id DESC LIMIT 1`,
      [id],
    );
    expect(rows[0]).toEqual({ days: 25, approver: 'higher', decision: null });
    const refused = await act(officer, 'subject', id, 'decideLeave', '2025-05-07', {
      approve: true,
      opinion: '同意',
    });
    expect(refused.statusCode).toBe(409);
    // The 社区矫正科 records the higher level's answer (here: not approved), and nothing stays pending.
    await ok(
      act(county, 'subject', id, 'decideLeave', '2025-05-07', {
        approve: false,
        opinion: '上级机构不予批准',
      }),
    );
  });

  it('electronic monitoring runs at most 3 months a term (第二十九条)', async () => {
    await ok(act(county, 'subject', id, 'startMonitoring', '2025-05-08', { reason: '外出期间未按期返回' }));
    expect((await periods(id)).at(-1)).toEqual({
      key: 'monitoring',
      rule: 'sqjz.e-monitoring',
      status: 'running',
      dueOn: '2025-08-08',
    });
    await ok(act(county, 'subject', id, 'endMonitoring', '2025-06-01', { reason: '表现良好' }));
  });

  it('a warning is chosen against the benchmark; a departure needs its justification', async () => {
    const data = {
      behaviour: 'overstayedLeave',
      facts: '外出期满后迟延两日返回',
      measure: 'policePenalty',
      justification: '',
    };
    const outside = await act(county, 'subject', id, 'sanction', '2025-06-03', data);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().detail).toBe(
      '裁量基准对“外出期满未按期返回”的处理措施为：训诫、警告；选择其他措施须说明偏离理由',
    );
    const byOffice = await act(officer, 'subject', id, 'sanction', '2025-06-03', {
      ...data,
      measure: 'warning',
    });
    expect(byOffice.statusCode).toBe(409);
    expect(byOffice.json().detail).toBe('警告由区社区矫正机构决定或者提出，司法所可以提出建议');
    const r = await ok(act(county, 'subject', id, 'sanction', '2025-06-03', { ...data, measure: 'warning' }));
    expect(r.documents.map((d: { kind: string }) => d.kind)).toEqual(['communityCorrection.warning']);
  });

  it('release only at term end; a parolee passes to resettlement without re-typing, for 5 years', async () => {
    const early = await act(officer, 'subject', id, 'release', '2026-03-02', {
      announced: true,
      summary: '表现良好',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('矫正期至 2026-03-09 届满，届满前不能解除社区矫正');
    const r = await ok(
      act(officer, 'subject', id, 'release', '2026-03-09', { announced: true, summary: '表现良好' }),
    );
    expect(r.state).toBe('released');
    expect((await periods(id)).find((p) => p.key === 'term')).toMatchObject({
      status: 'met',
      dueOn: '2026-03-09',
    });
    const res = await officer.post('/api/lines/communityCorrection/resettlement', {
      noticeReceivedOn: '2026-03-09',
      officeId: await officeId(),
      correctionMatterId: id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const rid = res.json().id;
    const { rows } = await t.db.query(
      `SELECT r.source, r.released_on::text, r.offence, r.party_id = s.party_id AS same_person
       FROM resettlement_subjects r JOIN correction_subjects s ON s.matter_id = r.correction_matter_id WHERE r.matter_id = $1`,
      [rid],
    );
    expect(rows).toEqual([
      { source: 'correction', released_on: '2026-03-09', offence: '盗窃罪', same_person: true },
    ]);
    expect(await periods(rid)).toEqual([
      { key: 'period', rule: 'azbj.period', status: 'running', dueOn: '2031-03-10' },
    ]);
    const r2 = await ok(
      act(officer, 'resettlement', rid, 'contact', '2026-03-10', { team: '司法所、村委会、家属', note: '' }),
    );
    expect(r2.documents.map((d: { kind: string }) => d.kind)).toEqual([
      'communityCorrection.resettlementHandover',
    ]);
  });

  it('privacy: no purpose, no record; the read and its purpose are in the audit', async () => {
    const bare = await officer.get(`/api/matters/${id}`);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().detail).toContain('须说明查阅目的');
    await ok(county.get(`/api/matters/${id}?purpose=${encodeURIComponent('审批外出申请')}`));
    const { rows } = await t.db.query(
      `SELECT summary->>'purpose' AS purpose FROM audit_log WHERE action = 'matter.view' AND object_id = $1::text
       ORDER BY seq DESC LIMIT 1`,
      [id],
    );
    expect(rows[0]).toEqual({ purpose: '审批外出申请' });
  });

  it('privacy: users of other offices and lines, and the bureau’s leader, cannot see the subject or learn of them', async () => {
    for (const who of [otherOffice, leader, mediationSection]) {
      expect((await who.get(`/api/matters/${id}?${PURPOSE}`)).statusCode).toBe(404);
      expect((await who.get('/api/matters?line=communityCorrection')).json().items).toEqual([]);
    }
    for (const who of [otherOffice, mediationSection]) {
      expect((await who.get(`/api/parties?q=${encodeURIComponent('王某某')}`)).json().items).toEqual([]);
      expect((await who.get(`/api/parties?q=${WANG.idNumber}`)).json().items).toEqual([]);
    }
    const party = (await officer.get(`/api/parties?q=${WANG.idNumber}`)).json().items;
    expect(party).toHaveLength(1);
    expect((await mediationSection.get(`/api/parties/${party[0].id}`)).statusCode).toBe(404);
    // The leader sees the figure but not the records behind it.
    const stock = await ok(leader.get('/api/indicators/correction.activeCorrectees?year=2025&region=330211'));
    expect(stock.value).toBe(1);
    expect(
      (await ok(leader.get('/api/indicators/correction.activeCorrectees/records?year=2025&region=330211')))
        .total,
    ).toBe(0);
    expect(
      (await ok(county.get('/api/indicators/correction.activeCorrectees/records?year=2025&region=330211')))
        .total,
    ).toBe(1);
  });

  it('privacy: another line’s party page shows only that restricted lines exist', async () => {
    const { rows } = await t.db.query(
      `INSERT INTO parties (party_type, name, owner_org_id) SELECT 'person', '孙某', id FROM orgs WHERE code = 'sec-participation' RETURNING id`,
    );
    const page = await ok(mediationSection.get(`/api/parties/${rows[0].id}`));
    expect(page.restrictedLines).toEqual(['社区矫正和安置帮教']);
    expect(page.matters).toEqual([]);
  });

  it('privacy: an XLSX export carries the exporter and the time as its watermark', async () => {
    const res = await county.get(
      '/api/indicators/export.xlsx?year=2025&region=330211&line=communityCorrection',
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.headerFooter.oddHeader).toMatch(
      /^&C导出人：sqjz-county；导出时间：\d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}:\d{2}；仅限工作使用，不得外传$/,
    );
    expect(wb.lastModifiedBy).toContain('导出人：sqjz-county');
    expect(ws.getRow(1).getCell(1).value).toBe('指标编号');
  });

  it('pg_dump-level: no table of the database holds a subject’s identity number in clear', async () => {
    // Every row of every table as text: what a dump or a stolen disk image would show.
    const { rows: tables } = await t.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    let all = '';
    for (const r of tables) {
      const q = await t.db.query(`SELECT string_agg(x::text, E'\\n') AS s FROM "${r.table_name}" x`);
      all += q.rows[0].s ?? '';
    }
    expect(all.length).toBeGreaterThan(10_000);
    for (const id of [WANG.idNumber, ZHAO.idNumber]) expect(all).not.toContain(id);
    // …while the registry holds them sealed, with the masked form for lists.
    expect(all).toContain('330211********1236');
  });
});

describe('periods', () => {
  it('change of residence: consult 5 days, reply 5 days, report 7 days', async () => {
    const res = await officer.post(
      '/api/lines/communityCorrection/subject',
      await intake({ subject: ZHAO, decisionNo: '（2025）浙0211刑初7号', correctionType: 'probation' }),
    );
    const id = res.json().id;
    await ok(act(officer, 'subject', id, 'reportIn', '2025-03-05', { place: '司法所' }));
    await ok(
      act(officer, 'subject', id, 'applyTransfer', '2025-05-06', {
        newPlace: '杭州市西湖区',
        reason: '随家人迁居',
      }),
    );
    // 6 May + 5 = 11 May, a Sunday: the 12th.
    expect((await periods(id)).at(-1)).toMatchObject({ key: 'transferConsult', dueOn: '2025-05-12' });
    expect(
      (await act(officer, 'subject', id, 'consultTransfer', '2025-05-08', { note: '' })).statusCode,
    ).toBe(409);
    await ok(act(county, 'subject', id, 'consultTransfer', '2025-05-08', { note: '' }));
    expect((await periods(id)).at(-1)).toMatchObject({ key: 'transferReply', dueOn: '2025-05-13' });
    await ok(act(county, 'subject', id, 'decideTransfer', '2025-05-13', { accepted: true, note: '' }));
    expect((await periods(id)).at(-1)).toMatchObject({ key: 'transferReport', dueOn: '2025-05-20' });
    const done = await ok(act(officer, 'subject', id, 'confirmTransfer', '2025-05-19', { note: '' }));
    expect(done.state).toBe('transferredOut');
  });

  it('pre-sentence investigation: 10 working days, 5 in 速裁 cases (over the May Day holiday)', async () => {
    const base = {
      receivedOn: '2025-04-28',
      officeId: await officeId(),
      requestingOrgan: '宁波市镇海区人民法院',
      subject: { partyType: 'person', name: '钱某', idNumber: '33021120000101001X' },
    };
    const a = (await officer.post('/api/lines/communityCorrection/assessment', base)).json();
    const b = (
      await officer.post('/api/lines/communityCorrection/assessment', { ...base, expedited: true })
    ).json();
    expect((await periods(a.id))[0]).toMatchObject({ rule: 'sqjz.assessment', dueOn: '2025-05-15' });
    expect((await periods(b.id))[0]).toMatchObject({
      rule: 'sqjz.assessment.expedited',
      dueOn: '2025-05-08',
    });
  });
});
