/**
 * The demo district loading in the background, as on a first `npm start`: every line's demo records walked
 * through the engine, while a user signs in every half second through the same server (one process, as in
 * production). Reports the load's duration and rate, and the sign-ins' latency beside one made before the load.
 */
import { performance } from 'node:perf_hooks';
import { loadLineDemos } from '../src/lines/index.ts';
import { systemActor } from '../src/platform/access/actor.ts';
import { type Db, withTx } from '../src/platform/db/pool.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { insertUser } from '../src/platform/users/queries.ts';
import { allRoutes } from '../src/routes.ts';
import type { Rate } from './intake.ts';

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export async function demoLoadFigure(db: Db, today: string) {
  const config = {
    passwordPolicy: { minLength: 10, minClasses: 3 },
    trustProxy: false,
    logLevel: 'silent' as const,
  };
  const app = await buildApp({ db, config, routes: allRoutes({ db, config, today: () => today }) });
  await app.ready();
  const org = (await db.query<{ id: number }>(`SELECT id FROM orgs WHERE code = 'sec-reconsideration'`))
    .rows[0]!.id;
  const password = 'Bench-Clerk-Pass-2026!';
  await withTx(db, (tx) =>
    insertUser(tx, systemActor, {
      username: 'bench.clerk',
      displayName: 'bench.clerk',
      password,
      mustChange: false,
      memberships: [{ orgId: org, role: 'sectionStaff' }],
    }),
  );
  let n = 0;
  const signIn = async () => {
    const t = performance.now();
    n++;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bench.clerk', password },
      // One sign-in from each of many desks: the per-address limit (30 a minute) is not what is measured.
      remoteAddress: `10.1.${n >> 8}.${n & 255}`,
    });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    return performance.now() - t;
  };
  const idle: number[] = [];
  for (let i = 0; i < 5; i++) idle.push(await signIn());
  const during: number[] = [];
  let loading = true;
  const t = performance.now();
  const load = loadLineDemos(db, today, () => {}).finally(() => {
    loading = false;
  });
  try {
    while (loading) {
      during.push(await signIn());
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    // Never leave the load running on a pool the caller is about to close.
    await load;
  }
  const seconds = (performance.now() - t) / 1000;
  const matters = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM matters WHERE is_demo'))
    .rows[0]!.n;
  await app.close();
  const rate = (xs: number[]): Omit<Rate, 'perSecond'> & { max: number } => ({
    median: pct(xs, 50),
    p95: pct(xs, 95),
    max: Math.max(...xs),
  });
  return {
    matters,
    seconds,
    perSecond: matters / seconds,
    signInIdle: rate(idle),
    signInDuringLoad: rate(during),
  };
}
