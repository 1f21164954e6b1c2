/** The line's facts on the matter page (read after the scope check and the purpose audit). */
import { factsSection, labelled, tableSection } from '../../kernel/workflow/details.ts';
import type { DetailSection } from '../../kernel/workflow/types.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import {
  approvers,
  behaviourLabels,
  correctionTypes,
  employments,
  levels,
  measures,
  resettlementSources,
} from './labels.ts';
import { subjectFacts } from './store.ts';

export async function subjectDetails(db: Queryable, matterId: number): Promise<DetailSection[]> {
  const f = await subjectFacts(db, matterId);
  const { rows: s } = await db.query(
    `SELECT effective_on::text, notice_received_on::text, reported_on::text, ended_on::text, to_resettlement
     FROM correction_subjects WHERE matter_id = $1`,
    [matterId],
  );
  const r = s[0]!;
  const leaves = await db.query(
    `SELECT leave_from::text, leave_to::text, days, destination, approver, decision FROM correction_leaves
     WHERE matter_id = $1 ORDER BY id`,
    [matterId],
  );
  const sanctions = await db.query(
    `SELECT decided_on::text, behaviour, measure, within_benchmark, justification FROM correction_sanctions
     WHERE matter_id = $1 ORDER BY id`,
    [matterId],
  );
  const decisions: Record<string, string> = { approved: '批准', refused: '不批准', escalated: '报上一级' };
  return [
    factsSection('社区矫正对象', [
      ['姓名', f.name],
      ['公民身份号码', f.idMasked],
      ['矫正类别', labelled(correctionTypes, f.type)],
      ['罪名', f.offence],
      ['决定机关', f.decisionOrgan],
      ['文书号', f.decisionNo],
      ['生效日期', r.effective_on],
      ['收到通知日期', r.notice_received_on],
      ['报到日期', r.reported_on],
      ['矫正期限', `${f.termStart} 至 ${f.termEnd}`],
      ['管理等级', labelled(levels, f.level)],
      ['负责司法所', f.office],
      ['解除/终止日期', r.ended_on],
      ['转入安置帮教', r.to_resettlement],
    ]),
    tableSection(
      '外出申请',
      ['外出起始', '返回', '天数', '目的地', '审批层级', '结果'],
      leaves.rows.map((l) => [
        l.leave_from,
        l.leave_to,
        l.days,
        l.destination,
        labelled(approvers, l.approver),
        l.decision ? decisions[l.decision] : '待审批',
      ]),
    ),
    tableSection(
      '违规处理（裁量基准）',
      ['日期', '违规情形', '措施', '在基准范围内', '偏离理由'],
      sanctions.rows.map((x) => [
        x.decided_on,
        labelled(behaviourLabels, x.behaviour),
        labelled(measures, x.measure),
        x.within_benchmark,
        x.justification,
      ]),
    ),
  ];
}

export async function resettlementDetails(db: Queryable, matterId: number): Promise<DetailSection[]> {
  const { rows } = await db.query(
    `SELECT p.name, p.id_number_masked, o.name AS office, r.source, r.released_on::text, r.releasing_organ, r.offence,
            cm.ref_no AS correction_ref, r.contacted_on::text, r.employment, r.key_person, r.ended_on::text
     FROM resettlement_subjects r JOIN parties p ON p.id = r.party_id JOIN orgs o ON o.id = r.office_id
     LEFT JOIN matters cm ON cm.id = r.correction_matter_id WHERE r.matter_id = $1`,
    [matterId],
  );
  const r = rows[0]!;
  return [
    factsSection('安置帮教对象', [
      ['姓名', r.name],
      ['公民身份号码', r.id_number_masked],
      ['来源', labelled(resettlementSources, r.source)],
      ['社区矫正档案', r.correction_ref],
      ['释放（解除矫正）日期', r.released_on],
      ['释放单位', r.releasing_organ],
      ['罪名', r.offence],
      ['负责司法所', r.office],
      ['衔接日期', r.contacted_on],
      ['安置情况', labelled(employments, r.employment)],
      ['重点帮教对象', r.key_person],
      ['帮教期满日期', r.ended_on],
    ]),
  ];
}
