/**
 * Change of the place of execution (变更执行地, 社区矫正法 第二十七条; 实施办法 第三十、三十一条, unverified numbering):
 * the county consults the new county within 5 days, which replies within 5 days; after the decision the subject
 * reports to the new place within 7 days of receiving it. Each link is a period started by the step before it.
 */
import { action } from '../../kernel/workflow/types.ts';
import { actsForCounty, staff } from './common.ts';
import { transferDecisionSchema, transferSchema, transferStepSchema } from './schemas.ts';

const running =
  (key: string, what: string) =>
  async ({ deadline }: { deadline: (k: string) => Promise<{ status: string } | null> }) =>
    (await deadline(key))?.status === 'running' ? null : what;

export const transferActions = {
  applyTransfer: action({
    label: '受理变更执行地申请',
    from: ['supervising'],
    to: 'transferring',
    roles: staff,
    schema: transferSchema,
    deadlines: [{ op: 'start', key: 'transferConsult', rule: 'sqjz.transfer.consult' }],
    describe: (d) => `申请变更至${d.newPlace}：${d.reason}`,
  }),
  consultTransfer: action({
    label: '发出征求意见函',
    from: ['transferring'],
    to: 'same',
    roles: staff,
    primary: true,
    schema: transferStepSchema,
    requires: running('transferConsult', '已经征求新执行地意见'),
    check: async ({ tx, actor }) =>
      (await actsForCounty(tx, actor)) ? null : '征求新执行地意见由区社区矫正机构办理',
    deadlines: [
      { op: 'meet', key: 'transferConsult' },
      { op: 'start', key: 'transferReply', rule: 'sqjz.transfer.reply' },
    ],
  }),
  decideTransfer: action({
    label: '登记新执行地回复并决定',
    from: ['transferring'],
    to: (d) => (d.accepted ? 'transferring' : 'supervising'),
    roles: staff,
    primary: true,
    schema: transferDecisionSchema,
    requires: running('transferReply', '尚未发出征求意见函'),
    check: async ({ tx, actor }) =>
      (await actsForCounty(tx, actor)) ? null : '变更执行地由区社区矫正机构决定',
    deadlines: [
      { op: 'meet', key: 'transferReply' },
      { op: 'start', key: 'transferReport', rule: 'sqjz.transfer.report', when: (d) => d.accepted },
    ],
    describe: (d) => (d.accepted ? '新执行地同意接收，决定变更执行地' : '新执行地不同意接收'),
  }),
  confirmTransfer: action({
    label: '确认已到新执行地报到',
    from: ['transferring'],
    to: 'transferredOut',
    roles: staff,
    primary: true,
    closes: true,
    schema: transferStepSchema,
    requires: running('transferReport', '尚未作出变更执行地决定'),
    apply: async ({ tx, matter, date }) => {
      await tx.query(
        `UPDATE correction_subjects SET ended_on = $2, end_reason = 'transferred', to_resettlement = false
         WHERE matter_id = $1`,
        [matter.id, date],
      );
    },
    deadlines: [
      { op: 'meet', key: 'transferReport' },
      { op: 'stop', key: 'monitoring' },
    ],
  }),
};
