import { randomBytes } from 'node:crypto';
import { type Db, withTx } from '../../platform/db/pool.ts';
import { open, seal } from '../personal-data/cipher.ts';
import {
  type KeyRing,
  keyRing,
  newKid,
  readRingFile,
  setKeyRing,
  writeRingFile,
} from '../personal-data/keyring.ts';
import { identityIndex, phoneIndex } from './registry.ts';

interface Sealed {
  id: number;
  id_kind: string | null;
  id_number_enc: Buffer | null;
  phone_enc: Buffer | null;
}

/** Re-seals every party's numbers under the ring's active key and recomputes their blind indexes, in batches. */
export async function resealParties(db: Db, batch = 500): Promise<number> {
  const active = keyRing().active;
  let done = 0;
  let after = 0;
  for (;;) {
    const n = await withTx(db, async (tx) => {
      const { rows } = await tx.query<Sealed>(
        `SELECT id, id_kind, id_number_enc, phone_enc FROM parties
         WHERE id > $1 AND (id_number_enc IS NOT NULL OR phone_enc IS NOT NULL) ORDER BY id LIMIT $2 FOR UPDATE`,
        [after, batch],
      );
      const updates = rows.map((r) => {
        const number = r.id_number_enc ? open(r.id_number_enc) : null;
        const phone = r.phone_enc ? open(r.phone_enc) : null;
        return {
          id: r.id,
          ne: number ? seal(number, active).toString('base64') : null,
          ni: number ? identityIndex(r.id_kind ?? 'residentId', number, active).toString('base64') : null,
          pe: phone ? seal(phone, active).toString('base64') : null,
          pi: phone ? phoneIndex(phone, active).toString('base64') : null,
        };
      });
      if (updates.length)
        await tx.query(
          `UPDATE parties p SET id_number_enc = decode(u.ne, 'base64'), id_number_index = decode(u.ni, 'base64'),
                  phone_enc = decode(u.pe, 'base64'), phone_index = decode(u.pi, 'base64'), updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS u(id bigint, ne text, ni text, pe text, pi text) WHERE p.id = u.id`,
          [JSON.stringify(updates)],
        );
      after = rows.at(-1)?.id ?? after;
      return rows.length;
    });
    done += n;
    if (n === 0) return done;
  }
}

/**
 * `keys:rotate`: adds a new active key to the ring file (both keys kept, so a crash midway leaves every value
 * readable), re-seals everything under it, then drops the old keys. Run with the server stopped: its blind-index
 * lookups would otherwise use the old key until it restarts.
 */
export async function rotateDataKey(db: Db, file: string): Promise<{ kid: string; resealed: number }> {
  const before = readRingFile(file);
  const kid = newKid();
  const both: KeyRing = { active: kid, keys: { ...before.keys, [kid]: randomBytes(32) } };
  writeRingFile(file, both);
  setKeyRing(both);
  const resealed = await resealParties(db);
  const after: KeyRing = { active: kid, keys: { [kid]: both.keys[kid]! } };
  writeRingFile(file, after);
  setKeyRing(after);
  return { kid, resealed };
}
