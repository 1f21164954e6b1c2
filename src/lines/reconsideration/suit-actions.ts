/** The steps of a suit: service of the complaint, the defence, hearings, the judgment, court and procuratorial suggestions. */
import type { z } from 'zod';
import { action } from '../../kernel/workflow/types.ts';
import type { Tx } from '../../platform/db/pool.ts';
import { staff } from './application-common.ts';
import { serviceMethods, suitOutcomes } from './labels.ts';
import {
  defenceStatement,
  evidenceList,
  legalRepresentativeCertificate,
  powerOfAttorney,
} from './suit-documents.ts';
import { appearances, headAppearances, judgmentTypes, suggestionKinds } from './suit-labels.ts';
import {
  complaintServedSchema,
  defenceSchema,
  type HearingInput,
  suggestionReplySchema,
  suggestionSchema,
  suitConcludeSchema,
  suitHearingSchema,
} from './suit-schemas.ts';
import { instanceOf } from './suit-store.ts';

/** The legacy yes/no of a hearing as an appearance: yes was recorded for the 分管 head the demo names. */
const appearanceOf = (d: HearingInput) => d.appearance ?? (d.headAppeared ? 'inCharge' : 'staff');

/** An appeal lies only from a first-instance judgment or ruling (第八十五条); a mediation has none. */
const appealable = (d: z.output<typeof suitConcludeSchema>) =>
  d.servedOn !== undefined && (d.documentKind ?? 'judgment') !== 'mediation';

/** The suggestion a reply answers: the one named, or the earliest still unanswered. */
async function pendingSuggestion(tx: Tx, matterId: number, id: number | undefined) {
  const { rows } = await tx.query<{ id: number }>(
    `SELECT id FROM litigation_suggestions WHERE matter_id = $1 AND replied_on IS NULL AND ($2::bigint IS NULL OR id = $2)
     ORDER BY received_on, id LIMIT 1`,
    [matterId, id ?? null],
  );
  return rows[0]?.id ?? null;
}

