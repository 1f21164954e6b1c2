import { indicatorsOf } from '../../../kernel/indicators/registry.ts';
import { labelOf } from '../../../kernel/workflow/vocabulary.ts';

/**
 * The credit-repair figures as fact queries. The published figures are cumulative since the platform opened
 * (已累计): stocks with no end, counted up to the period's last day. A subject counts once, at its first
 * consultation (or first application); a record once, on the day its repair succeeded.
 */

/** Each subject's first consultation, in the actor's scope (the kernel filters on the owner). */
const firstConsultation = (partition: string) => `
  SELECT DISTINCT ON (${partition}) m.id AS matter_id, g.consulted_on AS on_date, NULL::date AS end_date,
         m.owner_org_id, m.region_code, 1 AS value
  FROM credit_guidance g JOIN matters m ON m.id = g.matter_id
  WHERE m.line = 'creditRepair'
  ORDER BY ${partition}, g.consulted_on, m.id`;

export const creditRepairIndicators = indicatorsOf('creditRepair', [
  {
    id: 'creditRepair.subjectsConsulted',
    name: '累计信用法律咨询及修复指导的信用主体',
    unit: '家',
    kind: 'stock',
    definition:
      '截至年末（或所选期间末日）接受过信用法律咨询或修复指导的信用主体数（企业、个人均计），同一主体多次咨询只计一次，以首次咨询日期计入；明细列出其首次咨询事项。',
    facts: firstConsultation('g.party_id'),
  },
  {
    id: 'creditRepair.subjectsConsultedInYear',
    name: '当年信用法律咨询及修复指导的信用主体',
    unit: '家',
    definition:
      '当年接受过信用法律咨询或修复指导的信用主体数，同一主体当年多次咨询只计一次；明细列出其当年首次咨询事项。',
    facts: firstConsultation(`g.party_id, date_part('year', g.consulted_on)`),
  },
  {
    id: 'creditRepair.enterprisesRepaired',
    name: '累计完成及推进信用修复的企业',
    unit: '家',
    kind: 'stock',
    definition:
      '截至年末接受过修复指导、且至少一条失信信息已在官方平台申请修复（修复中或已修复）的企业（法人或其他组织）数，以其首次申请修复之日计入；明细列出其首次申请的失信信息记录。',
    facts: `
      SELECT DISTINCT ON (r.party_id) m.id AS matter_id, r.first_applied_on AS on_date, NULL::date AS end_date,
             m.owner_org_id, m.region_code, 1 AS value
      FROM credit_records r JOIN matters m ON m.id = r.matter_id JOIN parties p ON p.id = r.party_id
      WHERE m.line = 'creditRepair' AND r.first_applied_on IS NOT NULL AND p.party_type = 'organisation'
        AND EXISTS (SELECT 1 FROM credit_guidance g WHERE g.party_id = r.party_id AND g.consulted_on <= r.first_applied_on)
      ORDER BY r.party_id, r.first_applied_on, m.id`,
  },
  {
    id: 'creditRepair.recordsRepaired',
    name: '累计修复失信记录',
    unit: '条',
    kind: 'stock',
    definition:
      '截至年末经官方平台审核修复成功（终止公示）的失信信息条数，以修复成功之日计入；未通过、仍在申请中的不计入。',
    facts: `
      SELECT m.id AS matter_id, r.result_on AS on_date, NULL::date AS end_date, m.owner_org_id, m.region_code,
             1 AS value, ${labelOf('creditRepair.severity', 'r.severity')} AS dim_severity
      FROM credit_records r JOIN matters m ON m.id = r.matter_id
      WHERE m.line = 'creditRepair' AND r.result = 'repaired'`,
    dimensions: [{ id: 'severity', label: '失信程度' }],
  },
]);
