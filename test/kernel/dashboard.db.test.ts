/**
 * The leaders' dashboard (领导驾驶舱) on a small fixture of two towns: mediation cases on the spot (two in 招宝山街道
 * in 2025, one in 2024, one in 骆驼街道 in 2025), one mediation case left unaccepted, a reconsideration application
 * accepted and never decided (overdue on the business day) and one received three days before it (due soon), and
 * the exact figures of each scope. A township
 * office opens only its own town and sees only its town's line of the ranking.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { orgId } from '../support/app.ts';
import { LI, mediationTestbed, ZHANG } from '../support/mediation.ts';

const { bed, kit } = mediationTestbed();

const onSpot = (orgIdValue: number, mediatorId: number, receivedOn: string) => ({
  receivedOn,
  orgId: orgIdValue,
  mediatorId,
  place: '社区广场',
  applicants: [ZHANG],
  respondents: [LI],
  disputeType: 'neighbour',
  amount: 800,
  facts: '李某停放电动车堵塞通道',
  agreement: '李某当场挪走电动车',
  amountAgreed: 0,
  performance: 'immediate',
});

interface Figure {
  id: string;
  value: number;
  previous: number;
  yoyText: string;
  link: string;
}
const figures = (d: { lines: { figures: Figure[] }[] }) =>
  Object.fromEntries(d.lines.flatMap((l) => l.figures).map((f) => [f.id, f]));

let jo1 = 0;
let jo3 = 0;
let market = 0;

beforeAll(async () => {
  const post = async (client: typeof bed.office, url: string, body: Record<string, unknown>) => {
    const res = await client.post(url, body);
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json() as { id: number; version: number };
  };
  await post(
    bed.office,
    '/api/lines/mediation/onSpot',
    onSpot(bed.orgs.village, bed.mediators.lead, '2025-05-06'),
  );
  await post(
    bed.office,
    '/api/lines/mediation/onSpot',
    onSpot(bed.orgs.village, bed.mediators.lead, '2025-05-20'),
  );
  await post(
    bed.office,
    '/api/lines/mediation/onSpot',
    onSpot(bed.orgs.village, bed.mediators.lead, '2024-05-07'),
  );
  await post(
    bed.otherOffice,
    '/api/lines/mediation/onSpot',
    onSpot(bed.orgs.otherVillage, bed.mediators.foreign, '2025-06-10'),
  );
  // Received on 3 March 2025, never accepted: counted nowhere (its mediation term is a guideline, never overdue).
  await kit.create('mediation/case');
  market = await orgId(bed.t.db, 'dept-market');
  const accepted = await post(bed.recon, '/api/lines/reconsideration/application', {
    receivedOn: '2025-06-03',
    channel: 'window',
    applicants: [{ partyType: 'person', name: '张某', idNumber: '330211199001011236' }],
    respondentOrgId: market,
    actKind: 'penalty',
    actTitle: '行政处罚决定',
    actDocNo: '甬镇市监罚〔2025〕1号',
    actDate: '2025-05-20',
    actKnownOn: '2025-05-22',
    request: '撤销被申请人作出的行政处罚决定',
  });
  // Accepted on 5 June 2025 and never decided: its decision period ran out in 2025, overdue on the business day.
  const acc = await bed.recon.post(`/api/lines/reconsideration/application/${accepted.id}/accept`, {
    version: (await bed.recon.get(`/api/matters/${accepted.id}`)).json().matter.version,
    date: '2025-06-05',
    data: { procedure: 'ordinary' },
  });
  if (acc.statusCode !== 200) throw new Error(acc.body);
  // Received Friday 20 November 2026: the acceptance period ends Friday 27 November, within 3 working days.
  await post(bed.recon, '/api/lines/reconsideration/application', {
    receivedOn: '2026-11-20',
    channel: 'window',
    applicants: [{ partyType: 'person', name: '李某', idNumber: '33021119851231551X' }],
    respondentOrgId: market,
    actKind: 'penalty',
    actTitle: '行政处罚决定',
    actDocNo: '甬镇市监罚〔2026〕9号',
    actDate: '2026-11-02',
    actKnownOn: '2026-11-03',
    request: '撤销被申请人作出的行政处罚决定',
  });
  jo1 = await orgId(bed.t.db, 'jo-330211001');
  jo3 = await orgId(bed.t.db, 'jo-330211003');
}, 120_000);

describe('the leaders’ dashboard', () => {
  it('shows the district’s figures, trends, deadlines, ranking and risks, each linked to its records', async () => {
    const res = await bed.leader.get('/api/dashboard?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.scope).toMatchObject({ value: 'district', kind: 'district', label: '镇海区', region: '330211' });
    expect(d.scopes.slice(0, 2).map((s: { label: string }) => s.label)).toEqual(['镇海区', '招宝山街道']);
    const f = figures(d);
    expect(f['mediation.received']).toEqual({
      id: 'mediation.received',
      name: '受理调解案件',
      line: 'mediation',
      unit: '件',
      value: 3,
      previous: 1,
      yoy: 200,
      yoyText: '增长200.0%',
      link: '/indicators/mediation.received?year=2025&region=330211',
    });
    expect(f['reconsideration.received']).toMatchObject({ value: 1, previous: 0 });
    const months = d.monthly.find((m: { id: string }) => m.id === 'mediation.received');
    expect(months.months).toEqual([0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0]);
    expect(months.previous).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(
      d.deadlines.offices.map((o: { orgName: string; overdue: number; dueSoon: number }) => [
        o.orgName,
        o.overdue,
        o.dueSoon,
      ]),
      // The accepted application has two overdue periods and counts once; the mediation case's term is a guideline.
    ).toEqual([['行政复议局', 1, 1]]);
    // The township evaluation of 2025 (migration 0042's items; two of the six indicators not registered): 招宝山
    // has the most cases (20 + 20 + 15 + 15 of 70), 骆驼 half as many (10 + 20 + 15 + 15), the rest none.
    expect(d.ranking.slice(0, 3)).toMatchObject([
      {
        name: '招宝山街道',
        total: 100,
        rank: 1,
        tier: '第一档',
        link: `/dashboard?scope=town:${jo1}&year=2025`,
      },
      { name: '骆驼街道', total: 85.7, rank: 2, tier: '第一档' },
      { total: 42.9, rank: 3, tier: '第二档' },
    ]);
    expect(d.risks).toEqual([
      {
        department: '宁波市镇海区市场监督管理局',
        shortName: '区市场监管局',
        orgId: market,
        received: 1,
        corrected: 0,
        suitsLost: 0,
        findings: 0,
        findingsOverdue: 0,
        link: `/supervision?year=2025&dept=${market}`,
      },
    ]);
  });

  it('a town’s page counts that town’s records only', async () => {
    const d = (await bed.leader.get(`/api/dashboard?year=2025&scope=town:${jo3}`)).json();
    expect(d.scope).toMatchObject({ kind: 'town', label: '骆驼街道', region: '330211003' });
    const f = figures(d);
    expect(f['mediation.received']).toMatchObject({
      value: 1,
      previous: 0,
      link: '/indicators/mediation.received?year=2025&region=330211003',
    });
    expect(f['reconsideration.received']).toMatchObject({ value: 0 });
    expect(d.deadlines.offices).toEqual([]);
    expect(d.ranking.find((t: { current: boolean }) => t.current).name).toBe('骆驼街道');
  });

  it('a department’s page is its risk profile', async () => {
    const d = (await bed.leader.get(`/api/dashboard?year=2025&scope=dept:${market}`)).json();
    expect(d.scope).toMatchObject({ kind: 'dept', label: '宁波市镇海区市场监督管理局' });
    expect(figures(d)['reconsideration.received']).toMatchObject({ value: 1, previous: 0 });
    expect(d.monthly[0].months).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    // Periods of matters about the department (subject_org_id: suits, findings, instruments); an application names
    // its respondent in its own rows, so the bureau's overdue application is not the department's.
    expect(d.deadlines.offices).toEqual([]);
    expect(d.ranking).toBeNull();
    expect(d.coverage).toBeNull();
  });

  it('a township office opens its own town only, and sees only its own line of the ranking', async () => {
    const own = await bed.otherOffice.get('/api/dashboard?year=2025');
    expect(own.statusCode, own.body).toBe(200);
    const d = own.json();
    expect(d.scopes.map((s: { value: string }) => s.value)).toEqual([`town:${jo3}`]);
    expect(d.scope.label).toBe('骆驼街道');
    expect(figures(d)['mediation.received']).toMatchObject({ value: 1, previous: 0 });
    expect(d.ranking.map((t: { name: string }) => t.name)).toEqual(['骆驼街道']);
    for (const scope of ['district', `town:${jo1}`, `dept:${market}`]) {
      const res = await bed.otherOffice.get(`/api/dashboard?year=2025&scope=${scope}`);
      expect(res.statusCode, scope).toBe(403);
      expect(res.json().detail).toBe('该范围不在您的权限范围内');
    }
    expect((await bed.otherOffice.get('/api/dashboard?scope=town:abc')).statusCode).toBe(400);
  });
});
