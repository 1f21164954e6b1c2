import { startEmbedded } from './src/platform/db/embedded.ts';
import { migrate } from './src/platform/db/migrate.ts';
import { createPool } from './src/platform/db/pool.ts';

const t0 = Date.now();
const e = await startEmbedded('/tmp/fz-try', (m) => {});
console.log('started', Date.now() - t0, e.url);
const db = createPool(e.url);
console.log(await migrate(db));
console.log(
  (await db.query("select audit_append(null,'x',null,null,'test',null,null,'success','{}'::jsonb)")).rows,
);
console.log((await db.query('select * from audit_verify()')).rows);
await db.query("update audit_log set action='y'").catch((e) => console.log('blocked:', e.message));
await db.end();
await e.stop();
console.log('stopped');
