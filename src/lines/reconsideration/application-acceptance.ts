import { z } from 'zod';
import { profileNames } from '../../kernel/profile/store.ts';
import { action, type MatterContext } from '../../kernel/workflow/types.ts';
import { setProcedure, staff, underLaw2017 } from './application-common.ts';
import { awaitingService } from './application-service.ts';
import { acceptanceNotice, refusalDecision, supplementNotice } from './documents.ts';
import {
  acceptSchema,
  redirectSchema,
  refuseSchema,
  supplementExtendSchema,
  supplementReceivedSchema,
  supplementRequestSchema,
} from './schemas.ts';

/**
 * Once the review period has run out without a refusal the application counts as accepted (2023 law Art. 30(3);
 * 2017 law Art. 17(2)): it can no longer be refused, and one that turns out not to qualify is dismissed after
 * acceptance (驳回申请, Art. 33; 实施条例 Art. 48(1)(二)).
 */
async function deemedAccepted({ deadline, date, rule }: MatterContext) {
  const review = await deadline('acceptance');
  if (review?.status !== 'running' || !review.dueOn || date <= review.dueOn) return null;
  return underLaw2017(rule)
    ? `受理审查期限已于 ${review.dueOn} 届满，申请已视为受理（修订前的行政复议法第十七条第二款），不能再决定不予受理；不符合受理条件的，请在受理后决定驳回行政复议申请（实施条例第四十八条第一款第二项）`
    : `受理审查期限已于 ${review.dueOn} 届满，申请自届满之日起视为受理（第三十条第三款），不能再决定不予受理；不符合受理条件的，请在受理后决定驳回申请（第三十三条）`;
}

