import { z } from 'zod';
import { currentCalendar } from '../../kernel/calendar/service.ts';
import { ruleInForce } from '../../kernel/rules/rules.ts';
import { action, type MatterKindDef, type MatterView } from '../../kernel/workflow/types.ts';
import { AppError } from '../../platform/http/errors.ts';
import { applicationDetails } from './details.ts';
import { checkApplication } from './intake-checks.ts';
import {
  actKinds,
  correctionTypes,
  decisionTypes,
  serviceMethods,
  terminationClockCauses,
} from './labels.ts';
import {
  type ApplicationInput,
  acceptSchema,
  applicationSchema,
  decideSchema,
  extendSchema,
  hearingHeldSchema,
  hearingNoticeSchema,
  mediateSchema,
  opinionLetterSchema,
  opinionReportedSchema,
  performanceSchema,
  recommendationSchema,
  redirectSchema,
  refuseSchema,
  replySchema,
  resumeSchema,
  sendCopySchema,
  serviceSchema,
  supplementReceivedSchema,
  supplementRequestSchema,
  suspendSchema,
  terminateSchema,
} from './schemas.ts';
import { administrativeOrgan, insertApplication, reconsiderationOffice } from './store.ts';

const staff = ['sectionStaff', 'admin'] as const;

/** The procedure the matter is heard under now: chosen on acceptance, possibly converted to ordinary (Art. 55). */
export function procedureOf(m: MatterView): 'ordinary' | 'simplified' {
  if (m.history.some((h) => h.action === 'convertToOrdinary')) return 'ordinary';
  const accepted = m.history.find((h) => h.action === 'accept');
  return accepted?.payload.procedure === 'simplified' ? 'simplified' : 'ordinary';
}

const acceptedOn = (m: MatterView) => m.history.find((h) => h.action === 'accept')?.occurredOn ?? m.openedOn;
const lastOf = (m: MatterView, action: string) => m.history.find((h) => h.action === action);

async function setProcedure(tx: import('../../platform/db/pool.ts').Tx, matterId: number, procedure: string) {
  await tx.query('UPDATE reconsideration_applications SET procedure = $2 WHERE matter_id = $1', [
    matterId,
    procedure,
  ]);
}

/** States after acceptance in which the case is being heard. */
const hearing = ['review'] as const;
const closedStates = ['decided', 'mediated', 'terminated'] as const;

