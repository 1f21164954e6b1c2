/** The correction subject's steps: report-in, announcement and plan, leave, monitoring, sanctions, release. */
import { ruleInForce } from '../../kernel/rules/rules.ts';
import { action, type MatterView } from '../../kernel/workflow/types.ts';
import { actsForCounty, leaveDays, staff } from './common.ts';
import {
  announcementDoc,
  leaveApprovalDoc,
  planDoc,
  releaseCertificate,
  revocationProposal,
  warningDecision,
} from './documents.ts';
import { behaviours, courtRulings, levels, type Measure, measures } from './labels.ts';
import {
  announceSchema,
  courtRulingSchema,
  decideLeaveSchema,
  endMonitoringSchema,
  leaveSchema,
  monitoringSchema,
  releaseSchema,
  reportInSchema,
  reviewLevelSchema,
  sanctionSchema,
} from './schemas.ts';

/** The term the judgment set, from the intake (its first day, and the days to its last). */
function termOf(m: MatterView) {
  const p = m.history.find((h) => h.action === 'create')?.payload as { termStart: string; termEnd: string };
  return {
    start: p.termStart,
    days: Math.round((Date.parse(p.termEnd) - Date.parse(p.termStart)) / 86_400_000),
  };
}

/** Supervision: report-in, 入矫宣告 with the plan, level reviews, leave, electronic monitoring. */
export const supervisionActions = {
  reportIn: action({
    label: '报到',
    from: ['notified'],
    to: 'supervising',
    roles: staff,
    primary: true,
    schema: reportInSchema,
    apply: async ({ tx, matter, date }) => {
      await tx.query('UPDATE correction_subjects SET reported_on = $2 WHERE matter_id = $1', [
        matter.id,
        date,
      ]);
    },
    deadlines: [
      { op: 'meet', key: 'reportIn' },
      // The release falls due when the term the judgment set ends (社区矫正法 第四十四条): counted from its first day.
      {
        op: 'start',
        key: 'term',
        rule: 'sqjz.term-end',
        from: ({ matter }) => termOf(matter).start,
        count: (_d, m) => termOf(m).days,
      },
    ],
    describe: (d) => `到${d.place}报到`,
  }),
  announce: action({
    label: '入矫宣告并确定矫正方案',
    from: ['supervising'],
    to: 'same',
    roles: staff,
    primary: true,
    schema: announceSchema,
    requires: ({ last }) => (last('announce') ? '已经入矫宣告' : null),
    apply: async ({ tx, matter, data }) => {
      await tx.query('UPDATE correction_subjects SET level = $2 WHERE matter_id = $1', [
        matter.id,
        data.level,
      ]);
    },
    documents: [{ template: announcementDoc }, { template: planDoc }],
    describe: (d) => `矫正小组：${d.team}；管理等级：${levels[d.level]}`,
  }),
  reviewLevel: action({
    label: '调整管理等级',
    from: ['supervising'],
    to: 'same',
    roles: staff,
    schema: reviewLevelSchema,
    requires: ({ last }) => (last('announce') ? null : '尚未确定矫正方案'),
    apply: async ({ tx, matter, data }) => {
      await tx.query('UPDATE correction_subjects SET level = $2 WHERE matter_id = $1', [
        matter.id,
        data.level,
      ]);
    },
    describe: (d) => `调整为${levels[d.level]}：${d.reason}`,
  }),
  applyLeave: action({
    label: '登记外出申请',
    from: ['supervising'],
    to: 'same',
    roles: staff,
    schema: leaveSchema,
    requires: async ({ tx, matter }) => {
      const { rowCount } = await tx.query(
        'SELECT 1 FROM correction_leaves WHERE matter_id = $1 AND decision IS NULL',
        [matter.id],
      );
      return rowCount ? '已有待审批的外出申请' : null;
    },
    // Who decides follows the days asked for (实施办法 第二十七条, unverified numbering): up to 7 days the 司法所 on the
    // county's delegation; up to 30 the county; beyond, or over 30 days in two months together, the higher level.
    apply: async ({ tx, matter, data, date, eventId }) => {
      const days = leaveDays(data.leaveFrom, data.leaveTo);
      await tx.query(
        `INSERT INTO correction_leaves (matter_id, event_id, applied_on, leave_from, leave_to, days, destination, reason,
           approver)
         SELECT $1, $2, $3, $4::date, $5, $6::int, $7, $8,
                CASE WHEN $6::int > $10::int OR $6::int + coalesce((SELECT sum(days) FROM correction_leaves
                       WHERE matter_id = $1 AND decision = 'approved' AND leave_from > $4::date - 60), 0) > $10::int
                     THEN 'higher' WHEN $6::int > $9::int THEN 'county' ELSE 'office' END`,
        [
          matter.id,
          eventId,
          date,
          data.leaveFrom,
          data.leaveTo,
          days,
          data.destination,
          data.reason,
          ruleInForce('sqjz.leave.sifasuo', date).count,
          ruleInForce('sqjz.leave.limits', date).count,
        ],
      );
    },
    undo: async ({ tx, matter, eventId }) => {
      await tx.query('DELETE FROM correction_leaves WHERE matter_id = $1 AND event_id = $2', [
        matter.id,
        eventId,
      ]);
    },
    correctable: { roles: staff },
    describe: (d) => `外出 ${d.leaveFrom} 至 ${d.leaveTo}，${d.destination}`,
  }),
  decideLeave: action({
    label: '审批外出申请',
    from: ['supervising'],
    to: 'same',
    roles: staff,
    primary: true,
    schema: decideLeaveSchema,
    requires: async ({ tx, matter }) => {
      const { rowCount } = await tx.query(
        'SELECT 1 FROM correction_leaves WHERE matter_id = $1 AND decision IS NULL',
        [matter.id],
      );
      return rowCount ? null : '没有待审批的外出申请';
    },
    check: async ({ tx, actor, matter, rule }) => {
      const { rows } = await tx.query<{ days: number; approver: string }>(
        'SELECT days, approver FROM correction_leaves WHERE matter_id = $1 AND decision IS NULL',
        [matter.id],
      );
      const leave = rows[0]!;
      if (leave.approver === 'office' || (await actsForCounty(tx, actor))) return null;
      const office = rule('sqjz.leave.sifasuo').count;
      return `申请外出${leave.days}日，超过${office}日，应由区社区矫正机构（社区矫正科）审批，司法所不能批准（${rule('sqjz.leave.sifasuo').citation.article}）`;
    },
    apply: async ({ tx, matter, data, date, eventId }) => {
      await tx.query(
        `UPDATE correction_leaves SET decision = $2, decided_on = $3, decision_event_id = $4
         WHERE matter_id = $1 AND decision IS NULL`,
        [matter.id, data.approve ? 'approved' : 'refused', date, eventId],
      );
    },
    documents: [{ template: leaveApprovalDoc }],
    describe: (d) => (d.approve ? `批准外出：${d.opinion}` : `不予批准：${d.opinion}`),
  }),
  startMonitoring: action({
    label: '使用电子定位装置',
    from: ['supervising'],
    to: 'same',
    roles: staff,
    schema: monitoringSchema,
    requires: async ({ deadline }) =>
      (await deadline('monitoring'))?.status === 'running' ? '电子定位装置正在使用中' : null,
    check: async ({ tx, actor }) =>
      (await actsForCounty(tx, actor))
        ? null
        : '使用电子定位装置须经区社区矫正机构负责人批准（社区矫正法第二十九条）',
    // 社区矫正法 第二十九条第二款: each term at most three months, renewable on approval.
    deadlines: [{ op: 'start', key: 'monitoring', rule: 'sqjz.e-monitoring' }],
    describe: (d) => d.reason,
  }),
  endMonitoring: action({
    label: '解除电子定位',
    from: ['supervising', 'revoking'],
    to: 'same',
    roles: staff,
    schema: endMonitoringSchema,
    requires: async ({ deadline }) =>
      (await deadline('monitoring'))?.status === 'running' ? null : '未在使用电子定位装置',
    deadlines: [{ op: 'meet', key: 'monitoring' }],
    describe: (d) => d.reason,
  }),
};

