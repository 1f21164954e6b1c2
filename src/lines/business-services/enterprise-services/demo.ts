/**
 * The demo guidelines and enterprise services, set-based: the three guidelines of 2024 (绿色石化, 紧固件, 稀土磁性
 * 材料), and 92 enterprises served by the foreign-related centre by the end of 2024 (40 by the end of 2023),
 * with compliance appointments besides. Enterprises are organisations of the parties registry.
 */
import { addDays } from '../../../kernel/calendar/dates.ts';
import { between, company, seeded } from '../../../kernel/demo/people.ts';
import { demoActor } from '../../../kernel/demo/runner.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { type Db, withTx } from '../../../platform/db/pool.ts';

const MARKER = 'demo.compliance';
const GUIDELINES: [string, string, string][] = [
  ['绿色石化', '镇海区绿色石化行业合规指引', '2024-06-28'],
  ['紧固件', '镇海区紧固件产业合规指引', '2024-09-20'],
  ['稀土磁性材料', '镇海区稀土磁性材料产业合规指引', '2024-12-06'],
  ['跨境贸易', '频繁贸易国重点核心产品合规指引', '2025-11-14'],
];
/** Distinct enterprises first served by the foreign-related centre, cumulative at each year's end. */
const FOREIGN_AT: Record<number, number> = { 2023: 40, 2024: 92, 2025: 130, 2026: 151 };
const COUNTRIES = ['美国', '德国', '日本', '韩国', '越南', '印度尼西亚', '阿联酋', '俄罗斯'];

export async function loadComplianceDemo(db: Db, today: string): Promise<number | null> {
  return withTx(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [MARKER]);
    if ((await tx.query('SELECT 1 FROM settings WHERE key = $1', [MARKER])).rows[0]) return null;
    const { rows: sec } = await tx.query<{ id: number }>(
      `SELECT id::int FROM orgs WHERE code = 'sec-legal-services'`,
    );
    if (!sec[0]) return null;
    const owner = sec[0].id;
    for (const [industry, title, on] of GUIDELINES)
      if (on <= today)
        await tx.query(
          `INSERT INTO compliance_guidelines (owner_org_id, industry, title, authors, published_on, enterprises_reached, is_demo)
           VALUES ($1, $2, $3, '镇海区产业合规中心、区司法局', $4, $5, true)`,
          [owner, industry, title, on, 30],
        );
    const rng = seeded(20240092);
    const rows: {
      name: string;
      code: string;
      centre: string;
      service: string;
      on: string;
      country: string | null;
    }[] = [];
    let had = 0;
    for (const [year, at] of Object.entries(FOREIGN_AT)) {
      for (let k = had; k < at; k++) {
        const on = addDays(`${year}-01-08`, between(rng, 0, 320));
        if (addDays(on, 7) > today) continue;
        const c = company(rng);
        rows.push({
          ...c,
          code: c.creditCode,
          centre: 'foreignRelated',
          service: 'consultation',
          on,
          country: COUNTRIES[k % COUNTRIES.length]!,
        });
        if (k % 3 === 0)
          rows.push({
            ...c,
            code: c.creditCode,
            centre: 'compliance',
            service: 'appointment',
            on: addDays(on, 20) > `${year}-12-20` ? on : addDays(on, 20),
            country: null,
          });
      }
      had = at;
    }
    await tx.query(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[])
           AS t(name, code, centre, service, on_date, country)
       ), p AS (
         INSERT INTO parties (party_type, name, credit_code, org_kind, owner_org_id)
         SELECT DISTINCT ON (code) 'organisation', name, code, 'enterprise', $7 FROM input
         ON CONFLICT (credit_code) WHERE credit_code IS NOT NULL DO NOTHING
         RETURNING id, credit_code
       ), ids AS (SELECT id, credit_code FROM p UNION SELECT id, credit_code FROM parties WHERE credit_code IN (SELECT code FROM input))
       INSERT INTO enterprise_services (owner_org_id, centre, service, party_id, topic, country, requested_on, slot_on,
                                        status, adviser, advice, done_on, is_demo)
       SELECT $7, i.centre, i.service, ids.id,
              CASE i.centre WHEN 'foreignRelated' THEN '出口贸易合规与境外纠纷应对' ELSE '安全生产与环保合规体检' END,
              i.country, i.on_date, i.on_date + 3, 'done', '涉外律师', '已出具书面法律意见并约定一个月后回访', i.on_date + 7, true
       FROM input i JOIN ids ON ids.credit_code = i.code`,
      [
        rows.map((r) => r.name),
        rows.map((r) => r.code),
        rows.map((r) => r.centre),
        rows.map((r) => r.service),
        rows.map((r) => r.on),
        rows.map((r) => r.country),
        owner,
      ],
    );
    await audit(tx, demoActor, {
      action: 'demo.load',
      objectType: 'line',
      summary: { line: 'compliance', services: rows.length },
    });
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      MARKER,
      JSON.stringify({ loadedOn: today }),
    ]);
    return rows.length;
  });
}
