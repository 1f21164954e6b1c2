/**
 * Periods the law counts from receipt, and the suspension and extension arithmetic, on the real 2025 calendar
 * (reference/cn-holidays.json: 劳动节 1–5 May, 国庆节、中秋节 1–8 October with Sun 28 Sep and Sat 11 Oct worked).
 * The counting rule: the day of the event is not counted, a period of days ends on its last day, and a last day
 * that is not a working day moves to the next working day (民法典第二百零一条、第二百零三条, 民事诉讼法第八十五条).
 * Suspension (行政复议法第三十九条) keeps the days left to the UNROLLED last day and counts them again from the
 * resumption; an extension (第六十二条第一款) is added to the unrolled last day. Every date below is worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { decisionData, reconsiderationTestbed } from '../../../test/support/reconsideration.ts';

const { create, act, deadline } = reconsiderationTestbed();

/** An application received two days before its acceptance on `acceptOn` (ordinary procedure: 60 days). */
async function acceptedOn(receivedOn: string, acceptOn: string, procedure = 'ordinary') {
  const { id } = (
    await create({
      receivedOn,
      actDate: '2025-02-03',
      actKnownOn: '2025-02-05',
      actTitle: `期间${receivedOn}`,
    })
  ).json();
  const res = await act(id, 'accept', acceptOn, {
    procedure,
    ...(procedure === 'simplified' ? { simplifiedGround: 'smallAmount' } : {}),
  });
  expect(res.statusCode, res.body).toBe(200);
  return id as number;
}

describe('suspension and resumption count the days left to the unrolled last day', () => {
  it('across a weekend: suspended on a Friday, resumed on the Monday', async () => {
    const id = await acceptedOn('2025-03-10', '2025-03-11');
    // 60 days from Tue 11 March: 20 (12–31 Mar) + 30 (Apr) + 10 = Sat 10 May, not worked → Mon 12 May.
    expect(await deadline(id, 'decision')).toMatchObject({ dueOn: '2025-05-12' });
    expect((await act(id, 'suspend', '2025-04-11', { cause: 'forceMajeure' })).statusCode).toBe(200);
    // Left on Fri 11 April, to Sat 10 May: 19 (12–30 Apr) + 10 = 29 days (not 31, to the rolled Monday).
    expect(await deadline(id, 'decision')).toMatchObject({
      status: 'paused',
      badge: 'paused',
      remainingText: '中止时尚余 29 天',
    });
    expect((await act(id, 'resume', '2025-04-14')).statusCode).toBe(200);
    // 29 days from Mon 14 April: 16 (15–30 Apr) + 13 = Tue 13 May, a working day. The old arithmetic, counting
    // the 31 days to the rolled Monday, gave Thu 15 May: two days late.
    expect(await deadline(id, 'decision')).toMatchObject({ status: 'running', dueOn: '2025-05-13' });
  });

  it('across the 2025 National Day holiday', async () => {
    const id = await acceptedOn('2025-08-01', '2025-08-04');
    // 60 days from Mon 4 August: 27 (5–31 Aug) + 30 (Sep) + 3 = Fri 3 October, in the holiday (1–8 Oct) → Thu 9 Oct.
    expect(await deadline(id, 'decision')).toMatchObject({ dueOn: '2025-10-09' });
    expect((await act(id, 'suspend', '2025-09-30', { cause: 'forceMajeure' })).statusCode).toBe(200);
    // Left on Tue 30 September, to Fri 3 October: 3 days (the old arithmetic kept 9, to the rolled 9 October).
    expect(await deadline(id, 'decision')).toMatchObject({ remainingText: '中止时尚余 3 天' });
    expect((await act(id, 'resume', '2025-10-09')).statusCode).toBe(200);
    // 3 days from Thu 9 October end on Sun 12 October (Sat 11 Oct is worked, Sunday is not) → Mon 13 October.
    // The old arithmetic gave 9 days → Sat 18 October → Mon 20 October, a week late.
    expect(await deadline(id, 'decision')).toMatchObject({ dueOn: '2025-10-13' });
  });
});

