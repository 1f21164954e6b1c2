import { action, type CheckContext } from '../../kernel/workflow/types.ts';
import { closedStates, hearing, staff } from './application-common.ts';
import { stopIncidental } from './application-incidental.ts';
import { awaitingService } from './application-service.ts';
import { decisionLetter, mediationAgreement, opinionLetter, recommendationLetter } from './documents.ts';
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
    requires: ({ last }) => (last('sendCopy') ? null : '尚未向被申请人发送申请书副本，不能作出决定'),
    check: ({ data }) =>
      (data.decisionType === 'revokeRedo' || data.decisionType === 'orderPerform') && !data.redoWithinDays
        ? {
            message: '责令重新作出或者履行的，应当写明期限',
            errors: [{ field: 'redoWithinDays', message: '请填写期限' }],
          }
        : null,
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
    describe: (d) => (d.performed ? '已履行' : '未履行'),
  }),
};
