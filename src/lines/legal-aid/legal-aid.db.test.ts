import { describe, expect, it } from 'vitest';
import { legalAidTestbed } from '../../../test/support/legal-aid.ts';

const { bed, kit, deadlines, setCounting } = legalAidTestbed();
const APP = 'legalAid/application';
const NOTICE = 'legalAid/notice';

const docKinds = (docs: { kind: string }[]) => docs.map((d) => d.kind);

/** Walks an application received Mon 3 March 2025 to its closing review, assigning on Tue 11 March. */
async function walkToClosed(over: Record<string, unknown> = {}) {
  const m = await kit.create(APP, over);
  const step = async (action: string, date: string, data: Record<string, unknown> = {}) => {
    const res = await kit.act(APP, m.id, action, date, data);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const rights = await step('notifyRights', '2025-03-03', {
    method: 'written',
    notified: '王某',
    content: '告知申请人依法享有的法律援助权利和应当履行的义务',
  });
  expect(rights.state).toBe('reviewing');
  expect(docKinds((await step('grant', '2025-03-07', { reviewNote: '' })).documents)).toEqual([
    'legalAid.grant',
  ]);
  const assigned = await step('assign', '2025-03-11', {
    workerName: '陈律师',
    workerKind: 'lawyer',
    lawFirmOrgId: bed.orgs.firmA,
    courtName: '宁波市镇海区劳动人事争议仲裁委员会',
    noConflictDeclared: true,
  });
  expect(docKinds(assigned.documents)).toEqual(['legalAid.assign', 'legalAid.letter']);
  await step('signAgreement', '2025-03-13', { note: '' });
  await step('recordProgress', '2025-04-02', { kind: 'hearing', summary: '仲裁庭开庭审理' });
  await step('endCase', '2025-06-12', { endedOn: '2025-06-10', outcome: '仲裁裁决支持受援人请求' });
  await step('submitClosing', '2025-06-20', { materials: '结案报告、仲裁裁决书复印件' });
  const closed = await step('reviewClosing', '2025-07-01', {
    qualityScore: 92,
    subsidy: 2400,
    opinion: '材料齐全',
  });
  expect(closed.state).toBe('closed');
  expect(docKinds(closed.documents)).toEqual(['legalAid.closingReview']);
  return m;
}

describe('an application at a village station, from the visit to the closing review', () => {
  it('counts the periods in working days as 浙江省法律援助条例 does (the default setting)', async () => {
    // The village worker logs the visit; the centre registers the application from it without re-typing.
    const visit = await bed.villageWorker.post('/api/lines/legalAid/visits', {
      stationOrgId: bed.orgs.village,
      visitedOn: '2025-03-03',
      channel: 'window',
      topic: 'labour',
      service: 'aidApplication',
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const m = await walkToClosed({ visitId: visit.json().id });
    // 7 working days from receipt (第十七条): 4–7, 10–12 March → Wed 12 March; 3 working days from the grant of Fri
    // 7 March → Wed 12 March; 5 working days from the assignment of Tue 11 March → Tue 18 March; the 结案报告's 15
    // days from the end on 10 June (浙江 第十九条) → 25 June; the review's 30 days from 20 June → 20 July, a Sunday → 21.
    expect(await deadlines(m.id)).toEqual([
      { key: 'review', rule: 'flyz.review.working', status: 'met', dueOn: '2025-03-12' },
      { key: 'assign', rule: 'flyz.assign.working', status: 'met', dueOn: '2025-03-12' },
      { key: 'agreement', rule: 'flyz.sign-agreement.working', status: 'met', dueOn: '2025-03-18' },
      { key: 'closeReport', rule: 'flyz.zj.close', status: 'met', dueOn: '2025-06-25' },
      { key: 'closeReview', rule: 'flyz.close.review', status: 'met', dueOn: '2025-07-21' },
    ]);
    const { rows } = await bed.t.db.query(
      `SELECT v.matter_id::int AS visit_matter, c.quality_score::float AS score, c.subsidy::float AS subsidy,
              (SELECT count(*)::int FROM legal_aid_rights_notices n WHERE n.matter_id = c.matter_id) AS notices
       FROM legal_aid_cases c JOIN legal_aid_visits v ON v.id = c.visit_id WHERE c.matter_id = $1`,
      [m.id],
    );
    expect(rows[0]).toEqual({ visit_matter: m.id, score: 92, subsidy: 2400, notices: 1 });
  });

  it('counts them in calendar days when the bureau follows the national law, pinned at intake', async () => {
    await setCounting('national');
    try {
      const m = await walkToClosed();
      // 7 days from 3 March → Mon 10 March; 3 days from 7 March → Mon 10 March; 5 days from 11 March → Sun 16 →
      // Mon 17 March; 30 days from the end on 10 June → Thu 10 July (程序规定, article unverified).
      expect(await deadlines(m.id)).toEqual([
        { key: 'review', rule: 'flyz.review', status: 'met', dueOn: '2025-03-10' },
        { key: 'assign', rule: 'flyz.assign', status: 'met', dueOn: '2025-03-10' },
        { key: 'agreement', rule: 'flyz.sign-agreement', status: 'met', dueOn: '2025-03-17' },
        { key: 'closeReport', rule: 'flyz.close.file', status: 'met', dueOn: '2025-07-10' },
        { key: 'closeReview', rule: 'flyz.close.review', status: 'met', dueOn: '2025-07-21' },
      ]);
      // Assigned on 11 March, a day after the calendar count's 10 March: late, where the working-day count was not.
      const badges = (await bed.centre.get(`/api/matters/${m.id}`)).json().deadlines;
      expect(badges.find((d: { key: string }) => d.key === 'assign').badge).toBe('metLate');
    } finally {
      await setCounting('zhejiang');
    }
  });

  it('keeps a case’s counting when the setting changes after intake', async () => {
    const m = await kit.create(APP);
    await setCounting('national');
    try {
      await kit.act(APP, m.id, 'grant', '2025-03-07', { reviewNote: '' });
      expect((await deadlines(m.id)).map((d: { rule: string }) => d.rule)).toEqual([
        'flyz.review.working',
        'flyz.assign.working',
      ]);
    } finally {
      await setCounting('zhejiang');
    }
  });
});

describe('a court notice (通知辩护)', () => {
  it('is assigned within 3 working days (浙江) or 3 days (national) of receipt', async () => {
    // Received Wed 30 April 2025, before the 劳动节 holiday (1–5 May): working days 6, 7, 8 May; calendar 3 May,
    // a holiday, moves to Tue 6 May.
    const z = await kit.matterIn(NOTICE, 'assigning');
    expect(await deadlines(z.id)).toEqual([
      { key: 'assign', rule: 'flyz.criminal.assign.working', status: 'running', dueOn: '2025-05-08' },
    ]);
    await setCounting('national');
    try {
      const n = await kit.matterIn(NOTICE, 'assigning');
      expect(await deadlines(n.id)).toEqual([
        { key: 'assign', rule: 'flyz.criminal.assign', status: 'running', dueOn: '2025-05-06' },
      ]);
    } finally {
      await setCounting('zhejiang');
    }
    const res = await kit.act(NOTICE, z.id, 'assign', '2025-05-06', {
      workerName: '陈律师',
      workerKind: 'lawyer',
      lawFirmOrgId: bed.orgs.firmA,
      noConflictDeclared: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    // The 公函 goes to the notifying court even without a name typed.
    expect(docKinds(res.json().documents)).toEqual(['legalAid.assign', 'legalAid.letter']);
    expect((await deadlines(z.id))[0]).toMatchObject({ status: 'met' });
  });
});

describe('先行提供 (第四十四条) and a detained person’s application (第三十九条)', () => {
  // The limitation period ends Tue 11 March: 8 calendar days after receipt, but only 6 working days.
  const urgent = { limitationEndsOn: '2025-03-11' };

  it('is offered under the working-day count, with its decision, and starts the 3-day assignment', async () => {
    const m = await kit.create(APP, urgent);
    const res = await kit.act(APP, m.id, 'advance', '2025-03-04', { reason: '距仲裁时效届满不足七日' });
    expect(res.statusCode, res.body).toBe(200);
    expect(docKinds(res.json().documents)).toEqual(['legalAid.advance']);
    expect(await deadlines(m.id)).toEqual([
      { key: 'review', rule: 'flyz.review.working', status: 'met', dueOn: '2025-03-12' },
      { key: 'assign', rule: 'flyz.assign.working', status: 'running', dueOn: '2025-03-07' },
    ]);
  });

  it('is refused under the calendar count (8 days left)', async () => {
    await setCounting('national');
    try {
      const m = await kit.create(APP, urgent);
      const res = await kit.act(APP, m.id, 'advance', '2025-03-03', { reason: '距仲裁时效届满不足七日' });
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toBe(
        '距法定时效或者期限届满不足七日的，方可先行提供法律援助（法律援助法第四十四条）；本案未登记届满日或者尚有七日以上',
      );
    } finally {
      await setCounting('zhejiang');
    }
  });
});

describe('a detained person’s application: forwarded within 24 clock hours (第三十九条第一款)', () => {
  /** Received at the detention house Fri 7 March 2025 17:30; due Sat 8 March 17:30 (a Saturday: not moved). */
  const detained = (receivedOn: string, receivedTime: string) => ({
    source: 'detained',
    detainedAppliedOn: '2025-03-07',
    detainedAppliedTime: '17:30',
    receivedOn,
    receivedTime,
    detentionPlace: '宁波市镇海区看守所',
    stationOrgId: undefined,
  });
  const forwardingFacts = async (id: number) => {
    const details = (await bed.centre.get(`/api/matters/${id}`)).json().details as {
      title: string;
      fields?: { label: string; value: string | null }[];
    }[];
    const section = details.find((d) => d.title === '二十四小时转交（法律援助法第三十九条第一款）');
    return Object.fromEntries((section?.fields ?? []).map((f) => [f.label, f.value]));
  };
  const stored = async (id: number) =>
    (
      await bed.t.db.query(
        `SELECT to_char(forward_due_at, 'YYYY-MM-DD HH24:MI') AS due, forward_late_minutes AS late, forward_rule_id AS rule
         FROM legal_aid_cases WHERE matter_id = $1`,
        [id],
      )
    ).rows[0];

  for (const counting of ['zhejiang', 'national'] as const) {
    it(`records a forwarding 15 h 30 min late, due to the minute, the same under the ${counting} counting`, async () => {
      await setCounting(counting);
      try {
        const res = await kit.register(APP, detained('2025-03-09', '09:00'));
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json().warnings).toEqual([
          '宁波市镇海区看守所于2025-03-07 17:30收到被羁押人员的法律援助申请，应当于2025-03-08 17:30前转交（法律援助法第三十九条第一款），2025-03-09 09:00送达本机构，逾期15小时30分钟，已记录',
        ]);
        const id = res.json().id as number;
        expect(await stored(id)).toEqual({
          due: '2025-03-08 17:30',
          late: 930,
          rule: 'flyz.detained.forward.clock',
        });
        expect(await forwardingFacts(id)).toEqual({
          转交机关: '宁波市镇海区看守所',
          收到申请时间: '2025-03-07 17:30',
          应当转交时限: '2025-03-08 17:30前',
          送达本机构时间: '2025-03-09 09:00',
          转交情况: '逾期15小时30分钟',
          计算方法: '按钟点小时计算，昼夜、休息日和节假日照常计算，届满时刻不顺延；不因期限计算设置而不同',
        });
      } finally {
        await setCounting('zhejiang');
      }
    });
  }

  it('records one that arrives on the last minute (Saturday 17:30) as in time, with no warning', async () => {
    const res = await kit.register(APP, detained('2025-03-08', '17:30'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings).toEqual([]);
    expect(await stored(res.json().id)).toEqual({
      due: '2025-03-08 17:30',
      late: 0,
      rule: 'flyz.detained.forward.clock',
    });
    expect((await forwardingFacts(res.json().id)).转交情况).toBe('按时转交（届满时刻送达）');
    const early = await kit.register(APP, detained('2025-03-08', '09:15'));
    expect((await forwardingFacts(early.json().id)).转交情况).toBe('按时转交（届满前8小时15分钟送达）');
    const oneMinute = await kit.register(APP, detained('2025-03-08', '17:31'));
    expect((await forwardingFacts(oneMinute.json().id)).转交情况).toBe('逾期1分钟');
  });

  it('finds the late forwardings through the list search (逾期转交), not the ones in time', async () => {
    const items = (
      await bed.centre.get(`/api/matters?line=legalAid&q=${encodeURIComponent('逾期转交')}`)
    ).json().items as { id: number }[];
    const late = (
      await bed.t.db.query<{ id: number }>(
        'SELECT matter_id::int AS id FROM legal_aid_cases WHERE forward_late_minutes > 0 ORDER BY matter_id',
      )
    ).rows.map((r) => r.id);
    expect(late.length).toBe(3);
    expect(items.map((i) => i.id).sort((a, b) => a - b)).toEqual(late);
  });
});

describe('an objection to a refusal (第四十九条)', () => {
  it('is reviewed by the bureau within 5 working days (浙江) or 5 days (national); 责令改正 reopens the case', async () => {
    const m = await kit.matterIn(APP, 'refused');
    const objected = await kit.act(APP, m.id, 'object', '2025-03-12', {
      reason: '申请人系进城务工人员，应免予核查',
    });
    expect(objected.statusCode, objected.body).toBe(200);
    // Received Wed 12 March: 13, 14, 17, 18, 19 March → Wed 19 March.
    expect((await deadlines(m.id)).at(-1)).toEqual({
      key: 'objection',
      rule: 'flyz.objection.review.working',
      status: 'running',
      dueOn: '2025-03-19',
    });
    const decided = await kit.act(APP, m.id, 'decideObjection', '2025-03-14', {
      result: 'correct',
      reasoning: '申请人属于免予核查经济困难状况的人员',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ state: 'reviewing' });
    expect(decided.json().documents.map((d: { kind: string }) => d.kind)).toEqual([
      'legalAid.objectionDecision',
    ]);
    expect((await bed.centre.get(`/api/matters/${m.id}`)).json().matter.closedOn).toBeNull();
    expect(
      (await kit.act(APP, m.id, 'grant', '2025-03-17', { reviewNote: '经司法局责令改正' })).statusCode,
    ).toBe(200);

    await setCounting('national');
    try {
      const n = await kit.matterIn(APP, 'refused');
      await kit.act(APP, n.id, 'object', '2025-03-12', { reason: '不服' });
      // 5 days from 12 March → Mon 17 March.
      expect((await deadlines(n.id)).at(-1)).toMatchObject({
        rule: 'flyz.objection.review',
        dueOn: '2025-03-17',
      });
    } finally {
      await setCounting('zhejiang');
    }
  });
});

describe('scope', () => {
  it('a village station worker records and reads visits of that station only', async () => {
    const other = await bed.villageWorker.post('/api/lines/legalAid/visits', {
      stationOrgId: bed.orgs.otherVillage,
      visitedOn: '2025-03-03',
      channel: 'hotline',
      topic: 'loan',
      service: 'answer',
    });
    expect(other.statusCode).toBe(403);
    const list = (await bed.villageWorker.get('/api/lines/legalAid/visits')).json();
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((v: { stationOrgId: number }) => v.stationOrgId))).toEqual(
      new Set([bed.orgs.village]),
    );
  });

  it('a lawyer reads only the cases assigned to them, not a colleague’s of the same firm; re-assignment moves it', async () => {
    const assigned = await kit.matterIn(APP, 'handling');
    const unassigned = await kit.matterIn(APP, 'assigning');
    const status = async (c: typeof bed.lawyerA, url: string) => (await c.get(url)).statusCode;
    const listed = async (c: typeof bed.lawyerA) =>
      ((await c.get('/api/matters?line=legalAid')).json().items as { id: number }[]).map((i) => i.id);
    const docId = assigned.documents.find((d) => d.kind === 'legalAid.assign')!.id;
    const canRead = async (c: typeof bed.lawyerA) => ({
      list: (await listed(c)).includes(assigned.id),
      detail: await status(c, `/api/matters/${assigned.id}`),
      document: await status(c, `/api/documents/${docId}/html`),
      search: (
        (await c.get(`/api/matters?q=${encodeURIComponent('王某')}`)).json().items as { id: number }[]
      ).some((i) => i.id === assigned.id),
    });
    // Assigned to lawyer A of firm A: A reads it; A's colleague at the same firm and the lawyer of firm B do not.
    expect(await canRead(bed.lawyerA)).toEqual({ list: true, detail: 200, document: 200, search: true });
    expect(await listed(bed.lawyerA)).toEqual([assigned.id]);
    expect(await status(bed.lawyerA, `/api/matters/${unassigned.id}`)).toBe(404);
    expect(await canRead(bed.lawyerA2)).toEqual({ list: false, detail: 404, document: 404, search: false });
    expect(await canRead(bed.lawyerB)).toEqual({ list: false, detail: 404, document: 404, search: false });

    // 更换承办人员 to A's colleague: the reading passes to A2 and ends for A.
    const moved = await kit.act(APP, assigned.id, 'reassign', '2025-04-01', {
      workerName: '林律师',
      workerKind: 'lawyer',
      lawFirmOrgId: bed.orgs.firmA,
      workerUserId: bed.users.lawyerA2,
      reason: '原承办律师因病无法继续承办',
      noConflictDeclared: true,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await canRead(bed.lawyerA2)).toEqual({ list: true, detail: 200, document: 200, search: true });
    expect(await canRead(bed.lawyerA)).toEqual({ list: false, detail: 404, document: 404, search: false });
    const { rows } = await bed.t.db.query(
      `SELECT c.aid_worker, c.worker_user_id::int AS account, c.assigned_on::text AS assigned, m.subject_org_id
       FROM legal_aid_cases c JOIN matters m ON m.id = c.matter_id WHERE c.matter_id = $1`,
      [assigned.id],
    );
    expect(rows[0]).toEqual({
      aid_worker: '林律师',
      account: bed.users.lawyerA2,
      assigned: '2025-03-10',
      subject_org_id: null,
    });
  });

  it('refuses an account that is not a lawyer of the chosen firm', async () => {
    const m = await kit.matterIn(APP, 'assigning');
    const res = await kit.act(APP, m.id, 'assign', '2025-03-10', {
      workerName: '陈律师',
      workerKind: 'lawyer',
      lawFirmOrgId: bed.orgs.firmA,
      workerUserId: bed.users.lawyerB,
      noConflictDeclared: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'data.workerUserId', message: '所选账户不是承办单位的律师（法律服务工作者）账户' },
    ]);
    const offered = (
      await bed.centre.get(`/api/lines/legalAid/worker-accounts?firmOrgId=${bed.orgs.firmA}`)
    ).json();
    expect(offered.map((o: { label: string }) => o.label)).toEqual(['lawyer.a', 'lawyer.a2']);
  });
});
