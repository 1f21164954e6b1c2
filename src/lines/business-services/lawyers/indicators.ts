import { indicatorsOf } from '../../../kernel/indicators/registry.ts';

/**
 * The lawyers' figures from the register: firms and lawyers are records with dates (a head count at a day counts
 * those there on it; "settled in a year" counts the settling dates); the revenue is the sum of the firms' returns.
 * Registry rows are not matters: the drill-down lists none.
 */
const firms = `
  SELECT NULL::bigint AS matter_id, f.settled_on AS on_date, f.left_on AS end_date, o.id AS owner_org_id,
         o.region_code, 1 AS value
  FROM law_firms f JOIN orgs o ON o.id = f.org_id`;
/** Government lawyers sit in departments; the pool is the 律师工作科's, so they count in its scope. */
const lawyersOf = (types: string) => `
  SELECT NULL::bigint AS matter_id, l.licensed_on AS on_date, l.left_on AS end_date,
         CASE WHEN l.lawyer_type = 'government'
              THEN coalesce((SELECT s.id FROM orgs s WHERE s.code = 'sec-lawyers'), o.id) ELSE o.id END AS owner_org_id,
         o.region_code, 1 AS value
  FROM lawyers l JOIN orgs o ON o.id = l.org_id
  WHERE l.lawyer_type IN (${types})`;

export const lawyersIndicators = indicatorsOf('lawyers', [
  {
    id: 'lawyers.firms',
    name: '律师事务所',
    unit: '家',
    kind: 'stock',
    definition:
      '年末（或所选期间末日）在本区执业的律师事务所数：落户（设立或迁入）日期不晚于该日且尚未迁出、注销的。',
    facts: firms,
  },
  {
    id: 'lawyers.firmsAdded',
    name: '新落户律师事务所',
    unit: '家',
    definition: '当年在本区设立或迁入的律师事务所数，以落户日期定年度。',
    facts: firms,
  },
  {
    id: 'lawyers.practising',
    name: '执业律师',
    unit: '人',
    kind: 'stock',
    definition:
      '年末在本区律师事务所执业的律师人数（专职、兼职及法律援助律师）：执业日期不晚于该日且尚未转出、注销的；公职律师、公司律师另计。',
    facts: lawyersOf(`'fullTime', 'partTime', 'legalAid'`),
  },
  {
    id: 'lawyers.revenueGrowth',
    name: '律师行业总创收',
    unit: '万元',
    decimals: 2,
    definition:
      '本区律师事务所报送的当年度业务收入之和，以万元计；同比即“律师行业总创收同比增长”。按年度归集（计入该年12月31日），未报送的律所不计入。',
    facts: `
      SELECT NULL::bigint AS matter_id, make_date(r.year, 12, 31) AS on_date, o.id AS owner_org_id, o.region_code,
             r.revenue / 10000 AS value
      FROM firm_revenue_returns r JOIN orgs o ON o.id = r.org_id`,
  },
  {
    id: 'lawyers.governmentLawyers',
    name: '公职律师',
    unit: '人',
    kind: 'stock',
    definition: '年末持有公职律师证书、在本区党政机关任职的公职律师人数（含公职律师人才库内外）。',
    facts: lawyersOf(`'government'`),
  },
]);
