/**
 * The assigned lawyer works their own case: the assignment names the lawyer's account as `lawyer` on the case
 * (matter_readers.role), so the engine lets that account take the lawyer's steps there and nowhere else.
 */
import { describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../../test/support/app.ts';
import { legalAidTestbed } from '../../../test/support/legal-aid.ts';

const { bed, kit } = legalAidTestbed();
const APP = 'legalAid/application';
type Client = typeof bed.lawyerA;

/** Takes a step as `c` does on the matter page: with the version it reads there. */
async function step(c: Client, id: number, action: string, date: string, data: Record<string, unknown>) {
  const read = await bed.centre.get(`/api/matters/${id}`);
  const version = read.json().matter.version;
  return c.post(`/api/lines/${APP}/${id}/${action}`, { version, date, data });
}

/** The steps the matter page offers `c`, with whether each is available today. */
async function offered(c: Client, id: number) {
  const res = await c.get(`/api/matters/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().allowedActions as { action: string; available: boolean }[]).map(
    (a) => `${a.action}${a.available ? '' : ' (unavailable)'}`,
  );
}

/** The history as the matter page shows it: date, step, who, summary. */
async function history(id: number) {
  const events = (await bed.centre.get(`/api/matters/${id}`)).json().events as {
    occurredOn: string;
    action: string;
    actorName: string;
    summary: string | null;
  }[];
  return events.map((e) => `${e.occurredOn} ${e.action} ${e.actorName} ${e.summary ?? ''}`.trim());
}

/** Uploads a one-page PDF to the matter as `c`, as the page's 上传附件 does. */
function upload(c: Client, id: number) {
  const boundary = '----fazhi-lawyer';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="结案报告.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return bed.app.inject({
    method: 'POST',
    url: `/api/matters/${id}/attachments`,
    payload,
    headers: {
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
}

const progress = { kind: 'meeting', summary: '在看守所会见受援人，核实案情' };

describe('the assigned lawyer acts on their own case', () => {
  it('offers the lawyer exactly the lawyer’s steps, and the centre its own', async () => {
    const m = await kit.matterIn(APP, 'handling');
    expect(await offered(bed.lawyerA, m.id)).toEqual([
      'signAgreement',
      'recordProgress',
      'reportTermination',
      'endCase',
    ]);
    expect(await offered(bed.centre, m.id)).toEqual([
      'reassign',
      'notifyRights',
      'signAgreement',
      'recordProgress',
      'terminate',
      'endCase',
    ]);
    // 待我办理 on the lawyer's workbench: the case, overdue by its 委托协议 period (5 working days from 10 March 2025).
    const waiting = async (c: Client) =>
      (
        (await c.get('/api/workbench')).json().waiting.items as {
          matterId: number;
          urgency: string;
          dueOn: string;
          actions: string[];
        }[]
      ).filter((i) => i.matterId === m.id);
    expect(await waiting(bed.lawyerA)).toEqual([
      expect.objectContaining({
        matterId: m.id,
        urgency: 'overdue',
        dueOn: '2025-03-17',
        actions: ['登记办结', '登记签订委托协议', '登记办案进展'],
      }),
    ]);
    expect(await waiting(bed.lawyerA2)).toEqual([]);
  });

  it('records progress, reports the case ended and submits the closing materials; the centre reviews', async () => {
    const m = await kit.matterIn(APP, 'handling');
    const met = await step(bed.lawyerA, m.id, 'recordProgress', '2025-03-14', progress);
    expect(met.statusCode, met.body).toBe(200);
    expect(met.json().state).toBe('handling');
    const probe = await step(bed.lawyerA, m.id, 'recordProgress', '2025-04-02', {
      kind: 'investigation',
      summary: '向用工单位调取考勤记录',
    });
    expect(probe.statusCode, probe.body).toBe(200);
    // The centre's own decisions stay the centre's: the named role is `lawyer`, nothing more.
    const terminate = await step(bed.lawyerA, m.id, 'terminate', '2025-04-03', {
      ground: 'ownLawyer',
      reason: '受援人自行委托律师',
    });
    expect(terminate.statusCode).toBe(403);
    expect(terminate.json().detail).toBe(
      '您无权执行「终止法律援助」。可执行的操作：登记签订委托协议、登记办案进展、报告终止情形、登记办结',
    );
    const ended = await step(bed.lawyerA, m.id, 'endCase', '2025-06-12', {
      endedOn: '2025-06-10',
      outcome: '仲裁裁决支持受援人请求',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(await offered(bed.lawyerA, m.id)).toEqual(['submitClosing']);
    const submitted = await step(bed.lawyerA, m.id, 'submitClosing', '2025-06-20', {
      materials: '结案报告、仲裁裁决书复印件',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().state).toBe('closing');
    const attached = await upload(bed.lawyerA, m.id);
    expect(attached.statusCode, attached.body).toBe(201);
    expect(await offered(bed.lawyerA, m.id)).toEqual([]);
    const review = await step(bed.lawyerA, m.id, 'reviewClosing', '2025-07-01', {
      qualityScore: 92,
      subsidy: 2400,
      opinion: '材料齐全',
    });
    expect(review.statusCode).toBe(403);
    const closed = await step(bed.centre, m.id, 'reviewClosing', '2025-07-01', {
      qualityScore: 92,
      subsidy: 2400,
      opinion: '材料齐全',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('closed');
    expect(await history(m.id)).toEqual([
      '2025-03-03 create fy.centre',
      '2025-03-07 grant fy.centre',
      '2025-03-10 assign fy.centre 指派 陈律师',
      '2025-03-14 recordProgress lawyer.a 会见：在看守所会见受援人，核实案情',
      '2025-04-02 recordProgress lawyer.a 调查取证：向用工单位调取考勤记录',
      '2025-06-12 endCase lawyer.a',
      '2025-06-20 submitClosing lawyer.a',
      '2025-07-01 reviewClosing fy.centre 质量评分 92 分',
    ]);
    const { rows } = await bed.t.db.query(
      `SELECT c.ended_on::text AS ended, c.quality_score::float AS score, c.subsidy::float AS subsidy,
              (SELECT status FROM deadlines d WHERE d.matter_id = c.matter_id AND d.key = 'closeReport') AS report
       FROM legal_aid_cases c WHERE c.matter_id = $1`,
      [m.id],
    );
    expect(rows[0]).toEqual({ ended: '2025-06-10', score: 92, subsidy: 2400, report: 'met' });
  });

  it('reports a ground of termination to the centre, which decides', async () => {
    const m = await kit.matterIn(APP, 'handling');
    const report = await step(bed.lawyerA, m.id, 'reportTermination', '2025-03-20', {
      ground: 'ownLawyer',
      reason: '受援人告知已自行委托律师',
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().state).toBe('handling');
    expect((await history(m.id)).at(-1)).toBe(
      '2025-03-20 reportTermination lawyer.a 受援人自行委托律师或者其他代理人：受援人告知已自行委托律师',
    );
  });

  it('refuses a colleague of the same firm, another firm’s lawyer and, after 更换, the previous lawyer', async () => {
    const m = await kit.matterIn(APP, 'handling');
    for (const c of [bed.lawyerA2, bed.lawyerB]) {
      const res = await step(c, m.id, 'recordProgress', '2025-03-14', progress);
      expect(res.statusCode).toBe(404);
    }
    const moved = await step(bed.centre, m.id, 'reassign', '2025-04-01', {
      workerName: '林律师',
      workerKind: 'lawyer',
      lawFirmOrgId: bed.orgs.firmA,
      workerUserId: bed.users.lawyerA2,
      reason: '原承办律师因病无法继续承办',
      noConflictDeclared: true,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const old = await step(bed.lawyerA, m.id, 'recordProgress', '2025-04-02', progress);
    expect(old.statusCode).toBe(404);
    expect((await upload(bed.lawyerA, m.id)).statusCode).toBe(404);
    const now = await step(bed.lawyerA2, m.id, 'recordProgress', '2025-04-02', {
      kind: 'fileReview',
      summary: '到仲裁委阅卷',
    });
    expect(now.statusCode, now.body).toBe(200);
    expect(await offered(bed.lawyerA2, m.id)).toEqual([
      'signAgreement',
      'recordProgress',
      'reportTermination',
      'endCase',
    ]);
    expect((await history(m.id)).slice(-2)).toEqual([
      '2025-04-01 reassign fy.centre 更换为 林律师：原承办律师因病无法继续承办',
      '2025-04-02 recordProgress lawyer.a2 阅卷：到仲裁委阅卷',
    ]);
  });

  it('counts the named role only while a membership holds it: a named mediator reads but does not act', async () => {
    const m = await kit.matterIn(APP, 'handling');
    await makeUser(bed.t.db, 'mediator.b', [{ org: 'firm-b', role: 'mediator' }]);
    const mediator = await signIn(bed.app, 'mediator.b');
    await bed.t.db.query(
      `INSERT INTO matter_readers (matter_id, user_id, role)
       SELECT $1, id, 'lawyer' FROM users WHERE username = 'mediator.b'`,
      [m.id],
    );
    expect(await offered(mediator, m.id)).toEqual([]);
    const res = await step(mediator, m.id, 'recordProgress', '2025-03-14', progress);
    expect(res.statusCode).toBe(403);
    expect((await upload(mediator, m.id)).statusCode).toBe(403);
  });
});
