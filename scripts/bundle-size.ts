// Measures the JavaScript a newcomer downloads before the first page shows: the entry chunk, everything it
// imports statically, and the lazily loaded page chunk (with its static imports) of that page. Sizes are
// gzip level 9 of the built files, which is what the server sends (brotli, when accepted, is smaller still).
// Usage: npm run bundle-size [-- --limit-kb 400]   (fails with exit code 1 above the limit)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'web/dist');

/** Pages a newcomer can land on first: the sign-in form, and the home page right after signing in. */
export const FIRST_PAGES: Record<string, string[]> = {
  signIn: ['src/pages/LoginPage.tsx'],
  home: ['src/components/AppLayout.tsx', 'src/pages/HomePage.tsx'],
};

interface ManifestChunk {
  file: string;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export const LIMIT_KB = 400;

export function readManifest(distDir = dist): Manifest {
  const file = path.join(distDir, '.vite/manifest.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The JS files loaded for a page: the entry's static closure plus each lazily imported module's closure. */
export function pageFiles(manifest: Manifest, lazyModules: string[]): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build has no chunk for ${key}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit('index.html');
  for (const key of lazyModules) visit(key);
  return [...files].filter((f) => f.endsWith('.js'));
}

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
