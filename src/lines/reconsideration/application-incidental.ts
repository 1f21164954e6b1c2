/**
 * 附带审查 of a normative document (行政复议法第五十六条至第六十条): the application is suspended (第三十九条第一款第九项)
 * and the clocks run from the suspension: the 复议机关 handles the document within 30 days or transfers it within
 * 7 working days (第五十六条、第五十七条); where it handles it, the 机构 notifies the document's maker within 3 working
 * days of the suspension (第五十八条第一款), the maker replies within 10 working days of receiving the notice; an
 * organ the document was transferred to replies within 60 days of receiving it (第六十条). Periods counted from a
 * receipt start on the recorded service, as everywhere in the line.
 */
import { z } from 'zod';
import { note, text } from '../../kernel/fields/fields.ts';
import { action, type DeadlineEffect } from '../../kernel/workflow/types.ts';
import { staff } from './application-common.ts';
import { awaitingService, serviceRecordSchema } from './application-service.ts';

const incidental = (cause: unknown) => cause === 'incidentalReview';

/** What the suspension starts when its cause is the request for 附带审查. */
export const incidentalClocks: DeadlineEffect<{ cause: string }>[] = [
  { op: 'start', key: 'incidentalHandle', rule: 'xzfy.incidental.handle', when: (d) => incidental(d.cause) },
  {
    op: 'start',
    key: 'incidentalTransfer',
    rule: 'xzfy.incidental.transfer',
    when: (d) => incidental(d.cause),
  },
  {
    op: 'start',
    key: 'incidentalNotify',
    rule: 'xzfy.incidental.notify-maker',
    when: (d) => incidental(d.cause),
  },
];

/** The keys the resumption closes: the review is over when the case is heard again. */
export const incidentalKeys = [
  'incidentalHandle',
  'incidentalTransfer',
  'incidentalNotify',
  'makerReply',
  'transfereeReply',
] as const;

/** Closing the case (resumption, termination, mediation) stops whatever 附带审查 clock still runs. */
export const stopIncidental = () => incidentalKeys.map((key) => ({ op: 'stop' as const, key }));

const running = async (
  deadline: (key: string) => Promise<{ status: string } | null | undefined>,
  key: string,
) => (await deadline(key))?.status === 'running';

export const incidentalActions = {
  notifyMaker: action({
    label: '通知制定机关答复（附带审查）',
    from: ['suspended'],
    to: 'suspended',
    roles: staff,
    schema: z.object({ maker: text('制定机关', 100), provisions: text('需要答复的条款', 1000) }),
    requires: async ({ deadline }) =>
      (await running(deadline, 'incidentalNotify')) ? null : '没有需要通知制定机关答复的附带审查',
    deadlines: [
      { op: 'meet', key: 'incidentalNotify' },
      // 第五十八条第一款: ten working days from the maker's receipt of the notice.
      { op: 'start', key: 'makerReply', rule: 'xzfy.incidental.maker-reply', from: awaitingService },
    ],
    describe: (d) => `通知${d.maker}就${d.provisions}提出书面答复`,
  }),
  serveMakerNotice: action({
    label: '登记答复通知送达（附带审查）',
    from: ['suspended'],
    to: 'suspended',
    roles: staff,
    schema: serviceRecordSchema,
    requires: async ({ deadline }) =>
      (await deadline('makerReply'))?.status === 'notStarted' ? null : '没有待登记送达的答复通知',
    deadlines: [
      {
        op: 'start',
        key: 'makerReply',
        rule: 'xzfy.incidental.maker-reply',
        from: ({ data }) => data.receivedOn,
      },
    ],
  }),
  makerReplied: action({
    label: '收到制定机关答复（附带审查）',
    from: ['suspended'],
    to: 'suspended',
    roles: staff,
    schema: z.object({ summary: note('答复要点', 5000) }),
    requires: async ({ deadline }) => {
      const s = (await deadline('makerReply'))?.status;
      return s === 'running' || s === 'notStarted' ? null : '尚未通知制定机关答复';
    },
    deadlines: [{ op: 'meet', key: 'makerReply' }],
  }),
  incidentalHandled: action({
    label: '附带审查处理完毕',
    from: ['suspended'],
    to: 'suspended',
    roles: staff,
    schema: z.object({ result: text('处理结果（第五十九条）', 2000) }),
    requires: async ({ deadline }) =>
      (await running(deadline, 'incidentalHandle')) ? null : '没有正在处理的附带审查',
    deadlines: [
      { op: 'meet', key: 'incidentalHandle' },
      { op: 'stop', key: 'incidentalTransfer' },
      { op: 'stop', key: 'incidentalNotify' },
    ],
    describe: (d) => d.result,
  }),
  incidentalTransferred: action({
    label: '转送有权机关处理（附带审查）',
    from: ['suspended'],
    to: 'suspended',
    roles: staff,
    schema: z.object({ transferee: text('接受转送的机关', 100) }),
    requires: async ({ deadline }) =>
      (await running(deadline, 'incidentalTransfer')) ? null : '没有待转送的附带审查',
    deadlines: [
      { op: 'meet', key: 'incidentalTransfer' },
      { op: 'stop', key: 'incidentalHandle' },
      { op: 'stop', key: 'incidentalNotify' },
      // 第六十条: sixty days from the transferee's receipt.
      {
        op: 'start',
        key: 'transfereeReply',
        rule: 'xzfy.incidental.transferee-reply',
        from: awaitingService,
      },
    ],
    describe: (d) => `转送${d.transferee}处理`,
  }),
  serveTransfer: action({
    label: '登记转送送达（附带审查）',
    from: ['suspended'],
    to: 'suspended',
    roles: staff,
    schema: serviceRecordSchema,
    requires: async ({ deadline }) =>
      (await deadline('transfereeReply'))?.status === 'notStarted' ? null : '没有待登记送达的转送',
    deadlines: [
      {
        op: 'start',
        key: 'transfereeReply',
        rule: 'xzfy.incidental.transferee-reply',
        from: ({ data }) => data.receivedOn,
      },
    ],
  }),
  transfereeReplied: action({
    label: '收到转送机关处理意见（附带审查）',
    from: ['suspended'],
    to: 'suspended',
    roles: staff,
    schema: z.object({ summary: note('处理意见', 5000) }),
    requires: async ({ deadline }) => {
      const s = (await deadline('transfereeReply'))?.status;
      return s === 'running' || s === 'notStarted' ? null : '尚未转送有权机关';
    },
    deadlines: [{ op: 'meet', key: 'transfereeReply' }],
  }),
};
