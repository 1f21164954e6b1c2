import type { DetailSection } from '../../kernel/workflow/types.ts';
import { inParallel, type Queryable } from '../../platform/db/pool.ts';
import { actKinds, channels, decisionTypes, instances, procedures, suitOutcomes } from './labels.ts';

const label = <T extends Record<string, string>>(labels: T, v: string | null) =>
  v === null ? null : (labels[v as keyof T] ?? v);
const yesNo = (v: boolean | null) => (v === null ? null : v ? '是' : '否');
const roles: Record<string, string> = {
  applicant: '申请人',
  representative: '委托代理人',
  thirdParty: '第三人',
};

/** The application page: the contested act and the parties (full identity numbers: this view is audited). */
export async function applicationDetails(db: Queryable, matterId: number): Promise<DetailSection[]> {
  const [a, parties] = await inParallel(db, [
    () =>
      db.query(
        `SELECT a.*, o.name AS respondent FROM reconsideration_applications a JOIN orgs o ON o.id = a.respondent_org_id
       WHERE a.matter_id = $1`,
        [matterId],
      ),
    () =>
      db.query(
        `SELECT role, party_type, name, coalesce(id_number, credit_code) AS identity, phone, address
       FROM reconsideration_parties WHERE matter_id = $1 ORDER BY CASE role WHEN 'applicant' THEN 0 WHEN 'thirdParty' THEN 1 ELSE 2 END, id`,
        [matterId],
      ),
  ]);
  const r = a.rows[0];
  if (!r) return [];
  return [
    {
      title: '申请事项',
      fields: [
        { label: '收件日期', value: r.received_on },
        { label: '申请方式', value: label(channels, r.channel) },
        { label: '被申请人', value: r.respondent },
        { label: '行政行为类别', value: label(actKinds, r.act_kind) },
        { label: '被申请的行政行为', value: r.act_title },
        { label: '文书编号', value: r.act_doc_no },
        { label: '作出日期', value: r.act_date },
        { label: '知道该行为的日期', value: r.act_known_on },
        { label: '涉及不动产', value: yesNo(r.real_property) },
        { label: '行政复议请求', value: r.request },
        { label: '审理程序', value: label(procedures, r.procedure) },
        { label: '决定类型', value: label(decisionTypes, r.decision_type) },
        { label: '决定日期', value: r.decided_on },
      ],
    },
    {
      title: '当事人',
      table: {
        columns: ['身份', '姓名/名称', '证件号码/统一社会信用代码', '联系电话', '住所'],
        rows: parties.rows.map((p) => [roles[p.role] ?? p.role, p.name, p.identity, p.phone, p.address]),
      },
    },
  ];
}

export async function suitDetails(db: Queryable, matterId: number): Promise<DetailSection[]> {
  const { rows } = await db.query(
    `SELECT s.*, d.name AS defendant, r.ref_no AS reconsideration_ref
     FROM litigation_suits s JOIN orgs d ON d.id = s.defendant_org_id
     LEFT JOIN matters r ON r.id = s.reconsideration_matter_id WHERE s.matter_id = $1`,
    [matterId],
  );
  const s = rows[0];
  if (!s) return [];
  return [
    {
      title: '诉讼信息',
      fields: [
        { label: '受理法院', value: s.court },
        { label: '案号', value: s.case_number },
        { label: '审级', value: label(instances, s.instance) },
        { label: '原告', value: s.plaintiff },
        { label: '被告', value: s.defendant },
        { label: '被诉行为类别', value: label(actKinds, s.act_kind) },
        { label: '立案日期', value: s.filed_on },
        { label: '经行政复议', value: yesNo(s.after_reconsideration) },
        { label: '行政复议案号', value: s.reconsideration_ref },
        { label: '开庭日期', value: s.hearing_on },
        { label: '负责人出庭应诉', value: yesNo(s.head_appeared) },
        { label: '裁判结果', value: label(suitOutcomes, s.outcome) },
        { label: '结案日期', value: s.concluded_on },
      ],
    },
  ];
}
