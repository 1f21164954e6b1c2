import { action } from '../../kernel/workflow/types.ts';
import { mediatorProblem } from './checks.ts';
import { isCourtCase, periodKey, staff } from './common.ts';
import {
  acceptanceForm,
  agreementDoc,
  confirmationApplication,
  courtReply,
  followUpRecord,
  oralRecord,
  terminationNotice,
} from './documents.ts';
import {
  agreementForms,
  confirmationResults,
  failureReasons,
  performances,
  refusalGrounds,
} from './labels.ts';
import {
  acceptSchema,
  agreeSchema,
  applyConfirmationSchema,
  assignSchema,
  closeSchema,
  extendSchema,
  failSchema,
  followUpSchema,
  performanceSchema,
  recordConfirmationSchema,
  refuseSchema,
  resumeSchema,
  sessionSchema,
  suspendSchema,
} from './schemas.ts';
import { CONFLICT_CHECKED } from './store.ts';

const court = (_d: unknown, m: Parameters<typeof isCourtCase>[0]) => isCourtCase(m);
const notCourt = (_d: unknown, m: Parameters<typeof isCourtCase>[0]) => !isCourtCase(m);
/** Both the guideline and the court's period end with the mediation; each effect applies to the one that runs. */
const endPeriods = [
  { op: 'meet' as const, key: 'term' },
  { op: 'meet' as const, key: 'courtTerm' },
];

/** Acceptance (人民调解法 第十七条、第十八条): accepted only when no party refuses; otherwise not taken up. */
export const acceptanceActions = {
  accept: action({
    label: '受理',
    from: ['received'],
    to: 'accepted',
    roles: staff,
    primary: true,
    schema: acceptSchema,
    check: ({ data }) =>
      data.partiesConsent
        ? null
        : {
            message: '当事人一方明确拒绝调解的，不得调解（人民调解法第十七条），应当登记不予受理',
            errors: [{ field: 'partiesConsent', message: '各方当事人均同意调解方可受理' }],
          },
    // "一般在一个月内调结": a guideline from acceptance, never an office overdue. A court referral runs the court's
    // period instead, started at intake from the day the materials were signed for.
    deadlines: [{ op: 'start', key: 'term', rule: 'rmtj.mediate.term', when: notCourt }],
    documents: [{ template: acceptanceForm }],
  }),
  refuse: action({
    label: '不予受理',
    from: ['received'],
    to: 'refused',
    roles: staff,
    schema: refuseSchema,
    apply: async ({ tx, matter, date }) => {
      await tx.query(`UPDATE mediation_cases SET outcome = 'refused', outcome_on = $2 WHERE matter_id = $1`, [
        matter.id,
        date,
      ]);
    },
    deadlines: [{ op: 'stop', key: 'courtTerm' }],
    describe: (d) => refusalGrounds[d.ground],
  }),
};