describe('an extension is added to the unrolled last day', () => {
  it('after a due date rolled off the Labour Day holiday', async () => {
    const id = await acceptedOn('2025-03-03', '2025-03-05');
    // 60 days from Wed 5 March: 26 (6–31 Mar) + 30 (Apr) + 4 = Sun 4 May, in the holiday (1–5 May) → Tue 6 May.
    expect(await deadline(id, 'decision')).toMatchObject({ dueOn: '2025-05-06' });
    const res = await act(id, 'extend', '2025-04-10', { days: 30, reason: '案情复杂', approvedBy: '王某' });
    expect(res.statusCode).toBe(200);
    // 30 days from Sun 4 May: 27 (5–31 May) + 3 = Tue 3 June, a working day (端午 ended on 2 June); counted from the
    // rolled 6 May it would be Thu 5 June.
    expect(await deadline(id, 'decision')).toMatchObject({ dueOn: '2025-06-03', extendedDays: 30 });

    // Suspended inside the extension, after the unextended last day: the extension's days left carry over.
    expect((await act(id, 'suspend', '2025-05-12', { cause: 'forceMajeure' })).statusCode).toBe(200);
    // Left on Mon 12 May to the extended last day, Tue 3 June: 19 (13–31 May) + 3 = 22 days.
    expect(await deadline(id, 'decision')).toMatchObject({ remainingText: '中止时尚余 22 天' });
    expect((await act(id, 'resume', '2025-05-19')).statusCode).toBe(200);
    // 22 days from Mon 19 May: 12 (20–31 May) + 10 = Tue 10 June, a working day.
    expect(await deadline(id, 'decision')).toMatchObject({ dueOn: '2025-06-10', status: 'running' });
  });
});