/**
 * Sanctions chosen against the discretion benchmark (labels.ts behaviours): the range is shown; a measure outside it
 * needs a written justification. A 警告 or a proposal is the county 社区矫正机构's (社区矫正法 第二十八条、第四十六条).
 */
export const sanctionActions = {
  sanction: action({
    label: '违规处理（训诫、警告、提请）',
    from: ['supervising'],
    to: (d) => (d.measure === 'revocation' || d.measure === 'recall' ? 'revoking' : 'supervising'),
    roles: staff,
    schema: sanctionSchema,
    check: async ({ tx, actor, data, matter }) => {
      const range: readonly Measure[] = behaviours[data.behaviour].range;
      const within = range.includes(data.measure);
      if (!within && !data.justification) {
        const message = `裁量基准对“${behaviours[data.behaviour].label}”的处理措施为：${range.map((m) => measures[m]).join('、')}；选择其他措施须说明偏离理由`;
        // The benchmark's range goes under the field too: the form shows field messages, not the detail.
        return { message, errors: [{ field: 'justification', message }] };
      }
      const { rows } = await tx.query<{ correction_type: string }>(
        'SELECT correction_type FROM correction_subjects WHERE matter_id = $1',
        [matter.id],
      );
      const type = rows[0]!.correction_type;
      if (data.measure === 'revocation' && type !== 'probation' && type !== 'parole')
        return '只有缓刑、假释的社区矫正对象可以提请撤销缓刑、假释';
      if (data.measure === 'recall' && type !== 'medicalParole')
        return '只有暂予监外执行的社区矫正对象可以提请收监执行';
      if (data.measure !== 'admonition' && !(await actsForCounty(tx, actor)))
        return `${measures[data.measure]}由区社区矫正机构决定或者提出，司法所可以提出建议`;
      return null;
    },
    apply: async ({ tx, matter, data, date, eventId }) => {
      const within = (behaviours[data.behaviour].range as readonly string[]).includes(data.measure);
      await tx.query(
        `INSERT INTO correction_sanctions (matter_id, event_id, decided_on, behaviour, measure, within_benchmark,
           justification) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [matter.id, eventId, date, data.behaviour, data.measure, within, data.justification || null],
      );
    },
    undo: async ({ tx, matter, eventId }) => {
      await tx.query('DELETE FROM correction_sanctions WHERE matter_id = $1 AND event_id = $2', [
        matter.id,
        eventId,
      ]);
    },
    correctable: { roles: ['sectionStaff', 'admin'] },
    // 社区矫正法 第四十八条: the court rules within 30 days of receiving the proposal (tracked; the court's period).
    deadlines: [
      {
        op: 'start',
        key: 'courtRevoke',
        rule: 'sqjz.court.revoke',
        when: (d) => d.measure === 'revocation' || d.measure === 'recall',
      },
    ],
    documents: [
      { template: warningDecision, when: (d) => d.measure === 'warning' },
      { template: revocationProposal, when: (d) => d.measure === 'revocation' || d.measure === 'recall' },
    ],
    describe: (d) => `${measures[d.measure]}：${behaviours[d.behaviour].label}`,
  }),
  courtRuling: action({
    label: '登记法院裁定',
    from: ['revoking'],
    to: (d) => (d.ruling === 'revoked' ? 'revoked' : 'supervising'),
    roles: staff,
    primary: true,
    schema: courtRulingSchema,
    apply: async ({ tx, matter, data, date }) => {
      if (data.ruling === 'revoked')
        await tx.query(
          `UPDATE correction_subjects SET ended_on = $2, end_reason = 'revoked', to_resettlement = false WHERE matter_id = $1`,
          [matter.id, date],
        );
    },
    deadlines: [
      { op: 'meet', key: 'courtRevoke' },
      { op: 'stop', key: 'monitoring' },
    ],
    describe: (d) => `${courtRulings[d.ruling]}（${d.rulingNo}）`,
  }),
};

/** 解除矫正 at term end (社区矫正法 第四十四条): the certificate; 假释 and 暂予监外执行 pass to resettlement. */
export const releaseActions = {
  release: action({
    label: '解除社区矫正',
    from: ['supervising'],
    to: 'released',
    roles: staff,
    primary: true,
    schema: releaseSchema,
    closes: true,
    check: async ({ tx, matter, date, data }) => {
      const { rows } = await tx.query<{ term_end: string }>(
        'SELECT term_end::text FROM correction_subjects WHERE matter_id = $1',
        [matter.id],
      );
      if (date < rows[0]!.term_end) return `矫正期至 ${rows[0]!.term_end} 届满，届满前不能解除社区矫正`;
      if (!data.announced)
        return {
          message: '解除社区矫正应当公开宣告（或者依法不公开宣告的，说明情况）',
          errors: [{ field: 'announced', message: '请确认已宣告' }],
        };
      return null;
    },
    apply: async ({ tx, matter, date }) => {
      // Those who served a prison sentence (假释, 暂予监外执行) become 刑满释放人员 in resettlement (unverified rule).
      await tx.query(
        `UPDATE correction_subjects SET ended_on = $2, end_reason = 'expired',
           to_resettlement = correction_type IN ('parole', 'medicalParole') WHERE matter_id = $1`,
        [matter.id, date],
      );
    },
    deadlines: [
      { op: 'stop', key: 'monitoring' },
      { op: 'meet', key: 'term' },
    ],
    documents: [{ template: releaseCertificate }],
    describe: (d) => d.summary,
  }),
};
