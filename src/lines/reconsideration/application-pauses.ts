import { action } from '../../kernel/workflow/types.ts';
import { hearing, procedureOf, staff } from './application-common.ts';
import { incidentalClocks, stopIncidental } from './application-incidental.ts';
import { extensionNotice, resumptionNotice, suspensionNotice } from './documents.ts';
import { terminationDecision, withdrawalApproval, withdrawalCauses } from './documents-outcome.ts';
import { terminationClockCauses } from './labels.ts';
import { extendSchema, resumeSchema, suspendSchema, terminateSchema } from './schemas.ts';

/** Extension (Art. 62), suspension and resumption (Art. 39), termination (Art. 41). */
export const pauseActions = {
  extend: action({
    label: '延期审理',
    from: hearing,
    to: 'review',
    roles: staff,
    schema: extendSchema,
    requires: async ({ matter, last, deadline, date }) => {
      if (procedureOf(matter) === 'simplified') return '简易程序案件不能延期，需要时请先转为普通程序';
      if (last('extend')) return '审理期限已经延长过，延长期限最多不得超过三十日';
      // Art. 62(1) (2017 law Art. 31(1)): an extension is decided while the period runs, never after it expired.
      const period = await deadline('decision');
      return period?.status === 'running' && period.dueOn && date > period.dueOn
        ? `审理期限已于 ${period.dueOn} 届满，届满后不能再延长`
        : null;
    },
    deadlines: [{ op: 'extend', key: 'decision', days: (d) => d.days }],
    documents: [{ template: extensionNotice }],
    describe: (d) => `延长${d.days}日：${d.reason}（${d.approvedBy}批准）`,
  }),
  suspend: action({
    label: '中止审理',
    from: hearing,
    to: 'suspended',
    roles: staff,
    schema: suspendSchema,
    deadlines: [
      { op: 'pause', key: 'decision' },
      {
        op: 'start',
        key: 'suspensionLimit',
        rule: 'xzfy.suspension.terminate',
        when: (d) => (terminationClockCauses as readonly string[]).includes(d.cause),
      },
      ...incidentalClocks,
    ],
    documents: [{ template: suspensionNotice }],
  }),
  resume: action({
    label: '恢复审理',
    from: ['suspended'],
    to: 'review',
    roles: staff,
    primary: true,
    schema: resumeSchema,
    deadlines: [
      { op: 'resume', key: 'decision' },
      {
        op: 'stop',
        key: 'suspensionLimit',
        when: (_d, m) => {
          const cause = m.history.find((h) => h.action === 'suspend')?.payload.cause;
          return (terminationClockCauses as readonly unknown[]).includes(cause);
        },
      },
      ...stopIncidental(),
    ],
    documents: [{ template: resumptionNotice }],
  }),
  terminate: action({
    label: '终止',
    from: ['review', 'suspended'],
    to: 'terminated',
    roles: staff,
    schema: terminateSchema,
    // Art. 41(5): only once sixty days of suspension for those causes have run out.
    check: async ({ data, matter, date, deadline }) => {
      if (data.cause !== 'suspensionLapsed') return null;
      if (matter.state !== 'suspended') return '未处于中止状态，不能以中止满六十日为由终止';
      const limit = await deadline('suspensionLimit');
      if (limit?.status !== 'running' || !limit.dueOn)
        return '本案中止的原因不适用“中止满六十日”终止（第四十一条第五项）';
      return date <= limit.dueOn ? `中止满六十日的日期为 ${limit.dueOn}，届满后方可以此为由终止` : null;
    },
    deadlines: [
      { op: 'stop', key: 'decision' },
      { op: 'stop', key: 'sendCopy' },
      { op: 'stop', key: 'reply' },
      { op: 'meet', key: 'suspensionLimit' },
      ...stopIncidental(),
    ],
    // A withdrawal is first approved by the 复议机构, then the 复议机关 terminates (Art. 41(1), 74).
    documents: [
      {
        template: withdrawalApproval,
        when: (d) => (withdrawalCauses as readonly string[]).includes(d.cause),
      },
      { template: terminationDecision },
    ],
  }),
};
