import { createHash } from 'node:crypto';
import fs from 'node:fs';
import stableStringify from 'safe-stable-stringify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PDF_QUEUE, pdfQueue } from '../../src/kernel/documents/index.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, signIn, testApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

// The PDF part needs LibreOffice on this machine; without it the route's 503 is covered in workflow.db.test.ts.
const hasSoffice = fs.existsSync('/usr/bin/soffice');

let t: TestDb;
let app: App;
let clerk: Client;
let auditor: Client;
const docs: number[] = [];

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { toy: true, today: '2025-06-30' });
  await makeUser(t.db, 'pdf.clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
  await makeUser(t.db, 'pdf.auditor', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
  clerk = await signIn(app, 'pdf.clerk');
  auditor = await signIn(app, 'pdf.auditor');
  for (let i = 0; i < 7; i++) {
    const { id } = (
      await clerk.post('/api/lines/toy/request', { subject: `文书${i}`, receivedOn: '2025-06-02' })
    ).json();
    await clerk.post(`/api/lines/toy/request/${id}/accept`, { version: 1, date: '2025-06-03' });
    await clerk.post(`/api/lines/toy/request/${id}/decide`, {
      version: 2,
      date: '2025-06-20',
      data: { outcome: 'revoke' },
    });
    const { rows } = await t.db.query<{ id: number }>('SELECT id FROM documents WHERE matter_id = $1', [id]);
    docs.push(rows[0]!.id);
  }
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const pdf = (c: Client, id: number) => c.get(`/api/documents/${id}/pdf`);

describe.skipIf(!hasSoffice)('the PDF of an issued document', () => {
  it('is rendered at the first download, kept, and sent again without LibreOffice', async () => {
    const before = pdfQueue.stats.started;
    const first = await pdf(clerk, docs[0]!);
    expect(first.statusCode).toBe(200);
    expect(first.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfQueue.stats.started).toBe(before + 1);

    const { rows } = await t.db.query(
      `SELECT p.sha256, p.content_hash = d.content_hash AS same_docx FROM document_pdfs p JOIN documents d ON d.id = p.document_id
       WHERE p.document_id = $1`,
      [docs[0]],
    );
    expect(rows).toEqual([
      { sha256: createHash('sha256').update(first.rawPayload).digest('hex'), same_docx: true },
    ]);

    const second = await pdf(auditor, docs[0]!);
    expect(second.statusCode).toBe(200);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(pdfQueue.stats.started).toBe(before + 1);
    // Every download is still audited, kept PDF or not.
    const audited = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'document.download' AND object_id = $1`,
      [String(docs[0])],
    );
    expect(audited.rows[0].n).toBe(2);
  }, 120_000);

  it('converts six parallel downloads of three documents three times, one LibreOffice at a time', async () => {
    const before = pdfQueue.stats.started;
    // Whatever order they arrive in, neither user ever starts more than two conversions (the per-user limit).
    const requests: [Client, number][] = [
      [clerk, docs[1]!],
      [clerk, docs[1]!],
      [clerk, docs[2]!],
      [auditor, docs[2]!],
      [auditor, docs[3]!],
      [auditor, docs[3]!],
    ];
    const res = await Promise.all(requests.map(([c, id]) => pdf(c, id)));
    expect(res.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(res[0]!.rawPayload.equals(res[1]!.rawPayload)).toBe(true);
    expect(pdfQueue.stats.started).toBe(before + 3);
    expect(pdfQueue.stats.peak).toBeLessThanOrEqual(DEFAULT_PDF_QUEUE.concurrency);
    const kept = await t.db.query('SELECT count(*)::int AS n FROM document_pdfs');
    expect(kept.rows[0].n).toBe(4);
  }, 120_000);

  it('refuses a third simultaneous conversion of one user with a Chinese 429', async () => {
    const res = await Promise.all([docs[4]!, docs[5]!, docs[6]!].map((id) => pdf(clerk, id)));
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 200, 429]);
    const refused = res.find((r) => r.statusCode === 429)!;
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.json().detail).toBe('您已有 2 份文书正在生成 PDF，请等其完成后再下载（或先下载 DOCX）');
  }, 120_000);
});

describe('the DOCX of an issued document', () => {
  it('is not rendered by the issuing step: its text and the text’s hash are what was issued', async () => {
    const { rows } = await t.db.query(
      `SELECT d.docx IS NULL AS no_docx, d.content_hash, d.fields,
              (SELECT count(*)::int FROM document_docx x WHERE x.document_id = d.id) AS rendered
       FROM documents d WHERE d.id = $1`,
      [docs[6]],
    );
    const row = rows[0]!;
    expect(row).toMatchObject({ no_docx: true, rendered: 0 });
    // The hash is of the canonical (key-sorted) JSON, so it can be checked against the stored jsonb at any time.
    expect(row.content_hash).toBe(createHash('sha256').update(stableStringify(row.fields)!).digest('hex'));
  });

  it('is rendered at the first download, kept, and sent byte for byte the same afterwards', async () => {
    const first = await clerk.get(`/api/documents/${docs[6]}/docx`);
    expect(first.statusCode).toBe(200);
    expect(first.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const kept = await t.db.query('SELECT sha256, voided FROM document_docx WHERE document_id = $1', [
      docs[6],
    ]);
    expect(kept.rows).toEqual([
      { sha256: createHash('sha256').update(first.rawPayload).digest('hex'), voided: false },
    ]);
    const second = await auditor.get(`/api/documents/${docs[6]}/docx`);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect((await t.db.query('SELECT count(*)::int AS n FROM document_docx')).rows[0].n).toBe(1);
  });
});
