/**
 * The DOCX of an issued document. The issuing step stores the document's text (its spec) and number; the DOCX is
 * rendered from that text at the first download and kept in document_docx, so no step renders inside its
 * transaction. Documents issued before migration 0027 carry their DOCX in `documents.docx`. A voided document is
 * rendered a second time with its 作废 mark and kept apart.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../../platform/db/pool.ts';
import { renderOfficialDocx } from './official-doc.ts';
import type { OfficialDocSpec } from './spec.ts';

export interface DocxSource {
  id: number;
  /** What to render: as issued, or as voided with its 作废 mark. */
  fields: OfficialDocSpec;
  voided_on: string | null;
}

/** The DOCX bytes of the document (with its 作废 mark when voided), rendered and kept now if never before. */
export async function documentDocx(db: Queryable, doc: DocxSource): Promise<Buffer> {
  const voided = doc.voided_on !== null;
  const { rows } = await db.query<{ docx: Buffer }>(
    `SELECT docx FROM document_docx WHERE document_id = $1 AND voided = $2
     UNION ALL SELECT docx FROM documents WHERE id = $1 AND docx IS NOT NULL AND NOT $2
     LIMIT 1`,
    [doc.id, voided],
  );
  if (rows[0]) return rows[0].docx;
  const docx = await renderOfficialDocx(doc.fields);
  // Two first downloads at once: both render, the first kept wins and is what both send from then on.
  const kept = await db.query<{ docx: Buffer }>(
    `INSERT INTO document_docx (document_id, voided, docx, sha256) VALUES ($1, $2, $3, $4)
     ON CONFLICT (document_id, voided) DO NOTHING RETURNING docx`,
    [doc.id, voided, docx, createHash('sha256').update(docx).digest('hex')],
  );
  if (kept.rows[0]) return docx;
  return (
    await db.query<{ docx: Buffer }>(
      'SELECT docx FROM document_docx WHERE document_id = $1 AND voided = $2',
      [doc.id, voided],
    )
  ).rows[0]!.docx;
}
