import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, makeUser, orgId, signIn, testApp } from '../../../test/support/app.ts';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import type { App } from '../../platform/http/app.ts';

/**
 * The registers on the API: a firm's administrator (lawyer role at the firm) sees and edits only its own firm and
 * lawyers; a firm's annual return moves the industry's revenue growth; a government lawyer of the pool is lent to
 * another department; an enterprise books a compliance appointment and gets its advice recorded.
 */
const TODAY = '2026-11-25';
let t: TestDb;
let app: App;
let section: Client;
let firmAdmin: Client;
let services: Client;
let sec: number;
const firms: Record<'a' | 'b', number> = { a: 0, b: 0 };

const ok = (res: { statusCode: number; body: string }, code: number) => {
  expect(res.statusCode, res.body).toBe(code);
  return res.statusCode === 204 ? null : JSON.parse(res.body);
};
const firm = (code: string, name: string, settledOn: string, licenceNo: string) => ({
  code,
  name,
  parentId: sec,
  licenceNo,
  firmForm: 'partnership',
  foundedOn: settledOn,
  settledOn,
  partners: 3,
});
const value = async (c: Client, id: string, year: number) =>
  (await c.get(`/api/indicators/${id}?year=${year}&region=330211`)).json();

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { today: TODAY });
  sec = await orgId(t.db, 'sec-lawyers');
  await makeUser(t.db, 'ls.clerk', [{ org: 'sec-lawyers', role: 'sectionStaff' }]);
  await makeUser(t.db, 'gf.clerk', [{ org: 'sec-legal-services', role: 'sectionStaff' }]);
  section = await signIn(app, 'ls.clerk');
  services = await signIn(app, 'gf.clerk');
  firms.a = ok(
    await section.post(
      '/api/lines/lawyers/firms',
      firm('firm-a', '浙江甲律师事务所', '2023-03-01', '33302002023100001'),
    ),
    201,
  ).id;
  firms.b = ok(
    await section.post(
      '/api/lines/lawyers/firms',
      firm('firm-b', '浙江乙律师事务所', '2024-05-10', '33302002024100002'),
    ),
    201,
  ).id;
  await makeUser(t.db, 'firm.a.admin', [{ org: 'firm-a', role: 'lawyer' }]);
  firmAdmin = await signIn(app, 'firm.a.admin');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('law firms and lawyers', () => {
  it('a firm’s administrator sees and edits only its own firm and lawyers', async () => {
    const lawyer = (orgId: number, certificateNo: string, name: string) => ({
      orgId,
      name,
      idNumber: '330211199001011236',
      certificateNo,
      lawyerType: 'fullTime',
      licensedOn: '2024-06-01',
    });
    ok(
      await firmAdmin.post('/api/lines/lawyers/lawyers', lawyer(firms.a, '13302202410000001', '张律师')),
      201,
    );
    const refused = await firmAdmin.post('/api/lines/lawyers/lawyers', {
      ...lawyer(firms.b, '13302202410000002', '李律师'),
      idNumber: '33021119851231551X',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('只能登记本所律师');
    ok(
      await section.post('/api/lines/lawyers/lawyers', {
        ...lawyer(firms.b, '13302202410000003', '王律师'),
        idNumber: '33021119851231551X',
      }),
      201,
    );
    expect(
      (await firmAdmin.get('/api/lines/lawyers/firms')).json().map((f: { name: string }) => f.name),
    ).toEqual(['浙江甲律师事务所']);
    expect(
      (await firmAdmin.get('/api/lines/lawyers/lawyers')).json().map((l: { name: string }) => l.name),
    ).toEqual(['张律师']);
    expect((await section.get('/api/lines/lawyers/lawyers')).json()).toHaveLength(2);
    const otherReturn = await firmAdmin.put(`/api/lines/lawyers/firms/${firms.b}/revenue`, {
      year: 2024,
      revenue: 1,
      filedOn: '2025-03-01',
    });
    expect(otherReturn.json().detail).toBe('只能报送本所的年度创收');
  });

  it('keeps the 15 days to file a change of 住所 or 合伙人 (律师法 第二十一条第二款)', async () => {
    // Changed Friday 2 October 2026 (National Day holidays): 15 days end on Saturday 17 October, moved to Monday 19.
    ok(
      await firmAdmin.post(`/api/lines/lawyers/firms/${firms.a}/changes`, {
        changedOn: '2026-10-02',
        partners: 4,
      }),
      204,
    );
    const [a] = (await firmAdmin.get('/api/lines/lawyers/firms')).json();
    expect(a).toMatchObject({ partners: 4, changeFilingDue: '2026-10-19', changeFilingLate: true });
    ok(
      await firmAdmin.post(`/api/lines/lawyers/firms/${firms.a}/changes`, {
        changedOn: '2026-10-02',
        filedOn: '2026-10-16',
      }),
      204,
    );
    expect((await firmAdmin.get('/api/lines/lawyers/firms')).json()[0]).toMatchObject({
      changeFilingLate: false,
    });
    const other = await firmAdmin.post(`/api/lines/lawyers/firms/${firms.b}/changes`, {
      changedOn: '2026-10-02',
    });
    expect(other.json().detail).toBe('只能登记本所的变更');
  });

  it('records the annual inspection of a firm and the assessment of its lawyers', async () => {
    const zhang = (await section.get('/api/lines/lawyers/lawyers'))
      .json()
      .find((l: { name: string }) => l.name === '张律师');
    ok(
      await section.post('/api/lines/lawyers/assessments', {
        orgId: firms.a,
        year: 2025,
        result: 'pass',
        decidedOn: '2026-05-20',
      }),
      201,
    );
    ok(
      await section.post('/api/lines/lawyers/assessments', {
        orgId: firms.a,
        lawyerId: zhang.id,
        year: 2025,
        result: 'competent',
        decidedOn: '2026-05-20',
      }),
      201,
    );
    const wrong = await section.post('/api/lines/lawyers/assessments', {
      orgId: firms.b,
      year: 2025,
      result: 'competent',
      decidedOn: '2026-05-20',
    });
    expect(wrong.json().detail).toBe('律师事务所年度检查考核结果应为合格或不合格');
    const twice = await section.post('/api/lines/lawyers/assessments', {
      orgId: firms.a,
      year: 2025,
      result: 'fail',
      decidedOn: '2026-05-21',
    });
    expect(twice.json().detail).toBe('2025年度的考核结果已登记');
    const byFirm = await firmAdmin.post('/api/lines/lawyers/assessments', {
      orgId: firms.a,
      year: 2024,
      result: 'pass',
      decidedOn: '2025-05-20',
    });
    expect(byFirm.json().detail).toBe('只有律师工作科可以登记年度检查考核结果');
    expect(
      (await firmAdmin.get('/api/lines/lawyers/assessments?year=2025'))
        .json()
        .map((a: { lawyerName: string | null; result: string }) => [a.lawyerName, a.result]),
    ).toEqual([
      [null, 'pass'],
      ['张律师', 'competent'],
    ]);
  });

  it('counts firms settled in a year and lawyers practising at its end', async () => {
    expect((await value(section, 'lawyers.firmsAdded', 2024)).value).toBe(1);
    expect((await value(section, 'lawyers.firms', 2024)).value).toBe(2);
    expect((await value(section, 'lawyers.firms', 2023)).value).toBe(1);
    expect((await value(section, 'lawyers.practising', 2024)).value).toBe(2);
  });

  it('recomputes the revenue growth when a firm files its annual return', async () => {
    ok(
      await firmAdmin.put(`/api/lines/lawyers/firms/${firms.a}/revenue`, {
        year: 2023,
        revenue: 1_000_000,
        filedOn: '2024-03-20',
      }),
      204,
    );
    ok(
      await firmAdmin.put(`/api/lines/lawyers/firms/${firms.a}/revenue`, {
        year: 2024,
        revenue: 1_000_000,
        filedOn: '2025-03-20',
      }),
      204,
    );
    let v = await value(section, 'lawyers.revenueGrowth', 2024);
    expect([v.value, v.previous, v.yoy]).toEqual([100, 100, 0]);
    // 乙所's first return: 12.7万元 more — the industry grows 12.7%.
    ok(
      await section.put(`/api/lines/lawyers/firms/${firms.b}/revenue`, {
        year: 2024,
        revenue: 127_000,
        filedOn: '2025-03-25',
      }),
      204,
    );
    v = await value(section, 'lawyers.revenueGrowth', 2024);
    expect([v.value, v.previous]).toEqual([112.7, 100]);
    expect(v.yoy).toBeCloseTo(12.7, 5);
    const early = await section.put(`/api/lines/lawyers/firms/${firms.b}/revenue`, {
      year: 2025,
      revenue: 1,
      filedOn: '2025-12-01',
    });
    expect(early.json().detail).toBe('2025年度创收应当在该年度结束后报送');
  });

  it('lends a government lawyer of the pool to another department', async () => {
    const market = await orgId(t.db, 'dept-market');
    const housing = await orgId(t.db, 'dept-housing');
    const { id } = ok(
      await section.post('/api/lines/lawyers/lawyers', {
        orgId: market,
        name: '赵公职',
        idNumber: '330211198807070011',
        certificateNo: '23302202410000009',
        lawyerType: 'government',
        licensedOn: '2024-01-15',
        inPool: true,
      }),
      201,
    );
    ok(
      await section.post('/api/lines/lawyers/assignments', {
        lawyerId: id,
        toOrgId: housing,
        task: '征收补偿协议合法性审查',
        assignedOn: '2026-03-02',
      }),
      201,
    );
    const pool = (await section.get('/api/lines/lawyers/lawyers?type=government')).json();
    expect(pool.map((l: { name: string; assignments: number }) => [l.name, l.assignments])).toEqual([
      ['赵公职', 1],
    ]);
    expect((await value(section, 'lawyers.governmentLawyers', 2024)).value).toBe(1);
    expect(
      (
        await firmAdmin.post('/api/lines/lawyers/assignments', {
          lawyerId: id,
          toOrgId: housing,
          task: 'x',
          assignedOn: '2026-03-02',
        })
      ).json().detail,
    ).toBe('只有律师工作科可以跨部门调派公职律师');
  });
});

describe('compliance centre and foreign-related services', () => {
  it('an enterprise books an appointment, the centre confirms it and records the advice; the figures follow', async () => {
    const owner = await orgId(t.db, 'sec-legal-services');
    const { id } = ok(
      await services.post('/api/lines/compliance/services', {
        ownerOrgId: owner,
        centre: 'compliance',
        service: 'appointment',
        enterprise: {
          partyType: 'organisation',
          name: '宁波甲乙化工有限公司',
          creditCode: '91330211MA2GQ8WX1Q',
        },
        topic: '危险化学品仓储合规',
        requestedOn: '2026-11-02',
        slotOn: '2026-11-06',
      }),
      201,
    );
    expect((await value(services, 'compliance.appointments', 2026)).value).toBe(1);
    expect((await value(services, 'compliance.enterprisesServed', 2026)).value).toBe(0);
    ok(
      await services.patch(`/api/lines/compliance/services/${id}`, {
        status: 'confirmed',
        adviser: '陈律师',
        on: '2026-11-03',
      }),
      204,
    );
    const noAdvice = await services.patch(`/api/lines/compliance/services/${id}`, {
      status: 'done',
      on: '2026-11-06',
    });
    expect(noAdvice.json().detail).toBe('办结时应当记录指导意见');
    ok(
      await services.patch(`/api/lines/compliance/services/${id}`, {
        status: 'done',
        advice: '完善仓储台账，一个月后回访',
        on: '2026-11-06',
      }),
      204,
    );
    const [row] = (await services.get('/api/lines/compliance/services?centre=compliance')).json();
    expect(row).toMatchObject({ status: 'done', adviser: '陈律师', doneOn: '2026-11-06' });
    expect((await value(services, 'compliance.enterprisesServed', 2026)).value).toBe(1);
    ok(
      await services.post('/api/lines/compliance/guidelines', {
        ownerOrgId: owner,
        industry: '绿色石化',
        title: '镇海区绿色石化行业合规指引',
        authors: '镇海区产业合规中心',
        publishedOn: '2026-06-28',
      }),
      201,
    );
    expect((await value(services, 'compliance.guidelines', 2026)).value).toBe(1);
    expect((await firmAdmin.get('/api/lines/compliance/services')).json()).toEqual([]);
  });
});
