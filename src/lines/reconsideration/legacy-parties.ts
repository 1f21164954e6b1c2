import type { PartyInput } from '../../kernel/fields/party.ts';
import { linkParties, registerParty } from '../../kernel/parties/registry.ts';
import { systemActor } from '../../platform/access/actor.ts';
import { type Db, withTx } from '../../platform/db/pool.ts';

interface LegacyRow {
  id: number;
  matter_id: number;
  owner_org_id: number;
  role: string;
  party_type: 'person' | 'organisation';
  name: string;
  id_number: string | null;
  credit_code: string | null;
  phone: string | null;
  address: string | null;
}

/**
 * Moves the parties of applications registered before the registry into it, a few hundred rows per transaction:
 * each row becomes (or joins) a registry record with its numbers sealed, is linked to its matter in its role and
 * order, and is deleted, so no identity number stays in clear. Idempotent and resumable.
 */
export async function moveLegacyParties(db: Db): Promise<number> {
  let moved = 0;
  for (;;) {
    const n = await withTx(db, async (tx) => {
      const { rows } = await tx.query<LegacyRow>(
        `SELECT p.id, p.matter_id, m.owner_org_id, p.role, p.party_type, p.name, p.id_number, p.credit_code, p.phone,
                p.address
         FROM reconsideration_parties p JOIN matters m ON m.id = p.matter_id
         ORDER BY p.matter_id, p.id LIMIT 300 FOR UPDATE OF p SKIP LOCKED`,
      );
      for (const r of rows) {
        const party: PartyInput = {
          partyType: r.party_type,
          name: r.name,
          idKind: r.id_number ? 'residentId' : 'none',
          idNumber: r.id_number ?? undefined,
          creditCode: r.credit_code ?? undefined,
          phone: r.phone ?? undefined,
          address: r.address ?? undefined,
        };
        const id = await registerParty(tx, systemActor, party, r.owner_org_id);
        await linkParties(tx, r.matter_id, r.role, [id]);
      }
      if (rows.length)
        await tx.query('DELETE FROM reconsideration_parties WHERE id = ANY($1::bigint[])', [
          rows.map((r) => r.id),
        ]);
      return rows.length;
    });
    moved += n;
    if (n === 0) return moved;
  }
}
