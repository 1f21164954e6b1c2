import type { MatterContext } from '../../kernel/workflow/types.ts';
import { action } from '../../kernel/workflow/types.ts';
import {
  advanceDecision,
  assignNotice,
  closingReview,
  grantDecision,
  objectionDecision,
  officialLetter,
  refusalDecision,
  terminationDecision,
} from './documents.ts';
import { noticeMethods, progressKinds, refusalGrounds, terminationGrounds } from './labels.ts';
import { pickByCounting } from './rules.ts';
import {
  advanceSchema,
  agreementSchema,
  assignSchema,
  endSchema,
  grantSchema,
  objectionDecisionSchema,
  objectSchema,
  progressSchema,
  reassignSchema,
  refuseSchema,
  reviewSchema,
  rightsSchema,
  submitSchema,
  terminateSchema,
} from './schemas.ts';
import { countingOf } from './store.ts';

/** The legal-aid centre's staff (its section at the bureau, a township office, the administrator). */
export const staff = ['sectionStaff', 'townshipStaff', 'admin'] as const;
/**
 * The steps of the case in hand that the assigned worker takes on their own case (as `lawyer`, the role the
 * assignment names them in, matter_readers), and the centre too when the worker reports on paper.
 */
export const staffOrWorker = [...staff, 'lawyer'] as const;

export const states = {
  reviewing: { label: '审查中' },
  assigning: { label: '待指派' },
  handling: { label: '承办中' },
  ended: { label: '已办结待交结案材料' },
  closing: { label: '结案审查中' },
  closed: { label: '已结案', terminal: true },
  refused: { label: '不予法律援助', terminal: true },
  terminated: { label: '终止法律援助', terminal: true },
};

const setCase =
  (sql: string) => async (ctx: { tx: MatterContext['tx']; matter: { id: number } }, values: unknown[]) =>
    ctx.tx.query(`UPDATE legal_aid_cases SET ${sql} WHERE matter_id = $1`, [ctx.matter.id, ...values]);

/**
 * 先行提供 (第四十四条第一款第一项): allowed while the limitation period or the deadline the applicant faces is less
 * than 7 days away, counted as the case counts (calendar days, or working days under the 浙江 setting).
 */
export async function urgency(
  ctx: MatterContext,
): Promise<{ endsOn: string; left: number; unit: string } | null> {
  const { rows } = await ctx.tx.query<{ ends: string | null }>(
    'SELECT limitation_ends_on::text AS ends FROM legal_aid_cases WHERE matter_id = $1',
    [ctx.matter.id],
  );
  const ends = rows[0]?.ends;
  if (!ends) return null;
  const rule = ctx.rule(
    (await countingOf(ctx.tx, ctx.matter.id)) === 'national'
      ? 'flyz.urgent.threshold'
      : 'flyz.urgent.threshold.working',
  );
  const left =
    rule.unit === 'working'
      ? (await ctx.calendar()).workingDaysBetween(ctx.date, ends).count
      : Math.round((Date.parse(ends) - Date.parse(ctx.date)) / 86_400_000);
  return left < (rule.count ?? 7)
    ? { endsOn: ends, left, unit: rule.unit === 'working' ? '个工作日' : '日' }
    : null;
}

const assignRule = pickByCounting('flyz.assign.working', 'flyz.assign');

type WorkerData = {
  workerName: string;
  workerKind: string;
  lawFirmOrgId: number;
  workerUserId?: number | undefined;
};

const conflictUndeclared = (data: { noConflictDeclared: boolean }) =>
  data.noConflictDeclared
    ? null
    : {
        message: '承办人员应当声明与本案当事人无利害冲突，存在冲突的应当另行指派',
        errors: [{ field: 'noConflictDeclared', message: '请确认承办人员已作无利害冲突声明' }],
      };

/** The account named must be a working lawyer-role user of the chosen unit: no one else may be given the case. */
async function accountRefusal(tx: MatterContext['tx'], data: WorkerData) {
  if (data.workerUserId === undefined) return null;
  const { rowCount } = await tx.query(
    `SELECT 1 FROM memberships ms JOIN users u ON u.id = ms.user_id
     WHERE ms.user_id = $1 AND ms.org_id = $2 AND ms.role = 'lawyer' AND NOT u.disabled`,
    [data.workerUserId, data.lawFirmOrgId],
  );
  if (rowCount) return null;
  const message = '所选账户不是承办单位的律师（法律服务工作者）账户';
  return { message, errors: [{ field: 'workerUserId', message }] };
}

/**
 * Records the assigned worker and passes the case to the worker's own account alone (matter_readers): that account
 * reads the case and acts on it as `lawyer`; a previous worker's reading and acting end, and no one else of the
 * worker's unit reads the case or acts on it.
 */
