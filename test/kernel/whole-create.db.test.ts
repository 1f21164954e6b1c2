import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCalendar } from '../../src/kernel/calendar/service.ts';
import { createMatter } from '../../src/kernel/workflow/engine.ts';
import type { Actor } from '../../src/platform/access/actor.ts';
import type { Db } from '../../src/platform/db/pool.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { registerToyLine } from '../support/toy-line.ts';

/**
 * A matter without documents is created in one statement (insertWholeMatter): its number, row, first event,
 * periods and audit entry, the periods computed beforehand on the process's calendar. The statement writes nothing
 * when another process loaded a holiday notice since that calendar was built; the creation then goes the longer way
 * on the new calendar.
 */
let t: TestDb;
let staff: Actor;
let stranger: Actor;

/** The pool, with every statement its clients run written down. */
function recording(db: Db) {
  const statements: string[] = [];
  const pool = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'connect') return Reflect.get(target, prop, receiver);
      return async () => {
        const client = await target.connect();
        return new Proxy(client, {
          get(c, p, r) {
            if (p !== 'query') return Reflect.get(c, p, r);
            return (query: string | { text: string }, values?: unknown[]) => {
              statements.push(typeof query === 'string' ? query : query.text);
              return c.query(query as string, values);
            };
          },
        });
      };
    },
  });
  return { pool, statements };
}

beforeAll(async () => {
  registerToyLine();
  t = await createTestDb();
  const org = async (code: string) =>
    (await t.db.query<{ id: number }>('SELECT id FROM orgs WHERE code = $1', [code])).rows[0]!.id;
  staff = {
    userId: 1,
    name: '复议科 甲',
    memberships: [{ orgId: await org('sec-reconsideration'), role: 'sectionStaff' }],
  };
  stranger = {
    userId: 1,
    name: '他科 乙',
    memberships: [{ orgId: await org('dept-market'), role: 'sectionStaff' }],
  };
});
afterAll(async () => {
  await t?.close();
});

const create = (db: Db, actor: Actor, subject: string, receivedOn: string) =>
  createMatter(db, actor, 'toy', 'request', { subject, receivedOn }, { today: receivedOn });

const written = async (id: number) => {
  const q = async (sql: string) => (await t.db.query(sql, [id])).rows;
  return {
    matter: (await q('SELECT ref_no, search_text, state FROM matters WHERE id = $1'))[0],
    events: await q('SELECT id, seq, action, to_state FROM matter_events WHERE matter_id = $1'),
    deadlines: await q(
      `SELECT key, rule_id, to_char(due_on, 'YYYY-MM-DD') AS due, status FROM deadlines WHERE matter_id = $1`,
    ),
    journal: await q(
      'SELECT c.event_id FROM deadline_changes c JOIN deadlines d ON d.id = c.deadline_id WHERE d.matter_id = $1',
    ),
    audit: await q(
      `SELECT action, summary FROM audit_log WHERE object_type = 'matter' AND object_id = $1::text`,
    ),
  };
};

describe('creating a matter without documents', () => {
  it('writes the number, the matter, its event, its period and its audit entry in one statement', async () => {
    await currentCalendar(t.db);
    const { pool, statements } = recording(t.db);
    const { id, refNo } = await create(pool, staff, '甲某申请', '2025-06-02');
    expect(refNo).toBe('测〔2025〕1号');
    // The toy line's look-up of its organisation, then the creation, committing by itself: no BEGIN, no COMMIT.
    expect(statements).toHaveLength(2);
    expect(statements[1]).toMatch(/^WITH ok AS/);
    expect(statements.filter((s) => /UPDATE matters/.test(s))).toEqual([]);
    const w = await written(id);
    expect(w.matter).toEqual({
      ref_no: '测〔2025〕1号',
      search_text: '测〔2025〕1号 甲某申请',
      state: 'received',
    });
    expect(w.events).toMatchObject([{ seq: 1, action: 'create', to_state: 'received' }]);
    expect(w.deadlines).toEqual([
      { key: 'review', rule_id: 'xzfy.accept.review', due: '2025-06-09', status: 'running' },
    ]);
    expect(w.journal).toEqual([{ event_id: w.events[0]!.id }]);
    expect(w.audit).toEqual([
      { action: 'matter.create', summary: { line: 'toy', kind: 'request', refNo: '测〔2025〕1号' } },
    ]);
    expect((await create(t.db, staff, '乙某申请', '2025-06-03')).refNo).toBe('测〔2025〕2号');
  });

  it('refuses an actor without a role over the organisation, and gives the number back', async () => {
    await expect(create(t.db, stranger, '丙某申请', '2025-06-04')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await create(t.db, staff, '丁某申请', '2025-06-04')).refNo).toBe('测〔2025〕3号');
  });

  it('counts on a holiday notice another process loaded after this one built its calendar', async () => {
    // Received Wednesday 2027-02-03. The provisional 2027 calendar has 春节 02-05..02-08: five working days end
    // Friday 02-12. The notice makes 02-05..02-13 holidays: 02-04, then 02-15..02-18 — due Thursday 02-18.
    await currentCalendar(t.db);
    const before = await create(t.db, staff, '春节前申请', '2027-02-03');
    expect((await written(before.id)).deadlines).toMatchObject([{ due: '2027-02-12' }]);
    await t.db.query(`INSERT INTO holiday_calendars (year, notice) VALUES (2027, $1)`, [
      JSON.stringify({
        year: 2027,
        notice: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
        source: 'test',
        holidays: [
          { start: '2027-01-01', end: '2027-01-03', name: '元旦' },
          { start: '2027-02-05', end: '2027-02-13', name: '春节' },
        ],
        workdays: ['2027-02-20'],
      }),
    ]);
    const { pool, statements } = recording(t.db);
    const after = await create(pool, staff, '春节后登记', '2027-02-03');
    expect(after.refNo).toBe('测〔2027〕2号');
    const w = await written(after.id);
    expect(w.deadlines).toMatchObject([{ key: 'review', due: '2027-02-18' }]);
    expect(w.events).toHaveLength(1);
    expect(w.audit).toHaveLength(1);
    // The one statement wrote nothing; the INSERT, the periods and the audit entry followed.
    expect(statements.filter((s) => /INSERT INTO matters/.test(s))).toHaveLength(2);
  });
});
