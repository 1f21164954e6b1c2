import { z } from 'zod';
import { action } from '../../kernel/workflow/types.ts';
import { setProcedure, staff, underLaw2017 } from './application-common.ts';
import { awaitingService } from './application-service.ts';
import { acceptanceNotice, refusalDecision, supplementNotice } from './documents.ts';
import {
  acceptSchema,
  redirectSchema,
  refuseSchema,
  supplementReceivedSchema,
  supplementRequestSchema,
} from './schemas.ts';

/** Acceptance review (Art. 30–31): supplements, acceptance with its procedure, refusal, redirection. */
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
    deadlines: [
      { op: 'stop', key: 'acceptance' },
      // Art. 31(2): counted from the applicant's receipt of the notice, recorded by serveSupplementNotice.
      { op: 'start', key: 'supplement', rule: 'xzfy.correction.submit', from: awaitingService },
    ],
    documents: [{ template: supplementNotice }],
    describe: (d) => `补正事项：${d.items}`,
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
    deadlines: [{ op: 'meet', key: 'acceptance' }],
    describe: (d) => `告知向${d.properBody}申请`,
  }),
};
