import { factsSection, labelled as label, tableSection } from '../../kernel/workflow/details.ts';
import type { DetailSection } from '../../kernel/workflow/types.ts';
import { inParallel, type Queryable } from '../../platform/db/pool.ts';
import {
  agreementForms,
  channels,
  confirmationResults,
  courtProcedures,
  disputeTypes,
  organisationKinds,
  partyRoles,
  performances,
  referrals,
  sources,
} from './labels.ts';

/** The case page: the dispute and where it came from, the parties (numbers masked), the mediators and sessions. */
export async function caseDetails(db: Queryable, matterId: number): Promise<DetailSection[]> {
  const [c, parties, mediators, sessions] = await inParallel(db, [
    () =>
      db.query(
        `SELECT c.*, to_char(c.amount, 'FM999999999990.00') AS amount_text,
                to_char(c.amount_agreed, 'FM999999999990.00') AS amount_agreed_text,
                o.name AS org_name, mo.org_kind, ro.name AS referring_org, rs.name AS respondent_org,
                rm.ref_no AS reconsideration_ref
         FROM mediation_cases c JOIN orgs o ON o.id = c.org_id
         JOIN mediation_organisations mo ON mo.org_id = c.org_id
         LEFT JOIN orgs ro ON ro.id = c.referring_org_id LEFT JOIN orgs rs ON rs.id = c.respondent_org_id
         LEFT JOIN matters rm ON rm.id = c.reconsideration_matter_id
         WHERE c.matter_id = $1`,
        [matterId],
      ),
    () =>
      db.query(
        `SELECT mp.role, mp.party_id, p.name, coalesce(p.id_number_masked, p.credit_code) AS identity,
                p.phone_masked AS phone, p.address
         FROM matter_parties mp JOIN parties p ON p.id = mp.party_id WHERE mp.matter_id = $1
         ORDER BY CASE mp.role WHEN 'applicant' THEN 0 ELSE 1 END, mp.seq`,
        [matterId],
      ),
    () =>
      db.query(
        `SELECT md.name, o.name AS org, md.speciality, a.lead, a.assigned_on::text, a.conflict_check
         FROM mediation_assignments a JOIN mediators md ON md.id = a.mediator_id JOIN orgs o ON o.id = md.org_id
         WHERE a.matter_id = $1 ORDER BY a.event_id, a.lead DESC, md.id`,
        [matterId],
      ),
    () =>
      db.query(
        `SELECT held_on::text, place, attendees, summary FROM mediation_sessions WHERE matter_id = $1 ORDER BY held_on, id`,
        [matterId],
      ),
  ]);
  const r = c.rows[0];
  if (!r) return [];
  return [
    factsSection('纠纷与来源', [
      ['调解组织', `${r.org_name}（${label(organisationKinds, r.org_kind)}）`],
      ['案件来源', label(sources, r.source)],
      ['申请方式', label(channels, r.channel)],
      ['收件日期', r.received_on],
      ['纠纷类型', label(disputeTypes, r.dispute_type)],
      ['涉及金额（元）', r.amount_text],
      ['纠纷事实', r.facts],
      ['申请事项', r.request],
      ['委派/委托法院', r.court_name],
      ['法院案号', r.court_case_no],
      ['法院适用程序', label(courtProcedures, r.court_procedure)],
      ['签收移交材料日期', r.materials_received_on],
      ['移交/委托机关', r.referring_org],
      ['行政复议案件', r.reconsideration_ref],
      ['被申请人（行政机关）', r.respondent_org],
    ]),
    factsSection('调解结果', [
      [
        '结果',
        r.outcome === 'agreed'
          ? '达成协议'
          : r.outcome === 'failed'
            ? '调解终止'
            : r.outcome === 'refused'
              ? '不予受理'
              : null,
      ],
      ['日期', r.outcome_on],
      ['协议形式', label(agreementForms, r.agreement_form)],
      ['协议内容', r.agreement],
      ['协议金额（元）', r.amount_agreed_text],
      ['履行情况', label(performances, r.performance)],
      ['终止原因', r.failure_reason],
      ['告知的其他途径', label(referrals, r.referred_to)],
      ['司法确认法院', r.confirmation_court],
      ['申请司法确认日期', r.confirmation_applied_on],
      ['司法确认结果', label(confirmationResults, r.confirmation_result)],
      ['裁定日期', r.confirmation_ruled_on],
      ['当场调解（简易登记）', r.quick],
    ]),
    tableSection(
      '当事人',
      ['身份', '姓名/名称', '证件号码/统一社会信用代码', '联系电话', '住所'],
      parties.rows.map((p) => [label(partyRoles, p.role), p.name, p.identity, p.phone, p.address]),
      parties.rows.map((p) => `/parties/${p.party_id}`),
    ),
    tableSection(
      '调解员',
      ['姓名', '所属组织', '专长', '主调解员', '指派日期', '回避审查'],
      mediators.rows.map((m) => [m.name, m.org, m.speciality, m.lead, m.assigned_on, m.conflict_check]),
    ),
    tableSection(
      '调解记录',
      ['日期', '地点', '参加人员', '调解情况'],
      sessions.rows.map((s) => [s.held_on, s.place, s.attendees, s.summary]),
    ),
  ];
}

/**
 * 调解+复议, the other way: what the mediation of a reconsideration application came to, shown on that application's
 * page (the line adds it through LineDef.linkedDetails; the reconsideration line knows nothing of mediation).
 */
export async function reconsiderationLinkedDetails(
  db: Queryable,
  matterId: number,
): Promise<DetailSection[]> {
  const { rows } = await db.query(
    `SELECT m.ref_no, m.state, o.name AS org, c.outcome, c.outcome_on::text, c.agreement_form, c.agreement,
            to_char(c.amount_agreed, 'FM999999999990.00') AS amount_agreed, c.failure_reason, c.received_on::text
     FROM mediation_cases c JOIN matters m ON m.id = c.matter_id JOIN orgs o ON o.id = c.org_id
     WHERE c.reconsideration_matter_id = $1 ORDER BY m.id`,
    [matterId],
  );
  return rows.map((r) =>
    factsSection('调解+复议：转入调解情况', [
      ['调解案件', r.ref_no],
      ['调解组织', r.org],
      ['转入日期', r.received_on],
      [
        '调解结果',
        r.outcome === 'agreed'
          ? '达成调解协议'
          : r.outcome === 'failed'
            ? '调解终止'
            : r.outcome === 'refused'
              ? '不予受理'
              : '调解中',
      ],
      ['结果日期', r.outcome_on],
      ['协议形式', label(agreementForms, r.agreement_form)],
      ['协议内容', r.agreement],
      ['协议金额（元）', r.amount_agreed],
      ['终止原因', r.failure_reason],
    ]),
  );
}
