import { type DemoDef, type DemoYears, demoActor, runDemo } from '../../../kernel/demo/runner.ts';
import { registerParty } from '../../../kernel/parties/registry.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { type Db, type Tx, withTx } from '../../../platform/db/pool.ts';
import { planCreditRepair, SEED } from './demo.ts';
import { insertGuidance, insertRecords } from './demo-bulk.ts';

const MARKER = 'demo.creditRepair';
const BULK_MARKER = `${MARKER}.bulk`;

async function office(tx: Tx) {
  const { rows } = await tx.query<{ id: number; region: string }>(
    `SELECT id::int, region_code AS region FROM orgs WHERE code = 'sec-legal-services'`,
  );
  return rows[0] ?? null;
}

const walkedDemo: DemoDef = {
  line: 'creditRepair',
  marker: MARKER,
  seed: SEED,
  plan: async (tx, _cal, today) => {
    const o = await office(tx);
    return o ? planCreditRepair(today, o.id).walked : null;
  },
};

/**
 * The subjects (registered once in the parties registry) and the set-based part, in one transaction (a few
 * thousand rows). `years` keeps every year up to its last: the published figures are cumulative.
 */
async function loadBulk(db: Db, today: string, years?: DemoYears) {
  return withTx(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [BULK_MARKER]);
    const { rows: done } = await tx.query('SELECT 1 FROM settings WHERE key = $1', [BULK_MARKER]);
    if (done[0]) return null;
    const o = await office(tx);
    if (!o) return null;
    const plan = planCreditRepair(today, o.id);
    const parties: number[] = [];
    for (const s of plan.subjects)
      parties.push(
        await registerParty(
          tx,
          demoActor,
          { partyType: 'organisation', name: s.name, creditCode: s.creditCode, orgKind: 'enterprise' },
          o.id,
        ),
      );
    const upTo = (d: string) => !years || Number(d.slice(0, 4)) <= years.to;
    const guidance = plan.guidance.filter((g) => upTo(g.consultedOn));
    const records = plan.records.filter((r) => upTo(r.appliedOn));
    await insertGuidance(tx, o, guidance, parties);
    await insertRecords(tx, o, records, parties);
    // Last: the audit chain's head row stays locked until commit (see the kernel's demo runner).
    await audit(tx, demoActor, {
      action: 'demo.load',
      objectType: 'line',
      summary: { line: 'creditRepair', guidance: guidance.length, records: records.length },
    });
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      BULK_MARKER,
      JSON.stringify({ seed: SEED, loadedOn: today, guidance: guidance.length, records: records.length }),
    ]);
    return guidance.length + records.length;
  });
}

export async function loadCreditRepairDemo(db: Db, today: string, opts: { years?: DemoYears } = {}) {
  const bulk = await loadBulk(db, today, opts.years);
  const walked = await runDemo(db, walkedDemo, today, opts);
  if (walked === 'unfinished') return walked;
  if (bulk === null && walked === null) return null;
  return (bulk ?? 0) + Object.values(walked ?? {}).reduce((a, b) => a + b, 0);
}
