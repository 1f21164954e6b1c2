import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMIT_KB, measure } from '../../scripts/bundle-size.ts';
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

  it('downloads at most 400 KB of gzipped JS before the sign-in form or the home page shows', () => {
    const sizes = measure();
    for (const [page, s] of Object.entries(sizes)) {
      console.log(`first page JS (${page}): ${(s.gzip / 1024).toFixed(1)} KB gzipped, ${s.files} files`);
      expect(s.gzip, page).toBeLessThanOrEqual(LIMIT_KB * 1024);
    }
  });

  it('shows the sign-in form quickly, from compressed assets', async () => {
    const times: number[] = [];
    const uncompressed: string[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('response', (r) => {
        // Files under 1 KB are not precompressed (web/precompress.ts); every other script comes as brotli.
        const h = r.headers();
        if (r.url().endsWith('.js') && h['content-encoding'] !== 'br' && Number(h['content-length']) >= 1024)
          uncompressed.push(r.url());
      });
      await page.goto(`${base}/login`, { waitUntil: 'commit' });
      // When the form was painted (Element Timing on its title), not when a script could next look: the scripts
      // start right after that paint and keep the page busy for a while, as intended (web/public/after-paint.js).
      const handle = await page.waitForFunction(
        async () => {
          const el = document.querySelector<HTMLElement>('[data-testid="login-username"]');
          if (!el || el.offsetParent === null) return null;
          const seen = performance.now();
          type Painted = PerformanceEntry & { identifier: string; renderTime: number };
          const painted = await new Promise<number | null>((resolve) => {
            new PerformanceObserver((list, observer) => {
              const entry = (list.getEntries() as Painted[]).find((e) => e.identifier === 'sign-in-form');
              if (!entry) return;
              observer.disconnect();
              resolve(entry.renderTime);
            }).observe({ type: 'element', buffered: true });
            setTimeout(() => resolve(null), 2000);
          });
          return painted ?? seen;
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
    expect(uncompressed).toEqual([]);
    // The goal is 300 ms on an idle machine; this bound only catches a blank page on a loaded runner.
    expect(median).toBeLessThan(5000);
  });

  it('keeps what was typed into the plain form before the scripts ran, and where', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    // Slow scripts: the plain HTML form (web/login-shell.ts) is all there is for a while.
    await page.route('**/assets/*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(`${base}/login`, { waitUntil: 'commit' });
    await page.locator('#shell-username').fill('typed.early');
    await page.locator('#shell-password').focus();
    expect(await page.locator('#login-shell button').isDisabled()).toBe(true);
    // The React page takes over: the plain form is gone, the name kept, the cursor still in the password field.
    await page.locator('button[data-testid="login-submit"]:not([disabled])').waitFor();
    await expect.poll(() => page.locator('#login-shell').count()).toBe(0);
    expect(await page.getByTestId('login-username').inputValue()).toBe('typed.early');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'login-password',
    );
    await context.close();
  });
});
