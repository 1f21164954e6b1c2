import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALENDAR_STAMP, currentCalendar } from '../../src/kernel/calendar/service.ts';
import { withReferenceCache } from '../../src/kernel/import/reference-cache.ts';
import { insideTransaction, named, type Tx, withTx } from '../../src/platform/db/pool.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

/** An import transaction answers its reference reads once, named statements (pool.ts named()) included. */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

/** The transaction's client, with the text of every statement it is sent written down. */
function recording(tx: Tx) {
  const sent: string[] = [];
  const query = (q: string | { text: string }, values?: unknown[]) => {
    sent.push(typeof q === 'string' ? q : q.text);
    return tx.query(q as string, values);
  };
  return { client: { query } as unknown as Tx, sent };
}

describe('the reference cache of an import', () => {
  it('sends a named reference read once per set of values, and every other statement each time', async () => {
    await withTx(t.db, async (tx) => {
      const { client, sent } = recording(tx);
      const db = withReferenceCache(insideTransaction(client), new Map());
      const org = (id: number) => db.query(named('SELECT id, name FROM orgs WHERE id = $1', [id]));
      const first = (await org(1)).rows;
      expect((await org(1)).rows).toEqual(first);
      await org(2);
      await currentCalendar(db);
      await currentCalendar(db);
      const matters = () => db.query(named('SELECT count(*)::int AS n FROM matters WHERE id = $1', [1]));
      await matters();
      await matters();
      expect(sent).toEqual([
        'SELECT id, name FROM orgs WHERE id = $1',
        'SELECT id, name FROM orgs WHERE id = $1',
        `SELECT ${CALENDAR_STAMP} AS stamp`,
        ...sent.filter((s) => s === 'SELECT notice FROM holiday_calendars ORDER BY year'),
        'SELECT count(*)::int AS n FROM matters WHERE id = $1',
        'SELECT count(*)::int AS n FROM matters WHERE id = $1',
      ]);
    });
  });
});
