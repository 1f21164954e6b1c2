import { describe, expect, it } from 'vitest';
import { reconsiderationTestbed } from '../../../test/support/reconsideration.ts';

const { bed, create, act } = reconsiderationTestbed();

const offered = async (id: number) =>
  Object.fromEntries(
    (await bed.clerk.get(`/api/matters/${id}`))
      .json()
      .allowedActions.map(
        (a: { action: string; primary: boolean; available: boolean; reason: string | null }) => [
          a.action,
          a.available ? (a.primary ? 'next' : 'yes') : a.reason,
        ],
      ),
  );

describe('the steps a matter page offers', () => {
  it('follow the state: what the law requires first, the procedure chosen, and what was done', async () => {
    const { id } = (await create()).json();
    await act(id, 'accept', '2025-09-29', { procedure: 'ordinary' });
    expect(await offered(id)).toMatchObject({
      sendCopy: 'next',
      receiveReply: '尚未发送申请书副本',
      convertToOrdinary: '本案已适用普通程序',
      holdHearing: '尚未通知听证',
      decide: '尚未向被申请人发送申请书副本，不能作出决定',
      opinionReported: '尚未制发行政复议意见书',
      // The page asks on the business date (2026-11-25), long after the period ended: no extension (Art. 62(1)).
      extend: '审理期限已于 2025-11-28 届满，届满后不能再延长',
    });
    await act(id, 'sendCopy', '2025-09-30');
    expect(await offered(id)).toMatchObject({
      sendCopy: '申请书副本已经发送',
      receiveReply: 'yes',
      serveCopy: 'yes',
      // The reply period (Art. 48) counts from the respondent's receipt of the copy, not yet recorded.
      decide:
        '申请书副本的送达尚未登记，被申请人的答复期限（第四十八条，自收到副本之日起计算）尚未起算；请先登记申请书副本送达，收到答复或者答复期限届满后方可作出决定',
    });
    await act(id, 'serveCopy', '2025-09-30', { method: 'inPerson', receivedOn: '2025-09-30' });
    expect(await offered(id)).toMatchObject({ serveCopy: '申请书副本的送达已经登记', decide: 'next' });
  });

  it('no longer highlight a step that records without moving once it is done', async () => {
    const suit = await bed.clerk.post('/api/lines/reconsideration/suit', {
      court: '宁波市镇海区人民法院',
      caseNumber: '（2025）浙0211行初77号',
      instance: 'first',
      filedOn: '2025-10-09',
      defendantOrgId: bed.market,
      plaintiff: '某公司',
      actKind: 'penalty',
    });
    const { id } = suit.json();
    expect(await offered(id)).toEqual({
      serveComplaint: 'next',
      submitDefence: 'yes',
      recordHearing: 'next',
      conclude: 'yes',
      recordSuggestion: 'yes',
      replySuggestion: '没有待回复的司法建议或检察建议',
    });
    const detail = (await bed.clerk.get(`/api/matters/${id}`)).json();
    await bed.clerk.post(`/api/lines/reconsideration/suit/${id}/recordHearing`, {
      version: detail.matter.version,
      date: '2025-11-04',
      data: { headAppeared: true, headName: '李某（副局长）' },
    });
    expect(await offered(id)).toMatchObject({ recordHearing: 'yes', conclude: 'yes' });
  });
});
