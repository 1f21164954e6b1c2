import { describe } from 'vitest';
import { type Refusal, refusalsTable } from '../../../test/support/line-kit.ts';
import { reconsiderationTestbed } from '../../../test/support/reconsideration.ts';

const { ctx, kit } = reconsiderationTestbed();

const APP = 'reconsideration/application';
const SUIT = 'reconsideration/suit';
const decision = { decisionType: 'uphold', findings: '事实清楚', reasoning: '适用依据正确' };

/**
 * Every refusal of the line, word for word, each leaving the matter as it was. The paths (received Mon 3 March
 * 2025, accepted 5 March, copy sent 6 March) are in test/support/reconsideration.ts.
 */
// Ten working days for the supplement (Art. 31, Art. 88): from Tue 4 March to Tue 18 March 2025.
const rows: Refusal[] = [
  // Acceptance review (Art. 30–31)
  {
    what: 'a second supplement notice',
    lineKind: APP,
    path: 'received.afterSupplement',
    action: 'requestSupplement',
    date: '2025-03-10',
    data: { items: '再补正' },
    message: '补正通知应当一次性载明需要补正的事项，不能再次通知补正',
  },
  {
    what: 'abandonment before the supplement period has run out',
    lineKind: APP,
    path: 'awaitingSupplement',
    action: 'supplementLapsed',
    date: '2025-03-10',
    message: '补正期限至 2025-03-18 届满，期满前不能按放弃处理',
  },
  {
    what: 'the simplified procedure for an application received under the 2017 law',
    lineKind: APP,
    path: 'received',
    intake: { receivedOn: '2023-12-20', actDate: '2023-12-01', actKnownOn: '2023-12-05' },
    action: 'accept',
    date: '2023-12-22',
    data: { procedure: 'simplified', simplifiedGround: 'smallAmount' },
    message: '本案申请于2024年1月1日前收到，适用修订前的行政复议法，该法未规定简易程序',
  },
  {
    what: 'the simplified procedure without its ground',
    lineKind: APP,
    path: 'received',
    action: 'accept',
    date: '2025-03-05',
    data: { procedure: 'simplified' },
    message: '适用简易程序应写明第五十三条规定的情形',
  },
  // The copy, the reply, the hearing (Art. 48–51, 54–55)
  {
    what: 'sending the copy twice',
    lineKind: APP,
    path: 'review.copySent',
    action: 'sendCopy',
    date: '2025-03-10',
    message: '申请书副本已经发送',
  },
  {
    what: 'a reply before the copy was sent',
    lineKind: APP,
    path: 'review',
    action: 'receiveReply',
    date: '2025-03-10',
    message: '尚未发送申请书副本',
  },
  {
    what: 'a second reply',
    lineKind: APP,
    path: 'review.replied',
    action: 'receiveReply',
    date: '2025-03-13',
    message: '已登记答复',
  },
  {
    what: 'converting an ordinary case to the ordinary procedure',
    lineKind: APP,
    path: 'review',
    action: 'convertToOrdinary',
    date: '2025-03-10',
    data: { reason: '案情复杂' },
    message: '本案已适用普通程序',
  },
  {
    what: 'a hearing notice less than five working days ahead',
    lineKind: APP,
    path: 'review.copySent',
    action: 'noticeHearing',
    date: '2025-03-10',
    data: { hearingOn: '2025-03-12', place: '区司法局听证室', matters: '处罚事实认定' },
    message: '听证应当于举行五个工作日前书面通知当事人：听证日期 2025-03-12 的通知最迟应在 2025-03-05 发出',
  },
  {
    what: 'a hearing never noticed',
    lineKind: APP,
    path: 'review.copySent',
    action: 'holdHearing',
    date: '2025-03-10',
    message: '尚未通知听证',
  },
  {
    what: 'a hearing recorded before its day',
    lineKind: APP,
    path: 'review.hearingNoticed',
    action: 'holdHearing',
    date: '2025-03-14',
    message: '听证定于 2025-03-20 举行，不能提前登记',
  },
  // Extension, suspension, termination (Art. 39, 41, 62)
  {
    what: 'extending a simplified case',
    lineKind: APP,
    path: 'review.simplified',
    action: 'extend',
    date: '2025-03-10',
    data: { days: 10, reason: '复杂', approvedBy: '王某' },
    message: '简易程序案件不能延期，需要时请先转为普通程序',
  },
  {
    what: 'a second extension',
    lineKind: APP,
    path: 'review.extended',
    action: 'extend',
    date: '2025-03-21',
    data: { days: 1, reason: '再延', approvedBy: '王某' },
    message: '审理期限已经延长过，延长期限最多不得超过三十日',
  },
  {
    what: 'an extension beyond thirty days',
    lineKind: APP,
    path: 'review.copySent',
    action: 'extend',
    date: '2025-03-20',
    data: { days: 31, reason: '复杂', approvedBy: '王某' },
    message: '延长期限最多不得超过三十日',
  },
  {
    what: 'terminating for sixty days of suspension a case not suspended',
    lineKind: APP,
    path: 'review',
    action: 'terminate',
    date: '2025-03-10',
    data: { cause: 'suspensionLapsed' },
    message: '未处于中止状态，不能以中止满六十日为由终止',
  },
  {
    what: 'terminating for sixty days of a suspension whose cause has no such clock',
    lineKind: APP,
    path: 'suspended.otherCause',
    action: 'terminate',
    date: '2025-05-20',
    data: { cause: 'suspensionLapsed' },
    message: '本案中止的原因不适用“中止满六十日”终止（第四十一条第五项）',
  },
  {
    what: 'terminating before the sixty days of suspension have run out',
    lineKind: APP,
    path: 'suspended',
    action: 'terminate',
    date: '2025-04-01',
    data: { cause: 'suspensionLapsed' },
    message: '中止满六十日的日期为 2025-05-09，届满后方可以此为由终止',
  },
  // The decision and what follows it (Art. 63–69, 76)
  {
    what: 'a decision before the copy was sent to the respondent',
    lineKind: APP,
    path: 'review',
    action: 'decide',
    date: '2025-03-20',
    data: decision,
    message: '尚未向被申请人发送申请书副本，不能作出决定',
  },
  {
    what: 'ordering the act redone without a period',
    lineKind: APP,
    path: 'review.copySent',
    action: 'decide',
    date: '2025-03-20',
    data: { ...decision, decisionType: 'revokeRedo' },
    message: '责令重新作出或者履行的，应当写明期限',
  },
  {
    what: 'ordering performance without a period',
    lineKind: APP,
    path: 'review.copySent',
    action: 'decide',
    date: '2025-03-20',
    data: { ...decision, decisionType: 'orderPerform' },
    message: '责令重新作出或者履行的，应当写明期限',
  },
  {
    what: 'an opinion letter to a body outside the registry of organs',
    lineKind: APP,
    path: 'decided',
    action: 'issueOpinionLetter',
    date: '2025-04-02',
    data: { recipientOrgId: 999999, problems: '问题', opinion: '意见' },
    message: '收文机关不在机构名录中',
  },
  {
    what: 'a recommendation letter to a body outside the registry of organs',
    lineKind: APP,
    path: 'decided',
    action: 'issueRecommendation',
    date: '2025-04-02',
    data: { recipientOrgId: 999999, problems: '问题', recommendation: '建议' },
    message: '收文机关不在机构名录中',
  },
  {
    what: 'a report on an opinion letter never issued',
    lineKind: APP,
    path: 'decided',
    action: 'opinionReported',
    date: '2025-04-02',
    data: { summary: '已纠正' },
    message: '尚未制发行政复议意见书',
  },
  // Intake
  {
    what: 'an application against a body outside the registry of organs',
    lineKind: APP,
    path: null,
    intake: { respondentOrgId: 999999 },
    message: '被申请人应为机构名录中的行政机关，请从名录中选择',
  },
  {
    what: 'a duplicate of an open application, unconfirmed',
    lineKind: APP,
    path: null,
    given: (k) => k.create(APP, { actTitle: '责令停产停业决定', actDocNo: '甬镇市监罚〔2025〕88号' }),
    intake: { actTitle: '责令停产停业决定', actDocNo: '甬镇市监罚〔2025〕88号', allowDuplicate: false },
    message: (g) =>
      `同一申请人对同一行政行为已有未办结的申请（${g.refNo}），如确需另行登记请勾选“确认重复申请仍登记”`,
  },
  {
    what: 'a suit against a body outside the registry of organs',
    lineKind: SUIT,
    path: null,
    intake: { defendantOrgId: 999999 },
    message: '被告应为机构名录中的行政机关，请从名录中选择',
  },
  {
    what: 'a suit registered twice',
    lineKind: SUIT,
    path: null,
    given: (k) => k.create(SUIT, { caseNumber: '（2025）浙0211行初77号' }),
    intake: { caseNumber: '（2025）浙0211行初77号' },
    message: '宁波市镇海区人民法院（2025）浙0211行初77号已经登记',
  },
  {
    what: 'a suit after reconsideration naming an unknown application',
    lineKind: SUIT,
    path: null,
    intake: { afterReconsideration: true, reconsiderationRefNo: '镇司复收〔2025〕999号' },
    message: '没有案号为 镇司复收〔2025〕999号 的行政复议案件',
  },
];

describe('the reconsideration line refuses, word for word, and writes nothing', () => {
  refusalsTable(kit, ctx, rows);
});
