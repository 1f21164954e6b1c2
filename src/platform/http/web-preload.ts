/**
 * index.html with the first page's chunks preloaded. The entry script loads the page's own chunk only once it has
 * run, and that chunk its imports only then: a waterfall of three round trips before the sign-in form. The server
 * knows better which page comes first — the sign-in form without a session cookie, the home page with one — and
 * names its chunks in <link rel="modulepreload">, so the browser fetches them beside the entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { closureFiles, FIRST_PAGES, readManifest } from './web-manifest.ts';

export interface IndexVariant {
  html: string;
  br: Buffer;
  gzip: Buffer;
}

const variant = (html: string): IndexVariant => ({
  html,
  br: zlib.brotliCompressSync(html),
  gzip: zlib.gzipSync(html),
});

/** The plain sign-in form (web/login-shell.ts) is for visitors without a session only. */
const withoutShell = (html: string) => html.replace(/<!--login-shell-->[\s\S]*?<!--\/login-shell-->/, '');

/** index.html for a visitor without a session (signIn) and with one (home). */
export function indexVariants(distDir: string): { signIn: IndexVariant; home: IndexVariant } {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  let manifest: ReturnType<typeof readManifest>;
  try {
    manifest = readManifest(distDir);
  } catch {
    return { signIn: variant(html), home: variant(withoutShell(html)) };
  }
  // The entry's own static imports are preloaded by the build already.
  const entry = new Set(manifest['index.html'] ? closureFiles(manifest, ['index.html']) : []);
  const signedIn = withoutShell(html);
  const withPreloads = (page: string, modules: readonly string[]) => {
    const present = modules.filter((m) => manifest[m]);
    const links = closureFiles(manifest, present)
      .filter((f) => !entry.has(f))
      .map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`)
      .join('');
    return variant(links ? page.replace('</head>', `${links}</head>`) : page);
  };
  return { signIn: withPreloads(html, FIRST_PAGES.signIn), home: withPreloads(signedIn, FIRST_PAGES.home) };
}

/** The body and headers for index.html, by the request's Accept-Encoding. */
export function encodedIndex(v: IndexVariant, acceptEncoding: string | undefined) {
  const accepts = (e: string) => new RegExp(`\\b${e}\\b`).test(acceptEncoding ?? '');
  if (accepts('br')) return { body: v.br, encoding: 'br' as const };
  if (accepts('gzip')) return { body: v.gzip, encoding: 'gzip' as const };
  return { body: v.html, encoding: undefined };
}
