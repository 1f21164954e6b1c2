import { ruleVersion } from '../../kernel/rules/rules.ts';
import { factsSection, labelled as label, tableSection } from '../../kernel/workflow/details.ts';
import type { DetailSection } from '../../kernel/workflow/types.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import { forwardingVerdict } from './forwarding.ts';
import { caseTypes, eligibilities, exemptions, noticeMethods, sources, workerKinds } from './labels.ts';

/** The article the forwarding was judged by, from the rule version pinned on the case. */
const forwardArticle = (id: string, version: string) => ruleVersion(id, version).citation.article;

const countingLabels = {
  zhejiang: '浙江省法律援助条例（审查等期限以工作日计）',
  national: '法律援助法（期限以自然日计）',
};

/** The case page: how it came, eligibility, the decision, the assigned worker, the rights notices. */
export async function caseDetails(db: Queryable, matterId: number): Promise<DetailSection[]> {
  const { rows } = await db.query(
    `SELECT c.*, c.received_on::text AS received, c.decided_on::text AS decided, c.assigned_on::text AS assigned,
            c.ended_on::text AS ended, c.limitation_ends_on::text AS limitation, s.name AS station, f.name AS firm,
            p.name AS applicant, p.id_number_masked AS id_masked, wu.display_name AS worker_account,
            to_char(c.forward_received_at, 'YYYY-MM-DD HH24:MI') AS fwd_received,
            to_char(c.forward_arrived_at, 'YYYY-MM-DD HH24:MI') AS fwd_arrived,
            to_char(c.forward_due_at, 'YYYY-MM-DD HH24:MI') AS fwd_due
     FROM legal_aid_cases c LEFT JOIN orgs s ON s.id = c.station_org_id LEFT JOIN orgs f ON f.id = c.law_firm_org_id
     LEFT JOIN users wu ON wu.id = c.worker_user_id
     LEFT JOIN matter_parties mp ON mp.matter_id = c.matter_id AND mp.role = 'applicant' AND mp.seq = 1
     LEFT JOIN parties p ON p.id = mp.party_id
     WHERE c.matter_id = $1`,
    [matterId],
  );
  const c = rows[0];
  if (!c) return [];
  const { rows: notices } = await db.query(
    `SELECT notified_on::text AS on, method, notified, content FROM legal_aid_rights_notices
     WHERE matter_id = $1 ORDER BY notified_on, id`,
    [matterId],
  );
  return [
    factsSection('法律援助事项', [
      ['来源', label(sources, c.source)],
      ['受援人/申请人', c.applicant ? `${c.applicant}${c.id_masked ? `（${c.id_masked}）` : ''}` : null],
      ['案件类别', label(caseTypes, c.case_type)],
      ['收到日期', c.received],
      ['受理站点', c.station],
      ['通知机关', c.notifying_organ],
      ['通知书文号', c.notice_no],
      ['申请事项', c.matter_summary],
      ['经济困难认定', label(eligibilities, c.eligibility)],
      ['免予条件', label(exemptions, c.exemption)],
      ['时效或期限届满日', c.limitation],
      ['期限计算', label(countingLabels, c.counting)],
    ]),
    factsSection('审查与承办', [
      ['决定日期', c.decided],
      ['承办人员', c.aid_worker ? `${c.aid_worker}（${label(workerKinds, c.aid_worker_kind)}）` : null],
      ['承办单位', c.firm],
      ['承办人员账户', c.worker_account],
      ['指派日期', c.assigned],
      ['办结日期', c.ended],
      ['办案质量评分', c.quality_score],
      ['办案补贴（元）', c.subsidy],
    ]),
    ...(c.fwd_received
      ? [
          factsSection(
            `二十四小时转交（法律援助法${forwardArticle(c.forward_rule_id, c.forward_rule_version)}）`,
            [
              ['转交机关', c.forward_organ ?? '办案机关、监管场所'],
              ['收到申请时间', c.fwd_received],
              ['应当转交时限', `${c.fwd_due}前`],
              ['送达本机构时间', c.fwd_arrived],
              ['转交情况', forwardingVerdict(c.forward_late_minutes)],
              [
                '计算方法',
                '按钟点小时计算，昼夜、休息日和节假日照常计算，届满时刻不顺延；不因期限计算设置而不同',
              ],
            ],
          ),
        ]
      : []),
    tableSection(
      '法律援助权利告知',
      ['日期', '方式', '被告知人', '内容'],
      notices.map((n) => [n.on, label(noticeMethods, n.method), n.notified, n.content]),
    ),
  ];
}
