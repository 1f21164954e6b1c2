import { action } from '../../kernel/workflow/types.ts';
import type { Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { closedStates, hearing, lastOf, staff } from './application-common.ts';
import { correctionTypes, decisionTypes, serviceMethods } from './labels.ts';
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

/** A letter goes to an administrative organ of the registry, as the respondent must be one. */
async function recipientIsAnOrgan(tx: Tx, orgId: number) {
  if (!(await administrativeOrgan(tx, orgId)))
    throw new AppError('VALIDATION', '收文机关不在机构名录中', {
      errors: [{ field: 'data.recipientOrgId', message: '请从机构名录中选择' }],
    });
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
    ],
    documents: [{ template: 'reconsideration.mediation' }],
  }),
  decide: action({
    label: '作出复议决定',
    from: hearing,
    to: 'decided',
    roles: staff,
    primary: true,
    schema: decideSchema,
    guard: (d, m) =>
      !lastOf(m, 'sendCopy')
        ? '尚未向被申请人发送申请书副本，不能作出决定'
        : (d.decisionType === 'revokeRedo' || d.decisionType === 'orderPerform') && !d.redoWithinDays
          ? '责令重新作出或者履行的，应当写明期限'
          : null,
    apply: async ({ tx, matter, data, date }) => {
      await tx.query(
        'UPDATE reconsideration_applications SET decision_type = $2, decided_on = $3 WHERE matter_id = $1',
        [matter.id, data.decisionType, date],
      );
    },
    deadlines: [
      { op: 'meet', key: 'decision' },
      { op: 'stop', key: 'sendCopy' },
      { op: 'stop', key: 'reply' },
    ],
    documents: [{ template: 'reconsideration.decision' }],
    describe: (d) =>
      `${decisionTypes[d.decisionType as keyof typeof decisionTypes]}${correctionTypes.includes(d.decisionType) ? '（纠错）' : ''}`,
  }),
  serveDecision: action({
    label: '登记决定书送达',
    from: ['decided'],
    to: (_d, m) => m.state,
    roles: staff,
    schema: serviceSchema,
    // The applicant's 15 days to sue run from receipt of the decision (行政诉讼法第四十五条); recording the
    // service again (a failed delivery, then another) restarts them from the later receipt.
    deadlines: [{ op: 'start', key: 'applicantSuit', rule: 'xzss.sue.after-decision' }],
    describe: (d) => serviceMethods[d.method as keyof typeof serviceMethods],
  }),
  issueOpinionLetter: action({
    label: '制发行政复议意见书',
    from: ['review', ...closedStates],
    to: (_d, m) => m.state,
    roles: staff,
    schema: opinionLetterSchema,
    apply: ({ tx, data }) => recipientIsAnOrgan(tx, data.recipientOrgId),
    deadlines: [{ op: 'start', key: 'opinionReport', rule: 'xzfy.opinion-letter.report' }],
    documents: [{ template: 'reconsideration.opinionLetter' }],
  }),
  opinionReported: action({
    label: '收到意见书纠正情况报告',
    from: ['review', ...closedStates],
    to: (_d, m) => m.state,
    roles: staff,
    schema: opinionReportedSchema,
    guard: (_d, m) => (lastOf(m, 'issueOpinionLetter') ? null : '尚未制发行政复议意见书'),
    deadlines: [{ op: 'meet', key: 'opinionReport' }],
  }),
  issueRecommendation: action({
    label: '制发行政复议建议书',
    from: ['review', ...closedStates],
    to: (_d, m) => m.state,
    roles: staff,
    schema: recommendationSchema,
    apply: ({ tx, data }) => recipientIsAnOrgan(tx, data.recipientOrgId),
    documents: [{ template: 'reconsideration.recommendation' }],
  }),
  recordPerformance: action({
    label: '登记决定履行情况',
    from: ['decided', 'mediated'],
    to: (_d, m) => m.state,
    roles: staff,
    schema: performanceSchema,
    describe: (d) => (d.performed ? '已履行' : '未履行'),
  }),
};
