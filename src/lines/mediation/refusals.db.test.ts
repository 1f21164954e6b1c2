import { describe } from 'vitest';
import { type Refusal, refusalsTable } from '../../../test/support/line-kit.ts';
import { mediationTestbed } from '../../../test/support/mediation.ts';

const { bed, ctx, kit } = mediationTestbed();
const CASE = 'mediation/case';

/**
 * Every refusal of the line, word for word, each leaving the case as it was. The paths (received Mon 3 March 2025,
 * accepted 4 March, mediator assigned 5 March, session 10 March, written agreement 20 March) are in
 * test/support/mediation.ts. Rows naming a mediator read the fixture's ids when the test runs (getters).
 */
/** A row assigning mediators in the accepted state; the getter reads the fixture's ids when the test runs. */
const assignRow = (what: string, ids: () => number[], message: string, declared = true): Refusal => ({
  what,
  lineKind: CASE,
  path: 'accepted',
  action: 'assign',
  date: '2025-03-06',
  get data() {
    return { mediatorIds: ids(), noConflictDeclared: declared };
  },
  message,
});

const rows: Refusal[] = [
  // Intake
  {
    what: 'a court referral without the day the materials were signed for',
    lineKind: CASE,
    path: null,
    intake: { source: 'courtDelegated', channel: undefined, courtName: '宁波市镇海区人民法院' },
    message: '应填写签收法院移交材料的日期，调解期限自该日起计算',
  },
  {
    what: 'an entrusted case without the court’s procedure (it decides 15 or 7 days)',
    lineKind: CASE,
    path: null,
    intake: {
      source: 'courtEntrusted',
      channel: undefined,
      courtName: '宁波市镇海区人民法院',
      materialsReceivedOn: '2025-03-03',
    },
    message: '委托调解应注明法院适用的程序',
  },
  {
    what: 'a case with no one on the other side',
    lineKind: CASE,
    path: null,
    intake: { respondents: [] },
    message: '至少登记一名被申请人（对方当事人）',
  },
  {
    what: 'an amount with fractions of a fen',
    lineKind: CASE,
    path: null,
    intake: { amount: 12.345 },
    message: '涉及金额最多保留两位小数',
  },
  {
    what: 'a case at an organisation not yet set up on that day',
    lineKind: CASE,
    path: null,
    get intake() {
      return { orgId: bed.orgs.commercial, receivedOn: '2024-03-01' };
    },
    message: '镇海区商事调解中心在 2024-03-01 未处于存续状态，不能受理调解',
  },
  {
    what: 'a 调解+复议 hand-off of a matter the clerk may not read',
    lineKind: CASE,
    path: null,
    intake: { source: 'reconsideration', channel: undefined, reconsiderationMatterId: 999999 },
    message: '所选行政复议案件不存在或不在您的权限范围内',
  },
  // Acceptance (人民调解法 第十七条)
  {
    what: 'acceptance when a party refuses mediation',
    lineKind: CASE,
    path: 'received',
    action: 'accept',
    date: '2025-03-04',
    data: { partiesConsent: false },
    message: '当事人一方明确拒绝调解的，不得调解（人民调解法第十七条），应当登记不予受理',
  },
  // Mediators and the conflict check
  assignRow(
    'a mediator without the declaration of no relation to the parties',
    () => [bed.mediators.lead],
    '调解员应当声明与当事人无利害关系；有利害关系的应当回避，另行指派',
    false,
  ),
  assignRow(
    'a mediator who is a party to the dispute',
    () => [bed.mediators.lead, bed.mediators.party],
    '调解员李某是本案当事人，应当回避',
  ),
  assignRow(
    'a mediator of another organisation who is not in the district pool',
    () => [bed.mediators.foreign],
    '调解员孙调解既不属于本调解组织，也未入选区级调解人才库',
  ),
  assignRow(
    'the same mediator twice on a panel',
    () => [bed.mediators.lead, bed.mediators.lead],
    '同一调解员不能重复指派',
  ),
  assignRow('a mediator not in the register', () => [999999], '调解员（编号 999999）不在调解员名册中'),
  // Mediation and the outcome
  {
    what: 'an extension the parties have not both agreed to',
    lineKind: CASE,
    path: 'mediating',
    action: 'extend',
    date: '2025-03-20',
    data: { days: 10, partiesAgreed: false, reason: '调解员申请' },
    message: '延长调解期限须经双方当事人同意',
  },
  {
    what: 'an agreement before any session was recorded',
    lineKind: CASE,
    path: 'mediating',
    action: 'agree',
    date: '2025-03-20',
    data: { form: 'oral', agreement: '协议', amountAgreed: 0, performance: 'immediate' },
    message: '尚未登记调解过程，不能登记达成协议',
  },
  {
    what: 'a follow-up visit that says nothing of what was found',
    lineKind: CASE,
    path: 'failed',
    action: 'followUp',
    date: '2025-04-01',
    data: { visited: '张某', method: 'phone', findings: '', satisfied: true },
    message: '请填写回访情况',
  },
  // Judicial confirmation (人民调解法 第三十三条): 30 days from 20 March end on Mon 21 April 2025 (19 April a Saturday).
  {
    what: 'an application for judicial confirmation after the 30 days',
    lineKind: CASE,
    path: 'agreed',
    action: 'applyConfirmation',
    date: '2025-04-22',
    data: { court: '宁波市镇海区人民法院' },
    message:
      '申请司法确认应当自调解协议生效之日起三十日内提出，期限已于 2025-04-21 届满（人民调解法第三十三条）',
  },
  {
    what: 'a second application after the court has ruled',
    lineKind: CASE,
    path: 'confirmed',
    action: 'applyConfirmation',
    date: '2025-04-20',
    data: { court: '宁波市镇海区人民法院' },
    message: '已登记司法确认结果，不能再次申请',
  },
];

describe('mediation refusals', () => {
  refusalsTable(kit, ctx, rows);
});
