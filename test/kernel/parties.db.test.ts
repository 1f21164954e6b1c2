import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateDataKey } from '../../src/kernel/parties/rotate.ts';
import { keyRing, setKeyRing, writeRingFile } from '../../src/kernel/personal-data/keyring.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn, testApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

const TODAY = '2026-11-25';
const ID = '330211199001011236';
const PHONE = '13812345678';
let t: TestDb;
let app: App;
let clerk: Client;
let township: Client;
let market: number;

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { today: TODAY });
  await makeUser(t.db, 'fy.clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
  await makeUser(t.db, 'zb.clerk', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
  clerk = await signIn(app, 'fy.clerk');
  township = await signIn(app, 'zb.clerk');
  market = await orgId(t.db, 'dept-market');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

let serial = 0;
const apply = (applicant: Record<string, unknown>, actTitle = '行政处罚决定') =>
  clerk.post('/api/lines/reconsideration/application', {
    receivedOn: '2026-11-02',
    channel: 'window',
    applicants: [applicant],
    representatives: [{ name: '王律师', relation: '律师', phone: '13900000001' }],
    respondentOrgId: market,
    actKind: 'penalty',
    actTitle,
    actDocNo: `甬镇市监罚〔2026〕${++serial}号`,
    actDate: '2026-10-20',
    actKnownOn: '2026-10-22',
    request: '撤销行政处罚决定',
  });

/** Every row of every table of the product as text: what a dump or a stolen disk image would show. */
async function everythingStored(): Promise<string> {
  const { rows } = await t.db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  let all = '';
  for (const r of rows) {
    const q = await t.db.query(`SELECT string_agg(x::text, E'\\n') AS s FROM "${r.table_name}" x`);
    all += q.rows[0].s ?? '';
  }
  return all;
}

describe('the parties registry', () => {
  it('keeps one record per identity across matters, found by its number, with numbers masked', async () => {
    const first = await apply({ partyType: 'person', name: '张某', idNumber: ID, phone: PHONE });
    expect(first.statusCode).toBe(201);
    // The same person again, the ID typed with a lower-case check digit would be the same; a new phone is ignored.
    const second = await apply(
      { partyType: 'person', name: '张某', idNumber: ID, phone: '13800000000' },
      '责令改正通知',
    );
    expect(second.statusCode).toBe(201);
    const found = (await clerk.get(`/api/parties?q=${ID}`)).json().items;
    expect(found).toEqual([
      {
        id: found[0].id,
        partyType: 'person',
        name: '张某',
        idKind: 'residentId',
        idNumberMasked: '330211********1236',
        creditCode: null,
        phoneMasked: '138****5678',
        birthDate: '1990-01-01',
      },
    ]);
    const page = (await clerk.get(`/api/parties/${found[0].id}`)).json();
    expect(page.party.sex).toBe('male');
    expect(page.matters.map((m: { refNo: string; roles: string[] }) => [m.refNo, m.roles])).toEqual([
      [second.json().refNo, ['applicant']],
      [first.json().refNo, ['applicant']],
    ]);
    const detail = (await clerk.get(`/api/matters/${first.json().id}`)).json();
    expect(detail.details[1].table.rows).toEqual([
      ['申请人', '张某', '330211********1236', '138****5678', null],
      ['委托代理人（律师）', '王律师', null, '139****0001', null],
    ]);
  });

  it('finds the matters of a party by the full identity number in the matter list, within the reader’s scope', async () => {
    const refNos = (await clerk.get(`/api/matters?q=${ID}`))
      .json()
      .items.map((m: { refNo: string }) => m.refNo);
    const mine = (await clerk.get('/api/parties?q=张某')).json().items[0].id;
    const page = (await clerk.get(`/api/parties/${mine}`)).json();
    expect(refNos).toEqual(page.matters.map((m: { refNo: string }) => m.refNo));
    expect(refNos).toHaveLength(2);
    // The last digits alone, or another number, find nothing; a township clerk outside the scope finds nothing.
    expect((await clerk.get('/api/matters?q=199001011236')).json().items).toEqual([]);
    expect((await clerk.get('/api/matters?q=330211199001011244')).json().items).toEqual([]);
    expect((await township.get(`/api/matters?q=${ID}`)).json().items).toEqual([]);
  });

  it('shows a party only with the matters the viewer may read', async () => {
    const { items } = (await clerk.get(`/api/parties?q=${ID}`)).json();
    expect((await township.get(`/api/parties/${items[0].id}`)).statusCode).toBe(404);
    expect((await township.get('/api/parties?q=张某')).json().items).toEqual([]);
    expect((await clerk.get('/api/parties?q=张某')).json().items).toHaveLength(1);
  });

  it('offers likely duplicates by name and phone or name and birth date', async () => {
    const byPhone = (await clerk.post('/api/parties/duplicates', { name: '张某', phone: PHONE })).json()
      .items;
    const byBirth = (
      await clerk.post('/api/parties/duplicates', { name: '张某', birthDate: '1990-01-01' })
    ).json().items;
    const neither = (
      await clerk.post('/api/parties/duplicates', { name: '张某', phone: '13700000000' })
    ).json().items;
    expect([byPhone.length, byBirth.length, neither.length]).toEqual([1, 1, 0]);
  });

  it('reveals a full number on request only, and audits who read whose', async () => {
    const { items } = (await clerk.get(`/api/parties?q=${ID}`)).json();
    const res = await clerk.post(`/api/parties/${items[0].id}/reveal`, { field: 'idNumber', matterId: 1 });
    expect(res.json()).toEqual({ value: ID });
    expect(res.headers['cache-control']).toBe('no-store');
    const { rows } = await t.db.query(
      `SELECT action, object_id, summary FROM audit_log WHERE action = 'party.reveal' ORDER BY seq DESC LIMIT 1`,
    );
    expect(rows[0]).toMatchObject({ action: 'party.reveal', summary: { field: 'idNumber', matterId: 1 } });
    expect(Number(rows[0].object_id)).toBe(items[0].id);
  });

  it('stores no identity or phone number in clear anywhere in the database', async () => {
    const stored = await everythingStored();
    expect(stored).toContain('张某');
    for (const secret of [ID, PHONE, '13900000001']) expect(stored).not.toContain(secret);
  });

  it('re-seals everything under a new key on rotation, and still finds and reads it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-keys-'));
    const file = path.join(dir, 'data-key.json');
    const original = keyRing();
    writeRingFile(file, original);
    try {
      const r = await rotateDataKey(t.db, file);
      // 张某, and 王律师 twice: a representative without an identity number is a new record each time.
      expect(r.resealed).toBe(3);
      const ring = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(Object.keys(ring.keys)).toEqual([r.kid]);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const { items } = (await clerk.get(`/api/parties?q=${ID}`)).json();
      expect(items).toHaveLength(1);
      expect((await clerk.post(`/api/parties/${items[0].id}/reveal`, { field: 'phone' })).json()).toEqual({
        value: PHONE,
      });
    } finally {
      setKeyRing(original);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('links picked and typed parties to the matter in the order given, each role counted on its own', async () => {
    const existing = Number(
      (await t.db.query(`SELECT id FROM parties WHERE name = '张某' ORDER BY id LIMIT 1`)).rows[0].id,
    );
    const res = await clerk.post('/api/lines/reconsideration/application', {
      receivedOn: '2026-11-02',
      channel: 'window',
      applicants: [
        { partyType: 'person', name: '李某', idKind: 'none' },
        { partyId: existing, partyType: 'person', name: '张某' },
      ],
      thirdParties: [{ partyType: 'organisation', name: '某某有限公司', creditCode: '91330211MA2AXXXX0A' }],
      representatives: [
        { name: '王律师', relation: '律师', phone: '13900000001' },
        { name: '李某某', relation: '近亲属' },
      ],
      respondentOrgId: market,
      actKind: 'penalty',
      actTitle: '没收违法所得决定',
      actDate: '2026-10-20',
      actKnownOn: '2026-10-22',
      request: '撤销没收违法所得决定',
    });
    expect(res.json()).toMatchObject({ refNo: expect.any(String) });
    const { rows } = await t.db.query(
      `SELECT mp.role, mp.seq, p.name, mp.relation, mp.party_id = $2 AS picked
       FROM matter_parties mp JOIN parties p ON p.id = mp.party_id
       WHERE mp.matter_id = $1 ORDER BY mp.role, mp.seq`,
      [res.json().id, existing],
    );
    expect(rows).toEqual([
      { role: 'applicant', seq: 1, name: '李某', relation: null, picked: false },
      { role: 'applicant', seq: 2, name: '张某', relation: null, picked: true },
      { role: 'representative', seq: 1, name: '王律师', relation: '律师', picked: false },
      { role: 'representative', seq: 2, name: '李某某', relation: '近亲属', picked: false },
      { role: 'thirdParty', seq: 1, name: '某某有限公司', relation: null, picked: false },
    ]);
  });
});
