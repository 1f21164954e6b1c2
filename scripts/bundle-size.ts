// Measures the JavaScript a newcomer downloads before the first page shows: the entry chunk, everything it
// imports statically, and the lazily loaded page chunk (with its static imports) of that page. Sizes are
// gzip level 9 of the built files, which is what the server sends (brotli, when accepted, is smaller still).
// Usage: npm run bundle-size [-- --limit-kb 400]   (fails with exit code 1 above the limit)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { FIRST_PAGES, pageFiles, readManifest } from '../src/platform/http/web-manifest.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'web/dist');

export const LIMIT_KB = 400;

export function gzipSize(file: string, distDir = dist): number {
  return zlib.gzipSync(fs.readFileSync(path.join(distDir, file)), { level: 9 }).length;
}

export interface PageSize {
  files: number;
  raw: number;
  gzip: number;
}

export function measure(distDir = dist): Record<string, PageSize> {
  const manifest = readManifest(distDir);
  const out: Record<string, PageSize> = {};
  for (const [page, modules] of Object.entries(FIRST_PAGES)) {
    const files = pageFiles(manifest, modules);
    out[page] = {
      files: files.length,
      raw: files.reduce((s, f) => s + fs.statSync(path.join(distDir, f)).size, 0),
      gzip: files.reduce((s, f) => s + gzipSize(f, distDir), 0),
    };
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--limit-kb');
  const limitKb = i > 0 ? Number(process.argv[i + 1]) : LIMIT_KB;
  const sizes = measure();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  let over = false;
  for (const [page, s] of Object.entries(sizes)) {
    console.log(`first page JS (${page}): ${s.files} files, ${kb(s.raw)} raw, ${kb(s.gzip)} gzipped`);
    if (s.gzip > limitKb * 1024) over = true;
  }
  if (over) {
    console.error(`over the limit of ${limitKb} KB gzipped`);
    process.exit(1);
  }
}