describe('periods counted from receipt start on the recorded service', () => {
  it('the respondent’s reply: not started until the copy’s receipt is recorded, then 5 working days from it', async () => {
    const id = await acceptedOn('2025-09-22', '2025-09-24', 'simplified');
    expect((await act(id, 'sendCopy', '2025-09-25')).statusCode).toBe(200);
    expect(await deadline(id, 'reply')).toMatchObject({
      status: 'notStarted',
      badge: 'notStarted',
      badgeLabel: '未开始（待送达）',
      dueOn: null,
      ruleId: 'xzfy.simple.reply',
    });
    const early = await act(id, 'serveCopy', '2025-09-26', { method: 'post', receivedOn: '2025-09-24' });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toBe('申请书副本于 2025-09-25 发出，收到日期不能早于发出日期');
    const served = await act(id, 'serveCopy', '2025-09-26', {
      method: 'post',
      receivedOn: '2025-09-26',
      recipient: '王某',
      proof: 'EMS1234567890',
    });
    expect(served.statusCode).toBe(200);
    // 第五十四条第一款 五日 = working days (第八十八条第二款) from Fri 26 Sep: Sun 28 Sep (worked), 29, 30 Sep,
    // then 9 and 10 October after the holiday → Fri 10 October.
    expect(await deadline(id, 'reply')).toMatchObject({
      status: 'running',
      startOn: '2025-09-26',
      dueOn: '2025-10-10',
    });
    const again = await act(id, 'serveCopy', '2025-09-29', { method: 'post', receivedOn: '2025-09-26' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('申请书副本的送达已经登记');
  });

  it('the 补正 period: 10 working days from the applicant’s receipt of the notice, never abandoned before', async () => {
    const { id } = (
      await create({
        receivedOn: '2025-09-19',
        actDate: '2025-09-01',
        actKnownOn: '2025-09-03',
        actTitle: '补正期间',
      })
    ).json();
    expect((await act(id, 'requestSupplement', '2025-09-22', { items: '请提供身份证明' })).statusCode).toBe(
      200,
    );
    const lapsed = await act(id, 'supplementLapsed', '2025-11-03');
    expect(lapsed.statusCode).toBe(409);
    expect(lapsed.json().detail).toContain('补正通知的送达尚未登记，补正期限未开始计算');
    expect(
      (await act(id, 'serveSupplementNotice', '2025-11-03', { method: 'post', receivedOn: '2025-09-24' }))
        .statusCode,
    ).toBe(200);
    // 10 working days from Wed 24 Sep: 25, 26, 28 (Sun, worked), 29, 30 Sep, 9, 10, 11 (Sat, worked), 13, 14 Oct.
    expect(await deadline(id, 'supplement')).toMatchObject({ startOn: '2025-09-24', dueOn: '2025-10-14' });
  });
});

describe('附带审查 clocks run from the suspension (第五十六条至第五十八条)', () => {
  it('3 working days to notify the maker, 30 days to handle; the maker’s 10 working days from its receipt', async () => {
    const id = await acceptedOn('2025-09-23', '2025-09-24');
    expect((await act(id, 'suspend', '2025-09-26', { cause: 'incidentalReview' })).statusCode).toBe(200);
    // Notify within 3 working days of Fri 26 Sep: Sun 28 Sep (worked), 29, 30 Sep → Tue 30 September.
    expect(await deadline(id, 'incidentalNotify')).toMatchObject({ dueOn: '2025-09-30', status: 'running' });
    // Handle within 30 days: Sun 26 October → Mon 27 October.
    expect(await deadline(id, 'incidentalHandle')).toMatchObject({ dueOn: '2025-10-27' });
    // Transfer (the alternative) within 7 working days: 28, 29, 30 Sep, 9, 10, 11 (Sat, worked), 13 Oct.
    expect(await deadline(id, 'incidentalTransfer')).toMatchObject({ dueOn: '2025-10-13' });
    const notified = await act(id, 'notifyMaker', '2025-09-29', {
      maker: '宁波市镇海区人民政府',
      provisions: '第五条',
    });
    expect(notified.statusCode).toBe(200);
    expect(await deadline(id, 'makerReply')).toMatchObject({ status: 'notStarted' });
    await act(id, 'serveMakerNotice', '2025-09-30', { method: 'inPerson', receivedOn: '2025-09-30' });
    // 10 working days from Tue 30 Sep: 9, 10, 11 (Sat), 13–17, 20, 21 Oct → Tue 21 October.
    expect(await deadline(id, 'makerReply')).toMatchObject({ dueOn: '2025-10-21', status: 'running' });
    await act(id, 'incidentalHandled', '2025-10-20', { result: '该条款合法，继续适用' });
    expect(await deadline(id, 'incidentalHandle')).toMatchObject({ status: 'met' });
    expect(await deadline(id, 'incidentalTransfer')).toMatchObject({ status: 'stopped' });
    expect((await act(id, 'resume', '2025-10-21')).statusCode).toBe(200);
    expect(await deadline(id, 'makerReply')).toMatchObject({ status: 'stopped' });
  });
});

describe('the respondent’s time to act again runs from its receipt of the decision', () => {
  const decided = async (receivedOn: string, data: Record<string, unknown>) => {
    const id = await acceptedOn(receivedOn, '2025-04-01');
    expect((await act(id, 'sendCopy', '2025-04-02')).statusCode).toBe(200);
    const served = await act(id, 'serveCopy', '2025-04-02', { method: 'inPerson', receivedOn: '2025-04-02' });
    expect(served.statusCode).toBe(200);
    expect((await act(id, 'hearParties', '2025-05-29', { method: 'phone' })).statusCode).toBe(200);
    const res = await act(
      id,
      'decide',
      '2025-05-30',
      decisionData(String(data.decisionType), { findings: '事实不清', reasoning: '证据不足', ...data }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect((await act(id, 'serveDecision', '2025-06-04', { method: 'inPerson' })).statusCode).toBe(200);
    return id;
  };

  it('as long as the decision says', async () => {
    const id = await decided('2025-03-27', {
      decisionType: 'revokeRedo',
      ground: 'a64.1',
      redoWithinDays: 30,
    });
    // 30 days from Wed 4 June: Fri 4 July.
    expect(await deadline(id, 'redo')).toMatchObject({
      dueOn: '2025-07-04',
      kind: 'partyPeriod',
      ruleId: 'xzfy.redo.default',
    });
  });

  it('60 days where the decision sets none (实施条例第四十九条第一款)', async () => {
    const id = await decided('2025-03-28', {
      decisionType: 'confirmIllegalRedo',
      ground: 'a65.1.2',
      remedy: '依法退还已收取的罚款',
    });
    // 60 days from Wed 4 June: 26 (5–30 Jun) + 31 (Jul) + 3 = Sun 3 August → Mon 4 August.
    expect(await deadline(id, 'redo')).toMatchObject({ dueOn: '2025-08-04', badge: 'lapsed' });
  });
});

describe('复议前置 (第三十四条): the applicant’s 15 days to sue after a refusal run from its receipt', () => {
  it('as a party’s period, only where the law sends the case to reconsideration first', async () => {
    const { id } = (
      await create({
        receivedOn: '2025-09-15',
        actDate: '2025-09-01',
        actKnownOn: '2025-09-03',
        actTitle: '复议前置',
      })
    ).json();
    expect(
      (await act(id, 'refuse', '2025-09-17', { ground: 'late', reason: '超过申请期限' })).statusCode,
    ).toBe(200);
    expect(
      (
        await act(id, 'serveRefusal', '2025-09-22', {
          method: 'post',
          receivedOn: '2025-09-19',
          preconditioned: true,
        })
      ).statusCode,
    ).toBe(200);
    // 15 days from Fri 19 September end on Sat 4 October, in the National Day holiday → Thu 9 October.
    expect(await deadline(id, 'applicantSuit')).toMatchObject({
      dueOn: '2025-10-09',
      kind: 'partyPeriod',
      ruleId: 'xzfy.preconditioned.sue',
      badge: 'lapsed',
    });
  });
});