export const suitActions = {
  serveComplaint: action({
    label: '登记起诉状副本送达',
    from: ['pending'],
    to: 'same',
    roles: staff,
    primary: true,
    schema: complaintServedSchema,
    requires: async ({ matter, deadline }) =>
      instanceOf(matter) !== 'first'
        ? '只有一审案件需要在收到起诉状副本后十五日内答辩举证'
        : (await deadline('defence'))?.status === 'notStarted'
          ? null
          : '起诉状副本的送达已经登记',
    check: ({ data, date, matter }) =>
      data.receivedOn > date
        ? {
            message: `收到日期 ${data.receivedOn} 晚于登记日期 ${date}`,
            errors: [{ field: 'receivedOn', message: `不能晚于 ${date}` }],
          }
        : data.receivedOn < matter.openedOn
          ? {
              message: `收到日期不能早于立案日期 ${matter.openedOn}`,
              errors: [{ field: 'receivedOn', message: `不能早于 ${matter.openedOn}` }],
            }
          : null,
    apply: async ({ tx, matter, data }) => {
      await tx.query('UPDATE litigation_suits SET complaint_served_on = $2 WHERE matter_id = $1', [
        matter.id,
        data.receivedOn,
      ]);
    },
    undo: async ({ tx, matter }) => {
      await tx.query('UPDATE litigation_suits SET complaint_served_on = NULL WHERE matter_id = $1', [
        matter.id,
      ]);
    },
    correctable: { roles: staff },
    deadlines: [
      { op: 'start', key: 'defence', rule: 'xzss.defence.submit', from: ({ data }) => data.receivedOn },
    ],
    describe: (d) => `${serviceMethods[d.method]}，${d.receivedOn} 收到起诉状副本`,
  }),
  submitDefence: action({
    label: '提交答辩状及证据',
    from: ['pending'],
    to: 'same',
    roles: staff,
    schema: defenceSchema,
    requires: ({ matter, last }) =>
      instanceOf(matter) !== 'first'
        ? '二审、再审案件不适用第六十七条的答辩举证期限'
        : last('submitDefence')
          ? '答辩状及证据已经提交'
          : null,
    apply: async ({ tx, matter, date }) => {
      await tx.query('UPDATE litigation_suits SET defence_submitted_on = $2 WHERE matter_id = $1', [
        matter.id,
        date,
      ]);
    },
    deadlines: [{ op: 'meet', key: 'defence' }],
    documents: [
      { template: defenceStatement },
      { template: evidenceList },
      { template: legalRepresentativeCertificate },
      { template: powerOfAttorney },
    ],
    describe: (d) => `提交证据 ${d.evidence.length} 项、规范性文件 ${d.normativeDocuments.length} 件`,
  }),
  recordHearing: action({
    label: '登记开庭',
    from: ['pending'],
    to: 'same',
    roles: staff,
    primary: true,
    schema: suitHearingSchema,
    check: ({ data, date }) =>
      data.noticeReceivedOn && data.noticeReceivedOn > date
        ? {
            message: '收到出庭通知书的日期不能晚于开庭日期',
            errors: [{ field: 'noticeReceivedOn', message: `不能晚于 ${date}` }],
          }
        : null,
    // Every hearing is its own row (2020 规定第七条): a second hearing never overwrites who appeared at the first.
    apply: async ({ tx, matter, data, date, eventId }) => {
      const appearance = appearanceOf(data);
      await tx.query(
        `INSERT INTO litigation_hearings (matter_id, event_id, held_on, notice_received_on, appearance, head_name,
           head_title, staff_name, absence_reason, absence_note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          matter.id,
          eventId,
          date,
          data.noticeReceivedOn ?? null,
          appearance,
          headAppearances.includes(appearance) ? (data.headName ?? null) : null,
          headAppearances.includes(appearance) ? (data.headTitle ?? null) : null,
          data.staffName ?? null,
          headAppearances.includes(appearance) ? null : (data.absenceReason ?? null),
          data.absenceNote || null,
        ],
      );
    },
    undo: async ({ tx, eventId }) => {
      await tx.query('DELETE FROM litigation_hearings WHERE event_id = $1', [eventId]);
    },
    correctable: { roles: staff },
    describe: (d) => {
      const a = appearanceOf(d);
      return headAppearances.includes(a)
        ? `${appearances[a]}${d.headName ? `：${d.headName}${d.headTitle ? `（${d.headTitle}）` : ''}` : ''}`
        : `${appearances[a]}${d.staffName ? `：${d.staffName}` : ''}`;
    },
  }),
  conclude: action({
    label: '登记裁判结果',
    from: ['pending'],
    to: 'concluded',
    roles: staff,
    schema: suitConcludeSchema,
    check: ({ data, date }) =>
      data.servedOn && data.servedOn > date
        ? {
            message: '送达日期不能晚于登记日期',
            errors: [{ field: 'servedOn', message: `不能晚于 ${date}` }],
          }
        : null,
    apply: async ({ tx, matter, data, date }) => {
      await tx.query(
        `UPDATE litigation_suits SET outcome = $2, concluded_on = $3, document_kind = $4, judgment_type = $5,
           grounds = $6, judgment_served_on = $7, reconsideration_decision_revoked = $8 WHERE matter_id = $1`,
        [
          matter.id,
          data.outcome,
          date,
          data.documentKind ?? null,
          data.judgmentType ?? null,
          data.grounds || null,
          data.servedOn ?? null,
          data.reconsiderationDecisionRevoked ?? null,
        ],
      );
    },
    // 第八十五条: a party may appeal a first-instance judgment within 15 days and a ruling within 10, from service.
    deadlines: [
      {
        op: 'start',
        key: 'appeal',
        rule: {
          among: ['xzss.appeal.judgment', 'xzss.appeal.ruling'],
          pick: (d) => (d.documentKind === 'ruling' ? 'xzss.appeal.ruling' : 'xzss.appeal.judgment'),
        },
        from: ({ data }) => data.servedOn ?? null,
        when: (d, m) => appealable(d) && instanceOf(m) === 'first',
      },
      { op: 'stop', key: 'defence' },
    ],
    describe: (d) =>
      `${suitOutcomes[d.outcome]}${d.judgmentType ? `，${judgmentTypes[d.judgmentType]}` : ''}${d.servedOn ? `，${d.servedOn} 送达` : ''}`,
  }),
  recordSuggestion: action({
    label: '登记司法建议、检察建议',
    from: ['pending', 'concluded'],
    to: 'same',
    roles: staff,
    schema: suggestionSchema,
    apply: async ({ tx, matter, data }) => {
      await tx.query(
        `INSERT INTO litigation_suggestions (matter_id, kind, received_on, content) VALUES ($1, $2, $3, $4)`,
        [matter.id, data.kind, data.receivedOn, data.content],
      );
    },
    describe: (d) => `${suggestionKinds[d.kind]}：${d.content}`,
  }),
  replySuggestion: action({
    label: '登记建议回复',
    from: ['pending', 'concluded'],
    to: 'same',
    roles: staff,
    schema: suggestionReplySchema,
    requires: async ({ tx, matter }) => {
      const { rows } = await tx.query(
        'SELECT 1 FROM litigation_suggestions WHERE matter_id = $1 AND replied_on IS NULL',
        [matter.id],
      );
      return rows.length ? null : '没有待回复的司法建议或检察建议';
    },
    check: async ({ tx, matter, data }) =>
      data.suggestionId === undefined || (await pendingSuggestion(tx, matter.id, data.suggestionId)) !== null
        ? null
        : {
            message: '所选建议不属于本案或已经回复',
            errors: [{ field: 'suggestionId', message: '请选择待回复的建议' }],
          },
    apply: async ({ tx, matter, data, date }) => {
      const id = await pendingSuggestion(tx, matter.id, data.suggestionId);
      await tx.query('UPDATE litigation_suggestions SET replied_on = $2, reply = $3 WHERE id = $1', [
        id,
        date,
        data.reply,
      ]);
    },
    describe: (d) => d.reply,
  }),
};
