/**
 * Credit-repair guidance (信用法律咨询及修复指导): a credit subject's consultation, the written guidance (指导书),
 * and the closing outcome. The subject's records and their repair are matters of their own (record.ts); the
 * indicators join both through the subject's party record.
 */
import { action, type MatterKindDef } from '../../../kernel/workflow/types.ts';
import { guidanceLetter } from './documents.ts';
import { guidanceOutcomes } from './labels.ts';
import { staff } from './record.ts';
import { closeSchema, type GuidanceInput, guidanceSchema, guideSchema } from './schemas.ts';
import { creditRepairOffices, handlingOffice, insertGuidance } from './store.ts';

export const guidanceKind: MatterKindDef<GuidanceInput> = {
  id: 'guidance',
  label: '信用修复咨询指导',
  refPrefix: '镇信指',
  states: {
    consulted: { label: '已咨询待指导' },
    guided: { label: '已指导' },
    closed: { label: '已办结', terminal: true },
  },
  initial: 'consulted',
  create: {
    label: '登记信用修复咨询',
    roles: staff,
    schema: guidanceSchema,
    date: (d) => d.consultedOn,
    dateField: 'consultedOn',
    owners: creditRepairOffices,
    toMatter: async (d, _actor, tx) => {
      const office = await handlingOffice(tx, d.ownerOrgId);
      return {
        title: `${d.subject.name}信用修复咨询`,
        ownerOrgId: office.id,
        regionCode: office.region_code,
        openedOn: d.consultedOn,
        searchText: d.subject.name,
      };
    },
    apply: async ({ tx, actor, matter, data }) => insertGuidance(tx, actor, matter.id, data),
  },
  actions: {
    guide: action({
      label: '出具修复指导',
      from: ['consulted', 'guided'],
      to: 'guided',
      roles: staff,
      primary: true,
      schema: guideSchema,
      apply: async ({ tx, matter, date }) => {
        await tx.query(
          'UPDATE credit_guidance SET guided_on = coalesce(guided_on, $2) WHERE matter_id = $1',
          [matter.id, date],
        );
      },
      documents: [{ template: guidanceLetter }],
    }),
    close: action({
      label: '办结',
      from: ['consulted', 'guided'],
      to: 'closed',
      roles: staff,
      schema: closeSchema,
      check: ({ data, matter }) =>
        data.outcome === 'repairing' && matter.state !== 'guided'
          ? {
              message: '尚未出具修复指导，不能以“已指导申请修复”办结',
              errors: [{ field: 'outcome', message: '请先出具修复指导' }],
            }
          : null,
      apply: async ({ tx, matter, data }) => {
        await tx.query('UPDATE credit_guidance SET outcome = $2 WHERE matter_id = $1', [
          matter.id,
          data.outcome,
        ]);
      },
      describe: (d) => guidanceOutcomes[d.outcome],
    }),
  },
};
