/** What every browser journey shares: Debian's chromium, the built web client, and antd form helpers. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Db } from '../../src/platform/db/pool.ts';
import { type App, buildApp } from '../../src/platform/http/app.ts';
import { allRoutes } from '../../src/routes.ts';
import { testConfig } from './app.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === 'true') {
  throw new Error(`CI=true but ${CHROMIUM} is missing: the browser journeys must run in CI`);
}
/** PDF rendering needs LibreOffice on the server; without it the PDF button answers 503 and is not checked. */
export const hasSoffice = fs.existsSync('/usr/bin/soffice');

export const root = path.resolve(import.meta.dirname, '../..');
export const artifacts = path.join(root, 'test-artifacts/e2e');

/** Builds web/dist when it is missing or stale (the same script `npm start` runs). */
export function ensureWebBuild(): void {
  fs.mkdirSync(artifacts, { recursive: true });
  execFileSync(process.execPath, ['scripts/ensure-web-build.mjs'], {
    cwd: root,
    stdio: 'inherit',
    timeout: 180_000,
  });
}

/** The whole product (API + built client) on a random local port. */
export async function startWebApp(db: Db, today?: () => string): Promise<{ app: App; base: string }> {
  const app = await buildApp({
    db,
    config: testConfig,
    routes: allRoutes({ db, config: testConfig, ...(today ? { today } : {}) }),
    webDist: path.join(root, 'web/dist'),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** Helpers that fill antd controls the way a user does: by clicking and typing, never by setting state. */
export function formHelpers(page: Page) {
  /** The <input> behind a test id, whether antd put the id on the input itself or on its wrapper. */
  const inputOf = async (testId: string) => {
    const el = page.getByTestId(testId);
    return (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input').first();
  };

  const fillDate = async (testId: string, date: string) => {
    const input = await inputOf(testId);
    await input.click();
    await input.fill(date);
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe(date);
  };

  /**
   * Picks an option of an antd Select: the one labelled exactly `text`, else the first containing it.
   * The dropdown is found through the select's own aria-controls, so a closing dropdown of another select
   * cannot catch the click; the whole gesture is retried because antd may still be moving the popup.
   * `search` is typed first where the list is long (every department of the district).
   */
  const choose = async (testId: string, text: string, search?: string) => {
    const select = page.getByTestId(testId);
    const attempt = async () => {
      const combobox = select.getByRole('combobox');
      if ((await combobox.getAttribute('aria-expanded')) !== 'true') await select.click();
      if (search) {
        await combobox.fill('');
        await page.keyboard.type(search);
      }
      const listId = await combobox.getAttribute('aria-controls');
      const options = page
        .locator(`.ant-select-dropdown:has([id="${listId}"])`)
        .locator('.ant-select-item-option');
      await options.first().waitFor({ timeout: 3000 });
      const exact = options.filter({ hasText: exactly(text) });
      const option = (await exact.count()) > 0 ? exact.first() : options.filter({ hasText: text }).first();
      await option.click({ timeout: 3000 });
      await expect.poll(() => select.textContent(), { timeout: 2000 }).toContain(text);
    };
    for (let tries = 1; ; tries++) {
      try {
        return await attempt();
      } catch (error) {
        if (tries === 4) throw error;
        await page.keyboard.press('Escape');
        await page.waitForTimeout(300);
      }
    }
  };

  /** A choice offered as buttons or as a list of radios. */
  const pick = async (testId: string, text: string) => {
    const group = page.getByTestId(testId);
    await group.locator('label').filter({ hasText: text }).first().click();
    await expect
      .poll(() =>
        group.locator('.ant-radio-button-wrapper-checked, .ant-radio-wrapper-checked').textContent(),
      )
      .toContain(text);
  };

  return { inputOf, fillDate, choose, pick };
}

export type FormHelpers = ReturnType<typeof formHelpers>;
