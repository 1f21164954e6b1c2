import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, signIn, testApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

/** 更正 of pause and extension on the toy line: each correction puts the period back column for column. */
const TODAY = '2025-06-30';
let t: TestDb;
let app: App;
let staff: Client;

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { toy: true, today: TODAY });
  await makeUser(t.db, 'toy.staff', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
  staff = await signIn(app, 'toy.staff');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const rows = async (id: number) =>
  (await t.db.query('SELECT * FROM deadlines WHERE matter_id = $1 ORDER BY id', [id])).rows;
const version = async (id: number) => (await staff.get(`/api/matters/${id}`)).json().matter.version;
const step = async (id: number, action: string, date: string, data: Record<string, unknown> = {}) => {
  const res = await staff.post(`/api/lines/toy/request/${id}/${action}`, {
    version: await version(id),
    date,
    data,
  });
  expect(res.statusCode).toBe(200);
};
const correctLatest = async (id: number, date: string) => {
  const offer = (await staff.get(`/api/matters/${id}/correction`)).json();
  return staff.post(`/api/matters/${id}/correct`, {
    version: await version(id),
    eventId: offer.step.eventId,
    date,
    reason: '误录',
  });
};

describe('correcting deadline effects on the toy line', () => {
  it('unwinds a suspension, an extension and an acceptance, one latest step at a time', async () => {
    const { id } = (
      await staff.post('/api/lines/toy/request', { subject: '更正期限', receivedOn: '2025-06-02' })
    ).json();
    const received = await rows(id);
    await step(id, 'accept', '2025-06-03');
    const accepted = await rows(id);
    await step(id, 'extend', '2025-06-10', { days: 10 });
    const extended = await rows(id);
    expect(extended[1]).toMatchObject({ key: 'decision', extended_days: 10, status: 'running' });
    await step(id, 'suspend', '2025-06-16');
    expect((await rows(id))[1]).toMatchObject({ status: 'paused', due_on: null, paused_on: '2025-06-16' });

    expect((await correctLatest(id, '2025-06-17')).json().state).toBe('accepted');
    expect(await rows(id)).toEqual(extended);
    expect((await correctLatest(id, '2025-06-18')).json().state).toBe('accepted');
    expect(await rows(id)).toEqual(accepted);
    expect((await correctLatest(id, '2025-06-18')).json().state).toBe('received');
    expect(await rows(id)).toEqual(received);

    // The extension guard no longer sees the voided extension; the creation itself cannot be corrected.
    await step(id, 'accept', '2025-06-19');
    await step(id, 'extend', '2025-06-19', { days: 5 });
    expect((await rows(id)).at(-1)).toMatchObject({ key: 'decision', extended_days: 5 });
    const events = (await staff.get(`/api/matters/${id}`)).json().events;
    expect(
      events.map((e: { action: string; voidedBy: number | null }) => [e.action, e.voidedBy !== null]),
    ).toEqual([
      ['create', false],
      ['accept', true],
      ['extend', true],
      ['suspend', true],
      ['kernel.correct', false],
      ['kernel.correct', false],
      ['kernel.correct', false],
      ['accept', false],
      ['extend', false],
    ]);
  });
});
