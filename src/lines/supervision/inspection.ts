/**
 * The rule-of-law inspection (法治督察) of one unit: the notice, the on-site inspection, the feedback with the
 * problems found (each its own finding matter, closed in a loop), and the conclusion once every finding is closed.
 */
import type { MatterKindDef } from '../../kernel/workflow/types.ts';
import { action } from '../../kernel/workflow/types.ts';
import { inspectionDetails } from './details.ts';
import { inspectionFeedback, inspectionNotice } from './documents.ts';
import { staff } from './labels.ts';
import { concludeSchema, feedbackSchema, type InspectionInput, inspectionSchema } from './schemas.ts';
import { insertInspection, supervisingOffice, unitOrg } from './store.ts';

const openFindings = async (tx: import('../../platform/db/pool.ts').Tx, id: number) => {
  const { rows } = await tx.query<{ n: number; total: number }>(
    `SELECT count(*) FILTER (WHERE m.state <> 'closed')::int AS n, count(*)::int AS total
     FROM supervision_findings f JOIN matters m ON m.id = f.matter_id WHERE f.inspection_matter_id = $1`,
    [id],
  );
  return rows[0]!;
};

export const inspectionKind: MatterKindDef<InspectionInput> = {
  id: 'inspection',
  label: '法治督察',
  refPrefix: '镇法督',
  states: {
    notified: { label: '已通知待反馈' },
    fedBack: { label: '已反馈整改中' },
    concluded: { label: '督察办结', terminal: true },
  },
  details: inspectionDetails,
  initial: 'notified',
  create: {
    label: '登记法治督察',
    roles: staff,
    // Registered by the bureau's 法治督察科 (the office that keeps the line's matters).
    owners: async (db) => [(await supervisingOffice(db)).id],
    schema: inspectionSchema,
    date: (d) => d.noticeOn,
    dateField: 'noticeOn',
    toMatter: async (d, _actor, tx) => {
      const unit = await unitOrg(
        tx,
        d.unitOrgId,
        ['department', 'government'],
        'unitOrgId',
        '被督察单位',
        '区级部门或镇（街道）',
      );
      const office = await supervisingOffice(tx);
      return {
        title: `对${unit.name}的法治督察`,
        ownerOrgId: office.id,
        subjectOrgId: unit.id,
        // The unit's place: a town's inspection counts in the town.
        regionCode: unit.region_code,
        openedOn: d.noticeOn,
        searchText: [unit.name, d.planName].join(' '),
      };
    },
    apply: async ({ tx, matter, data }) => insertInspection(tx, matter.id, data),
    documents: [{ template: inspectionNotice }],
  },
  actions: {
    feedback: action({
      label: '制发督察反馈意见',
      from: ['notified'],
      to: 'fedBack',
      roles: staff,
      schema: feedbackSchema,
      primary: true,
      requires: async ({ tx, matter }) =>
        (await openFindings(tx, matter.id)).total
          ? null
          : '尚未登记督察发现的问题：请先登记问题，再制发反馈意见',
      documents: [{ template: inspectionFeedback }],
      describe: () => '制发法治督察反馈意见书',
    }),
    conclude: action({
      label: '督察办结',
      from: ['fedBack'],
      to: 'concluded',
      roles: staff,
      schema: concludeSchema,
      closes: true,
      requires: async ({ tx, matter }) => {
        const { n } = await openFindings(tx, matter.id);
        return n ? `尚有${n}个问题未整改销号，不能办结` : null;
      },
      describe: () => '全部问题整改销号，督察办结',
    }),
  },
};
