import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, makeUser, signIn } from '../support/app.ts';
import { decisionData, reconsiderationTestbed } from '../support/reconsideration.ts';

/**
 * 更正 on the reconsideration line: a decision recorded as 变更 instead of 撤销 is corrected; the matter, its
 * deadlines and the line's rows go back exactly, the decision letter is voided but kept, the indicator drops it and
 * the next decision takes the next number.
 */
const { bed, create, act } = reconsiderationTestbed();
let leader: { id: number };

let township: Client;

beforeAll(async () => {
  leader = { id: Number(await makeUser(bed.t.db, 'fy.leader', [{ org: 'bureau', role: 'leader' }])) };
  await makeUser(bed.t.db, 'fy.township', [{ org: 'bureau', role: 'townshipStaff' }]);
  township = await signIn(bed.app, 'fy.township');
});

const detail = async (id: number) => (await bed.clerk.get(`/api/matters/${id}`)).json();
/** Every column of the matter's deadline rows, as stored. */
const deadlineRows = async (id: number) =>
  (await bed.t.db.query(`SELECT * FROM deadlines WHERE matter_id = $1 ORDER BY id`, [id])).rows;
const eventCount = async (id: number) =>
  Number(
    (await bed.t.db.query(`SELECT count(*) AS n FROM matter_events WHERE matter_id = $1`, [id])).rows[0].n,
  );
const correct = async (id: number, body: Record<string, unknown>, as = bed.clerk, headers = {}) =>
  as.post(`/api/matters/${id}/correct`, { version: (await detail(id)).matter.version, ...body }, headers);
const correctedRecords = async () =>
  (await bed.clerk.get('/api/indicators/reconsideration.corrected/records?year=2025&region=330211'))
    .json()
    .items.map((r: { id: number }) => r.id);
const eventOf = (d: { events: { id: number; action: string; voidedBy?: number }[] }, action: string) =>
  d.events.filter((e) => e.action === action).at(-1)!;

async function decidedMatter(actTitle: string) {
  const { id } = (await create({ actTitle })).json();
  expect((await act(id, 'accept', '2025-09-29', { procedure: 'ordinary' })).statusCode).toBe(200);
  // The parties are heard before a decision in the ordinary procedure (Art. 49).
  expect((await act(id, 'hearParties', '2025-10-09', { method: 'phone' })).statusCode).toBe(200);
  expect((await act(id, 'sendCopy', '2025-10-09')).statusCode).toBe(200);
  // No decision before the reply is in or its period has run from the service of the copy (Art. 48).
  expect((await act(id, 'receiveReply', '2025-10-10', { summary: '' })).statusCode).toBe(200);
  return id as number;
}

