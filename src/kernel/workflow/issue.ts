import { createHash } from 'node:crypto';
import stableStringify from 'safe-stable-stringify';
import type { Tx } from '../../platform/db/pool.ts';
import { type ProfileNames, profileNames } from '../profile/store.ts';
import { issuerFor } from './issuer.ts';
import { nextDocumentNumber } from './numbering.ts';
import { chineseDate, type TemplateDef, templateHash } from './templates.ts';
import type { MatterView } from './types.ts';

/**
 * Numbers and stores the documents a step issues, in the step's transaction. A document is immutable once stored:
 * its text (the spec, signed and dated), the text's SHA-256 and the template's hash are kept as issued. The DOCX is
 * rendered from the text at the first download (`documents/docx-store.ts`), outside every step's locks.
 */
export async function issueDocuments(
  tx: Tx,
  m: MatterView,
  eventId: number,
  issuedOn: string,
  // biome-ignore lint/suspicious/noExplicitAny: the engine checked the step's data against its schema
  templates: TemplateDef<any>[],
  data: unknown,
) {
  const issued: { id: number; kind: string; title: string; docNumber: string }[] = [];
  let read: Promise<ProfileNames> | undefined;
  const names = () => {
    read ??= profileNames(tx);
    return read;
  };
  // Render every document first; take their numbers (the counters' row locks) only once nothing else is left.
  const year = Number(issuedOn.slice(0, 4));
  const drafts = [];
  for (const t of templates) {
    // A template that speaks as one of the profile's organs (the 复议机关…) defaults to that organ's name.
    const issuer = await issuerFor(
      tx,
      t.id,
      m.ownerOrgId,
      t.speaksAs ? (await names())[t.speaksAs] : undefined,
      t.speaksAs === 'reconsiderationOrgan' && (await names()).specialSealAuthorised,
    );
    const content = await t.render({ tx, matter: m, data, issuedOn, issuer, names, eventId });
    drafts.push({ t, issuer, content });
  }
  for (const { t, issuer, content } of drafts) {
    const id = t.id;
    const { prefix, seq, number: docNumber } = await nextDocumentNumber(tx, id, t.defaultPrefix, year);
    const spec = { signature: issuer.signature, ...content, date: chineseDate(issuedOn), docNumber };
    const text = stableStringify(spec) ?? '';
    const { rows } = await tx.query<{ id: number }>(
      `INSERT INTO documents (matter_id, event_id, kind, title, doc_number, prefix, year, seq, issued_on, fields, docx,
                              content_hash, template_hash, owner_org_id, issued_with)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, $11, $12, $13, $14) RETURNING id`,
      [
        m.id,
        eventId,
        id,
        t.title,
        docNumber,
        prefix,
        year,
        seq,
        issuedOn,
        text,
        createHash('sha256').update(text).digest('hex'),
        templateHash(t),
        m.ownerOrgId,
        // What the profile gave this document, kept with it: a later change of the profile never alters it.
        JSON.stringify({
          organ: issuer.organ,
          signature: spec.signature,
          seal: issuer.seal,
          prefix,
          profileVersion: issuer.profileVersion,
        }),
      ],
    );
    issued.push({ id: rows[0]!.id, kind: id, title: t.title, docNumber });
  }
  return issued;
}
