import { named, type Tx } from '../../platform/db/pool.ts';

/**
 * The deadline journal (`deadline_changes`): every deadline row an event touches leaves its before-image, keyed by
 * the event, so a correction can put the periods back exactly as they were without knowing what each op did.
 */
export async function journalBefore(tx: Tx, eventId: number | undefined, deadlineId: number) {
  if (eventId === undefined) return;
  await tx.query(
    named(
      `INSERT INTO deadline_changes (event_id, deadline_id, before)
     SELECT $1, d.id, to_jsonb(d) FROM deadlines d WHERE d.id = $2`,
      [eventId, deadlineId],
    ),
  );
}

let columns: string[] | undefined;

/** The deadlines table's columns but the id, read once, so a column added by a later migration is restored too. */
async function deadlineColumns(tx: Tx): Promise<string[]> {
  if (columns) return columns;
  const { rows } = await tx.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
     WHERE attrelid = 'deadlines'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' AND attname <> 'id' ORDER BY attnum`,
  );
  columns = rows.map((r) => r.name);
  return columns;
}

/**
 * Undoes one event's deadline effects: rows it created are removed with the reminders about them (a reminder of a
 * period that never ran would mislead), rows it changed get their first before-image back, column by column. Created rows go first:
 * a restored period may take back the key a started one held (one live period per key).
 */
export async function revertDeadlines(
  tx: Tx,
  eventId: number,
): Promise<{ removed: number; restored: number }> {
  const created = await tx.query<{ id: number }>(
    `SELECT deadline_id AS id FROM deadline_changes WHERE event_id = $1 AND before IS NULL`,
    [eventId],
  );
  const ids = created.rows.map((r) => r.id);
  if (ids.length) {
    await tx.query(`DELETE FROM notifications WHERE deadline_id = ANY($1::bigint[])`, [ids]);
    await tx.query(`DELETE FROM deadlines WHERE id = ANY($1::bigint[])`, [ids]);
  }
  const cols = await deadlineColumns(tx);
  const list = cols.map((c) => `"${c}"`).join(', ');
  const restored = await tx.query(
    `UPDATE deadlines d SET (${list}) = (SELECT ${cols.map((c) => `r."${c}"`).join(', ')}
                                         FROM jsonb_populate_record(NULL::deadlines, b.before) r)
     FROM (SELECT DISTINCT ON (deadline_id) deadline_id, before FROM deadline_changes
           WHERE event_id = $1 AND before IS NOT NULL ORDER BY deadline_id, id) b
     WHERE d.id = b.deadline_id AND NOT (d.id = ANY($2::bigint[]))`,
    [eventId, ids],
  );
  return { removed: ids.length, restored: restored.rowCount ?? 0 };
}
