import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { ensureWebBuild, hasChromium, launchBrowser, startWebApp } from '../support/browser.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

/**
 * What a newcomer meets first: time from navigation start to the sign-in form being visible, in a fresh
 * browser profile each time (nothing cached), median of 5.
 */
describe.skipIf(!hasChromium)('first load of the sign-in page', () => {
  let testDb: TestDb;
  let app: App;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ensureWebBuild();
    testDb = await createTestDb();
    ({ app, base } = await startWebApp(testDb.db));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await testDb?.close();
  });

  it('shows the sign-in form quickly, from compressed assets', async () => {
    const times: number[] = [];
    const encodings = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('response', (r) => {
        if (r.url().endsWith('.js')) encodings.add(r.headers()['content-encoding'] ?? 'identity');
      });
      await page.goto(`${base}/login`, { waitUntil: 'commit' });
      const handle = await page.waitForFunction(
        () => {
          const el = document.querySelector<HTMLElement>('[data-testid="login-username"]');
          return el && el.offsetParent !== null ? performance.now() : null;
        },
        undefined,
        { polling: 'raf', timeout: 20_000 },
      );
      times.push(Number(await handle.jsonValue()));
      await context.close();
    }
    const median = [...times].sort((a, b) => a - b)[2]!;
    console.log(
      `time to sign-in form: median ${median.toFixed(0)} ms of ${times.map((t) => t.toFixed(0)).join(', ')}`,
    );
    console.log(`JS content-encoding: ${[...encodings].join(', ')}`);
    expect(median).toBeLessThan(3000);
  });
});
