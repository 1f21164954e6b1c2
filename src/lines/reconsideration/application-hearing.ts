import { z } from 'zod';
import { chineseCount } from '../../kernel/documents/numerals.ts';
import { text } from '../../kernel/fields/fields.ts';
import { action } from '../../kernel/workflow/types.ts';
import { acceptedOn, hearing, procedureOf, setProcedure, staff } from './application-common.ts';
import { awaitingService } from './application-service.ts';
import { hearingNotice, replyNotice } from './documents.ts';
import { hearingHeldSchema, hearingNoticeSchema, replySchema, sendCopySchema } from './schemas.ts';

/** Hearing the case: the copy to the respondent and its reply (Art. 48, 54), hearings (Art. 50–51), conversion to the ordinary procedure. */
export const hearingActions = {
  sendCopy: action({
    label: '发送申请书副本',
    from: hearing,
    to: 'review',
    roles: staff,
    primary: true,
    schema: sendCopySchema,
    requires: ({ last }) => (last('sendCopy') ? '申请书副本已经发送' : null),
    deadlines: [
      { op: 'meet', key: 'sendCopy' },
      {
        op: 'start',
        key: 'reply',
        rule: {
          among: ['xzfy.simple.reply', 'xzfy.ordinary.reply'],
          pick: (_d, m) => (procedureOf(m) === 'simplified' ? 'xzfy.simple.reply' : 'xzfy.ordinary.reply'),
        },
        // Art. 48, 54(1): counted from the respondent's receipt of the copy, recorded by serveCopy.
        from: awaitingService,
      },
    ],
    documents: [{ template: replyNotice }],
  }),
  receiveReply: action({
    label: '收到被申请人答复',
    from: hearing,
    to: 'review',
    roles: staff,
    schema: replySchema,
    requires: ({ last }) =>
      !last('sendCopy') ? '尚未发送申请书副本' : last('receiveReply') ? '已登记答复' : null,
    deadlines: [{ op: 'meet', key: 'reply' }],
    describe: (d) => (d.evidenceSubmitted ? '已提交答复及证据、依据' : '未提交证据、依据'),
  }),
  convertToOrdinary: action({
    label: '简易程序转为普通程序',
    from: hearing,
    to: 'review',
    roles: staff,
    schema: z.object({ reason: text('转换理由', 1000) }),
    requires: ({ matter }) => (procedureOf(matter) !== 'simplified' ? '本案已适用普通程序' : null),
    apply: async ({ tx, matter }) => setProcedure(tx, matter.id, 'ordinary'),
    // Art. 55: the ordinary period counts from acceptance, not from the conversion.
    deadlines: [
      {
        op: 'start',
        key: 'decision',
        rule: 'xzfy.ordinary.decision',
        from: ({ matter }) => acceptedOn(matter),
      },
    ],
    describe: (d) => d.reason,
  }),
  noticeHearing: action({
    label: '通知听证',
    from: hearing,
    to: 'review',
    roles: staff,
    schema: hearingNoticeSchema,
    // Art. 51: the parties must have the notice the rule's number of working days before the hearing.
    check: async ({ data, date, due, rule }) => {
      const latest = await due('xzfy.hearing.notice', data.hearingOn);
      if (date <= latest) return null;
      const { count } = rule('xzfy.hearing.notice');
      return {
        message: `听证应当于举行${chineseCount(count!)}个工作日前书面通知当事人：听证日期 ${data.hearingOn} 的通知最迟应在 ${latest} 发出`,
        errors: [{ field: 'hearingOn', message: `最迟应在 ${latest} 通知` }],
      };
    },
    documents: [{ template: hearingNotice }],
    describe: (d) => `${d.hearingOn} 于${d.place}听证`,
  }),
  holdHearing: action({
    label: '举行听证',
    from: hearing,
    to: 'review',
    roles: staff,
    schema: hearingHeldSchema,
    requires: ({ last, date }) => {
      const notice = last('noticeHearing');
      if (!notice) return '尚未通知听证';
      const on = String(notice.payload.hearingOn);
      return date < on ? `听证定于 ${on} 举行，不能提前登记` : null;
    },
  }),
};
