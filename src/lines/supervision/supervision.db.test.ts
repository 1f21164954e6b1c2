import { describe, expect, it } from 'vitest';
import { supervisionTestbed } from '../../../test/support/supervision.ts';

const { bed, kit, deadlines, inspection } = supervisionTestbed();
const F = 'supervision/finding';
const I = 'supervision/instrument';

describe('an inspection with three findings: one closed, one overdue and escalated to an interview, one sent back', () => {
  it('walks the loop with exact dates, documents and states', async () => {
    const id = inspection();
    const page = (await bed.inspector.get(`/api/matters/${id}`)).json();
    expect(page.matter.refNo).toMatch(/^镇法督〔2025〕\d+号$/);
    expect(page.documents.map((d: { kind: string }) => d.kind)).toEqual(['supervision.inspectionNotice']);

    const closed = await kit.matterIn(F, 'closed');
    // 60 calendar days from 10 April 2025 end on Monday 9 June, as the notice set it.
    expect(await deadlines(closed.id)).toEqual([
      { key: 'rectify', rule: 'fzdc.rectify', status: 'met', dueOn: '2025-06-09' },
    ]);
    expect((await bed.inspector.get(`/api/matters/${closed.id}`)).json().matter.state).toBe('closed');

    const overdue = await kit.matterIn(F, 'rectifying', { description: '重大行政决策目录未按时公布' });
    // Before the deadline has passed, no escalation is offered.
    const early = await kit.act(F, overdue.id, 'escalate', '2025-06-09', {
      measure: 'reminded',
      interviewee: '',
      interviewer: '',
      content: '督促整改',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('整改期限尚未届满，不能逾期督办');
    const interview = await kit.act(F, overdue.id, 'escalate', '2025-06-16', {
      measure: 'interviewed',
      interviewee: '区市场监管局分管副局长',
      interviewer: '区委依法治区办常务副主任',
      content: '要求十日内完成整改',
    });
    expect(interview.statusCode, interview.body).toBe(200);
    expect(interview.json().documents.map((d: { kind: string }) => d.kind)).toEqual([
      'supervision.interviewRecord',
    ]);
    expect(await deadlines(overdue.id)).toEqual([
      { key: 'rectify', rule: 'fzdc.rectify', status: 'running', dueOn: '2025-06-09' },
    ]);

    const back = await kit.matterIn(F, 'reported', { description: '规范性文件未报送备案' });
    const sent = await kit.act(F, back.id, 'verify', '2025-06-12', {
      result: 'sentBack',
      opinion: '整改措施未落实',
      newRectifyBy: '2025-07-12',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().state).toBe('rectifying');
    // A new period of 30 days from the verification: 12 July 2025 is a Saturday, so Monday 14 July.
    expect(await deadlines(back.id)).toEqual([
      { key: 'rectify', rule: 'fzdc.rectify', status: 'met', dueOn: '2025-06-09' },
      { key: 'rectify', rule: 'fzdc.rectify', status: 'running', dueOn: '2025-07-14' },
    ]);

    const fb = await kit.act('supervision/inspection', id, 'feedback', '2025-04-18', {
      summary: '总体有序推进。',
    });
    expect(fb.statusCode, fb.body).toBe(200);
    const conclude = await kit.act('supervision/inspection', id, 'conclude', '2025-08-01', { summary: '' });
    expect(conclude.statusCode).toBe(409);
    expect(conclude.json().detail).toBe('尚有2个问题未整改销号，不能办结');
  });

  it('a department sees its own findings only; a town none of another unit’s', async () => {
    const mine = (await bed.deptOfficer.get('/api/matters?line=supervision')).json();
    expect(mine.items.length).toBeGreaterThan(0);
    const housing = await kit.create('supervision/instrument', { departmentOrgId: bed.orgs.housing });
    expect((await bed.deptOfficer.get(`/api/matters/${housing.id}`)).statusCode).toBe(404);
    expect((await bed.town.get(`/api/matters/${inspection()}`)).statusCode).toBe(404);
  });
});

describe('law-enforcement supervision instruments', () => {
  it('a notice answered late is flagged metLate; the 2024 notice cites the rules then in force', async () => {
    const m = await kit.matterIn(I, 'awaitingReply');
    expect(await deadlines(m.id)).toEqual([
      { key: 'reply', rule: 'zfjd.reply', status: 'running', dueOn: '2024-06-05' },
    ]);
    const r = await kit.act(I, m.id, 'reply', '2024-06-12', { reply: '已整改' });
    expect(r.statusCode, r.body).toBe(200);
    const { rows } = await bed.t.db.query(
      `SELECT deadline_status(status, kind, due_on, ended_on, on_expiry, '2026-11-25', NULL) AS s FROM deadlines WHERE matter_id = $1`,
      [m.id],
    );
    expect(rows[0].s).toBe('metLate');
    const late = (
      await bed.leader.get(
        '/api/indicators/enforcementSupervision.notices/breakdown?year=2024&region=330211&dim=reply',
      )
    ).json();
    // The other notice of 2024 (区住建局, from the scope test) is still unanswered.
    expect(late.map((r: { key: string; value: number }) => [r.key, r.value])).toEqual([
      ['未回复', 1],
      ['逾期回复', 1],
    ]);
  });

  it('refuses a reply date before the issue date, with the field named', async () => {
    const before = Number((await bed.t.db.query('SELECT count(*) AS n FROM matters')).rows[0].n);
    const res = await kit.register(I, { replyBy: '2024-05-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'replyBy', message: '回复期限应晚于制发日期' }]);
    expect(Number((await bed.t.db.query('SELECT count(*) AS n FROM matters')).rows[0].n)).toBe(before);
  });
});

describe('a department’s risk page', () => {
  it('lists the records that make 区市场监管局 deserve attention, each linking to its matter', async () => {
    const res = await bed.leader.get(`/api/lines/supervision/departments/${bed.orgs.market}/risk?year=2025`);
    expect(res.statusCode, res.body).toBe(200);
    const risk = res.json();
    expect(risk.department).toBe('宁波市镇海区市场监督管理局');
    const findings = risk.signals.find((s: { label: string }) => s.label === '督察发现问题');
    expect(findings.count).toBe(3);
    expect(findings.records.every((r: { line: string }) => r.line === 'supervision')).toBe(true);
    // Reconsideration is read through its indicators (no import of the line): none against it in this fixture.
    expect(risk.signals.find((s: { label: string }) => s.label === '行政复议被纠错')).toMatchObject({
      count: 0,
    });
    // A department's own officer has no report scope over the bureau's records.
    expect(
      (await bed.deptOfficer.get(`/api/lines/supervision/departments/${bed.orgs.market}/risk?year=2025`))
        .statusCode,
    ).toBe(403);
  });
});

describe('the inspection picker of the finding’s intake', () => {
  it('offers the open inspections the clerk may read, by number and unit, not to a township office', async () => {
    const ref = (await bed.inspector.get(`/api/matters/${inspection()}`)).json().matter.refNo;
    const res = await bed.inspector.get('/api/lines/supervision/inspection-candidates');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toContainEqual({
      value: inspection(),
      label: `${ref} 对宁波市镇海区市场监督管理局的法治督察`,
      note: '实地督察 2025-04-08 至 2025-04-10',
      conflict: null,
      checked: null,
    });
    expect((await bed.town.get('/api/lines/supervision/inspection-candidates')).json()).toEqual([]);
  });
});
