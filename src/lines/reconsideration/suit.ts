import type { z } from 'zod';
import { action, type MatterKindDef } from '../../kernel/workflow/types.ts';
import type { Tx } from '../../platform/db/pool.ts';
import { staff } from './application-common.ts';
import { suitDetails } from './details.ts';
import { actKinds, instances, suitOutcomes } from './labels.ts';
import { suitConcludeSchema, suitHearingSchema, suitSchema } from './schemas.ts';
import { administrativeOrgan, reconsiderationOffice } from './store.ts';

type SuitInput = z.infer<typeof suitSchema>;

async function reconsiderationMatterId(tx: Tx, refNo: string | undefined) {
  if (!refNo) return null;
  const { rows } = await tx.query<{ id: number }>(
    `SELECT id FROM matters WHERE line = 'reconsideration' AND kind = 'application' AND ref_no = $1`,
    [refNo],
  );
  return rows[0]?.id ?? null;
}

/**
 * Administrative litigation (行政应诉): a suit in which a district organ is the defendant. The reconsideration office
 * coordinates it; the defendant organ sees its own suits (subject organisation).
 */
export const suitKind: MatterKindDef<SuitInput> = {
  id: 'suit',
  label: '行政应诉案件',
  refPrefix: '镇司应',
  states: {
    pending: { label: '审理中' },
    concluded: { label: '已结案', terminal: true },
  },
  details: suitDetails,
  initial: 'pending',
  create: {
    label: '登记行政应诉案件',
    roles: staff,
    schema: suitSchema,
    date: (d) => d.filedOn,
    dateField: 'filedOn',
    validate: async (tx, d) => {
      const errors: { field: string; message: string }[] = [];
      if (!(await administrativeOrgan(tx, d.defendantOrgId)))
        errors.push({ field: 'defendantOrgId', message: '被告应为机构名录中的行政机关，请从名录中选择' });
      const { rows } = await tx.query(
        'SELECT 1 FROM litigation_suits WHERE court = $1 AND case_number = $2',
        [d.court, d.caseNumber],
      );
      if (rows.length) errors.push({ field: 'caseNumber', message: `${d.court}${d.caseNumber}已经登记` });
      if (
        d.afterReconsideration &&
        d.reconsiderationRefNo &&
        !(await reconsiderationMatterId(tx, d.reconsiderationRefNo))
      )
        errors.push({
          field: 'reconsiderationRefNo',
          message: `没有案号为 ${d.reconsiderationRefNo} 的行政复议案件`,
        });
      return { errors, warnings: [] };
    },
    toMatter: async (d, _actor, tx) => {
      const office = await reconsiderationOffice(tx);
      const defendant = await administrativeOrgan(tx, d.defendantOrgId);
      return {
        title: `${d.plaintiff}诉${defendant?.name ?? ''}${actKinds[d.actKind]}（${instances[d.instance]}）`,
        ownerOrgId: office.id,
        regionCode: office.region_code,
        subjectOrgId: d.defendantOrgId,
        openedOn: d.filedOn,
        searchText: [d.plaintiff, defendant?.name, d.court, d.caseNumber].join(' '),
      };
    },
    apply: async ({ tx, matter, data }) => {
      await tx.query(
        `INSERT INTO litigation_suits (matter_id, court, case_number, instance, defendant_org_id, plaintiff, act_kind,
           filed_on, after_reconsideration, reconsideration_matter_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          matter.id,
          data.court,
          data.caseNumber,
          data.instance,
          data.defendantOrgId,
          data.plaintiff,
          data.actKind,
          data.filedOn,
          data.afterReconsideration,
          await reconsiderationMatterId(
            tx,
            data.afterReconsideration ? data.reconsiderationRefNo : undefined,
          ),
        ],
      );
    },
  },
  actions: {
    recordHearing: action({
      label: '登记开庭',
      from: ['pending'],
      to: 'same',
      roles: staff,
      schema: suitHearingSchema,
      primary: true,
      apply: async ({ tx, matter, data, date }) => {
        await tx.query(
          'UPDATE litigation_suits SET hearing_on = $2, head_appeared = $3 WHERE matter_id = $1',
          [matter.id, date, data.headAppeared],
        );
      },
      describe: (d) => (d.headAppeared ? `负责人出庭：${d.headName ?? ''}` : '负责人未出庭'),
    }),
    conclude: action({
      label: '登记裁判结果',
      from: ['pending'],
      to: 'concluded',
      roles: staff,
      schema: suitConcludeSchema,
      apply: async ({ tx, matter, data, date }) => {
        await tx.query('UPDATE litigation_suits SET outcome = $2, concluded_on = $3 WHERE matter_id = $1', [
          matter.id,
          data.outcome,
          date,
        ]);
      },
      describe: (d) => suitOutcomes[d.outcome],
    }),
  },
};
