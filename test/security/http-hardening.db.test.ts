import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { errorForLog, requestForLog } from '../../src/platform/http/safe-log.ts';
import { allRoutes } from '../../src/routes.ts';
import { testConfig } from '../support/app.ts';
import { reconsiderationTestbed } from '../support/reconsideration.ts';

/**
 * Issue 11, findings 5 (logs), 7 (headers), 9 (forwarded addresses) and 11 (file names, ZIP bombs).
 */
const { bed, create } = reconsiderationTestbed();

/** A ZIP whose central directory declares the given unpacked sizes (no data needs to be inflated to read them). */
function zipDeclaring(entries: { name: string; size: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name);
    centrals.push(central, name);
    offset += 30 + name.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

async function upload(matterId: number, fileName: string, bytes: Buffer) {
  const boundary = '----fazhi-security';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return bed.app.inject({
    method: 'POST',
    url: `/api/matters/${matterId}/attachments`,
    payload,
    headers: {
      cookie: bed.clerk.cookie,
      'x-csrf-token': bed.clerk.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('finding 7: CSP, HSTS behind a trusted https proxy, no-store on personal data', () => {
  it('an API answer with personal data, and a download, are not stored by any cache', async () => {
    const matter = (await create({ actTitle: '头部检查' })).json();
    const up = await upload(matter.id, '证据.pdf', pdf);
    expect(up.statusCode).toBe(201);
    const me = (await bed.clerk.get('/api/auth/me')).json();
    for (const url of [
      `/api/users/${me.id}`,
      `/api/matters/${matter.id}`,
      `/api/attachments/${up.json().id}`,
    ]) {
      const res = await bed.clerk.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('the web client is served with a strict CSP, and HSTS only over https from a trusted proxy', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>法治</title>');
    const config = { ...testConfig, trustProxy: ['10.0.0.1'] };
    const web = await buildApp({
      db: bed.t.db,
      config,
      routes: allRoutes({ db: bed.t.db, config }),
      webDist: dist,
    });
    try {
      const https = { 'x-forwarded-proto': 'https' };
      const viaProxy = await web.inject({ url: '/', headers: https, remoteAddress: '10.0.0.1' });
      expect(viaProxy.statusCode).toBe(200);
      expect(viaProxy.headers['content-security-policy']).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
      );
      expect(viaProxy.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(viaProxy.headers['cache-control']).not.toBe('no-store');
      const forged = await web.inject({ url: '/', headers: https, remoteAddress: '198.51.100.4' });
      expect(forged.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await web.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('finding 9: X-Forwarded-For is believed only from configured proxies', () => {
  const loggedIp = async (
    config: Omit<typeof testConfig, 'trustProxy'> & { trustProxy: boolean | string[] },
    remote: string,
  ) => {
    const app = await buildApp({ db: bed.t.db, config, routes: allRoutes({ db: bed.t.db, config }) });
    try {
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'fy.clerk', password: 'Wrong-pass-9' },
        headers: { 'x-forwarded-for': '1.2.3.4' },
        remoteAddress: remote,
      });
      const { rows } = await bed.t.db.query(
        `SELECT ip FROM audit_log WHERE action = 'auth.login' ORDER BY seq DESC LIMIT 1`,
      );
      await bed.t.db.query('DELETE FROM login_failures');
      return rows[0].ip;
    } finally {
      await app.close();
    }
  };

  it('takes the client address from the configured proxy, and ignores it from anyone else', async () => {
    const config = { ...testConfig, trustProxy: ['10.0.0.1'] };
    expect(await loggedIp(config, '10.0.0.1')).toBe('1.2.3.4');
    expect(await loggedIp(config, '198.51.100.7')).toBe('198.51.100.7');
  });

  it('FAZHI_TRUST_PROXY=1 alone trusts a proxy on this machine only', async () => {
    const config = { ...testConfig, trustProxy: loadConfig({ FAZHI_TRUST_PROXY: '1' }).trustProxy };
    expect(config.trustProxy).toEqual(['loopback']);
    expect(await loggedIp(config, '198.51.100.8')).toBe('198.51.100.8');
    expect(await loggedIp(config, '127.0.0.1')).toBe('1.2.3.4');
  });

  it('reads FAZHI_TRUSTED_PROXIES and refuses a malformed one in Chinese', () => {
    expect(loadConfig({ FAZHI_TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
    ]);
    expect(() => loadConfig({ FAZHI_TRUSTED_PROXIES: 'everyone' })).toThrow(ConfigError);
    expect(() => loadConfig({ FAZHI_TRUSTED_PROXIES: 'everyone' })).toThrow(/逗号分隔的代理地址或网段/);
  });
});

describe('finding 11: file names and ZIP containers', () => {
  it('removes right-to-left overrides from a file name', async () => {
    const matter = (await create({ actTitle: '文件名检查' })).json();
    const res = await upload(matter.id, 'x\u202eexe.pdf', pdf);
    expect(res.statusCode).toBe(201);
    expect(res.json().fileName).toBe('xexe.pdf');
  });

  it('refuses a .docx that declares 4 GiB inside, and accepts a normal one', async () => {
    const matter = (await create({ actTitle: 'ZIP 检查' })).json();
    const bomb = zipDeclaring([
      { name: 'word/document.xml', size: 0xfffffffe },
      { name: 'word/styles.xml', size: 0xfffffffe },
    ]);
    const res = await upload(matter.id, '材料.docx', bomb);
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toBe('文档解压后超过 200 MB，可能是恶意构造的压缩文件');
    const fine = zipDeclaring([{ name: 'word/document.xml', size: 40_000 }]);
    expect((await upload(matter.id, '材料.docx', fine)).statusCode).toBe(201);
  });
});

describe('finding 5: the log carries no personal data', () => {
  it('keeps the SQLSTATE and place of a database error, not the values it quotes', () => {
    const err = Object.assign(new Error('duplicate key value violates unique constraint "parties_id"'), {
      code: '23505',
      detail: 'Key (id_number)=(330211199001011236) already exists.',
      where: "SQL statement \"INSERT INTO parties VALUES ('张三', '330211199001011236')\"",
      table: 'reconsideration_parties',
      constraint: 'parties_id',
    });
    err.stack = `${err.message}\n    at insert (store.ts:10:3) 330211199001011236`;
    const logged = JSON.stringify(errorForLog(err));
    expect(logged).not.toContain('330211199001011236');
    expect(logged).not.toContain('张三');
    expect(requestForLog({ method: 'GET', url: '/api/matters?q=张三', id: 'r1' })).toEqual({
      method: 'GET',
      url: '/api/matters',
      id: 'r1',
    });
    expect(errorForLog(err)).toMatchObject({
      code: '23505',
      table: 'reconsideration_parties',
      constraint: 'parties_id',
    });
  });
});