async function setWorker(ctx: {
  tx: MatterContext['tx'];
  matter: { id: number };
  date: string;
  data: WorkerData;
}) {
  const { tx, matter, data } = ctx;
  await tx.query(
    `UPDATE legal_aid_cases SET aid_worker = $2, aid_worker_kind = $3, law_firm_org_id = $4, worker_user_id = $5,
            assigned_on = coalesce(assigned_on, $6) WHERE matter_id = $1`,
    [matter.id, data.workerName, data.workerKind, data.lawFirmOrgId, data.workerUserId ?? null, ctx.date],
  );
  await tx.query('DELETE FROM matter_readers WHERE matter_id = $1', [matter.id]);
  if (data.workerUserId !== undefined)
    await tx.query(`INSERT INTO matter_readers (matter_id, user_id, role) VALUES ($1, $2, 'lawyer')`, [
      matter.id,
      data.workerUserId,
    ]);
}

/** The objection to a refusal and the bureau's decision on it (第四十九条): only applications are ever refused. */
export const objectionActions = {
  object: action({
    label: '登记异议',
    from: ['refused'],
    to: 'same',
    roles: staff,
    schema: objectSchema,
    requires: async (ctx) =>
      (await ctx.deadline('objection'))?.status === 'running' ? '异议正在审查中' : null,
    deadlines: [
      {
        op: 'start',
        key: 'objection',
        rule: pickByCounting('flyz.objection.review.working', 'flyz.objection.review'),
      },
    ],
  }),
  decideObjection: action({
    label: '异议审查决定',
    from: ['refused'],
    to: (d) => (d.result === 'correct' ? 'reviewing' : 'refused'),
    roles: staff,
    schema: objectionDecisionSchema,
    requires: async (ctx) =>
      (await ctx.deadline('objection'))?.status === 'running' ? null : '尚未登记异议',
    apply: async (ctx) => {
      if (ctx.data.result !== 'correct') return;
      // 责令改正: the centre decides again, so the case is open again and its refusal no longer stands.
      await ctx.tx.query('UPDATE matters SET closed_on = NULL WHERE id = $1', [ctx.matter.id]);
      await setCase('decision = NULL, decided_on = NULL, refusal_ground = NULL')(ctx, []);
    },
    deadlines: [{ op: 'meet', key: 'objection' }],
    documents: [{ template: objectionDecision }],
  }),
};

