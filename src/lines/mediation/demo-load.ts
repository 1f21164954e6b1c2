import type { DemoYears } from '../../kernel/demo/runner.ts';
import { loadWalkedThenBulk } from '../../kernel/demo/walked-then-bulk.ts';
import type { Db } from '../../platform/db/pool.ts';
import { DEMO_MARKER, planDemo, SEED } from './demo.ts';
import { BULK_BATCH, insertBulk } from './demo-bulk.ts';
import { ensureDemoRegistry } from './demo-registry.ts';

/**
 * Loads the mediation demo: the registry (organisations, mediators, parties), the walked cases through the engine
 * (10 per transaction), then the quick registrations set-based. `years` cuts it to a fixture (the test suite loads
 * 2024 only).
 */
export async function loadMediationDemo(
  db: Db,
  today: string,
  opts: { batches?: number; years?: DemoYears } = {},
): Promise<{ cases: number; onSpot: number } | null | 'unfinished'> {
  const loaded = await loadWalkedThenBulk(
    db,
    {
      line: 'mediation',
      marker: DEMO_MARKER,
      seed: SEED,
      registry: ensureDemoRegistry,
      plan: planDemo,
      insertBulk,
      batch: BULK_BATCH,
    },
    today,
    opts,
  );
  if (loaded === null || loaded === 'unfinished') return loaded;
  return { cases: loaded.walked?.case ?? 0, onSpot: loaded.bulk };
}
