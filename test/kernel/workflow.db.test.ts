import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, signIn, testApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

const TODAY = '2025-06-30';
let t: TestDb;
let app: App;
let staff: Client;

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { toy: true, today: TODAY });
  await makeUser(t.db, 'recon.staff', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
  staff = await signIn(app, 'recon.staff');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const create = async (subject: string, receivedOn = '2025-06-02', headers: Record<string, string> = {}) =>
  staff.post('/api/lines/toy/request', { subject, receivedOn }, headers);

describe('a matter', () => {
  it('is created with its first event, a reference number and the review deadline from the rule in force', async () => {
    const res = await create('甲某申请');
    expect(res.statusCode).toBe(201);
    const { id, refNo } = res.json();
    expect(refNo).toMatch(/^测〔2025〕\d+号$/);
    const detail = (await staff.get(`/api/matters/${id}`)).json();
    expect(detail.events).toHaveLength(1);
    expect(detail.deadlines[0]).toMatchObject({
      key: 'review',
      ruleId: 'xzfy.accept.review',
      dueOn: '2025-06-09',
      status: 'running',
    });
    expect(detail.deadlines[0].rule.citation.article).toContain('第三十条');
    expect(detail.allowedActions.map((a: { action: string }) => a.action).sort()).toEqual([
      'accept',
      'reject',
    ]);
  });

  it('is refused where the clerk holds no role, leaving no matter, number or audit entry behind', async () => {
    // The toy kind has no checks against the records: its INSERT checks the permission itself.
    await makeUser(t.db, 'legality.staff', [{ org: 'sec-legality', role: 'sectionStaff' }]);
    const town = await signIn(app, 'legality.staff');
    const count = async () =>
      (
        await t.db.query<{ m: number; c: number; a: number }>(
          `SELECT (SELECT count(*)::int FROM matters WHERE title = '越权申请') AS m,
                  (SELECT coalesce(max(last), 0)::int FROM doc_number_counters WHERE prefix = 'matter:toy:request') AS c,
                  (SELECT count(*)::int FROM audit_log WHERE action = 'matter.create') AS a`,
        )
      ).rows[0]!;
    const before = await count();
    const res = await town.post('/api/lines/toy/request', { subject: '越权申请', receivedOn: '2025-06-02' });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('您无权在该机构登记「测试申请」');
    expect(await count()).toEqual(before);
    // Its own office is fine, and the number follows on from the last one given.
    const own = await town.post('/api/lines/toy/request', {
      subject: '本所申请',
      receivedOn: '2025-06-02',
      orgCode: 'sec-legality',
    });
    expect(own.statusCode).toBe(201);
    expect(own.json().refNo).toBe(`测〔2025〕${before.c + 1}号`);
    expect((await count()).a).toBe(before.a + 1);
  });

  it('refuses an action its state does not allow, listing the allowed ones', async () => {
    const { id } = (await create('乙某申请')).json();
    const res = await staff.post(`/api/lines/toy/request/${id}/decide`, {
      version: 1,
      date: '2025-06-10',
      data: { outcome: 'uphold' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'ACTION_NOT_ALLOWED',
      allowedActions: [{ action: 'accept' }, { action: 'reject' }],
    });
    expect(res.json().detail).toContain('可执行的操作：受理、不予受理');
  });

  it('refuses a stale version with 409 and the current state', async () => {
    const { id } = (await create('丙某申请')).json();
    expect(
      (await staff.post(`/api/lines/toy/request/${id}/accept`, { version: 1, date: '2025-06-03' }))
        .statusCode,
    ).toBe(200);
    const stale = await staff.post(`/api/lines/toy/request/${id}/reject`, {
      version: 1,
      date: '2025-06-03',
      data: { reason: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { state: 'accepted', version: 2 },
    });
  });

  it('lets exactly one of two racing transitions win', async () => {
    const { id } = (await create('丁某申请')).json();
    const [a, b] = await Promise.all([
      staff.post(`/api/lines/toy/request/${id}/accept`, { version: 1, date: '2025-06-03' }),
      staff.post(`/api/lines/toy/request/${id}/reject`, {
        version: 1,
        date: '2025-06-03',
        data: { reason: '材料不全' },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const { rows } = await t.db.query('SELECT count(*)::int AS n FROM matter_events WHERE matter_id = $1', [
      id,
    ]);
    expect(rows[0].n).toBe(2);
  });

  it('refuses dates in the future and dates before the previous step, writing nothing', async () => {
    const { id } = (await create('戊某申请', '2025-06-10')).json();
    const future = await staff.post(`/api/lines/toy/request/${id}/accept`, {
      version: 1,
      date: '2025-07-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().detail).toContain('晚于今天');
    const early = await staff.post(`/api/lines/toy/request/${id}/accept`, { version: 1, date: '2025-06-09' });
    expect(early.json().detail).toContain('早于上一环节');
    expect((await staff.get(`/api/matters/${id}`)).json().matter.version).toBe(1);
  });

  it('applies a line precondition with its Chinese reason, and offers the step no longer once it fails', async () => {
    const { id } = (await create('己某申请')).json();
    await staff.post(`/api/lines/toy/request/${id}/accept`, { version: 1, date: '2025-06-03' });
    expect(
      (
        await staff.post(`/api/lines/toy/request/${id}/extend`, {
          version: 2,
          date: '2025-06-04',
          data: { days: 10 },
        })
      ).statusCode,
    ).toBe(200);
    const again = await staff.post(`/api/lines/toy/request/${id}/extend`, {
      version: 3,
      date: '2025-06-05',
      data: { days: 5 },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('已经延期过一次，不能再次延期');
    const offered = (await staff.get(`/api/matters/${id}`)).json().allowedActions;
    expect(offered).toEqual([
      { action: 'suspend', label: '中止', primary: false, available: true, reason: null },
      {
        action: 'extend',
        label: '延期',
        primary: false,
        available: false,
        reason: '已经延期过一次，不能再次延期',
      },
      { action: 'decide', label: '作出决定', primary: false, available: true, reason: null },
    ]);
  });
});

describe('idempotency keys', () => {
  it('turn ten concurrent replays of one create into one matter with one answer', async () => {
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        create('幂等申请', '2025-06-02', { 'idempotency-key': 'create-once-1' }),
      ),
    );
    const ids = new Set(replies.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect(replies.every((r) => r.statusCode === 201)).toBe(true);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM matters WHERE title = '幂等申请'`);
    expect(rows[0].n).toBe(1);
    // One answer: the nine others replay the stored one, and the statements that lost on the key took no number.
    expect(new Set(replies.map((r) => r.body)).size).toBe(1);
    expect(replies.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    const n = Number(/〕(\d+)号$/.exec(replies[0]!.json().refNo)![1]);
    expect((await create('键后的申请', '2025-06-02')).json().refNo).toBe(`测〔2025〕${n + 1}号`);
  });

  it('refuse the same key with a different body', async () => {
    await create('庚某申请', '2025-06-02', { 'idempotency-key': 'k-2' });
    const res = await create('另一个申请', '2025-06-02', { 'idempotency-key': 'k-2' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('make a retried transition return the first result', async () => {
    const { id } = (await create('辛某申请')).json();
    const first = await staff.post(
      `/api/lines/toy/request/${id}/accept`,
      { version: 1, date: '2025-06-03' },
      { 'idempotency-key': 'acc-1' } as never,
    );
    const again = await staff.post(
      `/api/lines/toy/request/${id}/accept`,
      { version: 1, date: '2025-06-03' },
      { 'idempotency-key': 'acc-1' } as never,
    );
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
  });
});

describe('official documents', () => {
  it('are numbered without gaps or duplicates when twenty decisions are issued at once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) {
      const { id } = (await create(`并发申请${i}`)).json();
      await staff.post(`/api/lines/toy/request/${id}/accept`, { version: 1, date: '2025-06-03' });
      ids.push(id);
    }
    const results = await Promise.all(
      ids.map((id) =>
        staff.post(`/api/lines/toy/request/${id}/decide`, {
          version: 2,
          date: '2025-06-20',
          data: { outcome: 'revoke' },
        }),
      ),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const { rows } = await t.db.query<{ seq: number }>(
      `SELECT seq FROM documents WHERE prefix = '镇司测' AND year = 2025 ORDER BY seq`,
    );
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    expect(rows.length).toBeGreaterThanOrEqual(20);
  });

  it('are immutable and downloadable as DOCX by someone in scope', async () => {
    const doc = (await t.db.query('SELECT id, doc_number FROM documents ORDER BY id LIMIT 1')).rows[0];
    await expect(t.db.query(`UPDATE documents SET title = 'x' WHERE id = $1`, [doc.id])).rejects.toThrow(
      /append-only/,
    );
    const res = await staff.get(`/api/documents/${doc.id}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('are also downloadable as PDF (LibreOffice), or say clearly that PDF is unavailable', async () => {
    const doc = (await t.db.query('SELECT id FROM documents ORDER BY id LIMIT 1')).rows[0];
    const res = await staff.get(`/api/documents/${doc.id}/pdf`);
    if (res.statusCode === 503) {
      expect(process.env.CI).not.toBe('true');
      expect(res.json().detail).toContain('LibreOffice');
    } else {
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
  }, 90_000);

  it('cannot be read by a township clerk', async () => {
    await makeUser(t.db, 'zb.clerk', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
    const clerk = await signIn(app, 'zb.clerk');
    const doc = (await t.db.query('SELECT id, matter_id FROM documents LIMIT 1')).rows[0];
    expect((await clerk.get(`/api/documents/${doc.id}/docx`)).statusCode).toBe(404);
    expect((await clerk.get(`/api/matters/${doc.matter_id}`)).statusCode).toBe(404);
    expect((await clerk.get('/api/matters?line=toy')).json().items).toEqual([]);
  });
});

describe('the matter list', () => {
  it('pages by keyset and finds Chinese text', async () => {
    const p1 = (await staff.get('/api/matters?line=toy&limit=5')).json();
    expect(p1.items).toHaveLength(5);
    const p2 = (await staff.get(`/api/matters?line=toy&limit=5&after=${p1.nextAfter}`)).json();
    expect(p2.items[0].id).toBeLessThan(p1.items[4].id);
    const found = (await staff.get(`/api/matters?q=${encodeURIComponent('幂等')}`)).json();
    expect(found.items.map((m: { title: string }) => m.title)).toEqual(['幂等申请']);
  });
});
