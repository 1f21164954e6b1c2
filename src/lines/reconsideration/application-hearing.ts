import { z } from 'zod';
import { chineseCount } from '../../kernel/documents/numerals.ts';
import { text } from '../../kernel/fields/fields.ts';
import { action } from '../../kernel/workflow/types.ts';
import { acceptedOn, hearing, procedureOf, setProcedure, staff, underLaw2017 } from './application-common.ts';
import { awaitingService } from './application-service.ts';
import { conversionNotice, hearingNotice, replyNotice } from './documents.ts';
import { committeeGrounds, hearingMethods } from './labels.ts';
import {
  consultCommitteeSchema,
  hearingHeldSchema,
  hearingNoticeSchema,
  hearPartiesSchema,
  replySchema,
  sendCopySchema,
} from './schemas.ts';

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
    documents: [{ template: conversionNotice }],
    describe: (d) => d.reason,
  }),
  hearParties: action({
    label: '听取当事人意见',
    from: hearing,
    to: 'review',
    roles: staff,
    schema: hearPartiesSchema,
    // Art. 49: in the ordinary procedure the parties are heard (in person, online, by phone) and it is recorded;
    // a decision waits for it (see decide).
    correctable: { roles: staff },
    describe: (d) => hearingMethods[d.method],
  }),
  consultCommittee: action({
    label: '提请行政复议委员会咨询',
    from: hearing,
    to: 'review',
    roles: staff,
    schema: consultCommitteeSchema,
    // Art. 52(2)–(3): the committee's advisory opinion is recorded and weighs in the decision (Art. 61(3)).
    requires: ({ rule }) => (underLaw2017(rule) ? '修订前的行政复议法未规定行政复议委员会咨询程序' : null),
    correctable: { roles: staff },
    describe: (d) => committeeGrounds[d.ground],
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
