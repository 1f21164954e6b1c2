/**
 * What a ledger-import test does as a clerk: fill the downloaded XLSX template, upload it as a multipart form, run
 * the import to its end. Shared by every line's import tests.
 */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { residentIdCheckChar } from '../../src/kernel/identifiers/identifiers.ts';
import type { App } from '../../src/platform/http/app.ts';
import type { Client } from './app.ts';

/** A valid resident ID for person n (born 1980–1999), check character by GB 11643. */
export const ledgerResidentId = (n: number) => {
  const body = `330211${1980 + (n % 20)}0${1 + (n % 9)}1${n % 10}${String(100 + n).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
};

/** The template of `line/kind` as `client` downloads it, filled with `rows` (by Chinese header) below its example. */
export async function filledLedger(
  client: Client,
  lineKind: string,
  rows: Record<string, string>[],
): Promise<Buffer> {
  const res = await client.get(`/api/imports/templates/${lineKind}`);
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('台账')!;
  const headers = (ws.getRow(1).values as string[]).map((h) => (h ?? '').replace('*', ''));
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Uploads a ledger file for `line/kind` into office `orgId`, as a browser's multipart form. */
export function uploadLedger(
  app: App,
  client: Client,
  lineKind: string,
  orgId: number,
  bytes: Buffer,
  fileName: string,
) {
  const [line, kind] = lineKind.split('/');
  const boundary = '----fazhi-import';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: `/api/imports?line=${line}&kind=${kind}&orgId=${orgId}`,
    payload,
    headers: {
      cookie: client.cookie,
      'x-csrf-token': client.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
}

/** Runs an import batch request by request (as the page's progress bar does) until it has finished. */
export async function importAll(client: Client, id: number) {
  let batch: { finished: boolean; counts: Record<string, number> };
  do {
    const res = await client.post(`/api/imports/${id}/run`);
    expect(res.statusCode, res.body).toBe(200);
    batch = res.json();
  } while (!batch.finished);
  return batch;
}
