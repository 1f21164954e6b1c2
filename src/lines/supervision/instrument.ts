/**
 * A law-enforcement supervision instrument (行政执法监督通知书 / 建议书) sent to an enforcement department: issued
 * with the reply date it sets, the department's reply (late replies stay visible: the period ends metLate), and the
 * bureau's check of the reply.
 */
import { toDayNumber } from '../../kernel/calendar/dates.ts';
import type { MatterKindDef } from '../../kernel/workflow/types.ts';
import { action } from '../../kernel/workflow/types.ts';
import { instrumentDetails } from './details.ts';
import { supervisionNotice, supervisionRecommendation } from './documents.ts';
import { instruments, staff } from './labels.ts';
import { closeInstrumentSchema, type InstrumentInput, instrumentSchema, replySchema } from './schemas.ts';
import { insertInstrument, supervisingOffice, unitOrg } from './store.ts';

export const instrumentKind: MatterKindDef<InstrumentInput> = {
  id: 'instrument',
  label: '行政执法监督文书',
  refPrefix: '镇执监',
  states: {
    awaitingReply: { label: '待部门回复' },
    replied: { label: '已回复待核查' },
    closed: { label: '已办结', terminal: true },
  },
  details: instrumentDetails,
  initial: 'awaitingReply',
  create: {
    label: '制发行政执法监督文书',
    roles: staff,
    // Registered by the bureau's 法治督察科 (the office that keeps the line's matters).
    owners: async (db) => [(await supervisingOffice(db)).id],
    schema: instrumentSchema,
    date: (d) => d.issuedOn,
    dateField: 'issuedOn',
    validate: async (_tx, d) => ({
      errors: d.replyBy <= d.issuedOn ? [{ field: 'replyBy', message: '回复期限应晚于制发日期' }] : [],
      warnings: [],
    }),
    toMatter: async (d, _actor, tx) => {
      const dept = await unitOrg(
        tx,
        d.departmentOrgId,
        ['department'],
        'departmentOrgId',
        '被监督部门',
        '区级行政执法部门',
      );
      const office = await supervisingOffice(tx);
      return {
        title: `${instruments[d.instrument]}（${dept.name}）`,
        ownerOrgId: office.id,
        subjectOrgId: dept.id,
        regionCode: dept.region_code,
        openedOn: d.issuedOn,
        searchText: [dept.name, instruments[d.instrument], d.campaign].join(' '),
      };
    },
    apply: async ({ tx, matter, data }) => insertInstrument(tx, matter.id, data),
    deadlines: [
      {
        op: 'start',
        key: 'reply',
        rule: 'zfjd.reply',
        count: (d, _m, date) => toDayNumber(d.replyBy) - toDayNumber(date),
      },
    ],
    documents: [
      { template: supervisionNotice, when: (d) => d.instrument === 'notice' },
      { template: supervisionRecommendation, when: (d) => d.instrument === 'recommendation' },
    ],
  },
  actions: {
    reply: action({
      label: '登记部门回复',
      from: ['awaitingReply'],
      to: 'replied',
      roles: staff,
      schema: replySchema,
      primary: true,
      deadlines: [{ op: 'meet', key: 'reply' }],
      apply: async ({ tx, matter, date, data }) => {
        await tx.query(
          'UPDATE supervision_instruments SET replied_on = $2, reply = $3 WHERE matter_id = $1',
          [matter.id, date, data.reply],
        );
      },
      describe: () => '被监督部门书面回复',
    }),
    close: action({
      label: '核查办结',
      from: ['replied'],
      to: 'closed',
      roles: staff,
      schema: closeInstrumentSchema,
      describe: () => '核查回复情况，办结',
    }),
  },
};
