import { describe, expect, it } from 'vitest';
import { reconsiderationTestbed } from '../../../test/support/reconsideration.ts';

const { bed, create, deadline, countMatters } = reconsiderationTestbed();

const LAW_2023 = '中华人民共和国行政复议法（2023年9月1日修订，2024年1月1日施行）';
const warningsOf = async (over: Record<string, unknown>) => {
  const res = await create(over);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().warnings as string[];
};

describe('the application period when the organ did not tell the applicant of the right (Art. 20(3))', () => {
  it('runs sixty days from knowing the right', async () => {
    // Known on Fri 10 January 2025: sixty days end on Tue 11 March.
    const base = {
      actDate: '2024-11-01',
      actKnownOn: '2024-11-04',
      rightNotInformed: true,
      rightKnownOn: '2025-01-10',
    };
    expect(await warningsOf({ ...base, receivedOn: '2025-03-11', actTitle: '告知一' })).toEqual([]);
    expect(await warningsOf({ ...base, receivedOn: '2025-03-12', actTitle: '告知二' })).toEqual([
      `申请可能已超过法定申请期限：自知道申请行政复议的权利、行政复议机关和申请期限之日（2025-01-10）起六十日，至 2025-03-11 届满（${LAW_2023}第二十条第三款）。请核实是否有不可抗力或其他正当理由。`,
    ]);
    // Without the facts of Art. 20(3) the same application is long out of time.
    expect(
      await warningsOf({ ...base, rightNotInformed: false, receivedOn: '2025-03-11', actTitle: '告知三' }),
    ).toEqual([
      `申请可能已超过法定申请期限：自知道行政行为之日（2024-11-04）起六十日，至 2025-01-03 届满（${LAW_2023}第二十条第一款）。请核实是否有不可抗力或其他正当理由。`,
    ]);
  });

  it('but at most one year from knowing the act', async () => {
    // Act known Mon 15 January 2024: a year ends on Wed 15 January 2025, before sixty days from the right.
    const warnings = await warningsOf({
      actDate: '2024-01-12',
      actKnownOn: '2024-01-15',
      rightNotInformed: true,
      rightKnownOn: '2025-01-10',
      receivedOn: '2025-01-20',
      actTitle: '一年上限',
    });
    expect(warnings).toEqual([
      `申请可能已超过法定申请期限：行政机关未告知申请权利、机关和期限的，自知道行政行为内容之日（2024-01-15）起最长不得超过一年，至 2025-01-15 届满（${LAW_2023}第二十条第三款）。请核实是否有不可抗力或其他正当理由。`,
    ]);
    const { id } = (
      await create({
        actDate: '2024-01-12',
        actKnownOn: '2024-01-15',
        rightNotInformed: true,
        receivedOn: '2025-01-20',
        actTitle: '一年上限（未知告知日）',
      })
    ).json();
    const facts = (await bed.clerk.get(`/api/matters/${id}`)).json().details[0].fields;
    expect(facts.find((f: { label: string }) => f.label === '申请期限提示')?.value).toContain(
      '至 2025-01-15 届满',
    );
    expect(facts.find((f: { label: string }) => f.label.startsWith('未告知申请复议'))?.value).toBe('是');
  });

  it('has no maximum under the 2017 law: sixty days from the later notice (实施条例第十五条第一款第（五）项)', async () => {
    const base = {
      actDate: '2021-01-04',
      actKnownOn: '2021-01-05',
      rightNotInformed: true,
      rightKnownOn: '2023-05-04',
    };
    // Thu 4 May 2023 + 60 days = Mon 3 July 2023.
    expect(await warningsOf({ ...base, receivedOn: '2023-07-03', actTitle: '旧法一' })).toEqual([]);
    expect(await warningsOf({ ...base, receivedOn: '2023-07-04', actTitle: '旧法二' })).toEqual([
      '申请可能已超过法定申请期限：自知道申请行政复议的权利、行政复议机关和申请期限之日（2023-05-04）起六十日，至 2023-07-03 届满（中华人民共和国行政复议法（2017年修正）第九条第一款、中华人民共和国行政复议法实施条例（2007年8月1日施行）第十五条第一款第（五）项）。请核实是否有不可抗力或其他正当理由。',
    ]);
  });
});

describe('an application handed to the organ that made an on-the-spot penalty (Art. 32)', () => {
  it('records the organ’s five working days to forward, met on the day it arrives, and dates the application by its receipt', async () => {
    // The organ received it on Mon 3 March 2025: five working days end on Mon 10 March; it arrived on Wed 12 March.
    const res = await create({
      actDate: '2025-01-02',
      actKnownOn: '2025-01-02',
      viaPenaltyOrgan: true,
      penaltyOrganReceivedOn: '2025-03-03',
      receivedOn: '2025-03-12',
      actTitle: '当场处罚决定',
    });
    expect(res.statusCode, res.body).toBe(201);
    // Sixty days from 2 January end on Mon 3 March: made in time through the organ, forwarded late.
    expect(res.json().warnings).toEqual([
      '作出行政处罚决定的行政机关于 2025-03-03 收到申请，应当在 2025-03-10 前转送（第三十二条第二款；第八十八条第二款），2025-03-12 才转到，转送逾期；申请期限以该机关收到申请之日为准。',
    ]);
    expect(await deadline(res.json().id, 'forwarding')).toMatchObject({
      startOn: '2025-03-03',
      dueOn: '2025-03-10',
      endedOn: '2025-03-12',
      status: 'met',
      badge: 'metLate',
      rule: { id: 'xzfy.forward.onsite-penalty' },
    });
    const facts = (await bed.clerk.get(`/api/matters/${res.json().id}`)).json().details[0].fields;
    expect(facts.find((f: { label: string }) => f.label === '该机关收到申请的日期')?.value).toBe(
      '2025-03-03',
    );
  });

  it.each([
    [
      'for an act that is not a penalty',
      { actKind: 'licence', viaPenaltyOrgan: true, penaltyOrganReceivedOn: '2025-09-20' },
      'body.viaPenaltyOrgan',
      '只有对行政处罚决定不服的申请才可以通过作出处罚决定的行政机关提交（第三十二条第一款）',
    ],
    [
      'without the day the organ received it',
      { viaPenaltyOrgan: true },
      'body.penaltyOrganReceivedOn',
      '请填写该行政机关收到申请的日期',
    ],
    [
      'under the 2017 law, which had no such route',
      {
        viaPenaltyOrgan: true,
        penaltyOrganReceivedOn: '2023-12-20',
        receivedOn: '2023-12-22',
        actDate: '2023-12-01',
        actKnownOn: '2023-12-01',
      },
      'viaPenaltyOrgan',
      '通过作出行政处罚决定的行政机关提交申请（第三十二条）自 2024-01-01 起施行，此前收到的申请不适用',
    ],
  ])('is refused %s', async (_what, over, field, message) => {
    const before = await countMatters();
    const res = await create({ actTitle: `转送${field}`, ...over });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({ field, message });
    expect(await countMatters()).toBe(before);
  });
});
