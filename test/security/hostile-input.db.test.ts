import { describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../support/app.ts';
import { reconsiderationTestbed } from '../support/reconsideration.ts';

/**
 * Issue 11, findings 4, 5 and 11: permission before the checks against the records, a Chinese 4xx (never a 500)
 * for NUL characters, year 0000 and 9999 dates and dates outside the calendar, and text normalised.
 */
const { bed, create } = reconsiderationTestbed();

const suit = (over: Record<string, unknown> = {}) => ({
  court: '宁波市镇海区人民法院',
  caseNumber: '（2026）浙0211行初77号',
  instance: 'first',
  defendantOrgId: bed.market,
  plaintiff: '某公司',
  actKind: 'penalty',
  filedOn: '2026-03-10',
  ...over,
});

describe('finding 4: permission is checked before the duplicate and case-number checks', () => {
  it('a department submitter learns nothing about an open application or a registered suit', async () => {
    const first = await create({ actTitle: '重复检查', actDocNo: '甬镇市监罚〔2025〕77号' });
    expect(first.statusCode).toBe(201);
    const refNo = first.json().refNo as string;
    expect((await bed.clerk.post('/api/lines/reconsideration/suit', suit())).statusCode).toBe(201);

    await makeUser(bed.t.db, 'market.submitter', [{ org: 'dept-market', role: 'submitter' }]);
    const dept = await signIn(bed.app, 'market.submitter');
    const probes = [
      await dept.post('/api/lines/reconsideration/application', {
        receivedOn: '2025-09-26',
        channel: 'window',
        applicants: [{ partyType: 'person', name: '张某', idNumber: '330211199001011236' }],
        respondentOrgId: bed.market,
        actKind: 'penalty',
        actTitle: '重复检查',
        actDocNo: '甬镇市监罚〔2025〕77号',
        actDate: '2025-09-01',
        actKnownOn: '2025-09-03',
        request: '撤销',
      }),
      await dept.post('/api/lines/reconsideration/suit', suit()),
      await dept.post('/api/lines/reconsideration/suit', suit({ caseNumber: '（2026）浙0211行初78号' })),
    ];
    for (const res of probes) {
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(refNo);
      expect(res.body).not.toContain('已经登记');
    }
    expect(probes[1]!.json().detail).toBe(probes[2]!.json().detail);
  });
});

describe('finding 5: hostile values get a Chinese 4xx, never a 500', () => {
  it.each([
    ['q=%00 in the matter list', () => bed.clerk.get('/api/matters?q=%00'), 'querystring.q'],
    ['openedFrom=0000-01-01', () => bed.clerk.get('/api/matters?openedFrom=0000-01-01'), null],
    [
      'a NUL in an applicant name',
      () => create({ applicants: [{ partyType: 'person', name: '张\u0000某' }] }),
      'body.applicants.0.name',
    ],
    ['a NUL in the request', () => create({ request: '撤销\u0000' }), 'body.request'],
    ['actDate 0000-01-01', () => create({ actDate: '0000-01-01' }), null],
    [
      'a NUL in a plaintiff',
      () => bed.clerk.post('/api/lines/reconsideration/suit', suit({ plaintiff: '某\u0000公司' })),
      'body.plaintiff',
    ],
    [
      'filedOn 0000-01-01',
      () => bed.clerk.post('/api/lines/reconsideration/suit', suit({ filedOn: '0000-01-01' })),
      null,
    ],
    ['an unpaired surrogate', () => create({ request: 'x\ud800y' }), 'body.request'],
  ])('%s', async (_what, call, field) => {
    const res = await call();
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().detail).toMatch(/[\u4e00-\u9fff]/);
    if (field) expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it.each([
    ['/api/calendar/period?start=9999-12-31&days=15&unit=working'],
    ['/api/rules/xzfy.accept.review/due?start=9999-12-31'],
    ['/api/calendar/period?start=0000-01-01&days=15&unit=months'],
  ])('without signing in: %s', async (url) => {
    const res = await bed.app.inject(url);
    expect(res.statusCode).toBe(400);
    expect(res.json().title).toBe('输入有误');
    expect(res.json().detail).toMatch(/[\u4e00-\u9fff]/);
  });

  // Historical calendars (before 2023) are not shipped: such an application is registered and worked, its periods
  // kept uncounted and marked so, never a 500.
  it('a historical application (received 2010-01-04) is registered with its periods marked as not computed', async () => {
    const res = await create({ receivedOn: '2010-01-04', actDate: '2009-12-01', actKnownOn: '2009-12-02' });
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    const detail = (await bed.clerk.get(`/api/matters/${id}`)).json();
    expect(
      detail.deadlines.map((d: { key: string; dueOn: string | null; badgeLabel: string }) => [
        d.key,
        d.dueOn,
        d.badgeLabel,
      ]),
    ).toEqual([['acceptance', null, '未计算（该年度不在节假日日历范围内）']]);
    const accepted = await bed.clerk.post(`/api/lines/reconsideration/application/${id}/accept`, {
      version: detail.matter.version,
      date: '2010-01-08',
      data: { procedure: 'ordinary' },
    });
    expect(accepted.statusCode).toBe(200);
    const after = (await bed.clerk.get(`/api/matters/${id}`)).json();
    expect(
      after.deadlines.map((d: { key: string; status: string; dueOn: string | null }) => [
        d.key,
        d.status,
        d.dueOn,
      ]),
    ).toEqual([
      ['acceptance', 'met', null],
      ['sendCopy', 'running', null],
      ['decision', 'running', null],
    ]);
    // Suspension, extension and resumption keep working on a period with no due date.
    for (const [action, date, data] of [
      ['suspend', '2010-01-11', { cause: 'missing' }],
      ['resume', '2010-01-18', {}],
      ['extend', '2010-01-19', { days: 30, reason: '案情复杂', approvedBy: '王某' }],
    ] as const) {
      const v = (await bed.clerk.get(`/api/matters/${id}`)).json().matter.version;
      const r = await bed.clerk.post(`/api/lines/reconsideration/application/${id}/${action}`, {
        version: v,
        date,
        data,
      });
      expect([action, r.statusCode]).toEqual([action, 200]);
    }
  });
});

describe('finding 11: invisible and right-to-left text', () => {
  it.each([['\u200b'], ['\u00ad'], ['\u202e'], ['\u3000 ']])(
    'refuses a name made of %j alone',
    async (name) => {
      const res = await create({ applicants: [{ partyType: 'person', name }] });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toContainEqual({
        field: 'body.applicants.0.name',
        message: '不能只包含空白或不可见字符',
      });
    },
  );

  it('stores "\\u202e反转" without the override', async () => {
    const res = await create({
      applicants: [{ partyType: 'person', name: '\u202e反转', idNumber: '330211198505051237' }],
      actTitle: '反转测试',
    });
    expect(res.statusCode).toBe(201);
    const { rows } = await bed.t.db.query(
      `SELECT p.name FROM matter_parties mp JOIN parties p ON p.id = mp.party_id
       WHERE mp.matter_id = $1 AND mp.role = 'applicant'`,
      [res.json().id],
    );
    expect(rows).toEqual([{ name: '反转' }]);
  });
});