describe('correcting (更正) a reconsideration decision recorded with the wrong type', () => {
  it('restores state, deadlines and the decision row, voids the letter, drops the indicator, numbers the next decision N+1', async () => {
    const id = await decidedMatter('更正测试：变更误选');
    const beforeDecision = await deadlineRows(id);
    const wrong = await act(
      id,
      'decide',
      '2025-11-10',
      decisionData('change', {
        ground: 'a63.3',
        changedTo: '警告',
        findings: '被申请人认定事实不清',
        reasoning: '主要证据不足',
      }),
    );
    expect(wrong.statusCode).toBe(200);
    const voidedDoc = wrong.json().documents[0];
    const n = Number(/〔2025〕(\d+)号/.exec(voidedDoc.docNumber)![1]);
    expect(await correctedRecords()).toContain(id);
    const afterDecision = await detail(id);
    expect(afterDecision.matter).toMatchObject({ state: 'decided', closedOn: '2025-11-10' });
    const decideEvent = eventOf(afterDecision, 'decide');

    // The offer the matter page shows: the latest step, with the leaders who may approve its correction.
    expect((await bed.clerk.get(`/api/matters/${id}/correction`)).json()).toEqual({
      step: {
        eventId: decideEvent.id,
        seq: 6,
        action: 'decide',
        label: '作出复议决定',
        occurredOn: '2025-11-10',
        allowed: true,
        approvalRequired: true,
        approvers: [{ id: leader.id, name: 'fy.leader' }],
      },
    });

    // Refusals leave nothing written.
    const events = await eventCount(id);
    const noApprover = await correct(id, {
      eventId: decideEvent.id,
      date: '2025-11-12',
      reason: '决定类型误选为变更',
    });
    expect(noApprover.statusCode).toBe(400);
    expect(noApprover.json().errors).toEqual([
      { field: 'approverId', message: '更正「作出复议决定」须经领导批准，请选择批准人' },
    ]);
    const noRole = await correct(
      id,
      { eventId: decideEvent.id, date: '2025-11-12', reason: '决定类型误选为变更', approverId: leader.id },
      township,
    );
    expect(noRole.statusCode).toBe(403);
    expect(noRole.json().detail).toBe('您无权更正「作出复议决定」');
    const notLatest = await correct(id, {
      eventId: eventOf(afterDecision, 'accept').id,
      date: '2025-11-12',
      reason: '受理误录',
      approverId: leader.id,
    });
    expect(notLatest.statusCode).toBe(409);
    expect(notLatest.json().detail).toBe(
      '只能更正最近一个办理环节「作出复议决定」（2025-11-10）；更正较早的「受理」会使其后的环节失去依据，请先更正其后的环节',
    );
    const noReason = await correct(id, {
      eventId: decideEvent.id,
      date: '2025-11-12',
      reason: ' ',
      approverId: leader.id,
    });
    expect(noReason.statusCode).toBe(400);
    expect(await eventCount(id)).toBe(events);

    const body = {
      eventId: decideEvent.id,
      date: '2025-11-12',
      reason: '决定类型误选为变更，应为撤销',
      approverId: leader.id,
    };
    const version = afterDecision.matter.version;
    const ok = await bed.clerk.post(
      `/api/matters/${id}/correct`,
      { version, ...body },
      { 'idempotency-key': 'corr-1' },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      state: 'review',
      version: version + 1,
      correctedEventId: decideEvent.id,
      voidedDocuments: [{ id: voidedDoc.id, docNumber: voidedDoc.docNumber }],
    });
    // A retry with the same key gets the first answer; a stale version is refused.
    const replay = await bed.clerk.post(
      `/api/matters/${id}/correct`,
      { version, ...body },
      { 'idempotency-key': 'corr-1' },
    );
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(ok.json());
    const stale = await bed.clerk.post(`/api/matters/${id}/correct`, { version, ...body });
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    // Matter, deadlines (every column, as before the decision) and the line's row are back.
    const after = await detail(id);
    expect(after.matter).toMatchObject({ state: 'review', closedOn: null, version: version + 1 });
    expect(await deadlineRows(id)).toEqual(beforeDecision);
    const row = await bed.t.db.query(
      'SELECT decision_type, decided_on FROM reconsideration_applications WHERE matter_id = $1',
      [id],
    );
    expect(row.rows[0]).toEqual({ decision_type: null, decided_on: null });

    // The timeline keeps both steps: the voided decision and the correction with its reason and approver.
    const correction = after.events.at(-1);
    expect(eventOf(after, 'decide').voidedBy).toBe(correction.id);
    expect(correction).toMatchObject({
      action: 'kernel.correct',
      label: '更正',
      fromState: 'decided',
      toState: 'review',
      occurredOn: '2025-11-12',
      summary: '更正第 6 步「作出复议决定」：决定类型误选为变更，应为撤销（经 fy.leader 批准）',
    });
    expect(after.documents.at(-1)).toMatchObject({
      id: voidedDoc.id,
      docNumber: voidedDoc.docNumber,
      voidedOn: '2025-11-12',
      voidReason: '决定类型误选为变更，应为撤销',
    });
    expect(after.allowedActions.map((a: { action: string }) => a.action)).toContain('decide');

    // The voided letter stays downloadable, marked 作废 with the date and reason.
    const docx = await bed.clerk.get(`/api/documents/${voidedDoc.id}/docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('作废');
    expect(xml).toContain('本文书已于2025年11月12日更正作废，文号不再使用。');
    expect(xml).toContain(voidedDoc.docNumber);
    expect(decodeURIComponent(docx.headers['content-disposition'] as string)).toContain('（作废）');
    const html = await bed.clerk.get(`/api/documents/${voidedDoc.id}/html`);
    expect(html.body).toContain('<p class="void"');
    expect(html.body).toContain('作废理由：决定类型误选为变更，应为撤销');

    // 纠错 no longer counts the voided decision.
    expect(await correctedRecords()).not.toContain(id);

    const audit = await bed.t.db.query(
      `SELECT summary FROM audit_log WHERE action = 'matter.correct' AND object_id = $1`,
      [String(id)],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].summary).toMatchObject({
      line: 'reconsideration',
      kind: 'application',
      correctedEventId: decideEvent.id,
      correctedAction: 'decide',
      approverId: leader.id,
      voidedDocuments: [voidedDoc.docNumber],
    });

    // The right decision takes the next number; the voided number is never reused.
    const right = await act(
      id,
      'decide',
      '2025-11-10',
      decisionData('revoke', {
        ground: 'a64.1',
        findings: '被申请人认定事实不清',
        reasoning: '主要证据不足',
      }),
    );
    expect(right.statusCode).toBe(200);
    expect(right.json().documents[0].docNumber).toBe(`镇政复〔2025〕${n + 1}号`);
    expect(await correctedRecords()).toContain(id);
    const byDecision = (
      await bed.clerk.get(
        '/api/indicators/reconsideration.corrected/breakdown?year=2025&region=330211&dim=decision',
      )
    ).json();
    expect(JSON.stringify(byDecision)).toContain('撤销');
    expect(JSON.stringify(byDecision)).not.toContain('变更');
  });

  it('undoes an acceptance: the periods it started are removed, the review period runs again as before', async () => {
    const { id } = (await create({ actTitle: '更正测试：受理' })).json();
    const beforeAccept = await deadlineRows(id);
    expect(beforeAccept.map((d) => [d.key, d.status, d.due_on])).toEqual([
      ['acceptance', 'running', '2025-10-10'],
    ]);
    const accepted = await act(id, 'accept', '2025-09-29', {
      procedure: 'simplified',
      simplifiedGround: 'smallAmount',
    });
    expect((await deadlineRows(id)).map((d) => [d.key, d.status])).toEqual([
      ['acceptance', 'met'],
      ['sendCopy', 'running'],
      ['decision', 'running'],
    ]);
    const d = await detail(id);
    const res = await correct(id, {
      eventId: eventOf(d, 'accept').id,
      date: '2025-09-30',
      reason: '程序选错',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().voidedDocuments).toEqual(
      [accepted.json().documents[0]].map(({ id: docId, docNumber }) => ({ id: docId, docNumber })),
    );
    expect(await deadlineRows(id)).toEqual(beforeAccept);
    expect((await detail(id)).matter.state).toBe('received');
    const row = await bed.t.db.query(
      'SELECT procedure FROM reconsideration_applications WHERE matter_id = $1',
      [id],
    );
    expect(row.rows[0].procedure).toBeNull();
    // The step can be taken again, and its guard no longer sees the voided acceptance.
    expect((await act(id, 'accept', '2025-09-30', { procedure: 'ordinary' })).statusCode).toBe(200);
    expect((await deadlineRows(id)).map((r) => [r.key, r.status])).toEqual([
      ['acceptance', 'met'],
      ['sendCopy', 'running'],
      ['decision', 'running'],
    ]);
  });

  it('refuses a step its line does not declare correctable, and a correction dated before the step', async () => {
    const id = await decidedMatter('更正测试：不可更正');
    const d = await detail(id);
    const copy = await correct(id, {
      eventId: eventOf(d, 'receiveReply').id,
      date: '2025-10-10',
      reason: '误录',
    });
    expect(copy.statusCode).toBe(409);
    expect(copy.json().detail).toBe('「收到被申请人答复」不能更正');
    expect((await bed.clerk.get(`/api/matters/${id}/correction`)).json()).toEqual({ step: null });
    const early = await act(id, 'decide', '2025-11-10', decisionData('uphold'));
    const decide = eventOf(await detail(id), 'decide');
    const tooEarly = await correct(id, {
      eventId: decide.id,
      date: '2025-11-09',
      reason: '误录',
      approverId: leader.id,
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().detail).toBe('日期 2025-11-09 早于上一环节（2025-11-10），请按办理顺序登记');
    // A step recorded before the journal existed has no before-images: it is refused, not half-reverted.
    const shift = (sign: string) =>
      bed.t.db.query(
        `UPDATE schema_migrations SET applied_at = applied_at ${sign} interval '10 years' WHERE name LIKE '%\\_correction%'`,
      );
    await shift('+');
    const old = await correct(id, {
      eventId: decide.id,
      date: '2025-11-10',
      reason: '误录',
      approverId: leader.id,
    });
    await shift('-');
    expect(old.statusCode).toBe(409);
    expect(old.json().detail).toBe(
      '「作出复议决定」登记于更正功能启用之前，其期限变动没有记录，不能自动更正；请联系系统管理员',
    );
    expect(early.statusCode).toBe(200);
  });

  it('keeps events and documents append-only except for voiding them once', async () => {
    const { rows } = await bed.t.db.query(`SELECT id FROM matter_events WHERE voided_by IS NOT NULL LIMIT 1`);
    await expect(
      bed.t.db.query(`UPDATE matter_events SET voided_by = NULL WHERE id = $1`, [rows[0].id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      bed.t.db.query(`UPDATE documents SET title = 'x' WHERE voided_by IS NOT NULL`),
    ).rejects.toThrow(/append-only/);
  });
});
