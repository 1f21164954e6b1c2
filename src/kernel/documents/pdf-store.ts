/**
 * The PDF of an issued document: rendered by LibreOffice once, through the bounded queue, then kept in
 * document_pdfs and sent from there. Issued documents never change, so neither does their PDF; a voided one has a
 * second PDF with its 作废 mark.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/pool.ts';
import { renderOfficialPdf } from './official-doc.ts';
import { PdfQueue } from './pdf-queue.ts';
import type { OfficialDocSpec } from './spec.ts';

/** One queue per process: every download of every user goes through it. */
export const pdfQueue = new PdfQueue();

export interface IssuedDocument {
  id: number;
  /** What to render: as issued, or as voided with its 作废 mark. */
  fields: OfficialDocSpec;
  content_hash: string;
  voided_on: string | null;
}

async function storedPdf(db: Db, doc: IssuedDocument): Promise<Buffer | null> {
  const { rows } = await db.query<{ pdf: Buffer }>(
    'SELECT pdf FROM document_pdfs WHERE document_id = $1 AND voided = $2',
    [doc.id, doc.voided_on !== null],
  );
  return rows[0]?.pdf ?? null;
}

/** The document's PDF, rendered now (on behalf of `userKey`, counted against their limit) if never before. */
export async function documentPdf(
  db: Db,
  doc: IssuedDocument,
  userKey: string,
  queue: PdfQueue = pdfQueue,
): Promise<Buffer> {
  const kept = await storedPdf(db, doc);
  if (kept) return kept;
  return queue.convert(`${doc.id}:${doc.voided_on !== null}`, userKey, async () => {
    // Another request may have finished this document while we waited for a turn.
    const meanwhile = await storedPdf(db, doc);
    if (meanwhile) return meanwhile;
    // The stored spec is what was issued; LibreOffice needs the layout variant made for it (same text, same grid width).
    const pdf = await renderOfficialPdf(doc.fields);
    await db.query(
      `INSERT INTO document_pdfs (document_id, voided, pdf, sha256, content_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (document_id, voided) DO NOTHING`,
      [doc.id, doc.voided_on !== null, pdf, createHash('sha256').update(pdf).digest('hex'), doc.content_hash],
    );
    return pdf;
  });
}
