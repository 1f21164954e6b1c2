import { describe, expect, it } from 'vitest';
import { LI, mediationTestbed, ZHANG } from '../../../test/support/mediation.ts';

const { bed, kit, deadlines } = mediationTestbed();
const CASE = 'mediation/case';

const docKinds = (docs: { kind: string }[]) => docs.map((d) => d.kind);

describe('a party’s application, mediated to a written agreement and judicially confirmed', () => {
  it('walks intake → acceptance → mediator → session → agreement → confirmation → follow-up → closing with exact periods', async () => {
    const m = await kit.create(CASE);
    expect(m.refNo).toMatch(/^镇调〔2025〕\d+号$/);
    const step = async (action: string, date: string, data: Record<string, unknown> = {}) => {
      const res = await kit.act(CASE, m.id, action, date, data);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect(docKinds((await step('accept', '2025-03-04', { partiesConsent: true })).documents)).toEqual([
      'mediation.acceptance',
    ]);
    // "一般在一个月内调结": 4 April 2025 is 清明 (4–6 April off), so the guideline ends on Monday 7 April — a badge,
    // never an office overdue.
    expect(await deadlines(m.id)).toEqual([
      { key: 'term', rule: 'rmtj.mediate.term', status: 'running', dueOn: '2025-04-07', badge: 'guideline' },
    ]);
    await step('assign', '2025-03-05', {
      mediatorIds: [bed.mediators.lead, bed.mediators.pooled],
      noConflictDeclared: true,
    });
    await step('holdSession', '2025-03-10', {
      place: '城东社区调解室',
      attendees: '张某、李某',
      summary: '',
    });
    // Both parties agree to go on: the guideline moves on by the days they agreed, counted from the month's own
    // last day (4 April, before its move past 清明): 14 April, a Monday.
    await step('extend', '2025-04-03', { days: 10, partiesAgreed: true, reason: '双方同意继续协商' });
    expect((await deadlines(m.id))[0]).toMatchObject({ dueOn: '2025-04-14' });
    const agreed = await step('agree', '2025-04-10', {
      form: 'written',
      agreement: '李某于2025年4月30日前赔偿张某损失3000元',
      amountAgreed: 3000,
      performance: 'instalments',
    });
    expect(agreed.state).toBe('agreed');
    expect(docKinds(agreed.documents)).toEqual(['mediation.agreement']);
    // The parties' 30 days to apply for judicial confirmation run from the agreement's effect (Art. 33): 10 May is
    // a Saturday, so they end on Monday 12 May. A party's period: never the committee's overdue — on the business
    // date (2026) it has lapsed, as the parties' own period does.
    expect(await deadlines(m.id)).toEqual([
      { key: 'term', rule: 'rmtj.mediate.term', status: 'met', dueOn: '2025-04-14', badge: 'met' },
      {
        key: 'confirmation',
        rule: 'rmtj.judicial-confirmation.apply',
        status: 'running',
        dueOn: '2025-05-12',
        badge: 'lapsed',
      },
    ]);
    const applied = await step('applyConfirmation', '2025-04-15', { court: '宁波市镇海区人民法院' });
    expect(docKinds(applied.documents)).toEqual(['mediation.confirmationApplication']);
    await step('recordConfirmation', '2025-05-08', { result: 'valid', rulingNo: '（2025）浙0211民特12号' });
    const after = await deadlines(m.id);
    expect(after.slice(1)).toEqual([
      {
        key: 'confirmation',
        rule: 'rmtj.judicial-confirmation.apply',
        status: 'met',
        dueOn: '2025-05-12',
        badge: 'met',
      },
      // The court's 30 days from the application (民诉法 第一百八十七条), tracked as a guideline.
      { key: 'courtRuling', rule: 'rmtj.jc.decide', status: 'met', dueOn: '2025-05-15', badge: 'met' },
      // 15 days to object to the confirming ruling (民诉法解释 第三百七十二条): 23 May.
      {
        key: 'objection',
        rule: 'rmtj.jc.objection',
        status: 'running',
        dueOn: '2025-05-23',
        badge: 'lapsed',
      },
    ]);
    const visit = await step('followUp', '2025-06-10', {
      visited: '张某',
      method: 'phone',
      findings: '李某已按期支付第一期款项',
      satisfied: true,
    });
    expect(docKinds(visit.documents)).toEqual(['mediation.followUp']);
    await step('recordPerformance', '2025-06-10', { performance: 'performed' });
    expect((await step('close', '2025-06-12')).state).toBe('closed');

    const page = (await bed.office.get(`/api/matters/${m.id}`)).json();
    expect(page.matter).toMatchObject({
      state: 'closed',
      closedOn: '2025-06-12',
      title: '张某与李某邻里纠纷',
    });
    const result = page.details.find((s: { title: string }) => s.title === '调解结果');
    const value = (label: string) => result.fields.find((f: { label: string }) => f.label === label)?.value;
    expect([value('结果'), value('协议金额（元）'), value('履行情况'), value('司法确认结果')]).toEqual([
      '达成协议',
      '3000.00',
      '已履行完毕',
      '裁定调解协议有效',
    ]);
    const panel = page.details.find((s: { title: string }) => s.title === '调解员');
    expect(panel.table.rows.map((r: string[]) => [r[0], r[3]])).toEqual([
      ['王调解', '是'],
      ['钱调解', '否'],
    ]);
  });

  it('pauses the guideline while suspended and counts what was left from the resumption', async () => {
    const m = await kit.matterIn(CASE, 'suspended');
    expect((await deadlines(m.id))[0]).toMatchObject({ status: 'paused', dueOn: null });
    const res = await kit.act(CASE, m.id, 'resume', '2025-03-24');
    expect(res.statusCode, res.body).toBe(200);
    // Suspended on 12 March with 23 days left to the month's own last day (4 April, before its move past 清明);
    // counted again from 24 March: 16 April, a Wednesday.
    expect((await deadlines(m.id))[0]).toMatchObject({ status: 'running', dueOn: '2025-04-16' });
  });
});

describe('court hand-offs (诉调对接)', () => {
  const referral = (over: Record<string, unknown>) => ({
    source: 'courtDelegated',
    channel: undefined,
    courtName: '宁波市镇海区人民法院',
    courtCaseNo: '（2025）浙0211民诉前调301号',
    materialsReceivedOn: '2025-03-03',
    ...over,
  });

  it('a case delegated before filing runs the court’s 30 days from the day the materials were signed for, and the result goes back to the court', async () => {
    const m = await kit.create(CASE, referral({ receivedOn: '2025-03-04' }));
    expect(await deadlines(m.id)).toEqual([
      {
        key: 'courtTerm',
        rule: 'tyjt.delegated.term',
        status: 'running',
        dueOn: '2025-04-02',
        badge: 'overdue',
      },
    ]);
    const walk = [
      ['accept', '2025-03-04', { partiesConsent: true }],
      ['assign', '2025-03-05', { mediatorIds: [bed.mediators.lead], noConflictDeclared: true }],
      ['holdSession', '2025-03-11', { place: '区矛调中心', attendees: '张某、李某' }],
    ] as const;
    for (const [action, date, data] of walk)
      expect((await kit.act(CASE, m.id, action, date, data)).statusCode).toBe(200);
    // The court's period is not the one-month guideline: acceptance started no guideline.
    expect((await deadlines(m.id)).map((d: { key: string }) => d.key)).toEqual(['courtTerm']);
    const res = await kit.act(CASE, m.id, 'agree', '2025-03-20', {
      form: 'written',
      agreement: '李某赔偿张某3000元',
      amountAgreed: 3000,
      performance: 'immediate',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(docKinds(res.json().documents)).toEqual(['mediation.agreement', 'mediation.courtReply']);
    expect((await deadlines(m.id))[0]).toMatchObject({ key: 'courtTerm', status: 'met', badge: 'met' });
  });

  it('a case entrusted after filing under the simple procedure has 7 days; the ordinary procedure 15', async () => {
    const simple = await kit.create(CASE, referral({ source: 'courtEntrusted', courtProcedure: 'simple' }));
    const ordinary = await kit.create(
      CASE,
      referral({ source: 'courtEntrusted', courtProcedure: 'ordinary' }),
    );
    expect((await deadlines(simple.id))[0]).toMatchObject({
      rule: 'tyjt.entrusted.term.simple',
      dueOn: '2025-03-10',
    });
    expect((await deadlines(ordinary.id))[0]).toMatchObject({
      rule: 'tyjt.entrusted.term.ordinary',
      dueOn: '2025-03-18',
    });
  });

  it('without agreement the termination notice and the reply with the materials go back to the court', async () => {
    const m = await kit.create(CASE, referral({}));
    await kit.act(CASE, m.id, 'accept', '2025-03-04', { partiesConsent: true });
    const res = await kit.act(CASE, m.id, 'fail', '2025-03-14', {
      reason: 'noAgreement',
      referredTo: 'court',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('failed');
    expect(docKinds(res.json().documents)).toEqual(['mediation.termination', 'mediation.courtReply']);
  });
});

describe('quick registration (简易登记)', () => {
  it('registers a dispute mediated on the spot closed in one step, with its oral agreement record', async () => {
    const res = await bed.office.post('/api/lines/mediation/onSpot', kit_onSpot());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'closed' });
    expect(res.json().refNo).toMatch(/^镇调简〔2025〕\d+号$/);
    expect(docKinds(res.json().documents)).toEqual(['mediation.oralRecord']);
    const page = (await bed.office.get(`/api/matters/${res.json().id}`)).json();
    expect(page.matter).toMatchObject({ closedOn: '2025-05-06', openedOn: '2025-05-06' });
  });
});

function kit_onSpot() {
  return {
    receivedOn: '2025-05-06',
    orgId: bed.orgs.village,
    mediatorId: bed.mediators.lead,
    place: '城东社区广场',
    applicants: [ZHANG],
    respondents: [LI],
    disputeType: 'neighbour',
    amount: 800,
    facts: '李某停放电动车堵塞通道',
    agreement: '李某当场挪走电动车',
    amountAgreed: 0,
    performance: 'immediate',
  };
}

describe('who sees and registers what', () => {
  it('a township office registers for its own committees only; a committee mediator sees only their committee', async () => {
    const ours = await kit.create(CASE);
    const res = await bed.otherOffice.post('/api/lines/mediation/case', {
      ...(await (async () => ({
        receivedOn: '2025-03-03',
        orgId: bed.orgs.village,
        source: 'initiative',
        applicants: [ZHANG],
        respondents: [LI],
        disputeType: 'neighbour',
        amount: 0,
        facts: '邻里纠纷',
      }))()),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('您无权在该机构登记「调解案件」');
    expect((await bed.otherOffice.get(`/api/matters/${ours.id}`)).statusCode).toBe(404);
    // The other town's own committee: its office registers there; the 城东 mediator never sees that case.
    const theirs = await bed.otherOffice.post('/api/lines/mediation/case', {
      receivedOn: '2025-03-03',
      orgId: bed.orgs.otherVillage,
      source: 'initiative',
      applicants: [ZHANG],
      respondents: [LI],
      disputeType: 'neighbour',
      amount: 0,
      facts: '邻里纠纷',
    });
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect((await bed.mediator.get(`/api/matters/${theirs.json().id}`)).statusCode).toBe(404);
    expect((await bed.mediator.get(`/api/matters/${ours.id}`)).statusCode).toBe(200);
    // The bureau filters the list by town: 骆驼街道's committees only.
    const town = (await bed.leader.get('/api/matters?line=mediation&region=330211003&limit=100')).json();
    expect(town.items.map((i: { id: number }) => i.id)).toEqual([theirs.json().id]);
    const list = (await bed.mediator.get('/api/matters?line=mediation&limit=100')).json();
    const owners = new Set(list.items.map((i: { ownerOrgName: string }) => i.ownerOrgName));
    expect([...owners]).toEqual(['城东社区人民调解委员会']);
  });
});

describe('the mediator pool', () => {
  it('lists each mediator with workload and success rate from their cases', async () => {
    const rows = (await bed.leader.get('/api/lines/mediation/mediators')).json();
    const lead = rows.find((r: { name: string }) => r.name === '王调解');
    expect(lead.cases).toBeGreaterThan(0);
    expect(lead.successRate).toBeTypeOf('number');
    const pool = (await bed.mediator.get('/api/lines/mediation/mediators?pool=true')).json();
    expect(pool.map((r: { name: string }) => r.name)).toEqual(['钱调解']);
  });

  it('gives each organisation its filing period: 30 working days from setting up', async () => {
    const rows = (await bed.leader.get('/api/lines/mediation/organisations')).json();
    const centre = rows.find((r: { name: string }) => r.name === '镇海区商事调解中心');
    // Founded Monday 20 May 2024; 30 working days (端午 10 June off) end on 2 July 2024.
    expect(centre).toMatchObject({
      orgKind: 'commercial',
      foundedOn: '2024-05-20',
      filingDue: '2024-07-02',
      filingLate: false,
    });
  });
});

describe('调解+复议: a reconsideration application handed over to mediation', () => {
  it('arrives with its parties, respondent and request, and its outcome appears on the reconsideration matter', async () => {
    const app = await bed.recon.post('/api/lines/reconsideration/application', {
      receivedOn: '2025-03-03',
      channel: 'window',
      applicants: [ZHANG],
      respondentOrgId: (await bed.t.db.query(`SELECT id FROM orgs WHERE code = 'dept-housing'`)).rows[0].id,
      actKind: 'licence',
      actTitle: '不予行政许可决定',
      actDate: '2025-02-20',
      actKnownOn: '2025-02-24',
      request: '撤销不予许可决定并准予许可',
    });
    expect(app.statusCode, app.body).toBe(201);
    const recon = app.json();
    const accepted = await bed.recon.post(`/api/lines/reconsideration/application/${recon.id}/accept`, {
      version: recon.version,
      date: '2025-03-05',
      data: { procedure: 'ordinary' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);

    // Nothing is typed again: the applicant, the respondent organ and the request come from the application.
    const handOff = await bed.recon.post('/api/lines/mediation/case', {
      receivedOn: '2025-03-10',
      orgId: bed.orgs.reconRoom,
      source: 'reconsideration',
      reconsiderationMatterId: recon.id,
      disputeType: 'other',
      amount: 0,
      facts: '申请人与区住建局就不予许可决定同意调解',
    });
    expect(handOff.statusCode, handOff.body).toBe(201);
    const m = handOff.json();
    const page = (await bed.recon.get(`/api/matters/${m.id}`)).json();
    expect(page.matter.title).toBe('张某与宁波市镇海区住房和城乡建设局其他纠纷');
    const facts = page.details.find((s: { title: string }) => s.title === '纠纷与来源').fields;
    const fact = (label: string) => facts.find((f: { label: string }) => f.label === label)?.value;
    expect([fact('案件来源'), fact('行政复议案件'), fact('被申请人（行政机关）'), fact('申请事项')]).toEqual([
      '调解+行政复议',
      recon.refNo,
      '宁波市镇海区住房和城乡建设局',
      '撤销不予许可决定并准予许可',
    ]);
    const parties = page.details.find((s: { title: string }) => s.title === '当事人').table.rows;
    expect(parties.map((r: string[]) => [r[0], r[1]])).toEqual([['申请人', '张某']]);

    // Handed over once only.
    const again = await bed.recon.post('/api/lines/mediation/case', {
      receivedOn: '2025-03-11',
      orgId: bed.orgs.reconRoom,
      source: 'reconsideration',
      reconsiderationMatterId: recon.id,
      disputeType: 'other',
      amount: 0,
      facts: '重复转入',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].message).toBe(
      `行政复议案件 ${recon.refNo} 已转入调解（${m.refNo}），不能重复转入`,
    );

    const steps = [
      ['accept', '2025-03-10', { partiesConsent: true }],
      ['assign', '2025-03-11', { mediatorIds: [bed.mediators.pooled], noConflictDeclared: true }],
      ['holdSession', '2025-03-14', { place: '区行政复议局调解室', attendees: '张某、区住建局代理人' }],
      [
        'agree',
        '2025-03-14',
        { form: 'written', agreement: '区住建局重新审查许可申请', amountAgreed: 0, performance: 'pending' },
      ],
    ] as const;
    // The reconsideration clerk works the case in the bureau's own mediation room.
    let version = m.version;
    for (const [action, date, data] of steps) {
      const res = await bed.recon.post(`/api/lines/mediation/case/${m.id}/${action}`, {
        version,
        date,
        data,
      });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    const reconPage = (await bed.recon.get(`/api/matters/${recon.id}`)).json();
    const back = reconPage.details.find((s: { title: string }) => s.title === '调解+复议：转入调解情况');
    expect(back.fields.map((f: { label: string; value: string | null }) => [f.label, f.value])).toEqual([
      ['调解案件', m.refNo],
      ['调解组织', '镇海区行政复议调解工作室'],
      ['转入日期', '2025-03-10'],
      ['调解结果', '达成调解协议'],
      ['结果日期', '2025-03-14'],
      ['协议形式', '书面调解协议'],
      ['协议内容', '区住建局重新审查许可申请'],
      ['协议金额（元）', '0.00'],
      ['终止原因', null],
    ]);
  });
});

describe('the registry of organisations and mediators', () => {
  it('lets a township office register a committee under it and its mediators, never a committee mediator', async () => {
    const office = (await bed.t.db.query(`SELECT id FROM orgs WHERE code = 'jo-330211001'`)).rows[0].id;
    const committee = {
      code: 'tv-330211001002',
      name: '胜利路社区人民调解委员会',
      orgKind: 'village',
      parentId: Number(office),
      regionCode: '330211001002',
      foundedOn: '2025-03-03',
    };
    const refused = await bed.mediator.post('/api/lines/mediation/organisations', committee);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('只有司法所、区司法局工作人员可以登记调解组织和调解员');
    const made = await bed.office.post('/api/lines/mediation/organisations', committee);
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    // Not filed yet: 30 working days from Monday 3 March 2025 end on 15 April (清明 4 April off); by the business
    // date (2026) the filing is late.
    const row = (await bed.office.get('/api/lines/mediation/organisations'))
      .json()
      .find((r: { id: number }) => r.id === id);
    expect(row).toMatchObject({
      filedOn: null,
      filingDue: '2025-04-15',
      filingLate: true,
      parentName: '招宝山街道司法所',
    });
    const early = await bed.office.patch(`/api/lines/mediation/organisations/${id}`, {
      filedOn: '2025-03-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toBe('备案日期不能早于设立日期（2025-03-03）');
    expect(
      (await bed.office.patch(`/api/lines/mediation/organisations/${id}`, { filedOn: '2025-04-10' }))
        .statusCode,
    ).toBe(204);

    const mediator = await bed.office.post('/api/lines/mediation/mediators', {
      orgId: id,
      name: '陈调解',
      speciality: '物业纠纷',
      employment: 'fullTime',
      inPool: true,
      joinedOn: '2025-03-03',
    });
    expect(mediator.statusCode, mediator.body).toBe(201);
    // The pool is the district's: another town's committee mediator sees the new member.
    const pool = (await bed.mediator.get('/api/lines/mediation/mediators?pool=true')).json();
    expect(pool.map((r: { name: string }) => r.name).sort()).toEqual(['钱调解', '陈调解'].sort());

    // A mediator who has left is kept in the register but can no longer be assigned.
    const left = await bed.office.post(`/api/lines/mediation/mediators/${mediator.json().id}/status`, {
      status: 'left',
      on: '2025-06-30',
    });
    expect(left.statusCode).toBe(204);
    const m = await kit.matterIn(CASE, 'accepted');
    const res = await kit.act(CASE, m.id, 'assign', '2025-07-01', {
      mediatorIds: [mediator.json().id],
      noConflictDeclared: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('调解员陈调解当前不在册，不能指派');
  });
});

describe('更正 of a mistaken agreement record', () => {
  it('puts the case back to mediation, restores its periods, voids the agreement and clears the outcome', async () => {
    const m = await kit.matterIn(CASE, 'agreed');
    const page = (await bed.office.get(`/api/matters/${m.id}`)).json();
    const agree = page.events.find((e: { action: string }) => e.action === 'agree');
    const leader = (await bed.t.db.query(`SELECT id FROM users WHERE username = 'leader'`)).rows[0].id;
    const withoutApproval = await bed.office.post(`/api/matters/${m.id}/correct`, {
      version: m.version,
      eventId: agree.id,
      date: '2025-03-21',
      reason: '协议内容登记错误',
    });
    expect(withoutApproval.statusCode).toBe(400);
    const res = await bed.office.post(`/api/matters/${m.id}/correct`, {
      version: m.version,
      eventId: agree.id,
      date: '2025-03-21',
      reason: '协议内容登记错误',
      approverId: Number(leader),
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await bed.office.get(`/api/matters/${m.id}`)).json();
    expect(after.matter.state).toBe('mediating');
    // The guideline runs again (past its day on the business date, yet never an office overdue); the parties'
    // confirmation period the agreement started is gone.
    expect(await deadlines(m.id)).toEqual([
      { key: 'term', rule: 'rmtj.mediate.term', status: 'running', dueOn: '2025-04-07', badge: 'guideline' },
    ]);
    const { rows } = await bed.t.db.query(
      `SELECT c.outcome, c.amount_agreed, (SELECT count(*)::int FROM documents d WHERE d.matter_id = c.matter_id
         AND d.kind = 'mediation.agreement' AND d.voided_by IS NOT NULL) AS voided
       FROM mediation_cases c WHERE c.matter_id = $1`,
      [m.id],
    );
    expect(rows[0]).toEqual({ outcome: null, amount_agreed: null, voided: 1 });
  });
});
