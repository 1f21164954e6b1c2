import { z } from 'zod';
import { currentCalendar } from '../../kernel/calendar/service.ts';
import { action } from '../../kernel/workflow/types.ts';
import { AppError } from '../../platform/http/errors.ts';
import { acceptedOn, hearing, lastOf, procedureOf, setProcedure, staff } from './application-common.ts';
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
    guard: (_d, m) => (lastOf(m, 'sendCopy') ? '申请书副本已经发送' : null),
    deadlines: [
      { op: 'meet', key: 'sendCopy' },
      {
        op: 'start',
        key: 'reply',
        rule: (_d, m) => (procedureOf(m) === 'simplified' ? 'xzfy.simple.reply' : 'xzfy.ordinary.reply'),
      },
    ],
    documents: [{ template: 'reconsideration.replyNotice' }],
  }),
  receiveReply: action({
    label: '收到被申请人答复',
    from: hearing,
    to: 'review',
    roles: staff,
    schema: replySchema,
    guard: (_d, m) =>
      !lastOf(m, 'sendCopy') ? '尚未发送申请书副本' : lastOf(m, 'receiveReply') ? '已登记答复' : null,
    deadlines: [{ op: 'meet', key: 'reply' }],
    describe: (d) => (d.evidenceSubmitted ? '已提交答复及证据、依据' : '未提交证据、依据'),
  }),
  convertToOrdinary: action({
    label: '简易程序转为普通程序',
    from: hearing,
    to: 'review',
    roles: staff,
    schema: z.object({
      reason: z.string().trim().min(1, '请写明转换理由').max(1000).meta({ title: '转换理由' }),
    }),
    guard: (_d, m) => (procedureOf(m) !== 'simplified' ? '本案已适用普通程序' : null),
    apply: async ({ tx, matter }) => setProcedure(tx, matter.id, 'ordinary'),
    // Art. 55: the ordinary period counts from acceptance, not from the conversion.
    deadlines: [
      {
        op: 'start',
        key: 'decision',
        rule: 'xzfy.ordinary.decision',
        from: (_d, _date, m) => acceptedOn(m),
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
    apply: async ({ tx, date, data }) => {
      // Art. 51: the parties must have the notice at least five working days before the hearing.
      const cal = await currentCalendar(tx);
      const latest = cal.subtractWorkingDays(data.hearingOn, 5).due;
      if (date > latest)
        throw new AppError(
          'VALIDATION',
          `听证应当于举行五个工作日前书面通知当事人：听证日期 ${data.hearingOn} 的通知最迟应在 ${latest} 发出`,
          {
            errors: [{ field: 'data.hearingOn', message: `最迟应在 ${latest} 通知` }],
          },
        );
    },
    documents: [{ template: 'reconsideration.hearingNotice' }],
    describe: (d) => `${d.hearingOn} 于${d.place}听证`,
  }),
  holdHearing: action({
    label: '举行听证',
    from: hearing,
    to: 'review',
    roles: staff,
    schema: hearingHeldSchema,
    guard: (_d, m, date) => {
      const notice = lastOf(m, 'noticeHearing');
      if (!notice) return '尚未通知听证';
      const on = String(notice.payload.hearingOn);
      return date < on ? `听证定于 ${on} 举行，不能提前登记` : null;
    },
  }),
};
