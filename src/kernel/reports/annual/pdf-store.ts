/**
 * The PDF of a published edition: rendered by LibreOffice once, through the shared queue, then kept in
 * annual_report_pdfs and sent from there. A published edition never changes, so neither does its PDF; the live
 * draft's PDF is rendered each time (its figures move with the records).
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../../platform/db/pool.ts';
import { type OfficialDocSpec, pdfQueue, renderOfficialPdf } from '../../documents/index.ts';
import type { PdfQueue } from '../../documents/pdf-queue.ts';

/** The rendered input's hash: the stored PDF is served only for exactly what it was made from. */
const specHash = (spec: OfficialDocSpec) => createHash('sha256').update(JSON.stringify(spec)).digest('hex');

async function kept(db: Db, reportId: number, hash: string): Promise<Buffer | null> {
  const { rows } = await db.query<{ pdf: Buffer }>(
    'SELECT pdf FROM annual_report_pdfs WHERE report_id = $1 AND edition_hash = $2',
    [reportId, hash],
  );
  return rows[0]?.pdf ?? null;
}

export async function publishedPdf(
  db: Db,
  reportId: number,
  spec: OfficialDocSpec,
  userKey: string,
  queue: PdfQueue = pdfQueue,
): Promise<Buffer> {
  const hash = specHash(spec);
  const stored = await kept(db, reportId, hash);
  if (stored) return stored;
  return queue.convert(`annual:${reportId}:published:${hash}`, userKey, async () => {
    // Another request may have rendered it while this one waited for a turn.
    const meanwhile = await kept(db, reportId, hash);
    if (meanwhile) return meanwhile;
    const pdf = await renderOfficialPdf(spec);
    await db.query(
      `INSERT INTO annual_report_pdfs (report_id, pdf, sha256, edition_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (report_id) DO UPDATE SET pdf = EXCLUDED.pdf, sha256 = EXCLUDED.sha256,
         edition_hash = EXCLUDED.edition_hash, created_at = now()`,
      [reportId, pdf, createHash('sha256').update(pdf).digest('hex'), hash],
    );
    return pdf;
  });
}