export const caseActions = {
  grant: action({
    label: '给予法律援助',
    from: ['reviewing'],
    to: 'assigning',
    roles: staff,
    primary: true,
    schema: grantSchema,
    apply: async (ctx) => {
      await setCase(`decision = 'granted', decided_on = $2`)(ctx, [ctx.date]);
    },
    deadlines: [
      { op: 'meet', key: 'review' },
      { op: 'start', key: 'assign', rule: assignRule },
    ],
    documents: [{ template: grantDecision }],
  }),
  refuse: action({
    label: '不予法律援助',
    from: ['reviewing'],
    to: 'refused',
    roles: staff,
    schema: refuseSchema,
    apply: async (ctx) => {
      await setCase(`decision = 'refused', decided_on = $2, refusal_ground = $3`)(ctx, [
        ctx.date,
        ctx.data.ground,
      ]);
    },
    deadlines: [{ op: 'meet', key: 'review' }],
    documents: [{ template: refusalDecision }],
    describe: (d) => refusalGrounds[d.ground],
  }),
  advance: action({
    label: '先行提供法律援助',
    from: ['reviewing'],
    to: 'assigning',
    roles: staff,
    schema: advanceSchema,
    requires: async (ctx) =>
      (await urgency(ctx))
        ? null
        : '距法定时效或者期限届满不足七日的，方可先行提供法律援助（法律援助法第四十四条）；本案未登记届满日或者尚有七日以上',
    apply: async (ctx) => {
      await setCase(`decision = 'advanced', decided_on = $2`)(ctx, [ctx.date]);
    },
    deadlines: [
      { op: 'meet', key: 'review' },
      { op: 'start', key: 'assign', rule: assignRule },
    ],
    documents: [{ template: advanceDecision }],
  }),
  assign: action({
    label: '指派承办人员',
    from: ['assigning'],
    to: 'handling',
    roles: staff,
    primary: true,
    schema: assignSchema,
    check: async (ctx) => conflictUndeclared(ctx.data) ?? (await accountRefusal(ctx.tx, ctx.data)),
    apply: async (ctx) => {
      await setWorker(ctx);
    },
    deadlines: [
      { op: 'meet', key: 'assign' },
      {
        op: 'start',
        key: 'agreement',
        rule: pickByCounting('flyz.sign-agreement.working', 'flyz.sign-agreement'),
      },
    ],
    documents: [
      { template: assignNotice },
      { template: officialLetter, when: (d, m) => Boolean(d.courtName) || m.kind === 'notice' },
    ],
    describe: (d) => `指派 ${d.workerName}`,
  }),
  reassign: action({
    label: '更换承办人员',
    from: ['handling'],
    to: 'same',
    roles: staff,
    schema: reassignSchema,
    check: async (ctx) => conflictUndeclared(ctx.data) ?? (await accountRefusal(ctx.tx, ctx.data)),
    apply: async (ctx) => {
      await setWorker(ctx);
    },
    describe: (d) => `更换为 ${d.workerName}：${d.reason}`,
  }),
  notifyRights: action({
    label: '权利告知',
    from: ['reviewing', 'assigning', 'handling'],
    to: 'same',
    roles: staff,
    schema: rightsSchema,
    apply: async ({ tx, matter, data, date, eventId }) => {
      await tx.query(
        `INSERT INTO legal_aid_rights_notices (matter_id, event_id, notified_on, method, notified, content)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [matter.id, eventId, date, data.method, data.notified, data.content],
      );
    },
    describe: (d) => `${noticeMethods[d.method]}：${d.notified}`,
  }),
  signAgreement: action({
    label: '登记签订委托协议',
    from: ['handling'],
    to: 'same',
    roles: staffOrWorker,
    schema: agreementSchema,
    requires: async (ctx) =>
      (await ctx.deadline('agreement'))?.status === 'running' ? null : '委托协议已登记',
    deadlines: [{ op: 'meet', key: 'agreement' }],
  }),
  recordProgress: action({
    label: '登记办案进展',
    from: ['handling'],
    to: 'same',
    roles: staffOrWorker,
    schema: progressSchema,
    describe: (d) => `${progressKinds[d.kind]}：${d.summary}`,
  }),
  /**
   * The worker who finds a ground of termination reports it to the centre (第四十八条第二款: 「法律援助人员发现有前款
   * 规定情形的，应当及时向法律援助机构报告」); the centre decides the termination itself (terminate).
   */
  reportTermination: action({
    label: '报告终止情形',
    from: ['handling'],
    to: 'same',
    roles: ['lawyer'],
    schema: terminateSchema,
    describe: (d) => `${terminationGrounds[d.ground]}：${d.reason}`,
  }),
  terminate: action({
    label: '终止法律援助',
    from: ['assigning', 'handling'],
    to: 'terminated',
    roles: staff,
    schema: terminateSchema,
    apply: async (ctx) => {
      await setCase('terminated_on = $2')(ctx, [ctx.date]);
    },
    deadlines: [
      { op: 'stop', key: 'assign' },
      { op: 'stop', key: 'agreement' },
    ],
    documents: [{ template: terminationDecision }],
    describe: (d) => terminationGrounds[d.ground],
  }),
  endCase: action({
    label: '登记办结',
    from: ['handling'],
    to: 'ended',
    roles: staffOrWorker,
    schema: endSchema,
    check: ({ data, date }) =>
      data.endedOn > date
        ? {
            message: '办结日期不能晚于登记日期',
            errors: [{ field: 'endedOn', message: '办结日期不能晚于登记日期' }],
          }
        : null,
    apply: async (ctx) => {
      await setCase('ended_on = $2')(ctx, [ctx.data.endedOn]);
    },
    deadlines: [
      { op: 'stop', key: 'agreement' },
      {
        op: 'start',
        key: 'closeReport',
        rule: pickByCounting('flyz.zj.close', 'flyz.close.file'),
        from: ({ data }) => data.endedOn,
      },
    ],
  }),
  submitClosing: action({
    label: '提交结案材料',
    from: ['ended'],
    to: 'closing',
    roles: staffOrWorker,
    primary: true,
    schema: submitSchema,
    deadlines: [
      { op: 'meet', key: 'closeReport' },
      { op: 'start', key: 'closeReview', rule: 'flyz.close.review' },
    ],
  }),
  reviewClosing: action({
    label: '结案审查',
    from: ['closing'],
    to: 'closed',
    roles: staff,
    primary: true,
    closes: true,
    schema: reviewSchema,
    apply: async (ctx) => {
      await setCase('closed_on = $2, quality_score = $3, subsidy = $4')(ctx, [
        ctx.date,
        ctx.data.qualityScore,
        ctx.data.subsidy,
      ]);
    },
    deadlines: [{ op: 'meet', key: 'closeReview' }],
    documents: [{ template: closingReview }],
    describe: (d) => `质量评分 ${d.qualityScore} 分`,
  }),
};
