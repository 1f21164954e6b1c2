/**
 * The demo register of firms, lawyers and revenue returns, set-based and deterministic. At the end of 2024: 12
 * firms of which 2 settled in 2024, 289 practising lawyers, and a revenue of 33,810.00 万元 against 30,000.00 万元
 * in 2023 (+12.7%), as the report publishes; 2025 and 2026 go on plausibly. Lawyers are persons of the parties
 * registry recorded by name only (the demo invents no identity numbers for them).
 */
import { addDays } from '../../../kernel/calendar/dates.ts';
import { between, fullName, seeded } from '../../../kernel/demo/people.ts';
import { demoActor } from '../../../kernel/demo/runner.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { type Db, withTx } from '../../../platform/db/pool.ts';
import { createFirm } from './registry.ts';

const MARKER = 'demo.lawyers';
const FIRMS: [string, string][] = [
  ['浙江甬镇律师事务所', '2005-03-01'],
  ['浙江海天律师事务所', '2008-06-18'],
  ['浙江招宝律师事务所', '2010-09-01'],
  ['浙江蛟川律师事务所', '2012-04-12'],
  ['浙江骆驼律师事务所', '2014-01-06'],
  ['浙江九龙湖律师事务所', '2016-07-20'],
  ['浙江庄市律师事务所', '2018-03-15'],
  ['浙江澥浦律师事务所', '2019-11-11'],
  ['浙江石化港律师事务所', '2021-05-08'],
  ['浙江甬江律师事务所', '2022-08-30'],
  ['北京大成（宁波镇海）律师事务所', '2024-04-16'],
  ['上海锦天城（宁波镇海）律师事务所', '2024-10-09'],
  ['浙江和义（镇海）律师事务所', '2025-06-02'],
];
/** Practising lawyers at each year's end, and revenue (yuan) per year. */
const LAWYERS_AT: Record<number, number> = { 2022: 240, 2023: 262, 2024: 289, 2025: 305, 2026: 318 };
const GOVERNMENT_AT: Record<number, number> = { 2023: 20, 2024: 25, 2025: 31, 2026: 34 };
const REVENUE: Record<number, number> = { 2023: 300_000_000, 2024: 338_100_000, 2025: 371_233_800 };

/** `total` split over `n` firms in fixed proportions (the older firms larger), exact to the yuan. */
function shares(total: number, n: number): number[] {
  const weights = Array.from({ length: n }, (_, i) => n - i + 2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[0]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

export async function loadLawyersDemo(db: Db, today: string): Promise<number | null> {
  return withTx(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [MARKER]);
    if ((await tx.query('SELECT 1 FROM settings WHERE key = $1', [MARKER])).rows[0]) return null;
    const { rows: sec } = await tx.query<{ id: number }>(
      `SELECT id::int FROM orgs WHERE code = 'sec-lawyers'`,
    );
    const { rows: depts } = await tx.query<{ id: number }>(
      `SELECT id::int FROM orgs WHERE kind = 'department' AND is_demo ORDER BY code`,
    );
    if (!sec[0] || !depts.length) return null;
    const rng = seeded(20240289);
    const firms: { id: number; settledOn: string }[] = [];
    for (const [i, [name, settledOn]] of FIRMS.entries()) {
      if (settledOn > today) break;
      const id = await createFirm(tx, demoActor, {
        code: `firm-${String(i + 1).padStart(2, '0')}`,
        name,
        parentId: sec[0].id,
        licenceNo: `3330200${String(2005 + i).padStart(4, '0')}${String(10 + i).padStart(6, '0')}`,
        firmForm: i === 4 ? 'sole' : 'partnership',
        foundedOn: settledOn,
        settledOn,
        partners: between(rng, 3, 12),
        isDemo: true,
      });
      firms.push({ id, settledOn });
    }
    // Lawyers: the year's head count reached by licences issued that year (no one leaves in the demo).
    const rows: { org: number; type: string; on: string; name: string }[] = [];
    let had = 0;
    for (const [year, at] of Object.entries(LAWYERS_AT)) {
      const open = firms.filter((f) => f.settledOn <= `${year}-12-31`);
      for (let k = had; k < at; k++) {
        const on = Number(year) === 2022 ? '2022-12-31' : addDays(`${year}-01-05`, between(rng, 0, 300));
        if (on > today) break;
        const firm = open[k % open.length]!;
        rows.push({
          org: firm.id,
          type: k % 17 === 0 ? 'partTime' : 'fullTime',
          on: [on, firm.settledOn].sort().at(-1)!,
          name: fullName(rng),
        });
      }
      had = at;
    }
    had = 0;
    for (const [year, at] of Object.entries(GOVERNMENT_AT)) {
      for (let k = had; k < at; k++) {
        const on = addDays(`${year}-02-01`, between(rng, 0, 250));
        if (on > today) break;
        rows.push({ org: depts[k % depts.length]!.id, type: 'government', on, name: fullName(rng) });
      }
      had = at;
    }
    await tx.query(
      `WITH input AS (
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::date[], $4::text[]) WITH ORDINALITY AS t(org, type, on_date, name, n)
       ), p AS (
         INSERT INTO parties (party_type, name, id_kind, owner_org_id)
         SELECT 'person', name, 'none', org FROM input ORDER BY n RETURNING id
       ), numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM p)
       INSERT INTO lawyers (org_id, party_id, certificate_no, lawyer_type, licensed_on, in_pool, is_demo)
       SELECT i.org, nb.id, '133022' || lpad(i.n::text, 11, '0'), i.type, i.on_date, i.type = 'government', true
       FROM input i JOIN numbered nb USING (n)`,
      [rows.map((r) => r.org), rows.map((r) => r.type), rows.map((r) => r.on), rows.map((r) => r.name)],
    );
    for (const [year, total] of Object.entries(REVENUE)) {
      const filedOn = `${Number(year) + 1}-03-20`;
      if (filedOn > today) continue;
      const open = firms.filter((f) => f.settledOn <= `${year}-12-31`);
      const parts = shares(total, open.length);
      for (const [i, f] of open.entries())
        await tx.query(
          'INSERT INTO firm_revenue_returns (org_id, year, revenue, filed_on) VALUES ($1, $2, $3, $4)',
          [f.id, Number(year), parts[i], filedOn],
        );
    }
    await audit(tx, demoActor, {
      action: 'demo.load',
      objectType: 'line',
      summary: { line: 'lawyers', firms: firms.length, lawyers: rows.length },
    });
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      MARKER,
      JSON.stringify({ loadedOn: today }),
    ]);
    return firms.length + rows.length;
  });
}