export const applicationKind: MatterKindDef<ApplicationInput> = {
  id: 'application',
  label: '行政复议案件',
  refNo: (year, seq) => `镇司复收〔${year}〕${seq}号`,
  states: {
    received: { label: '待受理审查' },
    awaitingSupplement: { label: '待补正' },
    review: { label: '审理中' },
    suspended: { label: '中止审理' },
    refused: { label: '不予受理', terminal: true },
    redirected: { label: '已告知向有权机关申请', terminal: true },
    abandoned: { label: '视为放弃申请', terminal: true },
    decided: { label: '已作出决定', terminal: true },
    mediated: { label: '调解结案', terminal: true },
    terminated: { label: '已终止', terminal: true },
  },
  details: applicationDetails,
  initial: 'received',
  create: {
    label: '登记行政复议申请',
    roles: staff,
    schema: applicationSchema,
    date: (d) => d.receivedOn,
    dateField: 'receivedOn',
    validate: checkApplication,
    toMatter: async (d, _actor, tx) => {
      const office = await reconsiderationOffice(tx);
      const respondent = await administrativeOrgan(tx, d.respondentOrgId);
      const names = d.applicants.map((a) => a.name);
      return {
        title: `${names.slice(0, 3).join('、')}${names.length > 3 ? `等${names.length}人` : ''}不服${respondent?.name ?? ''}${actKinds[d.actKind]}`,
        ownerOrgId: office.id,
        regionCode: office.region_code,
        openedOn: d.receivedOn,
        // Names and the act are searchable; identity numbers are not put in free text.
        searchText: [...names, ...d.thirdParties.map((t) => t.name), respondent?.name, d.actTitle, d.actDocNo]
          .filter(Boolean)
          .join(' '),
        sensitive: true,
      };
    },
    apply: async ({ tx, matter, data }) => insertApplication(tx, matter.id, data),
    deadlines: [{ op: 'start', key: 'acceptance', rule: 'xzfy.accept.review' }],
  },
  actions: {
    requestSupplement: action({
      label: '通知补正',
      from: ['received'],
      to: 'awaitingSupplement',
      roles: staff,
      schema: supplementRequestSchema,
      guard: (_d, m) =>
        m.history.some((h) => h.action === 'requestSupplement')
          ? '补正通知应当一次性载明需要补正的事项，不能再次通知补正'
          : null,
      deadlines: [
        { op: 'stop', key: 'acceptance' },
        { op: 'start', key: 'supplement', rule: 'xzfy.correction.submit' },
      ],
      documents: [{ template: 'reconsideration.supplementNotice' }],
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
      apply: async ({ tx, matter, date }) => {
        const { rows } = await tx.query<{ due_on: string }>(
          `SELECT due_on FROM deadlines WHERE matter_id = $1 AND key = 'supplement' AND status = 'running'`,
          [matter.id],
        );
        if (rows[0] && date <= rows[0].due_on)
          throw new AppError('CONFLICT', `补正期限至 ${rows[0].due_on} 届满，期满前不能按放弃处理`);
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
      guard: (d, m) =>
        d.procedure === 'simplified' && ruleInForce('xzfy.accept.review', m.openedOn).inForceTo
          ? '本案申请于2024年1月1日前收到，适用修订前的行政复议法，该法未规定简易程序'
          : null,
      apply: async ({ tx, matter, data }) => setProcedure(tx, matter.id, data.procedure),
      deadlines: [
        { op: 'meet', key: 'acceptance' },
        {
          op: 'start',
          key: 'sendCopy',
          rule: (d) => (d.procedure === 'simplified' ? 'xzfy.simple.send-copy' : 'xzfy.ordinary.send-copy'),
        },
        {
          op: 'start',
          key: 'decision',
          rule: (d) => (d.procedure === 'simplified' ? 'xzfy.simple.decision' : 'xzfy.ordinary.decision'),
          from: async (_d, date, m, tx) => {
            const { rows } = await tx.query<{ start_on: string; due_on: string }>(
              `SELECT start_on, due_on FROM deadlines WHERE matter_id = $1 AND key = 'acceptance'
                 AND status IN ('running', 'met') ORDER BY id DESC LIMIT 1`,
              [m.id],
            );
            if (!rows[0]) return date;
            // 2017 law Art. 17(2): an application not refused counts as accepted from the day it was received.
            if (ruleInForce('xzfy.accept.review', m.openedOn).inForceTo) return rows[0].start_on;
            // 2023 law Art. 30(3): once the review period has run out it counts as accepted from the expiry, so a
            // late acceptance record does not lengthen the decision period.
            return [rows[0].due_on, date].sort()[0]!;
          },
        },
      ],
      documents: [{ template: 'reconsideration.acceptance' }],
      describe: (d) => (d.procedure === 'simplified' ? '适用简易程序' : '适用普通程序'),
    }),
    refuse: action({
      label: '不予受理',
      from: ['received'],
      to: 'refused',
      roles: staff,
      schema: refuseSchema,
      deadlines: [{ op: 'meet', key: 'acceptance' }],
      documents: [{ template: 'reconsideration.refusal' }],
      describe: (d) => d.reason,
    }),
    redirect: action({
      label: '告知向有权机关申请',
      from: ['received'],
      to: 'redirected',
      roles: staff,
      schema: redirectSchema,
      deadlines: [{ op: 'meet', key: 'acceptance' }],
      describe: (d) => `告知向${d.properBody}申请`,
    }),
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
    extend: action({
      label: '延期审理',
      from: hearing,
      to: 'review',
      roles: staff,
      schema: extendSchema,
      guard: (_d, m) =>
        procedureOf(m) === 'simplified'
          ? '简易程序案件不能延期，需要时请先转为普通程序'
          : lastOf(m, 'extend')
            ? '审理期限已经延长过，延长期限最多不得超过三十日'
            : null,
      deadlines: [{ op: 'extend', key: 'decision', days: (d) => d.days }],
      documents: [{ template: 'reconsideration.extensionNotice' }],
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
      ],
      documents: [{ template: 'reconsideration.suspensionNotice' }],
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
            const cause = lastOf(m, 'suspend')?.payload.cause;
            return (terminationClockCauses as readonly unknown[]).includes(cause);
          },
        },
      ],
      documents: [{ template: 'reconsideration.resumptionNotice' }],
    }),
    terminate: action({
      label: '终止',
      from: ['review', 'suspended'],
      to: 'terminated',
      roles: staff,
      schema: terminateSchema,
      guard: (d, m) =>
        d.cause === 'suspensionLapsed' && m.state !== 'suspended'
          ? '未处于中止状态，不能以中止满六十日为由终止'
          : null,
      apply: async ({ tx, matter, data, date }) => {
        if (data.cause !== 'suspensionLapsed') return;
        // Art. 41(5): only once sixty days of suspension for those causes have run out.
        const { rows } = await tx.query<{ due_on: string }>(
          `SELECT due_on FROM deadlines WHERE matter_id = $1 AND key = 'suspensionLimit' AND status = 'running'`,
          [matter.id],
        );
        if (!rows[0])
          throw new AppError('CONFLICT', '本案中止的原因不适用“中止满六十日”终止（第四十一条第五项）');
        if (date <= rows[0].due_on)
          throw new AppError('CONFLICT', `中止满六十日的日期为 ${rows[0].due_on}，届满后方可以此为由终止`);
      },
      deadlines: [
        { op: 'stop', key: 'decision' },
        { op: 'stop', key: 'sendCopy' },
        { op: 'stop', key: 'reply' },
        { op: 'meet', key: 'suspensionLimit' },
      ],
      documents: [{ template: 'reconsideration.termination' }],
    }),
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
      ],
      documents: [{ template: 'reconsideration.mediation' }],
    }),
    decide: action({
      label: '作出复议决定',
      from: hearing,
      to: 'decided',
      roles: staff,
      primary: true,
      schema: decideSchema,
      guard: (d, m) =>
        !lastOf(m, 'sendCopy')
          ? '尚未向被申请人发送申请书副本，不能作出决定'
          : (d.decisionType === 'revokeRedo' || d.decisionType === 'orderPerform') && !d.redoWithinDays
            ? '责令重新作出或者履行的，应当写明期限'
            : null,
      apply: async ({ tx, matter, data, date }) => {
        await tx.query(
          'UPDATE reconsideration_applications SET decision_type = $2, decided_on = $3 WHERE matter_id = $1',
          [matter.id, data.decisionType, date],
        );
      },
      deadlines: [
        { op: 'meet', key: 'decision' },
        { op: 'stop', key: 'sendCopy' },
        { op: 'stop', key: 'reply' },
      ],
      documents: [{ template: 'reconsideration.decision' }],
      describe: (d) =>
        `${decisionTypes[d.decisionType as keyof typeof decisionTypes]}${correctionTypes.includes(d.decisionType) ? '（纠错）' : ''}`,
    }),
    serveDecision: action({
      label: '登记决定书送达',
      from: ['decided'],
      to: (_d, m) => m.state,
      roles: staff,
      schema: serviceSchema,
      // The applicant's 15 days to sue run from receipt of the decision (行政诉讼法第四十五条); recording the
      // service again (a failed delivery, then another) restarts them from the later receipt.
      deadlines: [{ op: 'start', key: 'applicantSuit', rule: 'xzss.sue.after-decision' }],
      describe: (d) => serviceMethods[d.method as keyof typeof serviceMethods],
    }),
    issueOpinionLetter: action({
      label: '制发行政复议意见书',
      from: ['review', ...closedStates],
      to: (_d, m) => m.state,
      roles: staff,
      schema: opinionLetterSchema,
      apply: async ({ tx, data }) => {
        if (!(await administrativeOrgan(tx, data.recipientOrgId)))
          throw new AppError('VALIDATION', '收文机关不在机构名录中', {
            errors: [{ field: 'data.recipientOrgId', message: '请从机构名录中选择' }],
          });
      },
      deadlines: [{ op: 'start', key: 'opinionReport', rule: 'xzfy.opinion-letter.report' }],
      documents: [{ template: 'reconsideration.opinionLetter' }],
    }),
    opinionReported: action({
      label: '收到意见书纠正情况报告',
      from: ['review', ...closedStates],
      to: (_d, m) => m.state,
      roles: staff,
      schema: opinionReportedSchema,
      guard: (_d, m) => (lastOf(m, 'issueOpinionLetter') ? null : '尚未制发行政复议意见书'),
      deadlines: [{ op: 'meet', key: 'opinionReport' }],
    }),
    issueRecommendation: action({
      label: '制发行政复议建议书',
      from: ['review', ...closedStates],
      to: (_d, m) => m.state,
      roles: staff,
      schema: recommendationSchema,
      apply: async ({ tx, data }) => {
        if (!(await administrativeOrgan(tx, data.recipientOrgId)))
          throw new AppError('VALIDATION', '收文机关不在机构名录中', {
            errors: [{ field: 'data.recipientOrgId', message: '请从机构名录中选择' }],
          });
      },
      documents: [{ template: 'reconsideration.recommendation' }],
    }),
    recordPerformance: action({
      label: '登记决定履行情况',
      from: ['decided', 'mediated'],
      to: (_d, m) => m.state,
      roles: staff,
      schema: performanceSchema,
      describe: (d) => (d.performed ? '已履行' : '未履行'),
    }),
  },
};
