/**
 * Loads the supervision demo: one inspection group (the inspection, its findings and their loops) or a few
 * instruments per transaction, with the progress committed alongside, so a crash loses at most the group in flight
 * and the next start resumes after it. The kernel's runner walks one matter at a time; a finding must be
 * registered under its inspection's id, known only once the inspection exists, hence this small loader of its own.
 */

import type { DemoStep } from '../../kernel/demo/runner.ts';
import { type DemoYears, demoActor } from '../../kernel/demo/runner.ts';
import { createMatter, transition } from '../../kernel/workflow/engine.ts';
import { audit } from '../../platform/audit/audit.ts';
import { type Db, insideTransaction, type Tx, withTx } from '../../platform/db/pool.ts';
import { DEMO_MARKER, type PlannedInspection, type PlannedInstrument, planDemo, SEED } from './demo.ts';
import { insertPlainFindings, isPlain } from './demo-bulk.ts';
import { ensureDemoOrgs, insertDemoRecords } from './demo-registry.ts';

type Group = { inspection: PlannedInspection } | { instrument: PlannedInstrument };
interface Progress {
  today: string;
  years?: DemoYears;
  done: number;
}

const yearOf = (d: unknown) => Number(String(d).slice(0, 4));

async function steps(tx: Tx, id: number, version: number, list: DemoStep[], today: string) {
  const db = insideTransaction(tx);
  let v = version;
  for (const s of list) {
    if (s.date > today) break;
    v = (await transition(db, demoActor, id, s.action, { version: v, date: s.date, data: s.data }, { today }))
      .version;
  }
  return v;
}

async function walkGroup(tx: Tx, g: Group, orgs: Map<string, number>, today: string) {
  const db = insideTransaction(tx);
  const ids: number[] = [];
  if ('instrument' in g) {
    const m = g.instrument;
    const c = await createMatter(
      db,
      demoActor,
      'supervision',
      'instrument',
      { ...m.input, departmentOrgId: orgs.get(m.deptCode) },
      { today },
    );
    await steps(tx, c.id, c.version, m.steps, today);
    ids.push(c.id);
  } else {
    const p = g.inspection;
    const i = await createMatter(
      db,
      demoActor,
      'supervision',
      'inspection',
      { ...p.input, unitOrgId: orgs.get(p.unitCode) },
      { today },
    );
    ids.push(i.id);
    const findings = [];
    const planned = p.findings.filter((f) => String(f.input.foundOn) <= today);
    // The first finding of each inspection and every one with more than report → closed go through the engine;
    // the other plain ones are inserted set-based (demo-bulk.ts), the demo's time budget being 15 s.
    const bulk = planned.filter((f, k) => k > 0 && isPlain(f, today));
    for (const f of planned) {
      if (bulk.includes(f)) continue;
      const c = await createMatter(
        db,
        demoActor,
        'supervision',
        'finding',
        { ...f.input, inspectionId: i.id },
        { today },
      );
      findings.push({ ...c, steps: f.steps });
      ids.push(c.id);
    }
    const unit = await tx.query<{ name: string; region_code: string; owner: number }>(
      `SELECT o.name, o.region_code, m.owner_org_id AS owner FROM orgs o, matters m WHERE o.id = $1 AND m.id = $2`,
      [orgs.get(p.unitCode), i.id],
    );
    const u = unit.rows[0]!;
    ids.push(
      ...(await insertPlainFindings(
        tx,
        {
          id: i.id,
          ownerOrgId: Number(u.owner),
          unitOrgId: orgs.get(p.unitCode)!,
          unitName: u.name,
          regionCode: u.region_code,
          refNo: i.refNo,
        },
        bulk,
      )),
    );
    let v = planned.length ? await steps(tx, i.id, i.version, [p.feedback], today) : i.version;
    for (const f of findings) await steps(tx, f.id, f.version, f.steps, today);
    const { rows } = await tx.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM supervision_findings f JOIN matters m ON m.id = f.matter_id
       WHERE f.inspection_matter_id = $1 AND m.state <> 'closed'`,
      [i.id],
    );
    if (planned.length && !rows[0]!.open) v = await steps(tx, i.id, v, [p.conclude], today);
  }
  await tx.query('UPDATE matters SET is_demo = true WHERE id = ANY($1::bigint[])', [ids]);
}

/**
 * Loads the demo (cut to `years` for the test suite: the groups opened in them, walked to the business date).
 * Returns the counts once loaded, null when it already was or the demo district is missing, 'unfinished' when
 * `batches` ran out first (an interrupted load, for tests).
 */
export async function loadSupervisionDemo(
  db: Db,
  today: string,
  opts: { batches?: number; years?: DemoYears } = {},
): Promise<{ inspections: number; findings: number; instruments: number } | null | 'unfinished'> {
  let planned: { today: string; groups: Group[] } | null = null;
  for (let batch = 0; batch < (opts.batches ?? Number.POSITIVE_INFINITY); batch++) {
    const r = await withTx(db, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [DEMO_MARKER]);
      if ((await tx.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_MARKER])).rowCount)
        return { end: null };
      const { rows } = await tx.query<{ value: Progress }>('SELECT value FROM settings WHERE key = $1', [
        `${DEMO_MARKER}.progress`,
      ]);
      const state: Progress = rows[0]?.value ?? {
        today,
        done: 0,
        ...(opts.years ? { years: opts.years } : {}),
      };
      const orgs = await ensureDemoOrgs(tx);
      if (!orgs) return { end: null };
      if (planned?.today !== state.today) {
        const plan = planDemo(state.today);
        const keep = (d: unknown) =>
          !state.years || (yearOf(d) >= state.years.from && yearOf(d) <= state.years.to);
        planned = {
          today: state.today,
          groups: [
            ...plan.inspections.filter((x) => keep(x.input.noticeOn)).map((inspection) => ({ inspection })),
            ...plan.instruments.filter((x) => keep(x.input.issuedOn)).map((instrument) => ({ instrument })),
          ],
        };
      }
      const { groups } = planned;
      if (state.done === 0) await insertDemoRecords(tx, orgs, state.today);
      const group = groups[state.done];
      if (group) await walkGroup(tx, group, orgs, state.today);
      const next = state.done + 1;
      if (next < groups.length) {
        await tx.query(
          `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [`${DEMO_MARKER}.progress`, JSON.stringify({ ...state, done: next })],
        );
        return { end: undefined };
      }
      const counts = {
        inspections: groups.filter((g) => 'inspection' in g).length,
        findings: groups.reduce(
          (s, g) =>
            s +
            ('inspection' in g
              ? g.inspection.findings.filter((f) => String(f.input.foundOn) <= state.today).length
              : 0),
          0,
        ),
        instruments: groups.filter((g) => 'instrument' in g).length,
      };
      await tx.query('DELETE FROM settings WHERE key = $1', [`${DEMO_MARKER}.progress`]);
      await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
        DEMO_MARKER,
        JSON.stringify({
          seed: SEED,
          loadedOn: state.today,
          ...(state.years ? { years: state.years } : {}),
          ...counts,
        }),
      ]);
      await audit(tx, demoActor, {
        action: 'demo.load',
        objectType: 'line',
        summary: { line: 'supervision', ...counts },
      });
      return { end: counts };
    });
    if (r.end !== undefined) return r.end;
  }
  return 'unfinished';
}
