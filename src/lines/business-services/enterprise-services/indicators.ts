import { indicatorsOf } from '../../../kernel/indicators/registry.ts';

/**
 * The compliance centre's and the foreign-related centre's figures from their registers (not matters: no
 * drill-down records). Enterprises served are cumulative (已累计), each counted once at its first completed service.
 */
const firstServed = (centre: string) => `
  SELECT DISTINCT ON (s.party_id) NULL::bigint AS matter_id, s.done_on AS on_date, NULL::date AS end_date,
         s.owner_org_id, o.region_code, 1 AS value
  FROM enterprise_services s JOIN orgs o ON o.id = s.owner_org_id
  WHERE s.centre = '${centre}' AND s.status = 'done'
  ORDER BY s.party_id, s.done_on, s.id`;

export const complianceIndicators = indicatorsOf('compliance', [
  {
    id: 'compliance.guidelines',
    name: '完成产业合规指引',
    unit: '个',
    definition: '当年首次发布的产业合规指引数（每个产业一个，以第1版发布日期定年度；修订版不重复计算）。',
    facts: `
      SELECT NULL::bigint AS matter_id, g.published_on AS on_date, g.owner_org_id, o.region_code, 1 AS value,
             replace(replace(g.title, '镇海区', ''), '合规指引', '') AS dim_subject
      FROM compliance_guidelines g JOIN orgs o ON o.id = g.owner_org_id WHERE g.version = 1`,
    // The report names the guidelines (绿色石化行业、紧固件产业…) from their titles.
    dimensions: [{ id: 'subject', label: '行业（产业）' }],
  },
  {
    id: 'compliance.enterprisesServed',
    name: '累计接受合规指导服务的企业',
    unit: '家',
    kind: 'stock',
    definition: '截至年末接受过产业合规中心指导、咨询或风险体检（已办结）的企业数，同一企业只计一次。',
    facts: firstServed('compliance'),
  },
  {
    id: 'compliance.appointments',
    name: '预约式指导',
    unit: '次',
    definition: '当年企业预约的合规指导次数（以预约日期定年度），已取消的不计入。',
    facts: `
      SELECT NULL::bigint AS matter_id, s.requested_on AS on_date, s.owner_org_id, o.region_code, 1 AS value
      FROM enterprise_services s JOIN orgs o ON o.id = s.owner_org_id
      WHERE s.service = 'appointment' AND s.status <> 'cancelled'`,
  },
  {
    id: 'foreignRelated.enterprisesServed',
    name: '累计接受涉外法律辅导、咨询的企业',
    unit: '家',
    kind: 'stock',
    definition:
      '截至年末宁波国际法律服务中心镇海分中心为其提供过法律辅导、咨询（已办结）的企业数，同一企业只计一次。',
    facts: firstServed('foreignRelated'),
  },
]);
