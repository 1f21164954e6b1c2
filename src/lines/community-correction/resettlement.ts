/**
 * Resettlement of a released person (安置帮教): from the prison's notice or from a correction subject's release
 * (刑罚执行一体化, no re-typing), contact and the 帮教小组, assistance, visits, 重点人员 flags, the end of the 帮教期
 * (azbj.period: 5 years from release — unverified, configurable in reference/deadline-rules-correction.json).
 */

import { matterReadable, matterReadParam } from '../../kernel/workflow/access.ts';
import type { MatterKindDef } from '../../kernel/workflow/types.ts';
import { action } from '../../kernel/workflow/types.ts';
import { correctionOffices, staff } from './common.ts';
import { resettlementDetails } from './details.ts';
import { resettlementHandover } from './documents.ts';
import { employments } from './labels.ts';
import {
  assistSchema,
  contactSchema,
  endResettlementSchema,
  keyPersonSchema,
  type ResettlementInput,
  resettlementSchema,
  visitSchema,
} from './schemas.ts';
import { correctionHandOff, insertResettlement, justiceOffice, maskedName } from './store.ts';

export const resettlementKind: MatterKindDef<ResettlementInput> = {
  id: 'resettlement',
  label: '安置帮教对象',
  refPrefix: '镇安帮',
  states: {
    notified: { label: '待衔接' },
    helping: { label: '帮教中' },
    ended: { label: '帮教期满', terminal: true },
  },
  details: resettlementDetails,
  initial: 'notified',
  create: {
    label: '登记安置帮教对象',
    roles: staff,
    owners: correctionOffices,
    schema: resettlementSchema,
    date: (d) => d.noticeReceivedOn,
    dateField: 'noticeReceivedOn',
    validate: async (tx, d, actor) => {
      if (!d.correctionMatterId) return { errors: [], warnings: [] };
      const { rowCount } = await tx.query(
        `SELECT 1 FROM matters m WHERE m.id = $1 AND m.line = 'communityCorrection' AND m.kind = 'subject'
           AND ${matterReadable(2)}`,
        [d.correctionMatterId, matterReadParam(actor)],
      );
      const h = rowCount ? await correctionHandOff(tx, d.correctionMatterId) : null;
      const problem = !h
        ? '社区矫正档案不存在或不在您的权限范围内'
        : h.end_reason !== 'expired'
          ? '该社区矫正对象尚未期满解除矫正'
          : null;
      const { rowCount: dup } = await tx.query(
        `SELECT 1 FROM resettlement_subjects WHERE correction_matter_id = $1`,
        [d.correctionMatterId],
      );
      const message = problem ?? (dup ? '该社区矫正对象已转入安置帮教' : null);
      return { errors: message ? [{ field: 'correctionMatterId', message }] : [], warnings: [] };
    },
    toMatter: async (d, _actor, tx) => {
      const office = await justiceOffice(tx, d.officeId);
      const h = d.correctionMatterId ? await correctionHandOff(tx, d.correctionMatterId) : null;
      const name = h?.name ?? d.subject?.name ?? '';
      return {
        title: `${maskedName(name)}安置帮教`,
        ownerOrgId: office.id,
        regionCode: office.region_code,
        openedOn: d.noticeReceivedOn,
        searchText: [name, h?.offence ?? d.offence].join(' '),
        sensitive: true,
      };
    },
    apply: async ({ tx, actor, matter, data }) => insertResettlement(tx, actor, matter.id, data),
    deadlines: [
      {
        op: 'start',
        key: 'period',
        rule: 'azbj.period',
        from: async ({ tx, data }) =>
          data.correctionMatterId
            ? (await correctionHandOff(tx, data.correctionMatterId))!.ended_on
            : data.releasedOn!,
      },
    ],
  },
  actions: {
    contact: action({
      label: '衔接并成立帮教小组',
      from: ['notified'],
      to: 'helping',
      roles: staff,
      primary: true,
      schema: contactSchema,
      apply: async ({ tx, matter, date }) => {
        await tx.query('UPDATE resettlement_subjects SET contacted_on = $2 WHERE matter_id = $1', [
          matter.id,
          date,
        ]);
      },
      documents: [{ template: resettlementHandover }],
      describe: (d) => `帮教小组：${d.team}`,
    }),
    assist: action({
      label: '登记安置帮扶',
      from: ['helping'],
      to: 'same',
      roles: staff,
      schema: assistSchema,
      apply: async ({ tx, matter, data }) => {
        await tx.query('UPDATE resettlement_subjects SET employment = $2 WHERE matter_id = $1', [
          matter.id,
          data.employment,
        ]);
      },
      describe: (d) => employments[d.employment],
    }),
    visit: action({
      label: '登记走访',
      from: ['helping'],
      to: 'same',
      roles: staff,
      schema: visitSchema,
      describe: (d) => d.note,
    }),
    flagKeyPerson: action({
      label: '重点帮教对象认定/复核',
      from: ['helping'],
      to: 'same',
      roles: staff,
      schema: keyPersonSchema,
      apply: async ({ tx, matter, data }) => {
        await tx.query('UPDATE resettlement_subjects SET key_person = $2 WHERE matter_id = $1', [
          matter.id,
          data.keyPerson,
        ]);
      },
      describe: (d) => `${d.keyPerson ? '列为' : '解除'}重点帮教对象：${d.reason}`,
    }),
    end: action({
      label: '帮教期满',
      from: ['notified', 'helping'],
      to: 'ended',
      roles: staff,
      closes: true,
      schema: endResettlementSchema,
      check: async ({ deadline, date }) => {
        const d = await deadline('period');
        return d?.dueOn && date < d.dueOn ? `帮教期至 ${d.dueOn} 届满` : null;
      },
      apply: async ({ tx, matter, date }) => {
        await tx.query('UPDATE resettlement_subjects SET ended_on = $2 WHERE matter_id = $1', [
          matter.id,
          date,
        ]);
      },
      deadlines: [{ op: 'meet', key: 'period' }],
    }),
  },
};
