import { describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../../test/support/app.ts';
import { reconsiderationTestbed } from '../../../test/support/reconsideration.ts';

const { bed, create, act } = reconsiderationTestbed();
const STAFF = '/api/lines/reconsideration/staff';

describe('the register of 行政复议人员 (Art. 6) and who handles which case', () => {
  it('asks the 法律职业资格 of those who took up the work from 2018, and lists each person’s cases', async () => {
    const noCertificate = await bed.clerk.post(STAFF, {
      name: '陈某',
      qualification: 'legalProfession',
      since: '2024-03-01',
    });
    expect(noCertificate.statusCode).toBe(400);
    expect(noCertificate.json().errors).toContainEqual({
      field: 'body.certificateNo',
      message: '请填写法律职业资格证书编号',
    });
    const lateStarter = await bed.clerk.post(STAFF, {
      name: '陈某',
      qualification: 'before2018',
      since: '2018-01-01',
    });
    expect(lateStarter.json().errors).toContainEqual({
      field: 'body.qualification',
      message:
        '2018年1月1日起初次从事行政复议工作的人员，应当取得法律职业资格（行政复议法第六条第二款；2017年修正的行政复议法第三条第二款）',
    });
    for (const person of [
      {
        name: '周某',
        qualification: 'legalProfession',
        certificateNo: 'A20193302110001',
        since: '2019-07-01',
      },
      { name: '吴某', qualification: 'before2018', since: '2012-05-02' },
    ])
      expect((await bed.clerk.post(STAFF, person)).statusCode).toBe(201);
    const twice = await bed.clerk.post(STAFF, {
      name: '吴某',
      qualification: 'before2018',
      since: '2012-05-02',
    });
    expect(twice.json().detail).toBe('吴某已在行政复议人员名册中');

    // A department's submitter cannot register anyone.
    await makeUser(bed.t.db, 'fy.market', [{ org: 'dept-market', role: 'submitter' }]);
    const market = await signIn(bed.app, 'fy.market');
    expect(
      (await market.post(STAFF, { name: '郑某', qualification: 'before2018', since: '2010-01-04' }))
        .statusCode,
    ).toBe(403);

    const { id } = (await create({ actTitle: '承办人员测试' })).json();
    const alone = await act(id, 'assignHandlers', '2025-09-26', { lead: '周某', assistants: '' });
    expect(alone.statusCode).toBe(400);
    const stranger = await act(id, 'assignHandlers', '2025-09-26', { lead: '周某', assistants: '王五' });
    expect(stranger.json().detail).toBe('王五不在行政复议人员名册中，请先登记');
    const assigned = await act(id, 'assignHandlers', '2025-09-26', { lead: '周某', assistants: '吴某' });
    expect(assigned.statusCode, assigned.body).toBe(200);

    const page = (await bed.clerk.get(`/api/matters/${id}`)).json();
    expect(page.details.find((s: { title: string }) => s.title === '承办人员').table.rows).toEqual([
      ['主办', '周某', '取得法律职业资格', 'A20193302110001'],
      ['协办', '吴某', '2018年1月1日前已从事行政复议工作', null],
    ]);
    const register = (await bed.clerk.get(STAFF)).json();
    expect(
      register.map((s: { name: string; cases: number; leadCases: number }) => [s.name, s.cases, s.leadCases]),
    ).toEqual([
      ['吴某', 1, 0],
      ['周某', 1, 1],
    ]);
    const zhou = register.find((s: { name: string }) => s.name === '周某').id;
    expect((await bed.clerk.get(`${STAFF}/${zhou}/cases`)).json()).toEqual([
      expect.objectContaining({ matterId: id, role: 'lead', state: 'received' }),
    ]);
    // The department's submitter reads none of the section's cases.
    expect((await market.get(`${STAFF}/${zhou}/cases`)).json()).toEqual([]);
  });
});
