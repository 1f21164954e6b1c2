import { type DemoDef, type DemoYears, runDemo } from '../../kernel/demo/runner.ts';
import type { Db, Tx } from '../../platform/db/pool.ts';
import { DEMO_MARKER, DEMO_STAFF, planDemo, SEED } from './demo.ts';
import { RESPONDENTS } from './demo-figures.ts';
import { reconsiderationOffice } from './store.ts';

async function demoOrgIds(tx: Tx): Promise<Record<string, number> | null> {
  const { rows } = await tx.query<{ code: string; id: number }>(
    `SELECT code, id FROM orgs WHERE code LIKE 'dept-%' AND is_demo`,
  );
  const ids = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  return Object.keys(ids).length < Object.keys(RESPONDENTS).length ? null : ids;
}

/** The demo register of 行政复议人员, once (the plan's steps assign them by name). */
async function seedStaff(tx: Tx) {
  const office = await reconsiderationOffice(tx);
  await tx.query(
    `INSERT INTO reconsideration_staff (org_id, name, qualification, certificate_no, since, is_demo)
     SELECT $1, s.name, s.qualification, s."certificateNo", s.since, true
     FROM jsonb_to_recordset($2::jsonb) AS s(name text, qualification text, "certificateNo" text, since date)
     WHERE NOT EXISTS (SELECT 1 FROM reconsideration_staff r WHERE r.org_id = $1 AND r.name = s.name)`,
    [office.id, JSON.stringify(DEMO_STAFF)],
  );
}

/** The line's demo for the kernel's runner: the seeded plan of applications and suits, from 2023 to today. */
export const reconsiderationDemo: DemoDef = {
  line: 'reconsideration',
  marker: DEMO_MARKER,
  seed: SEED,
  plan: async (tx, cal, today) => {
    const orgIds = await demoOrgIds(tx);
    if (!orgIds) return null;
    await seedStaff(tx);
    const plan = planDemo(cal, today, orgIds);
    return [
      ...plan.applications.map((a) => ({ kind: 'application', ...a })),
      ...plan.suits.map((s) => ({ kind: 'suit', ...s })),
    ];
  },
};

/**
 * Loads the demo through the workflow engine (see kernel/demo/runner.ts): the totals once loaded, null when it
 * already was (or the demo organs are missing), 'unfinished' when `batches` ran out first.
 */
export async function loadReconsiderationDemo(
  db: Db,
  today: string,
  opts: { batches?: number; years?: DemoYears } = {},
): Promise<{ applications: number; suits: number } | null | 'unfinished'> {
  const r = await runDemo(db, reconsiderationDemo, today, opts);
  return r && r !== 'unfinished' ? { applications: r.application ?? 0, suits: r.suit ?? 0 } : r;
}
