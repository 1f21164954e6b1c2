import { defineConfig } from 'vitest/config';

/**
 * Three kinds of test files:
 *   *.test.ts      pure unit tests (no database)
 *   *.db.test.ts   integration tests on a real PostgreSQL: each file gets its own database, cloned from a
 *                  migrated template. They run on the embedded server, and again on the machine's server
 *                  when TEST_DATABASE_URL is set (required in CI).
 *   *.slow.db.test.ts  the same, but slow (the full demo): only with FAZHI_SLOW_TESTS=1
 *   test/e2e/*.e2e.test.ts  browser journeys (playwright-core + Debian's /usr/bin/chromium)
 */
const serverUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI === 'true' && !serverUrl) {
  throw new Error('CI=true but TEST_DATABASE_URL is not set: the server-PostgreSQL suite must run in CI');
}

const slow = process.env.FAZHI_SLOW_TESTS === '1';

const dbProject = (name: string, target: 'embedded' | 'server') => ({
  test: {
    name,
    include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
    exclude: ['**/node_modules/**', ...(slow ? [] : ['**/*.slow.db.test.ts'])],
    globalSetup: ['test/support/global-db.ts'],
    provide: { dbTarget: target },
    // Files share a worker's module cache: each file has its own database, and loading the kernel once per worker
    // instead of once per file is a third of the suite's time. Registries are filled idempotently (registerLines,
    // registerToyLine), so a test must not depend on which lines another file registered before it.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.e2e.test.ts', '**/node_modules/**'],
        },
      },
      dbProject('db:embedded', 'embedded'),
      ...(serverUrl ? [dbProject('db:server', 'server')] : []),
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/support/global-db.ts'],
          provide: { dbTarget: 'embedded' },
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // The browser shares two cores with the database projects: a page that answers in 1 s when idle
          // (vitest's default for expect.poll) can take several while they run.
          expect: { poll: { timeout: 5000 } },
        },
      },
    ],
  },
});
