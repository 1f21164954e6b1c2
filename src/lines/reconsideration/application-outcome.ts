import type { z } from 'zod';
import type { Rule } from '../../kernel/rules/rules.ts';
import { action, type CheckContext, type MatterView } from '../../kernel/workflow/types.ts';
import { closedStates, hearing, procedureOf, staff, underLaw2017 } from './application-common.ts';
import { stopIncidental } from './application-incidental.ts';
import { awaitingService } from './application-service.ts';
import {
  decisionLetter,
  mediationAgreement,
  opinionLetter,
  recommendationLetter,
} from './documents-outcome.ts';
import { serviceCertificate } from './documents-service.ts';
import {
  correctionTypes,
  type DecisionType,
  decisionArticles2017,
  decisionGrounds,
  decisionTypes,
  serviceMethods,
  typesWithGrounds,
} from './labels.ts';
import {
  decideSchema,
  mediateSchema,
  opinionLetterSchema,
  opinionReportedSchema,
  performanceSchema,
  recommendationSchema,
  serviceSchema,
} from './schemas.ts';
import { administrativeOrgan } from './store.ts';

/** The article that gives the respondent its reply period, under the law and procedure of the matter. */
const replyArticle = (m: MatterView, rule: (id: string) => Rule) =>
  underLaw2017(rule)
    ? '修订前的行政复议法第二十三条第一款'
    : procedureOf(m) === 'simplified'
      ? '第五十四条第一款'
      : '第四十八条';

/** Decisions that order the respondent to act again or to perform (第六十四条第一款、第六十五条第二款、第六十六条). */
const redoTypes = ['revokeRedo', 'confirmIllegalRedo', 'orderPerform'];

/** A letter goes to an administrative organ of the registry, as the respondent must be one. */
const recipientIsAnOrgan = async ({ tx, data }: CheckContext<{ recipientOrgId: number }>) =>
  (await administrativeOrgan(tx, data.recipientOrgId))
    ? null
    : {
        message: '收文机关不在机构名录中',
        errors: [{ field: 'recipientOrgId', message: '请从机构名录中选择' }],
      };

const field = (name: string, message: string, fieldMessage: string) => ({
  message,
  errors: [{ field: name, message: fieldMessage }],
});

/**
 * What a decision must rest on (Art. 33, 49, 52, 61, 63–72): the type the law allows for this case and this law,
 * its ground and the content its wording needs, and the steps the law puts before it.
 */
async function decisionRefusal(ctx: CheckContext<z.output<typeof decideSchema>>) {
  const { data, matter, rule, tx, last } = ctx;
  const type: DecisionType = data.decisionType;
  const law2017 = underLaw2017(rule);
  if (law2017 && !decisionArticles2017[type])
    return field(
      'decisionType',
      `本案申请于2024年1月1日前收到，适用修订前的行政复议法，该法未规定“${decisionTypes[type]}”决定`,
      '修订前的行政复议法未规定该决定类型',
    );
  if (type === 'dismiss') {
    const { rows } = await tx.query<{ act_kind: string }>(
      'SELECT act_kind FROM reconsideration_applications WHERE matter_id = $1',
      [matter.id],
    );
    if (rows[0]?.act_kind !== 'nonPerformance')
      return field(
        'decisionType',
        '驳回复议请求仅适用于申请人认为被申请人不履行法定职责的案件（第六十九条）；行政行为认定事实清楚、证据确凿、适用依据正确、程序合法、内容适当的，应当决定维持（第六十八条）',
        '本案不是不履行法定职责案件',
      );
  }
  if (!law2017 && typesWithGrounds.has(type)) {
    if (!data.ground)
      return field('ground', `“${decisionTypes[type]}”决定应当写明所依据的情形`, '请选择情形');
    if (!(decisionGrounds[data.ground].types as readonly string[]).includes(type))
      return field(
        'ground',
        `所选情形不能作为“${decisionTypes[type]}”决定的依据`,
        '请选择与决定类型相符的情形',
      );
  }
  if (type === 'change' && !data.changedTo)
    return field('changedTo', '变更决定应当写明变更后的内容（第六十三条）', '请填写变更后的内容');
  if (type === 'partRevoke' && !data.revokedPart)
    return field('revokedPart', '部分撤销决定应当写明撤销的部分（第六十四条）', '请填写撤销的部分');
  if ((type === 'confirmIllegalRedo' || type === 'agreement') && !data.remedy)
    return field('remedy', '应当写明责令被申请人承担的责任或者采取的补救措施', '请填写');
  if ((type === 'revokeRedo' || type === 'orderPerform') && !data.redoWithinDays)
    return field('redoWithinDays', '责令重新作出或者履行的，应当写明期限', '请填写期限');
  if (data.compensation === 'awarded' && !data.compensationTerms)
    return field(
      'compensationTerms',
      '决定给予赔偿的，应当写明赔偿的内容（第七十二条第一款）',
      '请填写赔偿的内容',
    );
  if (
    !law2017 &&
    type !== 'rejectApplication' &&
    procedureOf(matter) === 'ordinary' &&
    !last('hearParties') &&
    !last('holdHearing')
  )
    return '适用普通程序审理的案件，应当当面或者通过互联网、电话等方式听取当事人的意见并记录在案（第四十九条），请先登记“听取当事人意见”';
  if (data.committeeRequired && !last('consultCommittee'))
    return field(
      'committeeRequired',
      '本案应当提请行政复议委员会提出咨询意见（第五十二条第二款），请先登记“提请行政复议委员会咨询”',
      '尚未提请咨询',
    );
  return null;
}

