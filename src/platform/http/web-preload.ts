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

/**
 * The entry's stylesheet written into the page instead of linked. A linked stylesheet holds back the first paint
 * until it arrives, and on a fresh visit it queues behind the preloaded scripts (six connections per host): the
 * plain sign-in form, which needs nothing else, showed a tenth of a second later than the HTML had come.
 */
export function inlineStylesheets(html: string, distDir: string): string {
  return html.replace(
    /<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/g,
    (link, file: string) => {
      const css = fs.readFileSync(path.join(distDir, file), 'utf8');
      // The CSS is the build's own; </style> cannot occur in it, but a page must never be broken by it.
      return css.includes('</style') ? link : `<style>${css}</style>`;
    },
  );
}

/**
 * The scripts fetched and started by web/public/after-paint.js once the page has been painted, instead of by the
 * module script and preloads in the head, which compete with the first paint (see there). The preloads are handed
 * over in the same order, so the page's chunks still come in one round trip.
 */
export function startAfterPaint(html: string): string {
  const preloads: string[] = [];
  const withoutPreloads = html.replace(
    /<link rel="modulepreload" crossorigin href="([^"]+)">/g,
    (_, href: string) => {
      preloads.push(href);
      return '';
    },
  );
  return withoutPreloads.replace(
    /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"><\/script>/,
    (_, entry: string) =>
      `<script src="/after-paint.js" data-entry="${entry}" data-preload="${preloads.join(' ')}" defer></script>`,
  );
}

/** index.html for a visitor without a session (signIn) and with one (home). */
export function indexVariants(distDir: string): { signIn: IndexVariant; home: IndexVariant } {
  const built = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  // Only the first visit needs it: a signed-in visitor's browser has the stylesheet cached.
  const html = inlineStylesheets(built, distDir);
  let manifest: ReturnType<typeof readManifest>;
  try {
    manifest = readManifest(distDir);
  } catch {
    return { signIn: variant(startAfterPaint(html)), home: variant(withoutShell(built)) };
  }
  // The entry's own static imports are preloaded by the build already.
  const entry = new Set(manifest['index.html'] ? closureFiles(manifest, ['index.html']) : []);
  const signedIn = withoutShell(built);
  const withPreloads = (page: string, modules: readonly string[]) => {
    const present = modules.filter((m) => manifest[m]);
    const links = closureFiles(manifest, present)
      .filter((f) => !entry.has(f))
      .map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`)
      .join('');
    return links ? page.replace('</head>', `${links}</head>`) : page;
  };
  return {
    signIn: variant(startAfterPaint(withPreloads(html, FIRST_PAGES.signIn))),
    home: variant(withPreloads(signedIn, FIRST_PAGES.home)),
  };
}

/** The body and headers for index.html, by the request's Accept-Encoding. */
export function encodedIndex(v: IndexVariant, acceptEncoding: string | undefined) {
  const accepts = (e: string) => new RegExp(`\\b${e}\\b`).test(acceptEncoding ?? '');
  if (accepts('br')) return { body: v.br, encoding: 'br' as const };
  if (accepts('gzip')) return { body: v.gzip, encoding: 'gzip' as const };
  return { body: v.html, encoding: undefined };
}
