/**
 * How the built web client is served. The build writes .br and .gz beside each asset (web/precompress.ts),
 * sent by Accept-Encoding without compressing per request. Files under /assets carry a content hash in
 * their name, so a browser may keep them for a year without asking again; index.html names the current
 * hashes and is revalidated on every visit, so a new release is picked up at the next page load.
 */
import path from 'node:path';
import type { FastifyStaticOptions } from '@fastify/static';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export function cacheControlFor(filePath: string, distDir: string): string {
  const relative = path.relative(distDir, filePath).split(path.sep);
  return relative[0] === 'assets' ? IMMUTABLE : REVALIDATE;
}

export function webStaticOptions(distDir: string): FastifyStaticOptions {
  return {
    root: distDir,
    wildcard: false,
    preCompressed: true,
    // Our own header below; send's default (max-age=0) would otherwise be written first.
    cacheControl: false,
    // The build manifest is for scripts/bundle-size.mjs, not for browsers.
    allowedPath: (pathName) => !pathName.startsWith('/.vite/'),
    setHeaders: (res, filePath) => {
      res.setHeader('cache-control', cacheControlFor(filePath, distDir));
      // The same URL answers br, gzip or plain: a shared cache must key on the request's Accept-Encoding.
      res.setHeader('vary', 'Accept-Encoding');
    },
  };
}