/** How a case ends and what follows: mediation (Art. 73–74), the decision (Art. 63–69) and its service, opinion and recommendation letters (Art. 76), performance. */
export const outcomeActions = {
  mediate: action({
    label: '调解结案',
    from: ['review', 'suspended'],
    to: 'mediated',
    roles: staff,
    schema: mediateSchema,
    deadlines: [
      { op: 'meet', key: 'decision' },
      { op: 'stop', key: 'sendCopy' },
      { op: 'stop', key: 'reply' },
      { op: 'stop', key: 'suspensionLimit' },
      ...stopIncidental(),
    ],
    documents: [{ template: mediationAgreement }],
  }),
  decide: action({
    label: '作出复议决定',
    from: hearing,
    to: 'decided',
    roles: staff,
    primary: true,
    schema: decideSchema,
    requires: async ({ last, deadline, date, matter, rule }) => {
      if (!last('sendCopy')) return '尚未向被申请人发送申请书副本，不能作出决定';
      // The respondent has its whole reply period (Art. 48, 54) unless its reply is in.
      if (last('receiveReply')) return null;
      const reply = await deadline('reply');
      // The period counts from the respondent's receipt of the copy: until that service is recorded it has not
      // begun, so it cannot have ended either.
      if (!reply || reply.status === 'notStarted')
        return `申请书副本的送达尚未登记，被申请人的答复期限（${replyArticle(matter, rule)}，自收到副本之日起计算）尚未起算；请先登记申请书副本送达，收到答复或者答复期限届满后方可作出决定`;
      return reply.status === 'running' && reply.dueOn && date <= reply.dueOn
        ? `被申请人的答复期限至 ${reply.dueOn} 届满，尚未收到答复，期满前不能作出决定`
        : null;
    },
    check: decisionRefusal,
    apply: async ({ tx, matter, data, date }) => {
      await tx.query(
        'UPDATE reconsideration_applications SET decision_type = $2, decided_on = $3 WHERE matter_id = $1',
        [matter.id, data.decisionType, date],
      );
    },
    undo: async ({ tx, matter }) => {
      await tx.query(
        'UPDATE reconsideration_applications SET decision_type = NULL, decided_on = NULL WHERE matter_id = $1',
        [matter.id],
      );
    },
    correctable: { roles: staff, approval: ['leader'] },
    deadlines: [
      { op: 'meet', key: 'decision' },
      { op: 'stop', key: 'sendCopy' },
      { op: 'stop', key: 'reply' },
    ],
    documents: [{ template: decisionLetter }],
    describe: (d) =>
      `${decisionTypes[d.decisionType]}${correctionTypes.includes(d.decisionType) ? '（纠错）' : ''}`,
  }),
  serveDecision: action({
    label: '登记决定书送达',
    from: ['decided'],
    to: 'same',
    roles: staff,
    schema: serviceSchema,
    // The applicant's 15 days to sue run from receipt of the decision (行政诉讼法第四十五条); recording the
    // service again (a failed delivery, then another) restarts them from the later receipt.
    deadlines: [
      { op: 'start', key: 'applicantSuit', rule: 'xzss.sue.after-decision' },
      // 重作 / 履行: the respondent's time counts from its receipt of the decision, as long as the decision says, or
      // 60 days where it says none (实施条例第四十九条第一款).
      {
        op: 'start',
        key: 'redo',
        rule: 'xzfy.redo.default',
        count: (_d, m) => {
          const days = m.history.find((h) => h.action === 'decide')?.payload.redoWithinDays;
          return typeof days === 'number' ? days : undefined;
        },
        when: (_d, m) =>
          redoTypes.includes(String(m.history.find((h) => h.action === 'decide')?.payload.decisionType)),
      },
    ],
    correctable: { roles: staff },
    describe: (d) => serviceMethods[d.method],
    documents: [{ template: serviceCertificate }],
  }),
  issueOpinionLetter: action({
    label: '制发行政复议意见书',
    from: ['review', ...closedStates],
    to: 'same',
    roles: staff,
    schema: opinionLetterSchema,
    check: recipientIsAnOrgan,
    // Art. 76: counted from the organ's receipt of the letter, recorded by serveOpinionLetter.
    deadlines: [
      { op: 'start', key: 'opinionReport', rule: 'xzfy.opinion-letter.report', from: awaitingService },
    ],
    documents: [{ template: opinionLetter }],
  }),
  opinionReported: action({
    label: '收到意见书纠正情况报告',
    from: ['review', ...closedStates],
    to: 'same',
    roles: staff,
    schema: opinionReportedSchema,
    requires: ({ last }) => (last('issueOpinionLetter') ? null : '尚未制发行政复议意见书'),
    deadlines: [{ op: 'meet', key: 'opinionReport' }],
  }),
  issueRecommendation: action({
    label: '制发行政复议建议书',
    from: ['review', ...closedStates],
    to: 'same',
    roles: staff,
    schema: recommendationSchema,
    check: recipientIsAnOrgan,
    documents: [{ template: recommendationLetter }],
  }),
  recordPerformance: action({
    label: '登记决定履行情况',
    from: ['decided', 'mediated'],
    to: 'same',
    roles: staff,
    schema: performanceSchema,
    correctable: { roles: staff },
    // Performance within the period an order set (Art. 77(2)) ends that period.
    deadlines: [{ op: 'meet', key: 'orderedPerformance', when: (d) => d.performed }],
    describe: (d) => (d.performed ? '已履行' : '未履行'),
  }),
};
