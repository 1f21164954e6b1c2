import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/pool.ts';
import { type App, buildApp } from './app.ts';

// Static files never reach the database: an app without routes and with a dummy pool is enough.
const config = {
  passwordPolicy: { minLength: 10, minClasses: 3 },
  trustProxy: false,
  logLevel: 'silent' as const,
};
const script = 'console.log("法治");'.repeat(200);
const html = `<!doctype html><title>法治</title>${'<!-- padding -->'.repeat(100)}`;

let dist: string;
let app: App;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-static-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.mkdirSync(path.join(dist, '.vite'));
  const asset = path.join(dist, 'assets/index-AbC123.js');
  fs.writeFileSync(asset, script);
  fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(script));
  fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(script));
  fs.writeFileSync(path.join(dist, 'index.html'), html);
  fs.writeFileSync(path.join(dist, 'index.html.br'), zlib.brotliCompressSync(html));
  fs.writeFileSync(path.join(dist, '.vite/manifest.json'), '{}');
  app = await buildApp({ db: {} as Db, config, routes: async () => {}, webDist: dist });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('serving the built web client', () => {
  it('sends hashed assets brotli- or gzip-compressed by Accept-Encoding, cached for a year', async () => {
    const br = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('makes browsers revalidate index.html, also when it answers a client route', async () => {
    for (const url of ['/', '/matters/12']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(html);
    }
  });

  it('does not publish the build manifest', async () => {
    expect((await app.inject('/.vite/manifest.json')).statusCode).toBe(404);
  });
});

describe('index.html for the first page', () => {
  let dist2: string;
  let app2: App;
  beforeAll(async () => {
    dist2 = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-preload-'));
    fs.mkdirSync(path.join(dist2, '.vite'), { recursive: true });
    fs.writeFileSync(
      path.join(dist2, 'index.html'),
      '<html><head><title>法治</title><script type="module" crossorigin src="/assets/index-1.js"></script><link rel="modulepreload" crossorigin href="/assets/react-2.js"><link rel="stylesheet" crossorigin href="/assets/index-7.css"></head><body><!--login-shell--><form id="login-shell"></form><!--/login-shell--><div id="root"></div></body></html>',
    );
    fs.mkdirSync(path.join(dist2, 'assets'));
    fs.writeFileSync(path.join(dist2, 'assets/index-7.css'), '.login-bg{color:red}');
    fs.writeFileSync(
      path.join(dist2, '.vite/manifest.json'),
      JSON.stringify({
        'index.html': { file: 'assets/index-1.js', imports: ['_react.js'] },
        '_react.js': { file: 'assets/react-2.js' },
        'src/pages/LoginPage.tsx': { file: 'assets/LoginPage-3.js', imports: ['_react.js', '_form.js'] },
        '_form.js': { file: 'assets/form-4.js' },
        'src/components/AppLayout.tsx': { file: 'assets/AppLayout-5.js', imports: ['_react.js'] },
        'src/pages/HomePage.tsx': { file: 'assets/HomePage-6.js', imports: ['_form.js'] },
      }),
    );
    app2 = await buildApp({ db: {} as Db, config, routes: async () => {}, webDist: dist2 });
    await app2.ready();
  });
  afterAll(async () => {
    await app2?.close();
    fs.rmSync(dist2, { recursive: true, force: true });
  });

  const links = (body: string) =>
    [...body.matchAll(/rel="modulepreload" crossorigin href="([^"]+)"/g)].map((m) => m[1]);

  it('preloads the sign-in form’s chunks for a visitor without a session, the home page’s for one with', async () => {
    for (const url of ['/', '/login', '/matters/12']) {
      const anon = await app2.inject({ url });
      expect(anon.statusCode, url).toBe(200);
      expect(anon.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(anon.headers['cache-control']).toBe('no-cache');
      // Nothing in the head competes with the first paint of the plain sign-in form: the stylesheet is written
      // in, and the entry with every preload is handed to the script that starts them after that paint.
      expect(links(anon.body), url).toEqual([]);
      expect(anon.body).not.toContain('type="module"');
      expect(anon.body).toContain(
        '<title>法治</title><script src="/after-paint.js" data-entry="/assets/index-1.js" data-preload="/assets/react-2.js /assets/LoginPage-3.js /assets/form-4.js" defer></script><style>.login-bg{color:red}</style></head>',
      );
      // The plain sign-in form shows with the first paint, for a visitor without a session only.
      expect(anon.body).toContain('<form id="login-shell"></form><!--/login-shell--><div id="root"></div>');
      const signedIn = await app2.inject({ url, cookies: { fazhi_session: 'x' } });
      expect(links(signedIn.body), url).toEqual([
        '/assets/react-2.js',
        '/assets/AppLayout-5.js',
        '/assets/HomePage-6.js',
        '/assets/form-4.js',
      ]);
      expect(signedIn.body).toContain(
        '<script type="module" crossorigin src="/assets/index-1.js"></script><link rel="modulepreload" crossorigin href="/assets/react-2.js"><link rel="stylesheet" crossorigin href="/assets/index-7.css">',
      );
      expect(signedIn.body).toContain('<body><div id="root"></div></body>');
    }
    const br = await app2.inject({ url: '/login', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding, Cookie');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toContain('data-entry="/assets/index-1.js"');
  });
});
