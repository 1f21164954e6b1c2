/**
 * Administrative commands:
 *   npm run fazhi -- audit:verify              verify the audit trail's hash chain (exit 1 on a broken link)
 *   npm run fazhi -- calendar:load <file.json> load a State Council holiday notice and recompute running deadlines
 *   npm run fazhi -- demo:load                 load the demo district's organisations and line records (once)
 *   npm run fazhi -- keys:rotate               new personal-data key: re-seal identity and phone numbers, drop the old key
 * They use DATABASE_URL, or start the embedded PostgreSQL of FAZHI_DATA_DIR (stop `npm start` first).
 */
import fs from 'node:fs';
import { loadHolidayNotice } from './kernel/calendar/admin.ts';
import { todayInChina } from './kernel/calendar/index.ts';
import { rotateDataKey } from './kernel/parties/rotate.ts';
import { loadKeyRing, ringFile } from './kernel/personal-data/keyring.ts';
import { loadLineDemos, registerLines } from './lines/index.ts';
import { systemActor } from './platform/access/actor.ts';
import { verifyAuditChain } from './platform/audit/audit.ts';
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
      const r = await verifyAuditChain(db);
      if (r.ok) console.log(`审计日志哈希链完整：${r.rows} 行 (audit chain OK: ${r.rows} rows)`);
      else {
        console.error(
          `审计日志哈希链在第 ${r.brokenSeq} 行断开：${r.reason} (first broken link: seq ${r.brokenSeq})`,
        );
        code = 1;
      }
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
    case 'demo:load': {
      const seeded = await seed(db, { demo: true, adminPassword: config.adminPassword });
      if (seeded.admin?.generated)
        console.log(`首个管理员 admin 的初始密码 (initial password, shown once): ${seeded.admin.password}`);
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
    default:
      console.error('命令：audit:verify | calendar:load <file.json> | demo:load | keys:rotate');
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
