import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, makeUser, signIn, testApp } from '../../../test/support/app.ts';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import type { App } from '../../platform/http/app.ts';
import { loadBusinessServicesDemo } from './demo.ts';

/**
 * The business-environment demo (small enough to load whole) reproduces the 2024 figures the report publishes,
 * through the indicators' API, and the report paragraphs read them in the seed's wording.
 */
const TODAY = '2026-11-25';
let t: TestDb;
let app: App;
let leader: Client;
let seconds = 0;

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { today: TODAY });
  const started = Date.now();
  expect(await loadBusinessServicesDemo(t.db, TODAY)).toMatch(/^信用修复 \d+ 件/);
  seconds = (Date.now() - started) / 1000;
  expect(await loadBusinessServicesDemo(t.db, TODAY)).toBeNull();
  await makeUser(t.db, 'leader', [{ org: 'bureau', role: 'leader' }]);
  leader = await signIn(app, 'leader');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const get = async (id: string, year = 2024) =>
  (await leader.get(`/api/indicators/${id}?year=${year}&region=330211`)).json();

describe('the demo reproduces the published 2024 figures from its records', () => {
  it('loads within 15 s', () => expect(seconds).toBeLessThan(15));
  it.each([
    ['creditRepair.subjectsConsulted', 130, 60],
    ['creditRepair.enterprisesRepaired', 78, 35],
    ['creditRepair.recordsRepaired', 1560, 700],
    ['compliance.guidelines', 3, 0],
    ['foreignRelated.enterprisesServed', 92, 40],
    ['lawyers.firms', 12, 10],
    ['lawyers.firmsAdded', 2, 0],
    ['lawyers.practising', 289, 262],
    ['lawyers.revenueGrowth', 33810, 30000],
  ])('%s: %d (2023: %d)', async (id, value, previous) => {
    const v = await get(id);
    expect([v.value, v.previous]).toEqual([value, previous]);
  });
  it('revenue grew 12.7% year on year', async () => {
    expect((await get('lawyers.revenueGrowth')).yoy).toBeCloseTo(12.7, 5);
  });
  it('the current year’s walked records put work on the proactive list', async () => {
    const rows = (await leader.get('/api/lines/creditRepair/proactive?month=2026-11')).json();
    expect(rows.length).toBe(3);
  });
});
