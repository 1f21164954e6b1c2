import { describe, expect, it } from 'vitest';
import { reconsiderationTestbed } from '../../../test/support/reconsideration.ts';

const { bed, kit, act, deadline, documentText } = reconsiderationTestbed();

describe('when the respondent does not carry out the decision (Art. 77–79)', () => {
  it('orders performance within the period the order sets, interviews, circulates, enforces and publishes', async () => {
    const { id } = await kit.matterIn('reconsideration/application', 'decided.served');
    // Each service recorded issues its 送达回证, naming the paper served: the copy's, then the decision's.
    const { rows: proofs } = await bed.t.db.query<{ id: number }>(
      `SELECT id FROM documents WHERE matter_id = $1 AND kind = 'reconsideration.serviceCertificate' ORDER BY id`,
      [id],
    );
    const texts = await Promise.all(proofs.map((d) => documentText(d.id)));
    expect(texts.map((t) => t.filter((l) => /^(送达文书|受送达人|送达方式|收到日期)：/.test(l)))).toEqual([
      [
        expect.stringMatching(
          /^送达文书：提出行政复议答复通知书（镇政复答〔2025〕\d+号）、行政复议申请书副本$/,
        ),
        '受送达人：宁波市镇海区市场监督管理局',
        '送达方式：直接送达',
        '收到日期：2025年3月6日',
      ],
      [
        expect.stringMatching(/^送达文书：行政复议决定书（镇政复〔2025〕\d+号）$/),
        '受送达人：张某',
        '送达方式：邮寄送达',
        '收到日期：2025年4月3日',
      ],
    ]);
    const ordered = await act(id, 'orderPerformance', '2025-05-06', {
      failure: '被申请人未按决定退还罚款',
      withinDays: 30,
      respondentReceivedOn: '2025-05-06',
    });
    expect(ordered.statusCode, ordered.body).toBe(200);
    // Thirty days from Tue 6 May 2025: Thu 5 June, the respondent's period, never the office's overdue.
    expect(await deadline(id, 'orderedPerformance')).toMatchObject({
      startOn: '2025-05-06',
      dueOn: '2025-06-05',
      kind: 'partyPeriod',
      rule: { id: 'xzfy.performance.ordered', citation: { article: '第七十七条第二款' } },
    });
    for (const [action, data] of [
      ['interviewRespondent', { person: '王某（局长）', summary: '说明未履行原因' }],
      ['circulateCriticism', { scope: '全区行政执法机关', content: '未按期履行行政复议决定' }],
    ] as const)
      expect((await act(id, action, '2025-05-08', data)).statusCode).toBe(200);
    // Fri 18 April was the applicant's last day to sue (refusals table): an upheld act is enforced by its maker.
    expect(
      (await act(id, 'recordEnforcement', '2025-05-09', { by: 'respondent', against: 'applicant' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await act(id, 'recordPublication', '2025-05-09', { kind: 'copyTo', where: '宁波市市场监督管理局' }))
        .statusCode,
    ).toBe(200);
    const again = await act(id, 'recordPublication', '2025-05-12', {
      kind: 'copyTo',
      where: '宁波市市场监督管理局',
    });
    expect(again.json().detail).toBe('决定书已经抄告');
    expect((await act(id, 'recordPerformance', '2025-06-03', { performed: true })).statusCode).toBe(200);
    expect(await deadline(id, 'orderedPerformance')).toMatchObject({ status: 'met', endedOn: '2025-06-03' });
    const history = (await bed.clerk.get(`/api/matters/${id}`)).json().events;
    expect(
      history
        .filter((h: { action: string }) =>
          ['orderPerformance', 'interviewRespondent', 'recordEnforcement', 'recordPublication'].includes(
            h.action,
          ),
        )
        .map((h: { summary: string }) => h.summary),
    ).toEqual([
      '限30日内履行，被申请人于 2025-05-06 收到',
      '约谈王某（局长）',
      '作出行政行为的行政机关依法强制执行',
      '抄告被申请人的上一级主管部门：宁波市市场监督管理局',
    ]);
  });
});

describe('the respondent’s reply as its items (Art. 48)', () => {
  it('lists the 答复书 and each piece of evidence on the matter page', async () => {
    const { id } = await kit.matterIn('reconsideration/application', 'review.copyServed');
    const res = await act(id, 'receiveReply', '2025-03-14', {
      summary: '处罚事实清楚',
      replyTitle: '甬镇市监复答〔2025〕3号',
      replyPages: 5,
      evidence: [
        { name: '现场检查笔录', pages: 3, source: '执法人员现场制作' },
        { name: '询问笔录', pages: 2 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = (await bed.clerk.get(`/api/matters/${id}`)).json();
    expect(
      page.details.find((s: { title: string }) => s.title.startsWith('被申请人答复')).table,
    ).toMatchObject({
      columns: ['材料', '名称', '页数', '来源'],
      rows: [
        ['答复书', '甬镇市监复答〔2025〕3号', '5', '被申请人'],
        ['证据、依据1', '现场检查笔录', '3', '执法人员现场制作'],
        ['证据、依据2', '询问笔录', '2', null],
      ],
    });
    const contradictory = await act(id, 'receiveReply', '2025-03-14', {
      evidenceSubmitted: false,
      evidence: [{ name: '询问笔录' }],
    });
    expect(contradictory.statusCode).toBe(400);
  });
});