/** Mediation: the mediators (with the conflict check), sessions, extension by both parties, suspension. */
export const mediationActions = {
  assign: action({
    label: '指派调解员',
    from: ['accepted', 'mediating'],
    to: 'mediating',
    roles: staff,
    primary: true,
    schema: assignSchema,
    check: async ({ tx, matter, data }) => {
      if (!data.noConflictDeclared)
        return {
          message: '调解员应当声明与当事人无利害关系；有利害关系的应当回避，另行指派',
          errors: [{ field: 'noConflictDeclared', message: '请确认调解员已作无利害关系声明' }],
        };
      const problem = await mediatorProblem(tx, matter.id, matter.ownerOrgId, data.mediatorIds);
      return problem ? { message: problem, errors: [{ field: 'mediatorIds', message: problem }] } : null;
    },
    apply: async ({ tx, matter, data, date, eventId }) => {
      await tx.query(
        `INSERT INTO mediation_assignments (matter_id, event_id, mediator_id, lead, assigned_on, conflict_check)
         SELECT $1, $2, id, ord = 1, $4, $5 FROM unnest($3::bigint[]) WITH ORDINALITY AS t(id, ord)`,
        [matter.id, eventId, data.mediatorIds, date, CONFLICT_CHECKED],
      );
    },
    undo: async ({ tx, matter, eventId }) => {
      await tx.query('DELETE FROM mediation_assignments WHERE matter_id = $1 AND event_id = $2', [
        matter.id,
        eventId,
      ]);
    },
    correctable: { roles: staff },
    describe: (d) => `指派调解员 ${d.mediatorIds.length} 名`,
  }),
  holdSession: action({
    label: '登记调解',
    from: ['mediating'],
    to: 'same',
    roles: staff,
    primary: true,
    schema: sessionSchema,
    apply: async ({ tx, matter, data, date, eventId }) => {
      await tx.query(
        `INSERT INTO mediation_sessions (matter_id, event_id, held_on, place, attendees, summary)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [matter.id, eventId, date, data.place, data.attendees, data.summary || null],
      );
    },
    undo: async ({ tx, matter, eventId }) => {
      await tx.query('DELETE FROM mediation_sessions WHERE matter_id = $1 AND event_id = $2', [
        matter.id,
        eventId,
      ]);
    },
    correctable: { roles: staff },
    describe: (d) => `${d.place}：${d.attendees}`,
  }),
  extend: action({
    label: '延长调解期限',
    from: ['mediating'],
    to: 'same',
    roles: staff,
    schema: extendSchema,
    requires: async ({ deadline, matter }) =>
      (await deadline(periodKey(matter)))?.status === 'running' ? null : '调解期限未在计算中，不能延长',
    // 宁波市人民调解条例 第二十七条 (the guideline) and 特邀调解规定 第二十七条 (the court's period): only when both
    // parties agree; the law gives no number of days, so the parties' agreement gives it.
    check: ({ data }) =>
      data.partiesAgreed
        ? null
        : {
            message: '延长调解期限须经双方当事人同意',
            errors: [{ field: 'partiesAgreed', message: '请确认双方当事人同意延长' }],
          },
    deadlines: [
      { op: 'extend', key: 'term', days: (d) => d.days, when: notCourt },
      { op: 'extend', key: 'courtTerm', days: (d) => d.days, when: court },
    ],
    describe: (d) => `双方当事人同意延长 ${d.days} 日`,
  }),
  suspend: action({
    label: '中止调解',
    from: ['mediating'],
    to: 'suspended',
    roles: staff,
    schema: suspendSchema,
    deadlines: [
      { op: 'pause', key: 'term', when: notCourt },
      { op: 'pause', key: 'courtTerm', when: court },
    ],
    describe: (d) => d.reason,
  }),
  resume: action({
    label: '恢复调解',
    from: ['suspended'],
    to: 'mediating',
    roles: staff,
    primary: true,
    schema: resumeSchema,
    deadlines: [
      { op: 'resume', key: 'term', when: notCourt },
      { op: 'resume', key: 'courtTerm', when: court },
    ],
  }),
};

/** The outcome: agreement (written or oral), or termination; a court referral's result goes back to the court. */
export const outcomeActions = {
  agree: action({
    label: '达成调解协议',
    from: ['mediating'],
    to: 'agreed',
    roles: staff,
    primary: true,
    schema: agreeSchema,
    requires: ({ last }) => (last('holdSession') ? null : '尚未登记调解过程，不能登记达成协议'),
    apply: async ({ tx, matter, data, date }) => {
      await tx.query(
        `UPDATE mediation_cases SET outcome = 'agreed', outcome_on = $2, agreement_form = $3, agreement = $4,
                amount_agreed = $5, performance = $6 WHERE matter_id = $1`,
        [matter.id, date, data.form, data.agreement, data.amountAgreed, data.performance],
      );
    },
    undo: async ({ tx, matter }) => {
      await tx.query(
        `UPDATE mediation_cases SET outcome = NULL, outcome_on = NULL, agreement_form = NULL, agreement = NULL,
                amount_agreed = NULL, performance = NULL WHERE matter_id = $1`,
        [matter.id],
      );
    },
    // A wrong agreement record is corrected with a leader's approval: its documents (协议书, 回复函) are voided.
    correctable: { roles: staff, approval: ['leader', 'townshipStaff', 'sectionStaff'] },
    // The agreement takes effect on signature (written) or on agreement (oral) — the step's date — and the parties'
    // 30 days to apply for judicial confirmation run from it (人民调解法 第三十三条): a party's period, not the office's.
    deadlines: [
      ...endPeriods,
      { op: 'start', key: 'confirmation', rule: 'rmtj.judicial-confirmation.apply' },
    ],
    documents: [
      { template: agreementDoc, when: (d) => d.form === 'written' },
      { template: oralRecord, when: (d) => d.form === 'oral' },
      { template: courtReply, when: court },
    ],
    describe: (d) => `${agreementForms[d.form]}，协议金额 ${d.amountAgreed.toFixed(2)} 元`,
  }),
  fail: action({
    label: '终止调解',
    from: ['accepted', 'mediating', 'suspended'],
    to: 'failed',
    roles: staff,
    schema: failSchema,
    apply: async ({ tx, matter, data, date }) => {
      await tx.query(
        `UPDATE mediation_cases SET outcome = 'failed', outcome_on = $2, failure_reason = $3, referred_to = $4
         WHERE matter_id = $1`,
        [matter.id, date, failureReasons[data.reason], data.referredTo],
      );
    },
    undo: async ({ tx, matter }) => {
      await tx.query(
        `UPDATE mediation_cases SET outcome = NULL, outcome_on = NULL, failure_reason = NULL, referred_to = NULL
         WHERE matter_id = $1`,
        [matter.id],
      );
    },
    correctable: { roles: staff },
    // Ending without agreement concludes the mediation (调结) as well; a paused period ends with it.
    deadlines: endPeriods,
    documents: [{ template: terminationNotice }, { template: courtReply, when: court }],
    describe: (d) => failureReasons[d.reason],
  }),
};

/** Judicial confirmation (人民调解法 第三十三条; 民事诉讼法 第二百零五、二百零六条), performance, follow-up, closing. */
export const afterActions = {
  applyConfirmation: action({
    label: '登记申请司法确认',
    from: ['agreed'],
    to: 'confirming',
    roles: staff,
    schema: applyConfirmationSchema,
    requires: ({ last }) => (last('recordConfirmation') ? '已登记司法确认结果，不能再次申请' : null),
    check: async ({ deadline, date }) => {
      const period = await deadline('confirmation');
      return period?.dueOn && date > period.dueOn
        ? `申请司法确认应当自调解协议生效之日起三十日内提出，期限已于 ${period.dueOn} 届满（人民调解法第三十三条）`
        : null;
    },
    apply: async ({ tx, matter, data, date }) => {
      await tx.query(
        'UPDATE mediation_cases SET confirmation_court = $2, confirmation_applied_on = $3 WHERE matter_id = $1',
        [matter.id, data.court, date],
      );
    },
    deadlines: [
      { op: 'meet', key: 'confirmation' },
      { op: 'start', key: 'courtRuling', rule: 'rmtj.jc.decide' },
    ],
    documents: [{ template: confirmationApplication }],
    describe: (d) => `向${d.court}申请司法确认`,
  }),
  recordConfirmation: action({
    label: '登记司法确认结果',
    from: ['confirming'],
    to: 'agreed',
    roles: staff,
    primary: true,
    schema: recordConfirmationSchema,
    apply: async ({ tx, matter, data, date }) => {
      await tx.query(
        'UPDATE mediation_cases SET confirmation_result = $2, confirmation_ruled_on = $3 WHERE matter_id = $1',
        [matter.id, data.result, date],
      );
    },
    deadlines: [
      { op: 'meet', key: 'courtRuling' },
      // 民诉法解释 第三百七十二条: a party may object to a confirming ruling within 15 days of receiving it.
      { op: 'start', key: 'objection', rule: 'rmtj.jc.objection', when: (d) => d.result === 'valid' },
    ],
    describe: (d) => `${confirmationResults[d.result]}${d.rulingNo ? `（${d.rulingNo}）` : ''}`,
  }),
  recordPerformance: action({
    label: '登记履行情况',
    from: ['agreed', 'closed'],
    to: 'same',
    roles: staff,
    schema: performanceSchema,
    requires: ({ last }) => (last('agree') ? null : '未达成调解协议，无履行情况可登记'),
    apply: async ({ tx, matter, data }) => {
      await tx.query('UPDATE mediation_cases SET performance = $2 WHERE matter_id = $1', [
        matter.id,
        data.performance,
      ]);
    },
    describe: (d) => performances[d.performance],
  }),
  followUp: action({
    label: '回访',
    from: ['agreed', 'failed'],
    to: 'same',
    roles: staff,
    schema: followUpSchema,
    documents: [{ template: followUpRecord }],
    describe: (d) => (d.satisfied ? '当事人满意' : '当事人不满意'),
  }),
  close: action({
    label: '结案归档',
    from: ['agreed', 'failed'],
    to: 'closed',
    roles: staff,
    schema: closeSchema,
    // The objection period is the parties' and runs on after the file is closed; nothing else may be left live.
    deadlines: [{ op: 'stop', key: 'courtRuling' }],
  }),
};
