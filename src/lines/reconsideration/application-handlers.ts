/**
 * Who handles the application: a lead (主办) and at least one other 行政复议人员 from the register (实施条例第三十二条:
 * "行政复议机构审理行政复议案件，应当由2名以上行政复议人员参加"). A later assignment replaces the earlier one; the
 * history keeps each.
 */
import { z } from 'zod';
import { text } from '../../kernel/fields/fields.ts';
import { action, type CheckContext } from '../../kernel/workflow/types.ts';
import { staff } from './application-common.ts';
import { staffByName } from './staff.ts';

export const assignHandlersSchema = z.object({
  lead: text('主办人', 50),
  assistants: text('协办人（多人以顿号分隔）', 200),
});
type Assignment = z.output<typeof assignHandlersSchema>;

const namesOf = (d: Assignment) => ({
  lead: d.lead.trim(),
  assistants: [...new Set(d.assistants.split(/[、,，;；\s]+/).filter(Boolean))],
});

async function assignmentRefusal({ tx, data }: CheckContext<Assignment>) {
  const { lead, assistants } = namesOf(data);
  if (assistants.includes(lead))
    return {
      message: '主办人不能同时为协办人',
      errors: [{ field: 'assistants', message: '请勿重复填写主办人' }],
    };
  const known = await staffByName(tx, [lead, ...assistants]);
  if (!known.has(lead))
    return {
      message: `${lead}不在行政复议人员名册中，请先登记`,
      errors: [{ field: 'lead', message: '不在行政复议人员名册中' }],
    };
  const unknown = assistants.filter((n) => !known.has(n));
  if (unknown.length)
    return {
      message: `${unknown.join('、')}不在行政复议人员名册中，请先登记`,
      errors: [{ field: 'assistants', message: '不在行政复议人员名册中' }],
    };
  if (!assistants.length)
    return {
      message: '行政复议机构审理行政复议案件，应当由2名以上行政复议人员参加（实施条例第三十二条）',
      errors: [{ field: 'assistants', message: '请至少填写一名协办人' }],
    };
  return null;
}

export const handlerActions = {
  assignHandlers: action({
    label: '指定承办人员',
    from: ['received', 'awaitingSupplement', 'review', 'suspended'],
    to: 'same',
    roles: staff,
    schema: assignHandlersSchema,
    check: assignmentRefusal,
    apply: async ({ tx, matter, data, eventId }) => {
      const { lead, assistants } = namesOf(data);
      const known = await staffByName(tx, [lead, ...assistants]);
      await tx.query('DELETE FROM reconsideration_handlers WHERE matter_id = $1', [matter.id]);
      await tx.query(
        `INSERT INTO reconsideration_handlers (matter_id, staff_id, role, event_id)
         SELECT $1, s.id, s.role, $3 FROM jsonb_to_recordset($2::jsonb) AS s(id bigint, role text)`,
        [
          matter.id,
          JSON.stringify([
            { id: known.get(lead), role: 'lead' },
            ...assistants.map((n) => ({ id: known.get(n), role: 'assistant' })),
          ]),
          eventId,
        ],
      );
    },
    describe: (d) => {
      const { lead, assistants } = namesOf(d);
      return `主办：${lead}；协办：${assistants.join('、')}`;
    },
  }),
};
