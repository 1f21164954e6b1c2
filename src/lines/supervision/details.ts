/** The matter page's facts of the line's three kinds. */
import { factsSection, tableSection } from '../../kernel/workflow/details.ts';
import type { DetailSection } from '../../kernel/workflow/types.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import { escalations, findingCategories, instruments } from './labels.ts';
import { findingFacts, inspectionFacts, instrumentFacts } from './store.ts';

/** The finding's states as the inspection's table prints them. */
const findingStates: Record<string, string> = {
  rectifying: '整改中',
  reported: '已报整改待验收',
  closed: '已销号',
};

const label = <T extends Record<string, string>>(list: T, code: string | null) =>
  code ? (list[code as keyof T] ?? code) : null;

export async function inspectionDetails(db: Queryable, id: number): Promise<DetailSection[]> {
  const f = await inspectionFacts(db, id);
  const { rows } = await db.query<{ id: number }>(
    'SELECT matter_id AS id FROM supervision_findings WHERE inspection_matter_id = $1 ORDER BY found_on, matter_id',
    [id],
  );
  return [
    factsSection('督察安排', [
      ['被督察单位', f.unit],
      ['年度督察计划', f.plan_name],
      ['督察组', f.team],
      ['实地督察', `${f.starts_on} 至 ${f.ends_on}`],
      ['督察重点', f.focus],
    ]),
    tableSection(
      `督察发现问题（${f.findings.length}个）`,
      ['编号', '类别', '问题', '整改期限', '状态'],
      f.findings.map((x) => [
        x.ref_no,
        label(findingCategories, x.category),
        x.description,
        x.rectify_by,
        findingStates[x.state] ?? x.state,
      ]),
      rows.map((r) => `/matters/${r.id}`),
    ),
  ];
}

export async function findingDetails(db: Queryable, id: number): Promise<DetailSection[]> {
  const f = await findingFacts(db, id);
  const { rows } = await db.query<{
    escalation: string | null;
    sent_back: number;
    reported_on: string | null;
    inspection: number;
  }>(
    `SELECT escalation, sent_back, reported_on::text, inspection_matter_id AS inspection FROM supervision_findings WHERE matter_id = $1`,
    [id],
  );
  const r = rows[0]!;
  return [
    factsSection('督察发现问题', [
      ['责任单位', f.unit],
      ['所属督察', f.inspection_ref],
      ['问题类别', label(findingCategories, f.category)],
      ['问题描述', f.description],
      ['发现日期', f.found_on],
      ['整改期限', f.rectify_by],
      ['整改报告日期', r.reported_on],
      ['退回重新整改次数', String(r.sent_back)],
      ['逾期督办', label(escalations, r.escalation)],
    ]),
  ];
}

export async function instrumentDetails(db: Queryable, id: number): Promise<DetailSection[]> {
  const f = await instrumentFacts(db, id);
  return [
    factsSection(label(instruments, f.instrument) ?? '监督文书', [
      ['被监督部门', f.department],
      ['制发日期', f.issued_on],
      ['所属专项监督', f.campaign],
      ['发现的问题', f.problems],
      ['监督要求', f.requirements],
      ['回复期限', f.reply_by],
      ['回复日期', f.replied_on],
      ['逾期回复', f.replied_on ? (f.replied_on > f.reply_by ? '是' : '否') : null],
      ['回复内容', f.reply],
    ]),
  ];
}
