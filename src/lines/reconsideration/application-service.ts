/**
 * Service (送达) of the papers from whose receipt the law counts a period. The step that sends the paper starts
 * the period as not yet started (no due date); recording the service starts it from the day the addressee received
 * it, as the applicant's 15 days to sue already run from the service of the decision:
 * - the copy of the application: the respondent's reply, "自收到行政复议申请书副本或者行政复议申请笔录复印件之日起
 *   十日内" (行政复议法第四十八条; 简易程序 五日, 第五十四条第一款);
 * - the 补正 notice: "申请人应当自收到补正通知之日起十日内提交补正材料" (第三十一条第二款);
 * - the 意见书: "有关机关应当自收到行政复议意见书之日起六十日内" report (第七十六条).
 */
import { z } from 'zod';
import { choice, date, optionalText } from '../../kernel/fields/fields.ts';
import { action, type CheckContext, type HistoryEntry } from '../../kernel/workflow/types.ts';
import { closedStates, hearing, procedureOf, staff } from './application-common.ts';
import { serviceCertificate } from './documents-service.ts';
import { serviceMethods } from './labels.ts';

export const serviceRecordSchema = z.object({
  method: choice('送达方式', serviceMethods),
  receivedOn: date('受送达人收到日期', '期间自收到之日的次日起算'),
  recipient: optionalText('签收人', 100),
  proof: optionalText('送达凭证（送达回证、邮件回执或电子送达记录编号）', 100),
});
type ServiceRecord = z.output<typeof serviceRecordSchema>;

/** A receipt cannot precede the sending, nor follow the day it is recorded. */
const receivedBetween =
  (sentBy: string, paper: string) =>
  ({ data, date: on, last }: CheckContext<ServiceRecord>) => {
    const sent: HistoryEntry | undefined = last(sentBy);
    if (sent && data.receivedOn < sent.occurredOn)
      return {
        message: `${paper}于 ${sent.occurredOn} 发出，收到日期不能早于发出日期`,
        errors: [{ field: 'receivedOn', message: `不能早于 ${sent.occurredOn}` }],
      };
    if (data.receivedOn > on)
      return {
        message: `收到日期 ${data.receivedOn} 晚于登记日期 ${on}，请在收到后登记`,
        errors: [{ field: 'receivedOn', message: `不能晚于 ${on}` }],
      };
    return null;
  };

const describeService = (d: ServiceRecord) =>
  `${serviceMethods[d.method]}，${d.receivedOn} 收到${d.recipient ? `（${d.recipient}签收）` : ''}`;

export const refusalServedSchema = serviceRecordSchema.extend({
  preconditioned: z.boolean().default(false).meta({
    title: '复议前置案件',
    description:
      '法律、行政法规规定应当先申请行政复议的：申请人可以自收到决定书之日起十五日内起诉（第三十四条）',
  }),
});

export const serviceActions = {
  serveRefusal: action({
    label: '登记不予受理决定书送达',
    from: ['refused'],
    to: 'same',
    roles: staff,
    schema: refusalServedSchema,
    requires: ({ last }) => (last('serveRefusal') ? '不予受理决定书的送达已经登记' : null),
    check: receivedBetween('refuse', '不予受理决定书'),
    correctable: { roles: staff },
    // Art. 34: in a case the law sends to reconsideration first, the applicant's 15 days to sue run from receipt.
    deadlines: [
      {
        op: 'start',
        key: 'applicantSuit',
        rule: 'xzfy.preconditioned.sue',
        from: ({ data }) => data.receivedOn,
        when: (d) => d.preconditioned,
      },
    ],
    describe: (d) => `${describeService(d)}${d.preconditioned ? '；复议前置案件' : ''}`,
    documents: [{ template: serviceCertificate }],
  }),
  serveCopy: action({
    label: '登记申请书副本送达',
    from: hearing,
    to: 'review',
    roles: staff,
    schema: serviceRecordSchema,
    requires: ({ last }) =>
      !last('sendCopy')
        ? '尚未发送申请书副本'
        : last('serveCopy')
          ? '申请书副本的送达已经登记'
          : last('receiveReply')
            ? '已收到被申请人答复，无需再登记副本送达'
            : null,
    check: receivedBetween('sendCopy', '申请书副本'),
    correctable: { roles: staff },
    deadlines: [
      {
        op: 'start',
        key: 'reply',
        rule: {
          among: ['xzfy.simple.reply', 'xzfy.ordinary.reply'],
          pick: (_d, m) => (procedureOf(m) === 'simplified' ? 'xzfy.simple.reply' : 'xzfy.ordinary.reply'),
        },
        from: ({ data }) => data.receivedOn,
      },
    ],
    describe: describeService,
    documents: [{ template: serviceCertificate }],
  }),
  serveSupplementNotice: action({
    label: '登记补正通知送达',
    from: ['awaitingSupplement'],
    to: 'awaitingSupplement',
    roles: staff,
    schema: serviceRecordSchema,
    requires: async ({ deadline }) =>
      (await deadline('supplement'))?.status === 'notStarted' ? null : '补正通知的送达已经登记',
    check: receivedBetween('requestSupplement', '补正通知'),
    correctable: { roles: staff },
    deadlines: [
      { op: 'start', key: 'supplement', rule: 'xzfy.correction.submit', from: ({ data }) => data.receivedOn },
    ],
    describe: describeService,
    documents: [{ template: serviceCertificate }],
  }),
  serveOpinionLetter: action({
    label: '登记意见书送达',
    from: ['review', ...closedStates],
    to: 'same',
    roles: staff,
    schema: serviceRecordSchema,
    requires: async ({ deadline }) =>
      (await deadline('opinionReport'))?.status === 'notStarted' ? null : '没有待登记送达的行政复议意见书',
    check: receivedBetween('issueOpinionLetter', '行政复议意见书'),
    correctable: { roles: staff },
    deadlines: [
      {
        op: 'start',
        key: 'opinionReport',
        rule: 'xzfy.opinion-letter.report',
        from: ({ data }) => data.receivedOn,
      },
    ],
    describe: describeService,
    documents: [{ template: serviceCertificate }],
  }),
};

/** The start effect of a period that waits for its service (the step sends the paper; serviceActions start it). */
export const awaitingService = () => null;
