import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, signIn, testApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { docxText } from '../support/docx-text.ts';

/**
 * The bureau profile (本机关设置, issue 9 §5) through the HTTP API: entries derived from the registered lines,
 * validated with Chinese messages, proposed by one district-level administrator and in force only once another
 * confirms (issue 11 finding 2), versioned with diffs, audited; a document keeps the issuer it was issued with.
 */
let t: TestDb;
let app: App;
let admin: Client;
let admin2: Client;
let townAdmin: Client;
let staff: Client;

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { toy: true, today: '2025-07-15' });
  await makeUser(t.db, 'pf.admin2', [{ org: 'bureau', role: 'admin' }]);
  await makeUser(t.db, 'pf.town', [{ org: 'jo-330211001', role: 'admin' }]);
  await makeUser(t.db, 'pf.staff', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
  admin = await signIn(app, 'admin');
  admin2 = await signIn(app, 'pf.admin2');
  townAdmin = await signIn(app, 'pf.town');
  staff = await signIn(app, 'pf.staff');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

type Entry = {
  key: string;
  value: string | boolean | null;
  effective: string | boolean;
  defaultText: string;
};
const profile = async () => (await admin.get('/api/profile')).json();
const entry = async (key: string): Promise<Entry> =>
  (await profile()).groups.flatMap((g: { entries: Entry[] }) => g.entries).find((e: Entry) => e.key === key);
const settings = async () =>
  Object.fromEntries(
    (
      await t.db.query<{ key: string; v: string }>(
        `SELECT key, value #>> '{}' AS v FROM settings WHERE key LIKE 'doc%' OR key LIKE 'profile.%' OR key LIKE 'refPrefix.%'`,
      )
    ).rows.map((r) => [r.key, r.v]),
  );
const auditActions = async (since: number) =>
  (
    await t.db.query<{ action: string; actor_name: string; object_id: string }>(
      'SELECT action, actor_name, object_id FROM audit_log WHERE seq > $1 ORDER BY seq',
      [since],
    )
  ).rows;
const auditHead = async () =>
  (await t.db.query('SELECT max(seq)::int AS n FROM audit_log')).rows[0].n as number;

/** A toy matter decided on `date`: it issues one 测试决定书. */
async function decidedMatter(subject: string, date: string) {
  const { id } = (await staff.post('/api/lines/toy/request', { subject, receivedOn: date })).json();
  await staff.post(`/api/lines/toy/request/${id}/accept`, { version: 1, date });
  const res = await staff.post(`/api/lines/toy/request/${id}/decide`, {
    version: 2,
    date,
    data: { outcome: 'uphold', reasoning: '理由。' },
  });
  expect(res.statusCode).toBe(200);
  const doc = (await staff.get(`/api/matters/${id}`)).json().documents[0];
  return doc as { id: number; docNumber: string };
}
const printed = async (docId: number) =>
  (await docxText((await staff.get(`/api/documents/${docId}/docx`)).rawPayload)).join('\n');

describe('the profile page lists every entry, derived from the registered lines', () => {
  it('has the names, the reconsideration organs, one group per template and per kind, with defaults', async () => {
    const p = await profile();
    expect(p.version).toBe(1);
    const ids = p.groups.map((g: { id: string }) => g.id);
    expect(ids.slice(0, 2)).toEqual(['names', 'reconsideration']);
    // The toy line of the tests appears without any code in the profile: its template and its kind.
    expect(ids).toContain('template:toy.decision');
    expect(ids).toContain('kind:toy.request');
    expect(ids).toContain('template:reconsideration.acceptance');
    expect(await entry('profile.bureauName')).toMatchObject({
      value: null,
      effective: '宁波市镇海区司法局',
      defaultText: '默认：宁波市镇海区司法局',
    });
    expect((await entry('profile.districtGovernmentName')).effective).toBe('宁波市镇海区人民政府');
    expect(await entry('profile.reconsiderationOrganName')).toMatchObject({
      effective: '宁波市镇海区人民政府',
      defaultText: '同“区人民政府名称”',
    });
    expect(await entry('docPrefix.toy.decision')).toMatchObject({
      effective: '镇司测',
      defaultText: '默认：镇司测',
    });
    expect(await entry('docSignature.toy.decision')).toMatchObject({
      effective: '宁波市镇海区司法局',
      defaultText: '同“测试决定书的发文机关”',
    });
    expect(await entry('refPrefix.toy.request')).toMatchObject({ effective: '测' });
    expect(await entry('profile.reconsiderationSealAuthorised')).toMatchObject({ effective: false });
  });
});

describe('validation, with messages that name the entry', () => {
  it.each([
    [
      { 'docPrefix.toy.decision': '镇司〔测' },
      '测试决定书的文号前缀只能包含汉字、字母、数字和圆括号，如“镇司复”',
    ],
    [
      { 'docPrefix.toy.decision': '镇 司' },
      '测试决定书的文号前缀只能包含汉字、字母、数字和圆括号，如“镇司复”',
    ],
    [{ 'refPrefix.toy.request': '测'.repeat(21) }, '测试申请的案号前缀最多 20 个字'],
    [{ 'profile.bureauName': '局' }, '本机关名称至少 2 个字'],
    [{ 'profile.bureauName': '司'.repeat(61) }, '本机关名称最多 60 个字'],
    [{ 'docSeal.toy.decision': '印章<b>' }, '测试决定书的印章只能包含汉字、字母、数字、圆括号和间隔号“·”'],
    [{ 'profile.reconsiderationSealAuthorised': '是' }, '已获授权使用行政复议专用章须为“是”或“否”'],
    [{ 'docPrefix.nosuch.template': '镇' }, '没有设置项 docPrefix.nosuch.template'],
  ])('%j → %s', async (values, message) => {
    const res = await admin.put('/api/profile', { values, reason: '测试' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe(message);
    expect(res.json().errors[0].message).toBe(message);
  });

  it('asks for a reason, and refuses a change that changes nothing', async () => {
    const noReason = await admin.put('/api/profile', {
      values: { 'profile.bureauName': '某某司法局' },
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toBe('body.reason：请填写修改理由');
    const same = await admin.put('/api/profile', {
      values: { 'docPrefix.toy.decision': '' },
      reason: '无变化',
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().detail).toBe('与现行设置相同，没有需要确认的修改');
    const { rows } = await t.db.query('SELECT count(*)::int AS n FROM pending_changes');
    expect(rows[0].n).toBe(0);
  });
});

describe('only district-level administrators', () => {
  it('a township administrator gets 403 reading or changing the profile, and nothing is proposed', async () => {
    const put = await townAdmin.put('/api/profile', {
      values: { 'profile.bureauName': '某某司法局' },
      reason: '试',
    });
    expect(put.statusCode).toBe(403);
    expect(put.json().detail).toBe('只有区或区司法局一级的账户可以修改本机关设置');
    expect((await townAdmin.get('/api/profile')).statusCode).toBe(403);
    expect((await townAdmin.get('/api/changes')).statusCode).toBe(403);
    expect((await t.db.query('SELECT count(*)::int AS n FROM pending_changes')).rows[0].n).toBe(0);
    expect((await townAdmin.get('/api/auth/me')).json().permissions).not.toContain('profile.manage');
    expect((await admin.get('/api/auth/me')).json().permissions).toContain('profile.manage');
  });
});

describe('a change in force only once a second administrator confirms it; documents keep what they were issued with', () => {
  let oldDoc: { id: number; docNumber: string };
  // Issued under version 1 and first downloaded after the change: its DOCX is rendered then, from its stored text.
  let unread: { id: number; docNumber: string };
  let changeId: number;

  it('issues a document under version 1', async () => {
    oldDoc = await decidedMatter('改设置前的案件', '2025-07-01');
    expect(oldDoc.docNumber).toBe('镇司测〔2025〕1号');
    unread = await decidedMatter('改设置前未下载的案件', '2025-07-02');
    expect(unread.docNumber).toBe('镇司测〔2025〕2号');
    const text = await printed(oldDoc.id);
    expect(text).toContain('宁波市镇海区司法局');
    const { rows } = await t.db.query('SELECT issued_with FROM documents WHERE id = $1', [oldDoc.id]);
    expect(rows[0].issued_with).toEqual({
      organ: '宁波市镇海区司法局',
      signature: '宁波市镇海区司法局',
      seal: '宁波市镇海区司法局',
      prefix: '镇司测',
      profileVersion: 1,
    });
  });

  it('is proposed, pending, and changes nothing yet', async () => {
    const before = await auditHead();
    const res = await admin.put('/api/profile', {
      values: {
        'profile.reconsiderationSealAuthorised': true,
        'docPrefix.toy.decision': '镇政复测',
        'docIssuer.toy.decision': '宁波市镇海区人民政府',
        'docSeal.toy.decision': '宁波市镇海区人民政府行政复议专用章',
      },
      reason: '测试决定书以复议机关名义作出（行政复议法第四条）',
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    changeId = c.id;
    expect(c).toMatchObject({
      kind: 'profile',
      state: 'pending',
      stateLabel: '待确认',
      mine: true,
      baseVersion: 1,
    });
    expect(c.proposedBy).toBe('系统管理员');
    const set = { beforeIsDefault: true, afterIsDefault: false };
    expect(c.changes).toEqual([
      {
        key: 'profile.reconsiderationSealAuthorised',
        label: '已获授权使用行政复议专用章',
        before: false,
        after: true,
        ...set,
      },
      {
        key: 'docPrefix.toy.decision',
        label: '测试决定书 · 文号前缀',
        before: '镇司测',
        after: '镇政复测',
        ...set,
      },
      {
        key: 'docIssuer.toy.decision',
        label: '测试决定书 · 发文机关',
        before: '宁波市镇海区司法局',
        after: '宁波市镇海区人民政府',
        ...set,
      },
      // The signature follows the issuing organ (its default), so it changes too, still as its default.
      {
        key: 'docSignature.toy.decision',
        label: '测试决定书 · 落款',
        before: '宁波市镇海区司法局',
        after: '宁波市镇海区人民政府',
        beforeIsDefault: true,
        afterIsDefault: true,
      },
      {
        key: 'docSeal.toy.decision',
        label: '测试决定书 · 印章',
        before: '宁波市镇海区司法局',
        after: '宁波市镇海区人民政府行政复议专用章',
        ...set,
      },
    ]);
    expect(await settings()).toEqual({});
    expect((await profile()).pending.id).toBe(changeId);
    expect((await admin2.get('/api/changes?kind=profile')).json()[0]).toMatchObject({
      id: changeId,
      mine: false,
    });
    expect(await auditActions(before)).toEqual([
      { action: 'change.propose', actor_name: '系统管理员', object_id: String(changeId) },
    ]);
  });

  it('refuses a second proposal while one is pending', async () => {
    const res = await admin2.put('/api/profile', {
      values: { 'profile.bureauName': '某某司法局' },
      reason: '另一项',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(`本机关设置已有待确认的变更（第 ${changeId} 号），请先确认、驳回或撤回`);
  });

  it('the proposer cannot confirm it (exact message), nor may a township administrator', async () => {
    const own = await admin.post(`/api/changes/${changeId}/confirm`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toBe('不能确认自己提出的变更，须由另一位区级管理员确认');
    const town = await townAdmin.post(`/api/changes/${changeId}/confirm`, {});
    expect(town.statusCode).toBe(403);
    expect(town.json().detail).toBe('只有区或区司法局一级的账户可以确认或驳回本机关设置的修改');
    const notMine = await admin2.post(`/api/changes/${changeId}/withdraw`, {});
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().detail).toBe('只有提出人可以撤回变更');
    expect((await profile()).version).toBe(1);
    expect(await settings()).toEqual({});
  });

  it('a second administrator confirms: version 2, settings derived from it, audited', async () => {
    const before = await auditHead();
    const res = await admin2.post(`/api/changes/${changeId}/confirm`, { note: '已核对' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'confirmed',
      decidedBy: 'pf.admin2',
      decisionNote: '已核对',
      result: { version: 2 },
    });
    expect(await settings()).toEqual({
      'profile.reconsiderationSealAuthorised': 'true',
      'docPrefix.toy.decision': '镇政复测',
      'docIssuer.toy.decision': '宁波市镇海区人民政府',
      'docSeal.toy.decision': '宁波市镇海区人民政府行政复议专用章',
    });
    expect(await auditActions(before)).toEqual([
      { action: 'profile.version', actor_name: 'pf.admin2', object_id: '2' },
      { action: 'change.confirm', actor_name: 'pf.admin2', object_id: String(changeId) },
    ]);
    const { rows } = await t.db.query(`SELECT summary FROM audit_log WHERE action = 'profile.version'`);
    expect(rows[0].summary).toEqual({
      changeId,
      changed: [
        'docIssuer.toy.decision',
        'docPrefix.toy.decision',
        'docSeal.toy.decision',
        'profile.reconsiderationSealAuthorised',
      ],
    });
    const p = await profile();
    expect(p).toMatchObject({ version: 2, confirmedBy: 'pf.admin2', pending: null });
    const again = await admin2.post(`/api/changes/${changeId}/confirm`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe(`第 ${changeId} 号变更已确认，不能再处理`);
  });

  it('a new document is issued with the new issuer; the old one, downloaded again, keeps the old', async () => {
    const newDoc = await decidedMatter('改设置后的案件', '2025-07-10');
    expect(newDoc.docNumber).toBe('镇政复测〔2025〕1号');
    const newText = await printed(newDoc.id);
    expect(newText).toContain('宁波市镇海区人民政府');
    expect(newText).not.toContain('宁波市镇海区司法局');
    const { rows } = await t.db.query('SELECT issued_with FROM documents WHERE id = $1', [newDoc.id]);
    expect(rows[0].issued_with).toEqual({
      organ: '宁波市镇海区人民政府',
      signature: '宁波市镇海区人民政府',
      seal: '宁波市镇海区人民政府行政复议专用章',
      prefix: '镇政复测',
      profileVersion: 2,
    });
    const oldText = await printed(oldDoc.id);
    expect(oldText).toContain('宁波市镇海区司法局');
    expect(oldText).not.toContain('宁波市镇海区人民政府');
    expect(oldText).toContain('镇司测〔2025〕1号');
    const first = await printed(unread.id);
    expect(first).toContain('宁波市镇海区司法局');
    expect(first).not.toContain('宁波市镇海区人民政府');
    expect(first).toContain('镇司测〔2025〕2号');
    const html = (await staff.get(`/api/documents/${oldDoc.id}/html`)).body;
    expect(html).toContain('宁波市镇海区司法局');
    expect(html).not.toContain('宁波市镇海区人民政府');
  });

  it('the history lists both versions with who, why and the diff against the previous', async () => {
    const versions = (await admin.get('/api/profile/versions')).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({
      reason: '测试决定书以复议机关名义作出（行政复议法第四条）',
      proposedBy: '系统管理员',
      confirmedBy: 'pf.admin2',
    });
    expect(versions[0].changes.map((c: { key: string }) => c.key)).toEqual([
      'profile.reconsiderationSealAuthorised',
      'docPrefix.toy.decision',
      'docIssuer.toy.decision',
      'docSignature.toy.decision',
      'docSeal.toy.decision',
    ]);
    expect(versions[1]).toMatchObject({
      reason: '初始版本（启用本机关设置时的设置）',
      proposedBy: null,
      changes: [],
    });
  });

  it('a rejected change has no effect', async () => {
    const res = await admin2.put('/api/profile', {
      values: { 'profile.bureauName': '宁波市镇海区司法行政局', 'refPrefix.toy.request': '测改' },
      reason: '机构改名（试）',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const own = await admin2.post(`/api/changes/${id}/reject`, { note: '自己驳回' });
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toBe('不能驳回自己提出的变更，请撤回');
    const noNote = await admin.post(`/api/changes/${id}/reject`, {});
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().detail).toBe('请填写驳回理由');
    const rejected = await admin.post(`/api/changes/${id}/reject`, { note: '尚未批准改名' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({
      state: 'rejected',
      stateLabel: '已驳回',
      decidedBy: '系统管理员',
    });
    expect((await profile()).version).toBe(2);
    expect((await entry('profile.bureauName')).effective).toBe('宁波市镇海区司法局');
    const { id: matterId } = (
      await staff.post('/api/lines/toy/request', { subject: '驳回后', receivedOn: '2025-07-11' })
    ).json();
    expect((await staff.get(`/api/matters/${matterId}`)).json().matter.refNo).toMatch(/^测〔2025〕/);
  });

  it('a withdrawn change has no effect either, and the database refuses to revive a decided change', async () => {
    const res = await admin.put('/api/profile', {
      values: { 'profile.bureauName': '某某司法局' },
      reason: '试',
    });
    const id = res.json().id;
    const w = await admin.post(`/api/changes/${id}/withdraw`, {});
    expect(w.json()).toMatchObject({ state: 'withdrawn', decidedBy: '系统管理员' });
    expect((await profile()).version).toBe(2);
    await expect(
      t.db.query(`UPDATE pending_changes SET state = 'pending' WHERE id = $1`, [id]),
    ).rejects.toThrow(/decided change cannot be changed/);
    await expect(t.db.query('DELETE FROM profile_versions WHERE version = 2')).rejects.toThrow(/append-only/);
  });
});
