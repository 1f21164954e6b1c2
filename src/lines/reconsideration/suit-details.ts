/** The suit's page: the case, the parties (with the 复议机关's place), the judgment, the hearings and the suggestions. */
import { factsSection, labelled as label, tableSection } from '../../kernel/workflow/details.ts';
import type { DetailSection } from '../../kernel/workflow/types.ts';
import { inParallel, type Queryable } from '../../platform/db/pool.ts';
import { actKinds, suitOutcomes } from './labels.ts';
import {
  absenceReasons,
  appearances,
  courtDocuments,
  judgmentTypes,
  reconsiderationOrganRoles,
  suggestionKinds,
  suitInstances,
} from './suit-labels.ts';
import { reconsiderationOrganName } from './suit-store.ts';

/** Days from the notice to the hearing: the court notifies three days before (2020 规定第五条第一款). */
const noticeDays = (notice: string | null, held: string) =>
  notice === null ? null : Math.round((Date.parse(held) - Date.parse(notice)) / 86_400_000);

export async function suitDetails(db: Queryable, matterId: number): Promise<DetailSection[]> {
  const [suit, hearings, suggestions, organ] = await inParallel(db, [
    () =>
      db.query(
        `SELECT s.*, d.name AS defendant, r.ref_no AS reconsideration_ref, p.case_number AS prior_case,
                (SELECT string_agg(l.case_number, '、') FROM litigation_suits l WHERE l.prior_matter_id = s.matter_id) AS later_cases
         FROM litigation_suits s JOIN orgs d ON d.id = s.defendant_org_id
         LEFT JOIN matters r ON r.id = s.reconsideration_matter_id
         LEFT JOIN litigation_suits p ON p.matter_id = s.prior_matter_id
         WHERE s.matter_id = $1`,
        [matterId],
      ),
    () =>
      db.query(
        `SELECT held_on, notice_received_on, appearance, head_name, head_title, staff_name, absence_reason, absence_note
         FROM litigation_hearings WHERE matter_id = $1 ORDER BY held_on, id`,
        [matterId],
      ),
    () =>
      db.query(
        `SELECT kind, received_on, content, replied_on, reply FROM litigation_suggestions WHERE matter_id = $1 ORDER BY id`,
        [matterId],
      ),
    () => reconsiderationOrganName(db),
  ]);
  const s = suit.rows[0];
  if (!s) return [];
  const role = s.reconsideration_organ_role as keyof typeof reconsiderationOrganRoles | null;
  const finality =
    s.later_cases !== null
      ? `已进入后续审级（${s.later_cases}），以后续审级结果为准`
      : s.instance === 'first'
        ? s.outcome
          ? '一审裁判：上诉期届满未上诉的发生法律效力（第八十五条）'
          : null
        : s.outcome
          ? '终审或生效裁判'
          : null;
  return [
    factsSection('诉讼信息', [
      ['受理法院', s.court],
      ['案号', s.case_number],
      ['审级', label(suitInstances, s.instance)],
      ['行政赔偿案件', s.compensation],
      ['原审案号', s.prior_case],
      ['原告', s.plaintiff],
      ['作出原行政行为的行政机关', s.defendant],
      [
        '复议机关在诉讼中的地位',
        role ? `${organ}：${reconsiderationOrganRoles[role]}（行政诉讼法第二十六条第二款）` : null,
      ],
      ['被诉行为类别', label(actKinds, s.act_kind)],
      ['立案日期', s.filed_on],
      ['经行政复议', s.after_reconsideration],
      ['行政复议案号', s.reconsideration_ref],
      ['收到起诉状副本', s.complaint_served_on],
      ['提交答辩状及证据', s.defence_submitted_on],
    ]),
    factsSection('裁判', [
      ['裁判结果', label(suitOutcomes, s.outcome)],
      ['裁判文书', label(courtDocuments, s.document_kind)],
      ['裁判方式', label(judgmentTypes, s.judgment_type)],
      ['裁判理由要旨', s.grounds],
      ['复议决定一并被撤销或确认违法（第七十九条）', s.reconsideration_decision_revoked],
      ['送达日期', s.judgment_served_on],
      ['生效情况', finality],
      ['结案日期', s.concluded_on],
    ]),
    tableSection(
      '开庭与出庭应诉',
      ['开庭日期', '出庭情况', '出庭人员', '出庭通知', '负责人未出庭理由'],
      hearings.rows.map((h) => {
        const days = noticeDays(h.notice_received_on, h.held_on);
        return [
          h.held_on,
          label(appearances, h.appearance),
          h.head_name ? `${h.head_name}${h.head_title ? `（${h.head_title}）` : ''}` : h.staff_name,
          h.notice_received_on
            ? `${h.notice_received_on} 收到${days !== null && days < 3 ? '（不足三日，规定第五条）' : ''}`
            : null,
          h.absence_reason
            ? `${label(absenceReasons, h.absence_reason)}${h.absence_note ? `：${h.absence_note}` : ''}`
            : null,
        ];
      }),
    ),
    tableSection(
      '司法建议、检察建议',
      ['类别', '收到日期', '内容', '回复日期', '回复'],
      suggestions.rows.map((g) => [
        label(suggestionKinds, g.kind),
        g.received_on,
        g.content,
        g.replied_on,
        g.reply,
      ]),
    ),
  ];
}
