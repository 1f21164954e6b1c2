import type { DemoYears } from '../../kernel/demo/runner.ts';
import { loadWalkedThenBulk } from '../../kernel/demo/walked-then-bulk.ts';
import type { Db } from '../../platform/db/pool.ts';
import { DEMO_MARKER, planDemo, SEED } from './demo.ts';
import { BULK_BATCH, insertBulk } from './demo-bulk.ts';
import { ensureDemoRegistry } from './demo-registry.ts';

/**
 * Loads the legality review demo: the reviewers, the walked items through the engine, then the bulk set-based.
 * `years` cuts it to a fixture (the test suite loads 2024 only).
 */
export async function loadLegalityReviewDemo(
  db: Db,
  today: string,
  opts: { batches?: number; years?: DemoYears } = {},
): Promise<{ walked: number; bulk: number } | null | 'unfinished'> {
  const loaded = await loadWalkedThenBulk(
    db,
    {
      line: 'legalityReview',
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
  return { walked: loaded.walked?.item ?? 0, bulk: loaded.bulk };
}
