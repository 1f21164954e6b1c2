import { describe, expect, it } from 'vitest';
import { makeUser, orgId, signIn } from '../../../test/support/app.ts';
import { decisionData, reconsiderationTestbed } from '../../../test/support/reconsideration.ts';

const { bed, create, act, countMatters } = reconsiderationTestbed();

describe('bad input at intake is refused with a clear message and writes nothing', () => {
  it.each([
    [
      'an invalid resident ID number',
      { applicants: [{ partyType: 'person', name: '李某', idNumber: '330211199001011235' }] },
      '校验位',
    ],
    [
      'an invalid unified social credit code',
      { applicants: [{ partyType: 'organisation', name: '某公司', creditCode: '113302110025345670' }] },
      '统一社会信用代码校验码错误',
    ],
    ['a receipt date in the future', { receivedOn: '2026-12-01' }, '晚于今天'],
    ['knowing of the act before it was made', { actKnownOn: '2025-08-01' }, '不能早于行政行为作出日期'],
  ])('%s', async (_what, over, message) => {
    const before = await countMatters();
    const res = await create(over);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain(message);
    expect(await countMatters()).toBe(before);
  });

  it('a respondent outside the registry of administrative organs', async () => {
    const before = await countMatters();
    const res = await create({ respondentOrgId: await orgId(bed.t.db, 'court') });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({
      field: 'respondentOrgId',
      message: expect.stringContaining('机构名录'),
    });
    expect(await countMatters()).toBe(before);
  });

  it('a transition out of order', async () => {
    const { id } = (await create({ actTitle: '顺序测试' })).json();
    const events = async () =>
      Number(
        (await bed.t.db.query('SELECT count(*) AS n FROM matter_events WHERE matter_id = $1', [id])).rows[0]
          .n,
      );
    const res = await act(id, 'decide', '2025-10-09', decisionData('uphold'));
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('可执行的操作');
    expect(await events()).toBe(1);
  });

  it('warns of a late application and refuses an unconfirmed duplicate of an open one', async () => {
    const lateAct = {
      actTitle: '迟到的申请',
      actDocNo: '甬镇市监罚〔2025〕900号',
      actKnownOn: '2025-06-01',
      actDate: '2025-05-30',
    };
    const late = await create(lateAct);
    expect(late.statusCode).toBe(201);
    const [warning] = late.json().warnings;
    expect(warning).toBe(
      '申请可能已超过法定申请期限：自知道行政行为之日（2025-06-01）起六十日，至 2025-07-31 届满（中华人民共和国行政复议法（2023年9月1日修订，2024年1月1日施行）第二十条第一款）。请核实是否有不可抗力或其他正当理由。',
    );
    // Kept on the matter as a fact, for the review to weigh after the registration form is gone.
    const facts = (await bed.clerk.get(`/api/matters/${late.json().id}`)).json().details[0].fields;
    expect(facts.find((f: { label: string }) => f.label === '申请期限提示')?.value).toBe(warning);
    // The bureau itself as respondent (Art. 28): registered, with the other organ the applicant may choose.
    const bureau = await create({
      respondentOrgId: await orgId(bed.t.db, 'bureau'),
      actTitle: '律师违法行为处罚决定',
    });
    expect(bureau.statusCode).toBe(201);
    expect(bureau.json().warnings).toEqual([
      '被申请人宁波市镇海区司法局是履行行政复议机构职责的司法行政部门（第二十八条）：申请人可以向本级人民政府申请行政复议，也可以向上一级司法行政部门申请；参与作出该行政行为的人员应当回避。',
    ]);
    const dup = await create(lateAct);
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0]).toMatchObject({ field: 'allowDuplicate' });
    const confirmed = await create({
      actTitle: '迟到的申请',
      actKnownOn: '2025-06-01',
      actDate: '2025-05-30',
      allowDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(201);
  });
});

describe('who sees reconsideration and litigation matters', () => {
  it('a township office sees none; a department submitter sees only suits against its own organ', async () => {
    const suit = (defendantOrgId: number, caseNumber: string) =>
      bed.clerk.post('/api/lines/reconsideration/suit', {
        court: '宁波市镇海区人民法院',
        caseNumber,
        instance: 'first',
        defendantOrgId,
        plaintiff: '某公司',
        actKind: 'penalty',
        filedOn: '2026-03-10',
      });
    const own = await suit(bed.market, '（2026）浙0211行初1号');
    expect(own.statusCode).toBe(201);
    expect((await suit(bed.housing, '（2026）浙0211行初2号')).statusCode).toBe(201);
    const appl = (await create({ actTitle: '可见性测试' })).json();

    const { rows } = await bed.t.db.query<{ code: string }>(
      `SELECT code FROM orgs WHERE kind = 'justiceOffice' ORDER BY code LIMIT 1`,
    );
    await makeUser(bed.t.db, 'town.clerk', [{ org: rows[0]!.code, role: 'townshipStaff' }]);
    const town = await signIn(bed.app, 'town.clerk');
    expect((await town.get('/api/matters?line=reconsideration')).json().items).toEqual([]);
    expect([403, 404]).toContain((await town.get(`/api/matters/${appl.id}`)).statusCode);

    await makeUser(bed.t.db, 'market.submitter', [{ org: 'dept-market', role: 'submitter' }]);
    const dept = await signIn(bed.app, 'market.submitter');
    const seen = (await dept.get('/api/matters?line=reconsideration')).json().items;
    expect(seen.map((m: { id: number }) => m.id)).toEqual([own.json().id]);
    expect([403, 404]).toContain((await dept.get(`/api/matters/${appl.id}`)).statusCode);
  });

  it('records the hearing and the outcome of a suit, which the litigation indicators count', async () => {
    const res = await bed.clerk.post('/api/lines/reconsideration/suit', {
      court: '宁波市中级人民法院',
      caseNumber: '（2026）浙02行终5号',
      instance: 'second',
      defendantOrgId: bed.housing,
      plaintiff: '王某',
      actKind: 'expropriation',
      filedOn: '2026-04-01',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const step = async (action: string, date: string, data: Record<string, unknown>) => {
      const v = (await bed.clerk.get(`/api/matters/${id}`)).json().matter.version;
      return bed.clerk.post(`/api/lines/reconsideration/suit/${id}/${action}`, { version: v, date, data });
    };
    expect(
      (await step('recordHearing', '2026-05-10', { headAppeared: true, headName: '李某（副局长）' }))
        .statusCode,
    ).toBe(200);
    expect((await step('conclude', '2026-06-01', { outcome: 'lost' })).statusCode).toBe(200);
    const lost = (await bed.clerk.get('/api/indicators/litigation.lost?year=2026&region=330211')).json();
    expect(lost.value).toBe(1);
    const head = (
      await bed.clerk.get('/api/indicators/litigation.headAppeared?year=2026&region=330211')
    ).json();
    expect(head.value).toBe(1);
    const bad = await bed.clerk.post('/api/lines/reconsideration/suit', {
      court: '宁波市镇海区人民法院',
      caseNumber: '2026-12',
      instance: 'first',
      defendantOrgId: bed.housing,
      plaintiff: '王某',
      actKind: 'penalty',
      filedOn: '2026-04-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('案号格式');
  });
});