/** Acceptance review (Art. 30–31): supplements, acceptance with its procedure, refusal; redirection under the 2017 law. */
export const acceptanceActions = {
  requestSupplement: action({
    label: '通知补正',
    from: ['received'],
    to: 'awaitingSupplement',
    roles: staff,
    schema: supplementRequestSchema,
    correctable: { roles: staff },
    requires: ({ last }) =>
      last('requestSupplement') ? '补正通知应当一次性载明需要补正的事项，不能再次通知补正' : null,
    // Art. 31(1) (实施条例 Art. 29 before 2024): the notice goes out within five working days of receipt.
    check: async ({ data, date, due, matter, rule }) => {
      const latest = await due('xzfy.correction.notice', matter.openedOn);
      if (date > latest)
        return `补正通知应当自收到申请之日起五日内发出（${underLaw2017(rule) ? '实施条例第二十九条' : '第三十一条第一款'}），本案最迟应在 ${latest} 发出`;
      if (underLaw2017(rule) && !data.periodDays)
        return {
          message: '2024年1月1日前收到的申请，补正通知应当载明合理的补正期限（实施条例第二十九条）',
          errors: [{ field: 'periodDays', message: '请填写补正期限' }],
        };
      return null;
    },
    deadlines: [
      { op: 'stop', key: 'acceptance' },
      // Art. 31(2): counted from the applicant's receipt of the notice, recorded by serveSupplementNotice.
      { op: 'start', key: 'supplement', rule: 'xzfy.correction.submit', from: awaitingService },
    ],
    documents: [{ template: supplementNotice }],
    describe: (d) => `补正事项：${d.items}`,
  }),
  extendSupplement: action({
    label: '延长补正期限',
    from: ['awaitingSupplement'],
    to: 'awaitingSupplement',
    roles: staff,
    schema: supplementExtendSchema,
    // Art. 31(2): a reasonable extension where the applicant has a good reason, while the period still runs.
    requires: async ({ deadline, date, rule }) => {
      if (underLaw2017(rule))
        return '修订前的行政复议法及其实施条例未规定延长补正期限，补正期限以补正通知载明的为准';
      const period = await deadline('supplement');
      return period?.status === 'running' && period.dueOn && date > period.dueOn
        ? `补正期限已于 ${period.dueOn} 届满，不能再延长`
        : null;
    },
    deadlines: [{ op: 'extend', key: 'supplement', days: (d) => d.days }],
    describe: (d) => `延长${d.days}日：${d.reason}`,
  }),
  supplementReceived: action({
    label: '收到补正材料',
    from: ['awaitingSupplement'],
    to: 'received',
    roles: staff,
    primary: true,
    schema: supplementReceivedSchema,
    // Art. 31: the review period counts again from the day the supplement arrives.
    deadlines: [
      { op: 'meet', key: 'supplement' },
      { op: 'start', key: 'acceptance', rule: 'xzfy.accept.review' },
    ],
  }),
  supplementLapsed: action({
    label: '逾期未补正（视为放弃）',
    from: ['awaitingSupplement'],
    to: 'abandoned',
    roles: staff,
    schema: z.object({}),
    // Art. 31(2): only a supplement period that has run out without the materials counts as abandonment.
    requires: async ({ deadline, date }) => {
      const period = await deadline('supplement');
      if (period?.status === 'notStarted') return '补正通知的送达尚未登记，补正期限未开始计算';
      return period?.status === 'running' && period.dueOn && date <= period.dueOn
        ? `补正期限至 ${period.dueOn} 届满，期满前不能按放弃处理`
        : null;
    },
    deadlines: [{ op: 'stop', key: 'supplement' }],
  }),
  accept: action({
    label: '受理',
    from: ['received'],
    to: 'review',
    roles: staff,
    primary: true,
    schema: acceptSchema,
    check: ({ data, rule }) =>
      data.procedure === 'simplified' && underLaw2017(rule)
        ? {
            message: '本案申请于2024年1月1日前收到，适用修订前的行政复议法，该法未规定简易程序',
            errors: [{ field: 'procedure', message: '修订前的行政复议法未规定简易程序' }],
          }
        : null,
    apply: async ({ tx, matter, data }) => setProcedure(tx, matter.id, data.procedure),
    undo: async ({ tx, matter }) => setProcedure(tx, matter.id, null),
    correctable: { roles: staff },
    deadlines: [
      { op: 'meet', key: 'acceptance' },
      {
        op: 'start',
        key: 'sendCopy',
        rule: {
          among: ['xzfy.simple.send-copy', 'xzfy.ordinary.send-copy'],
          pick: (d) => (d.procedure === 'simplified' ? 'xzfy.simple.send-copy' : 'xzfy.ordinary.send-copy'),
        },
      },
      {
        op: 'start',
        key: 'decision',
        rule: {
          among: ['xzfy.simple.decision', 'xzfy.ordinary.decision'],
          pick: (d) => (d.procedure === 'simplified' ? 'xzfy.simple.decision' : 'xzfy.ordinary.decision'),
        },
        from: async ({ deadline, date, rule }) => {
          const review = await deadline('acceptance');
          if (!review?.dueOn) return date;
          // 2017 law Art. 17(2): an application not refused counts as accepted from the day it was received.
          if (underLaw2017(rule)) return review.startOn;
          // 2023 law Art. 30(3): once the review period has run out it counts as accepted from the expiry, so a
          // late acceptance record does not lengthen the decision period.
          return [review.dueOn, date].sort()[0]!;
        },
      },
    ],
    documents: [{ template: acceptanceNotice }],
    describe: (d) => (d.procedure === 'simplified' ? '适用简易程序' : '适用普通程序'),
  }),
  refuse: action({
    label: '不予受理',
    from: ['received'],
    to: 'refused',
    roles: staff,
    schema: refuseSchema,
    correctable: { roles: staff },
    requires: deemedAccepted,
    check: async ({ data, rule, tx }) => {
      if (data.ground !== 'outsideJurisdiction') return null;
      if (underLaw2017(rule))
        return {
          message:
            '修订前的行政复议法第十七条第一款规定，不属于本机关受理的申请应当告知申请人向有关行政复议机关提出，请使用“告知向有权机关申请”',
          errors: [{ field: 'ground', message: '请改用“告知向有权机关申请”' }],
        };
      return data.properBody === (await profileNames(tx)).reconsiderationOrgan
        ? {
            message: '有管辖权的行政复议机关不能是本机关',
            errors: [{ field: 'properBody', message: '请写明有管辖权的其他行政复议机关' }],
          }
        : null;
    },
    deadlines: [{ op: 'meet', key: 'acceptance' }],
    documents: [{ template: refusalDecision }],
    describe: (d) => d.reason,
  }),
  redirect: action({
    label: '告知向有权机关申请',
    from: ['received'],
    to: 'redirected',
    roles: staff,
    schema: redirectSchema,
    correctable: { roles: staff },
    // Only the 2017 law (Art. 17(1)) answers an application outside jurisdiction by a notice; since 2024 it is
    // refused by a decision that names the competent organ (Art. 30(2)).
    requires: async (ctx) =>
      underLaw2017(ctx.rule)
        ? deemedAccepted(ctx)
        : '不属于本机关管辖的申请，应当决定不予受理并在决定中告知有管辖权的行政复议机关（第三十条第二款），请使用“不予受理”',
    deadlines: [{ op: 'meet', key: 'acceptance' }],
    describe: (d) => `告知向${d.properBody}申请`,
  }),
};
