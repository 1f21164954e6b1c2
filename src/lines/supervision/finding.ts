/**
 * A problem an inspection found (督察发现的问题), closed in a loop: the rectification notice with its deadline, the
 * unit's rectification report, the bureau's verification — closed (销号) or sent back with a new deadline — and,
 * when the deadline passes, escalation (督促提醒, 约谈 with its record, referral to 纪检监察 as a record).
 */
import { toDayNumber } from '../../kernel/calendar/dates.ts';
import type { MatterKindDef } from '../../kernel/workflow/types.ts';
import { action } from '../../kernel/workflow/types.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findingDetails } from './details.ts';
import { interviewRecord, rectificationNotice } from './documents.ts';
import { escalations, staff } from './labels.ts';
import { escalateSchema, type FindingInput, findingSchema, reportSchema, verifySchema } from './schemas.ts';
import { insertFinding, inspectionFor, supervisingOffice } from './store.ts';

/** Calendar days from `from` to the date the notice sets: the period the kernel counts under fzdc.rectify. */
const daysTo = (from: string, to: string) => toDayNumber(to) - toDayNumber(from);

export const findingKind: MatterKindDef<FindingInput> = {
  id: 'finding',
  label: '督察发现问题',
  refPrefix: '镇法督问',
  states: {
    rectifying: { label: '整改中' },
    reported: { label: '已报整改待验收' },
    closed: { label: '已销号', terminal: true },
  },
  details: findingDetails,
  initial: 'rectifying',
  create: {
    label: '登记督察发现问题',
    roles: staff,
    // Registered by the bureau's 法治督察科 (the office that keeps the line's matters).
    owners: async (db) => [(await supervisingOffice(db)).id],
    schema: findingSchema,
    date: (d) => d.foundOn,
    dateField: 'foundOn',
    validate: async (tx, d) => {
      const errors: { field: string; message: string }[] = [];
      const i = await inspectionFor(tx, d.inspectionId);
      if (!i) errors.push({ field: 'inspectionId', message: '没有该督察事项' });
      else if (i.state === 'concluded')
        errors.push({ field: 'inspectionId', message: '该督察已办结，不能再登记问题' });
      else if (d.foundOn < i.starts_on)
        errors.push({ field: 'foundOn', message: '发现日期不能早于实地督察开始日期' });
      if (d.rectifyBy <= d.foundOn) errors.push({ field: 'rectifyBy', message: '整改期限应晚于发现日期' });
      return { errors, warnings: [] };
    },
    toMatter: async (d, _actor, tx) => {
      const i = await inspectionFor(tx, d.inspectionId);
      if (!i) throw new AppError('VALIDATION', '没有该督察事项');
      return {
        title: `${i.unit_name}：${d.description.slice(0, 40)}`,
        ownerOrgId: i.owner_org_id,
        subjectOrgId: i.unit_org_id,
        regionCode: i.region_code,
        openedOn: d.foundOn,
        searchText: [i.unit_name, i.ref_no, d.description].join(' '),
      };
    },
    apply: async ({ tx, matter, data }) => {
      const i = await inspectionFor(tx, data.inspectionId);
      await insertFinding(tx, matter.id, data, i!.unit_org_id);
    },
    deadlines: [
      {
        op: 'start',
        key: 'rectify',
        rule: 'fzdc.rectify',
        count: (d, _m, date) => daysTo(date, d.rectifyBy),
      },
    ],
    documents: [{ template: rectificationNotice }],
  },
  actions: {
    report: action({
      label: '登记整改情况报告',
      from: ['rectifying'],
      to: 'reported',
      roles: staff,
      schema: reportSchema,
      primary: true,
      deadlines: [{ op: 'meet', key: 'rectify' }],
      apply: async ({ tx, matter, date }) => {
        await tx.query('UPDATE supervision_findings SET reported_on = $2 WHERE matter_id = $1', [
          matter.id,
          date,
        ]);
      },
      describe: () => '被督察单位报送整改情况报告',
    }),
    verify: action({
      label: '验收整改',
      from: ['reported'],
      to: (d) => (d.result === 'closed' ? 'closed' : 'rectifying'),
      roles: staff,
      schema: verifySchema,
      check: ({ data, date }) => {
        if (data.result === 'sentBack' && !data.newRectifyBy)
          return {
            message: '退回重新整改须载明新的整改期限',
            errors: [{ field: 'newRectifyBy', message: '请填写重新整改期限' }],
          };
        if (data.result === 'sentBack' && data.newRectifyBy! <= date)
          return {
            message: '重新整改期限应晚于验收日期',
            errors: [{ field: 'newRectifyBy', message: '应晚于验收日期' }],
          };
        return null;
      },
      deadlines: [
        {
          op: 'start',
          key: 'rectify',
          rule: 'fzdc.rectify',
          from: ({ date }) => date,
          count: (d, _m, date) => daysTo(date, d.newRectifyBy ?? date),
          when: (d) => d.result === 'sentBack',
        },
      ],
      apply: async ({ tx, matter, date, data }) => {
        await tx.query(
          data.result === 'closed'
            ? 'UPDATE supervision_findings SET closed_on = $2 WHERE matter_id = $1'
            : 'UPDATE supervision_findings SET sent_back = sent_back + 1, rectify_by = $3, reported_on = NULL WHERE matter_id = $1 AND $2::date IS NOT NULL',
          data.result === 'closed' ? [matter.id, date] : [matter.id, date, data.newRectifyBy],
        );
      },
      describe: (d) =>
        d.result === 'closed' ? '验收通过，予以销号' : `退回重新整改（期限至${d.newRectifyBy}）`,
    }),
    escalate: action({
      label: '逾期督办',
      from: ['rectifying'],
      to: 'same',
      roles: staff,
      schema: escalateSchema,
      requires: async ({ deadline, date }) => {
        const d = await deadline('rectify');
        return d?.dueOn && d.dueOn < date ? null : '整改期限尚未届满，不能逾期督办';
      },
      check: ({ data }) =>
        data.measure === 'interviewed' && (!data.interviewee || !data.interviewer)
          ? {
              message: '责任约谈须写明约谈对象和约谈人',
              errors: [
                ...(data.interviewee ? [] : [{ field: 'interviewee', message: '请填写约谈对象' }]),
                ...(data.interviewer ? [] : [{ field: 'interviewer', message: '请填写约谈人' }]),
              ],
            }
          : null,
      documents: [{ template: interviewRecord, when: (d) => d.measure === 'interviewed' }],
      apply: async ({ tx, matter, data }) => {
        // The furthest measure taken is kept: a reminder after an interview does not lower it.
        await tx.query(
          `UPDATE supervision_findings SET escalation = $2 WHERE matter_id = $1
             AND (escalation IS NULL OR array_position($3::text[], escalation) < array_position($3::text[], $2))`,
          [matter.id, data.measure, Object.keys(escalations)],
        );
      },
      describe: (d) => `整改逾期：${escalations[d.measure]}`,
    }),
  },
};
