/**
 * Administrative commands:
 *   npm run fazhi -- audit:verify              verify the audit trail: hash chain, signed checkpoints, anchor file
 *                                              (exit 1 on a rewritten, truncated or headless trail)
 *   npm run fazhi -- audit:checkpoint          sign a checkpoint of the chain now (the server does every 10 min)
 *   npm run fazhi -- calendar:load <file.json> load a State Council holiday notice and recompute running deadlines
 *   npm run fazhi -- change:list               list the changes awaiting a second administrator's confirmation
 *   npm run fazhi -- change:confirm <id>       confirm one as the server's operator (an installation with a single
 *                                              administrator; audited as cli)
 *   npm run fazhi -- demo:load                 load the demo district's organisations and line records (once)
 *   npm run fazhi -- keys:rotate               new personal-data key: re-seal identity and phone numbers, drop the old key
 *   npm run fazhi -- user:unlock <username>    lift every sign-in lockout of an account (the recovery path that
 *                                              needs no other administrator)
 * They use DATABASE_URL, or start the embedded PostgreSQL of FAZHI_DATA_DIR (stop `npm start` first).
 */
import fs from 'node:fs';
import { loadHolidayNotice } from './kernel/calendar/admin.ts';
import { todayInChina } from './kernel/calendar/index.ts';
import { decide } from './kernel/changes/store.ts';
import { rotateDataKey } from './kernel/parties/rotate.ts';
import { loadKeyRing, ringFile } from './kernel/personal-data/keyring.ts';
import { loadLineDemos, registerLines } from './lines/index.ts';
import { systemActor } from './platform/access/actor.ts';
import { loadAuditAnchor, verifyAuditTrail, writeCheckpoint } from './platform/audit/checkpoints.ts';
import { unlockByUsername } from './platform/auth/unlock.ts';
import { loadConfig } from './platform/config.ts';
import { startEmbedded } from './platform/db/embedded.ts';
import { migrate } from './platform/db/migrate.ts';
import { createPool } from './platform/db/pool.ts';
import { AppError } from './platform/http/errors.ts';
import { seed } from './platform/seed/seed.ts';

const [command, arg] = process.argv.slice(2);
const config = loadConfig();
loadKeyRing({ envKey: config.dataKey, dataDir: config.dataDir });
const embedded = config.databaseUrl ? undefined : await startEmbedded(config.dataDir);
const db = createPool(config.databaseUrl ?? embedded!.url, 2);
let code = 0;
try {
  await migrate(db);
  switch (command) {
    case 'audit:verify': {
      // The chain, the signed checkpoints (key outside the database) and the anchor file beside the key.
      const r = await verifyAuditTrail(db, loadAuditAnchor(config.dataDir));
      if (r.ok)
        console.log(
          `审计日志完整：${r.rows} 行，${r.checkpoints} 个签名检查点相符 (audit trail OK: ${r.rows} rows, ${r.checkpoints} checkpoints)`,
        );
      else {
        console.error(`审计日志校验失败：${r.reason} (audit trail check failed)`);
        code = 1;
      }
      break;
    }
    case 'audit:checkpoint': {
      const c = await writeCheckpoint(db, loadAuditAnchor(config.dataDir));
      console.log(c ? `已签署检查点：第 ${c.seq} 行 (checkpoint signed)` : '审计日志为空，无需检查点');
      break;
    }
    case 'calendar:load': {
      if (!arg) throw new Error('用法：npm run fazhi -- calendar:load <通知.json>');
      const r = await loadHolidayNotice(
        db,
        { ...systemActor, name: 'cli' },
        JSON.parse(fs.readFileSync(arg, 'utf8')),
      );
      console.log(
        `已载入 ${r.year} 年节假日安排；重算 ${r.checked} 个计算中的期限，其中 ${r.changed} 个届满日变化`,
      );
      break;
    }
    case 'change:list': {
      const { rows } = await db.query<{
        id: number;
        kind: string;
        subject: string;
        reason: string;
        by: string;
      }>(
        `SELECT c.id, c.kind, c.subject, c.reason, u.username AS by FROM pending_changes c
         JOIN users u ON u.id = c.proposed_by WHERE c.state = 'pending' ORDER BY c.id`,
      );
      if (!rows.length) console.log('没有待确认的变更 (no pending changes)');
      for (const r of rows)
        console.log(`#${r.id}  ${r.kind}  ${r.subject}  提出人 ${r.by}  理由：${r.reason}`);
      break;
    }
    case 'change:confirm': {
      if (!arg || !/^\d+$/.test(arg)) throw new Error('用法：npm run fazhi -- change:confirm <变更编号>');
      const c = await decide(
        db,
        { ...systemActor, name: 'cli' },
        Number(arg),
        'confirm',
        '服务器操作员确认',
        'cli',
      );
      console.log(`已确认第 ${c.id} 号变更 (confirmed): ${JSON.stringify(c.result)}`);
      break;
    }
    case 'demo:load': {
      const seeded = await seed(db, { demo: true, adminPassword: config.adminPassword, secondAdmin: true });
      if (seeded.admin?.generated)
        console.log(`首个管理员 admin 的初始密码 (initial password, shown once): ${seeded.admin.password}`);
      if (seeded.secondAdmin)
        console.log(`第二管理员 admin2 的初始密码 (shown once): ${seeded.secondAdmin.password}`);
      registerLines();
      await loadLineDemos(db, todayInChina(), console.log);
      console.log('演示数据已就绪 (demo district ready)');
      break;
    }
    case 'keys:rotate': {
      if (config.dataKey) {
        console.error(
          '数据密钥由 FAZHI_DATA_KEY 提供：请在密钥管理处生成新密钥，改用数据目录中的密钥环后再轮换 (rotate the key ring file, not FAZHI_DATA_KEY)',
        );
        code = 2;
        break;
      }
      const r = await rotateDataKey(db, ringFile(config.dataDir));
      console.log(`数据密钥已轮换为 ${r.kid}，重新加密 ${r.resealed} 条当事人记录 (data key rotated)`);
      break;
    }
    case 'user:unlock': {
      if (!arg) throw new Error('用法：npm run fazhi -- user:unlock <用户名>');
      const id = await unlockByUsername(db, { ...systemActor, name: 'cli' }, arg);
      if (id === null) throw new Error(`没有用户名为 ${arg} 的账户`);
      console.log(`已解除 ${arg} 的登录锁定 (unlocked)`);
      break;
    }
    default:
      console.error(
        '命令：audit:verify | audit:checkpoint | calendar:load <file.json> | change:list | change:confirm <编号> | demo:load | keys:rotate | user:unlock <用户名>',
      );
      code = 2;
  }
} catch (err) {
  console.error(err instanceof AppError ? `${err.title}：${err.detail}` : String(err));
  code = 1;
} finally {
  await db.end();
  await embedded?.stop();
}
process.exit(code);
