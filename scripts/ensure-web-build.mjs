// Builds the web client when web/dist is missing or older than its sources, so `npm start` works on a
// fresh clone and a second start skips the build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web/dist/index.html');
const newest = (dir) =>
  fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((t, e) => Math.max(t, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs), 0);
const sources = Math.max(
  newest(path.join(root, 'web/src')),
  ...['web/index.html', 'web/vite.config.ts', 'web/precompress.ts'].map(
    (f) => fs.statSync(path.join(root, f)).mtimeMs,
  ),
);
// A build from before precompression has no manifest: rebuild it too.
const manifest = path.join(root, 'web/dist/.vite/manifest.json');
if (!fs.existsSync(dist) || !fs.existsSync(manifest) || fs.statSync(dist).mtimeMs < sources) {
  console.log('[fazhi] building the web client (vite build)…');
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    // Always a production build: run from the test runner (NODE_ENV=test) vite would otherwise bundle React's
    // development build, twice the size and slower, and not what anyone is served.
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
}
