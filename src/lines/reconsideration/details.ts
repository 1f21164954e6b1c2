import { factsSection, labelled as label, tableSection } from '../../kernel/workflow/details.ts';
import type { DetailSection } from '../../kernel/workflow/types.ts';
import { inParallel, type Queryable } from '../../platform/db/pool.ts';
import { actKinds, channels, decisionTypes, procedures } from './labels.ts';
import { handlersOf, qualifications } from './staff.ts';

const roles: Record<string, string> = {
  applicant: '申请人',
  representative: '委托代理人',
  thirdParty: '第三人',
};

interface ReplyPayload {
  replyTitle?: string;
  replyPages?: number;
  evidence?: { name: string; pages?: number; source?: string }[];
}

function replySection(r: { on: string; payload: ReplyPayload } | undefined): DetailSection[] {
  if (!r) return [];
  const { replyTitle, replyPages, evidence = [] } = r.payload;
  return [
    tableSection(
      `被申请人答复（${r.on} 收到）`,
      ['材料', '名称', '页数', '来源'],
      [
        ['答复书', replyTitle ?? '书面答复', replyPages ?? null, '被申请人'],
        ...evidence.map((e, i) => [`证据、依据${i + 1}`, e.name, e.pages ?? null, e.source ?? null]),
      ],
    ),
  ];
}

/** The application page: the contested act and the parties (numbers masked; the party's page shows them on request). */
export async function applicationDetails(db: Queryable, matterId: number): Promise<DetailSection[]> {
  const [a, parties, handlers, reply] = await inParallel(db, [
    () =>
      db.query(
        `SELECT a.*, o.name AS respondent,
                (SELECT to_char(e.occurred_on, 'YYYY-MM-DD') FROM matter_events e
                 WHERE e.matter_id = a.matter_id AND e.action = 'accept' AND e.voided_by IS NULL
                 ORDER BY e.seq DESC LIMIT 1) AS accepted_on
         FROM reconsideration_applications a JOIN orgs o ON o.id = a.respondent_org_id
         WHERE a.matter_id = $1`,
        [matterId],
      ),
    () =>
      db.query(
        `SELECT mp.role, mp.party_id, p.name, coalesce(p.id_number_masked, p.credit_code) AS identity, p.phone_masked AS phone,
                p.address, mp.relation
         FROM matter_parties mp JOIN parties p ON p.id = mp.party_id WHERE mp.matter_id = $1
         ORDER BY CASE mp.role WHEN 'applicant' THEN 0 WHEN 'thirdParty' THEN 1 ELSE 2 END, mp.seq`,
        [matterId],
      ),
    () => handlersOf(db, matterId),
    () =>
      db.query<{ on: string; payload: ReplyPayload }>(
        `SELECT to_char(occurred_on, 'YYYY-MM-DD') AS on, payload FROM matter_events
         WHERE matter_id = $1 AND action = 'receiveReply' AND voided_by IS NULL ORDER BY seq DESC LIMIT 1`,
        [matterId],
      ),
  ]);
  const r = a.rows[0];
  if (!r) return [];
  return [
    factsSection('申请事项', [
      ['收件日期', r.received_on],
      ['申请方式', label(channels, r.channel)],
      // The intake's warning stays a fact of the matter (Art. 20–21), for the review to weigh.
      ['申请期限提示', r.late_warning],
      ['被申请人', r.respondent],
      ['行政行为类别', label(actKinds, r.act_kind)],
      ['被申请的行政行为', r.act_title],
      ['文书编号', r.act_doc_no],
      ['作出日期', r.act_date],
      ['知道该行为的日期', r.act_known_on],
      ['未告知申请复议的权利、机关和期限（第二十条第三款）', r.right_not_informed || null],
      ['知道申请复议权利、机关和期限的日期', r.right_known_on],
      ['经作出处罚决定的行政机关提交（第三十二条）', r.via_penalty_organ || null],
      ['该机关收到申请的日期', r.penalty_organ_received_on],
      ['涉及不动产', r.real_property],
      ['行政复议请求', r.request],
      ['受理日期', r.accepted_on],
      ['审理程序', label(procedures, r.procedure)],
      ['决定类型', label(decisionTypes, r.decision_type)],
      ['决定日期', r.decided_on],
    ]),
    tableSection(
      '当事人',
      ['身份', '姓名/名称', '证件号码/统一社会信用代码', '联系电话', '住所'],
      parties.rows.map((p) => [
        p.relation ? `${label(roles, p.role)}（${p.relation}）` : label(roles, p.role),
        p.name,
        p.identity,
        p.phone,
        p.address,
      ]),
      parties.rows.map((p) => `/parties/${p.party_id}`),
    ),
    // The reply as its items (Art. 48): the 答复书, then each piece of evidence or ground with its pages and source.
    ...replySection(reply.rows[0]),
    // The 行政复议人员 who hear the case (实施条例第三十二条), with the qualification Art. 6 asks of them.
    ...(handlers.length
      ? [
          tableSection(
            '承办人员',
            ['承办', '姓名', '任职资格', '法律职业资格证书编号'],
            handlers.map((h) => [
              h.role === 'lead' ? '主办' : '协办',
              h.name,
              label(qualifications, h.qualification),
              h.certificateNo,
            ]),
          ),
        ]
      : []),
  ];
}
