/**
 * An adverse credit record (失信信息) as a matter: registered (typed or imported from the 信用中国 export) while
 * published, its minimum publication period started from the day the conduct was found under the repair rules in
 * force on that day; the subject's application on the official platform, and the platform's result.
 */
import { ruleInForce } from '../../../kernel/rules/rules.ts';
import { action, type MatterKindDef } from '../../../kernel/workflow/types.ts';
import { configuredMonths, eligibility, minimumRule } from './eligibility.ts';
import { recordCategories, repairResults, severities } from './labels.ts';
import { applySchema, type RecordInput, recordSchema, resultSchema } from './schemas.ts';
import { creditRepairOffices, handlingOffice, insertRecord } from './store.ts';

/** The platform is the bureau's (公共法律服务管理科): its section staff and the administrator register and act. */
export const staff = ['sectionStaff', 'admin'] as const;

const minimumCounts = (d: RecordInput) => {
  const rule = ruleInForce(minimumRule(d.severity), d.decidedOn);
  return rule.count !== null && rule.count > 0;
};

async function recordRow(tx: import('../../../platform/db/pool.ts').Tx, matterId: number) {
  const { rows } = await tx.query<{
    severity: 'minor' | 'general' | 'serious';
    decided_on: string;
    fulfilled_on: string | null;
  }>(`SELECT severity, decided_on::text, fulfilled_on::text FROM credit_records WHERE matter_id = $1`, [
    matterId,
  ]);
  return rows[0]!;
}

export const recordKind: MatterKindDef<RecordInput> = {
  id: 'record',
  label: '失信信息记录',
  refPrefix: '镇信记',
  states: {
    published: { label: '公示中' },
    applied: { label: '已申请修复' },
    repaired: { label: '已修复', terminal: true },
  },
  initial: 'published',
  create: {
    label: '登记失信信息',
    roles: staff,
    schema: recordSchema,
    // The record's date: the repair rules in force on it apply (periods and eligibility alike).
    date: (d) => d.decidedOn,
    dateField: 'decidedOn',
    owners: creditRepairOffices,
    toMatter: async (d, _actor, tx) => {
      const office = await handlingOffice(tx, d.ownerOrgId);
      return {
        title: `${d.subject.name}·${d.decidingOrgan}${recordCategories[d.category]}（${severities[d.severity]}）`,
        ownerOrgId: office.id,
        regionCode: office.region_code,
        openedOn: d.decidedOn,
        searchText: [d.subject.name, d.decidingOrgan, d.decisionNo ?? ''].filter(Boolean).join(' '),
      };
    },
    apply: async ({ tx, actor, matter, data }) => insertRecord(tx, actor, matter.id, matter.ownerOrgId, data),
    deadlines: [
      {
        op: 'start',
        key: 'minimumPublication',
        rule: {
          among: ['xyxf.minimum.minor', 'xyxf.minimum.general', 'xyxf.minimum.serious'],
          pick: (d) => minimumRule(d.severity),
        },
        from: ({ data }) => data.decidedOn,
        // A version whose period is unverified (the 2023 trial measures) starts nothing rather than a guess.
        when: minimumCounts,
      },
    ],
  },
  actions: {
    apply: action({
      label: '登记修复申请',
      from: ['published'],
      to: 'applied',
      roles: staff,
      primary: true,
      schema: applySchema,
      check: async ({ tx, matter, data, date }) => {
        if (!data.commitment)
          return {
            message: '申请信用修复应当提交信用修复承诺书',
            errors: [{ field: 'commitment', message: '请确认已提交信用修复承诺书' }],
          };
        const r = await recordRow(tx, matter.id);
        const fulfilledOn = data.fulfilledOn ?? r.fulfilled_on;
        if (!fulfilledOn)
          return {
            message: '信用主体应当先履行法定义务、纠正失信行为，方可申请信用修复',
            errors: [{ field: 'fulfilledOn', message: '请登记履行义务日期' }],
          };
        if (fulfilledOn > date)
          return {
            message: '履行义务日期不能晚于申请日期',
            errors: [{ field: 'fulfilledOn', message: '履行义务日期不能晚于申请日期' }],
          };
        const e = eligibility(
          { severity: r.severity, decidedOn: r.decided_on, fulfilledOn },
          await configuredMonths(tx),
        );
        if (e.minimumEnds && date <= e.minimumEnds)
          return `最短公示期至${e.minimumEnds}届满（${e.law}），届满前不能申请信用修复`;
        return null;
      },
      apply: async ({ tx, matter, data, date }) => {
        await tx.query(
          `UPDATE credit_records SET applied_on = $2, first_applied_on = coalesce(first_applied_on, $2),
                  fulfilled_on = coalesce($3, fulfilled_on), result = NULL, result_on = NULL
           WHERE matter_id = $1`,
          [matter.id, date, data.fulfilledOn ?? null],
        );
      },
      describe: () => '信用主体已在官方平台申请信用修复',
    }),
    decide: action({
      label: '登记修复结果',
      from: ['applied'],
      to: (d) => (d.result === 'repaired' ? 'repaired' : 'published'),
      roles: staff,
      primary: true,
      schema: resultSchema,
      check: ({ data }) =>
        data.result === 'rejected' && !data.reason
          ? { message: '未通过的，应当登记原因', errors: [{ field: 'reason', message: '请填写未通过原因' }] }
          : null,
      apply: async ({ tx, matter, data, date }) => {
        await tx.query(`UPDATE credit_records SET result = $2, result_on = $3 WHERE matter_id = $1`, [
          matter.id,
          data.result,
          date,
        ]);
      },
      describe: (d) => repairResults[d.result],
    }),
  },
};
