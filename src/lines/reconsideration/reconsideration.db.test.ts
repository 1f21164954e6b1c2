import { describe, expect, it } from 'vitest';
import { decisionData, reconsiderationTestbed } from '../../../test/support/reconsideration.ts';

const { bed, create, act, deadline } = reconsiderationTestbed();

describe('a reconsideration application, from intake to decision', () => {
  it('runs intake → supplement → acceptance → reply → hearing → extension → suspension → decision on the 2025 calendar', async () => {
    const res = await create();
    expect(res.statusCode).toBe(201);
    const { id, refNo } = res.json();
    expect(refNo).toMatch(/^镇司复收〔2025〕\d+号$/);
    // Fri 26 Sep + 5 working days, across National Day; Sun 28 Sep is an adjusted working day (Art. 30, Art. 88).
    expect(await deadline(id, 'acceptance')).toMatchObject({ dueOn: '2025-10-10', status: 'running' });

    expect(
      (await act(id, 'requestSupplement', '2025-09-29', { items: '请提供行政处罚决定书复印件' })).statusCode,
    ).toBe(200);
    // Art. 31(2): the 10 working days count from the applicant's receipt of the notice; until it is recorded the
    // period has no due date.
    expect(await deadline(id, 'supplement')).toMatchObject({
      status: 'notStarted',
      dueOn: null,
      badge: 'notStarted',
    });
    expect(
      (await act(id, 'serveSupplementNotice', '2025-09-30', { method: 'inPerson', receivedOn: '2025-09-29' }))
        .statusCode,
    ).toBe(200);
    expect(await deadline(id, 'supplement')).toMatchObject({ startOn: '2025-09-29', dueOn: '2025-10-20' });
    expect((await act(id, 'supplementReceived', '2025-10-13')).statusCode).toBe(200);
    // The review period counts again from the day the supplement arrived (Art. 31).
    expect(await deadline(id, 'acceptance')).toMatchObject({ startOn: '2025-10-13', dueOn: '2025-10-20' });

    const accepted = await act(id, 'accept', '2025-10-15', { procedure: 'ordinary' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().documents[0].docNumber).toMatch(/^镇政复受〔2025〕\d+号$/);
    expect(await deadline(id, 'sendCopy')).toMatchObject({ dueOn: '2025-10-24' });
    // 60 days from 15 Oct is Sun 14 Dec: the period ends on the next working day.
    expect(await deadline(id, 'decision')).toMatchObject({ dueOn: '2025-12-15' });

    expect((await act(id, 'sendCopy', '2025-10-16')).statusCode).toBe(200);
    // Art. 48: ten working days from the respondent's receipt of the copy, recorded when the receipt is back.
    expect(await deadline(id, 'reply')).toMatchObject({ status: 'notStarted', dueOn: null });
    expect(
      (await act(id, 'serveCopy', '2025-10-20', { method: 'post', receivedOn: '2025-10-17' })).statusCode,
    ).toBe(200);
    expect(await deadline(id, 'reply')).toMatchObject({
      startOn: '2025-10-17',
      dueOn: '2025-10-31',
      ruleId: 'xzfy.ordinary.reply',
    });
    expect((await act(id, 'receiveReply', '2025-10-30', { summary: '事实清楚' })).statusCode).toBe(200);

    const tooLate = await act(id, 'noticeHearing', '2025-11-03', {
      hearingOn: '2025-11-07',
      place: '区司法局听证室',
      matters: '处罚事实认定',
    });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().detail).toContain('最迟应在 2025-10-31');
    expect(
      (
        await act(id, 'noticeHearing', '2025-11-03', {
          hearingOn: '2025-11-12',
          place: '区司法局听证室',
          matters: '处罚事实认定',
        })
      ).statusCode,
    ).toBe(200);
    expect((await act(id, 'holdHearing', '2025-11-12', { summary: '双方到场' })).statusCode).toBe(200);

    const extended = await act(id, 'extend', '2025-11-20', {
      days: 30,
      reason: '案情复杂',
      approvedBy: '王某（科长）',
    });
    expect(extended.statusCode).toBe(200);
    const afterExtension = await deadline(id, 'decision');
    expect(afterExtension.extendedDays).toBe(30);
    expect(afterExtension.dueOn > '2026-01-12').toBe(true);
    const again = await act(id, 'extend', '2025-11-21', { days: 1, reason: '再延', approvedBy: '王某' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('最多不得超过三十日');

    expect((await act(id, 'suspend', '2025-11-24', { cause: 'forceMajeure' })).statusCode).toBe(200);
    expect(await deadline(id, 'decision')).toMatchObject({ status: 'paused', badge: 'paused' });
    expect((await act(id, 'resume', '2025-12-01')).statusCode).toBe(200);
    const resumed = await deadline(id, 'decision');
    expect(resumed.status).toBe('running');
    // The days of suspension are not counted: the due date moves back by them.
    expect(resumed.dueOn > afterExtension.dueOn).toBe(true);

    // The hearing held on 12 November heard the parties (Art. 49); the ground is cited by its 项 (Art. 64(1)(一)).
    const decided = await act(
      id,
      'decide',
      '2025-12-10',
      decisionData('revoke', {
        ground: 'a64.1',
        findings: '被申请人认定事实不清',
        reasoning: '主要事实不清、证据不足',
      }),
    );
    expect(decided.statusCode).toBe(200);
    expect(decided.json().documents[0]).toMatchObject({ title: '行政复议决定书' });
    expect(decided.json().documents[0].docNumber).toMatch(/^镇政复〔2025〕\d+号$/);
    const detail = (await bed.clerk.get(`/api/matters/${id}`)).json();
    expect(detail.matter).toMatchObject({ state: 'decided', closedOn: '2025-12-10' });
    expect(detail.documents.map((d: { title: string }) => d.title)).toEqual([
      '行政复议申请收件回执',
      '行政复议申请补正通知书',
      '送达回证', // of the 补正 notice
      '行政复议受理通知书',
      '提出行政复议答复通知书',
      '送达回证', // of the copy of the application
      '行政复议听证通知书',
      '行政复议延期审理通知书',
      '行政复议中止审理通知书',
      '行政复议恢复审理通知书',
      '行政复议决定书',
    ]);
    // The matter page masks the applicant's number; the party's page shows it on request, audited.
    expect(detail.details[1].table.rows[0]).toContain('330211********1236');

    const docx = await bed.clerk.get(`/api/documents/${decided.json().documents[0].id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // A recommendation letter after the decision keeps the matter closed on its decision date.
    expect(
      (
        await act(id, 'issueRecommendation', '2025-12-15', {
          recipientOrgId: bed.market,
          problems: '执法程序不规范',
          recommendation: '加强执法人员培训',
        })
      ).statusCode,
    ).toBe(200);
    expect((await bed.clerk.get(`/api/matters/${id}`)).json().matter.closedOn).toBe('2025-12-10');

    const corrected = (
      await bed.clerk.get('/api/indicators/reconsideration.corrected?year=2025&region=330211')
    ).json();
    expect(corrected.value).toBe(1);
    const records = (
      await bed.clerk.get('/api/indicators/reconsideration.corrected/records?year=2025&region=330211')
    ).json();
    expect(records.items.map((r: { id: number }) => r.id)).toContain(id);
  });

  it('crosses the 2026 Spring Festival, and converting simplified → ordinary counts 60 days from acceptance', async () => {
    const { id } = (
      await create({
        receivedOn: '2026-02-12',
        actDate: '2026-02-02',
        actKnownOn: '2026-02-03',
        actTitle: '罚款决定二',
      })
    ).json();
    // Thu 12 Feb: Fri 13, Sat 14 (adjusted working day), then 15–23 Feb off: the fifth working day is 26 Feb.
    expect(await deadline(id, 'acceptance')).toMatchObject({ dueOn: '2026-02-26' });
    const simple = await act(id, 'accept', '2026-02-13', {
      procedure: 'simplified',
      simplifiedGround: 'smallAmount',
    });
    expect(simple.statusCode).toBe(200);
    expect(await deadline(id, 'sendCopy')).toMatchObject({
      dueOn: '2026-02-25',
      ruleId: 'xzfy.simple.send-copy',
    });
    expect(await deadline(id, 'decision')).toMatchObject({
      dueOn: '2026-03-16',
      ruleId: 'xzfy.simple.decision',
    });
    const noExtension = await act(id, 'extend', '2026-02-24', {
      days: 10,
      reason: '复杂',
      approvedBy: '王某',
    });
    expect(noExtension.statusCode).toBe(409);
    expect((await act(id, 'convertToOrdinary', '2026-02-24', { reason: '案情复杂' })).statusCode).toBe(200);
    expect(await deadline(id, 'decision')).toMatchObject({
      dueOn: '2026-04-14',
      ruleId: 'xzfy.ordinary.decision',
    });
  });

  it('follows the 2017 law for an application received before 2024', async () => {
    const { id } = (
      await create({
        receivedOn: '2023-12-20',
        actDate: '2023-12-01',
        actKnownOn: '2023-12-05',
        actTitle: '旧法处罚',
      })
    ).json();
    expect((await act(id, 'accept', '2023-12-22', { procedure: 'ordinary' })).statusCode).toBe(200);
    expect((await act(id, 'sendCopy', '2023-12-25')).statusCode).toBe(200);
    expect(
      (await act(id, 'serveCopy', '2023-12-25', { method: 'inPerson', receivedOn: '2023-12-25' })).statusCode,
    ).toBe(200);
    // 2017 law Art. 23: ten days for the reply are calendar days (only 五日、七日 are working days, Art. 40).
    const reply = await deadline(id, 'reply');
    expect(reply).toMatchObject({ ruleVersion: '1999-10-01', dueOn: '2024-01-04' });
    expect(reply.rule.citation.law).toContain('2017年修正');
    // 2017 law Art. 17(2): accepted from the day of receipt, so the 60 days run from 20 Dec 2023.
    expect(await deadline(id, 'decision')).toMatchObject({ startOn: '2023-12-20', dueOn: '2024-02-18' });
  });

  it('counts the decision period from the expiry of the review period when acceptance is recorded late', async () => {
    const { id } = (
      await create({
        receivedOn: '2026-06-01',
        actDate: '2026-05-20',
        actKnownOn: '2026-05-21',
        actTitle: '迟延受理',
      })
    ).json();
    // Review period: five working days from Mon 1 June end on Mon 8 June; acceptance recorded on 12 June.
    expect((await act(id, 'accept', '2026-06-12', { procedure: 'ordinary' })).statusCode).toBe(200);
    expect(await deadline(id, 'decision')).toMatchObject({ startOn: '2026-06-08', dueOn: '2026-08-07' });
  });

  it('shows an application with no acceptance decision in time as deemed accepted', async () => {
    const { id } = (
      await create({
        receivedOn: '2026-11-02',
        actDate: '2026-10-20',
        actKnownOn: '2026-10-21',
        actTitle: '逾期审查',
      })
    ).json();
    const d = await deadline(id, 'acceptance');
    expect(d).toMatchObject({ dueOn: '2026-11-09', badge: 'lapsed', badgeLabel: '期满视为受理' });
  });

  it('ends in mediation with a mediation agreement, counted as mediated', async () => {
    const { id } = (
      await create({
        receivedOn: '2026-03-02',
        actDate: '2026-02-20',
        actKnownOn: '2026-02-21',
        actTitle: '调解处罚',
      })
    ).json();
    await act(id, 'accept', '2026-03-03', { procedure: 'ordinary' });
    const res = await act(id, 'mediate', '2026-03-20', {
      agreement: '被申请人将罚款减为二千元，申请人撤回请求',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().documents[0].title).toBe('行政复议调解书');
    const mediated = (
      await bed.clerk.get('/api/indicators/reconsideration.mediated?year=2026&region=330211')
    ).json();
    expect(mediated.value).toBe(1);
  });
});

describe('suspension, termination and letters after the decision', () => {
  it('runs the 60-day termination clock only for the causes of Art. 41(5), and terminates only once it has run out', async () => {
    const { id } = (
      await create({
        receivedOn: '2026-03-02',
        actDate: '2026-02-10',
        actKnownOn: '2026-02-12',
        actTitle: '中止测试',
      })
    ).json();
    await act(id, 'accept', '2026-03-03', { procedure: 'ordinary' });
    expect((await act(id, 'suspend', '2026-03-10', { cause: 'applicantDied' })).statusCode).toBe(200);
    // 60 days from 10 March end on Sat 9 May 2026, an adjusted working day (劳动节 调休).
    expect(await deadline(id, 'suspensionLimit')).toMatchObject({
      dueOn: '2026-05-09',
      ruleId: 'xzfy.suspension.terminate',
    });
    const early = await act(id, 'terminate', '2026-04-01', { cause: 'suspensionLapsed' });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('2026-05-09');
    const ended = await act(id, 'terminate', '2026-05-12', { cause: 'suspensionLapsed' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().documents[0].title).toBe('行政复议终止决定书');
    expect(await deadline(id, 'decision')).toMatchObject({ status: 'stopped' });
  });

  it('shows the applicant’s 15 days to sue from service of the decision, which lapse without alarming the office', async () => {
    const { id } = (
      await create({
        receivedOn: '2026-01-05',
        actDate: '2025-12-20',
        actKnownOn: '2025-12-22',
        actTitle: '起诉期限测试',
      })
    ).json();
    await act(id, 'accept', '2026-01-06', { procedure: 'ordinary' });
    await act(id, 'sendCopy', '2026-01-07');
    await act(id, 'serveCopy', '2026-01-07', { method: 'inPerson', receivedOn: '2026-01-07' });
    await act(id, 'hearParties', '2026-01-30', { method: 'phone' });
    await act(id, 'decide', '2026-02-02', decisionData('uphold'));
    expect(await deadline(id, 'applicantSuit')).toBeUndefined(); // runs from receipt, not from the decision
    const served = await act(id, 'serveDecision', '2026-02-04', { method: 'post', recipient: '张某' });
    expect(served.statusCode).toBe(200);
    // 4 Feb + 15 days = 19 Feb, inside the 2026 Spring Festival holiday: the period ends on Tue 24 Feb.
    expect(await deadline(id, 'applicantSuit')).toMatchObject({
      dueOn: '2026-02-24',
      kind: 'partyPeriod',
      badge: 'lapsed',
      badgeLabel: '期满',
      rule: { id: 'xzss.sue.after-decision', kindLabel: '当事人期间（供参考）' },
    });
    const office = await bed.clerk.get('/api/deadlines?scope=office&filter=all&line=reconsideration');
    expect(office.json().items.map((d: { matterId: number }) => d.matterId)).not.toContain(id);
    const list = await bed.clerk.get('/api/matters?line=reconsideration&overdue=true&limit=100');
    expect(list.json().items.map((m: { id: number }) => m.id)).not.toContain(id);
  });

  it('tracks the 60 days an organ has to report back on an opinion letter', async () => {
    const { id } = (
      await create({
        receivedOn: '2026-04-01',
        actDate: '2026-03-20',
        actKnownOn: '2026-03-21',
        actTitle: '意见书测试',
      })
    ).json();
    await act(id, 'accept', '2026-04-02', { procedure: 'ordinary' });
    await act(id, 'sendCopy', '2026-04-03');
    await act(id, 'serveCopy', '2026-04-03', { method: 'inPerson', receivedOn: '2026-04-03' });
    await act(id, 'hearParties', '2026-05-06', { method: 'inPerson' });
    await act(id, 'decide', '2026-05-06', decisionData('uphold'));
    const letter = await act(id, 'issueOpinionLetter', '2026-05-08', {
      recipientOrgId: bed.market,
      problems: '同类问题',
      opinion: '请自查纠正',
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.json().documents[0].docNumber).toMatch(/^镇政复意〔2026〕\d+号$/);
    // Art. 76: sixty days from the organ's receipt of the letter.
    expect(await deadline(id, 'opinionReport')).toMatchObject({ status: 'notStarted', dueOn: null });
    expect(
      (await act(id, 'serveOpinionLetter', '2026-05-11', { method: 'inPerson', receivedOn: '2026-05-08' }))
        .statusCode,
    ).toBe(200);
    expect(await deadline(id, 'opinionReport')).toMatchObject({ dueOn: '2026-07-07', status: 'running' });
    expect((await act(id, 'opinionReported', '2026-06-20', { summary: '已纠正' })).statusCode).toBe(200);
    expect(await deadline(id, 'opinionReport')).toMatchObject({ status: 'met', badge: 'met' });
  });
});
