import path from 'node:path';
import { todayInChina } from './kernel/calendar/index.ts';
import { sendDeadlineReminders } from './kernel/deadlines/reminders.ts';
import { loadKeyRing } from './kernel/personal-data/keyring.ts';
import { allLines } from './kernel/workflow/registry.ts';
import { loadLineDemos, registerLines } from './lines/index.ts';
import { loadAuditAnchor, writeCheckpoint } from './platform/audit/checkpoints.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { serverDatabaseUrl } from './platform/db/app-role.ts';
import { DataDirInUseError, type EmbeddedDatabase, startEmbedded } from './platform/db/embedded.ts';
import { migrate } from './platform/db/migrate.ts';
import { createPool } from './platform/db/pool.ts';
import { buildApp } from './platform/http/app.ts';
import { enqueue, startJobLoop } from './platform/jobs.ts';
import { seed } from './platform/seed/seed.ts';
import { allRoutes } from './routes.ts';

const say = (msg: string) => process.stdout.write(`[fazhi] ${msg}\n`);

let embedded: EmbeddedDatabase | undefined;

async function main() {
  const config = loadConfig();
  let url = config.databaseUrl;
  if (!url) {
    const t0 = Date.now();
    embedded = await startEmbedded(config.dataDir, (m) => {
      if (/FATAL|PANIC|ERROR/.test(m)) say(`postgres: ${m}`);
    });
    url = embedded.url;
    say(
      `内置 PostgreSQL 已启动 (embedded PostgreSQL ready in ${Date.now() - t0} ms, data: ${config.dataDir})`,
    );
  } else {
    say('使用外部 PostgreSQL (DATABASE_URL)');
  }
  // The owner's connection migrates and seeds; the server then runs as the product role (migration 0015).
  const owner = createPool(url, 2);
  let db = owner;
  let stopping = false;
  let stopJobs: (() => void) | undefined;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say('正在停止 (stopping)…');
    stopJobs?.();
    await app?.close().catch(() => {});
    await db.end().catch(() => {});
    if (db !== owner) await owner.end().catch(() => {});
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  loadKeyRing({ envKey: config.dataKey, dataDir: config.dataDir });
  const applied = await migrate(owner);
  if (applied.length) say(`已执行迁移 (migrations applied): ${applied.join(', ')}`);
  const seeded = await seed(owner, {
    demo: config.loadDemo,
    adminPassword: config.adminPassword,
    // The demo comes with a second administrator, so the four-eyes confirmation can be tried.
    secondAdmin: config.loadDemo,
  });
  const server = await serverDatabaseUrl(owner, url, {
    appUrl: config.appDatabaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  });
  if (server.role === 'app') db = createPool(server.url);
  else say('注意：服务以数据库属主身份运行，请设置 FAZHI_APP_DATABASE_URL (running as the database owner)');
  registerLines();
  for (const line of allLines()) await line.upgrade?.(db);
  // Daily deadline reminders: enqueued once per business day, run by whichever process claims the job.
  stopJobs = startJobLoop(
    db,
    { 'deadline-reminders': (tx, p) => sendDeadlineReminders(tx, String(p.day)).then(() => {}) },
    () => enqueue(db, 'deadline-reminders', { day: todayInChina() }),
  );
  // Signed checkpoints of the audit chain, with a key outside the database: now and every 10 minutes.
  const anchor = loadAuditAnchor(config.dataDir);
  const checkpoint = () =>
    writeCheckpoint(db, anchor).catch((err) =>
      say(`审计检查点写入失败 (audit checkpoint failed): ${String(err)}`),
    );
  await checkpoint();
  const checkpoints = setInterval(checkpoint, 10 * 60_000);
  checkpoints.unref();
  const app = await buildApp({
    db,
    config,
    routes: allRoutes({ db, config }),
    webDist: path.resolve(import.meta.dirname, '../web/dist'),
  });
  await app.listen({ port: config.port, host: config.host });
  say(`法治 Fazhi 已启动: http://localhost:${config.port}  (API docs: /api/docs)`);
  if (seeded.admin) {
    say('────────────────────────────────────────────────────────');
    say(`首个管理员账户 (first administrator): 用户名 ${seeded.admin.username}`);
    say(
      seeded.admin.generated
        ? `初始密码 (initial password, shown once): ${seeded.admin.password}   首次登录须修改密码`
        : '密码为 FAZHI_ADMIN_PASSWORD 所设 (password as set in FAZHI_ADMIN_PASSWORD)',
    );
    if (seeded.secondAdmin)
      say(
        `第二管理员 (second administrator, confirms holiday notices and profile changes): 用户名 ${seeded.secondAdmin.username}  初始密码 ${seeded.secondAdmin.password}`,
      );
    say('────────────────────────────────────────────────────────');
  }
  if (config.loadDemo) {
    // The demo district's records walk through the real workflow (tens of seconds the first time); the product is
    // usable meanwhile (the web client says the demo is loading), and the records appear batch by batch.
    say('正在后台载入演示数据 (loading demo records in the background)…');
    loadLineDemos(db, todayInChina(), say).catch((err) => {
      // Stopping mid-load is no failure: the committed batches stay and the next start resumes after them.
      if (stopping) say('演示数据未载完，下次启动时继续 (demo load will resume on the next start)');
      else say(`演示数据载入失败 (demo load failed): ${String(err)}`);
    });
  }
}

main().catch(async (err) => {
  await embedded?.stop().catch(() => {});
  if (err instanceof ConfigError || err instanceof DataDirInUseError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`启动失败 (start-up failed): ${err instanceof Error ? err.stack : String(err)}\n`);
  }
  process.exit(1);
});
