/**
 * The plain text of an issued DOCX, one line per paragraph of word/document.xml, as a reader of the printed page
 * sees it: golden-text tests compare what the product prints, not the template's data.
 */
// jszip (a dev dependency) reads the DOCX container: tests only, never product code.
import JSZip from 'jszip';
import { type DocxSource, documentDocx } from '../../src/kernel/documents/docx-store.ts';
import type { Queryable } from '../../src/platform/db/pool.ts';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (entities[e] ?? all),
  );

/** Paragraph texts of word/document.xml (runs joined, tabs as a tab, breaks as a newline); empty paragraphs dropped. */
export async function docxText(docx: Buffer | Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('not a DOCX: word/document.xml is missing');
  const paragraphs = xml.match(/<w:p[ >](?:(?!<\/w:p>).)*<\/w:p>/gs) ?? [];
  return paragraphs
    .map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\b[^>]*\/>/g)]
        .map((m) => (m[2] === 'tab' ? '\t' : m[2] === 'br' ? '\n' : decode(m[1] ?? '')))
        .join(''),
    )
    .filter((t) => t.trim() !== '');
}

/** The text of a stored document, read from the DOCX the office downloads (rendered now if never downloaded). */
export async function documentText(db: Queryable, docId: number): Promise<string[]> {
  const { rows } = await db.query<DocxSource>('SELECT id, fields, voided_on FROM documents WHERE id = $1', [
    docId,
  ]);
  if (!rows[0]) throw new Error(`no document ${docId}`);
  return docxText(await documentDocx(db, rows[0]));
}
