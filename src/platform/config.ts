import path from 'node:path';
import { z } from 'zod';

/** Environment variables the product reads, validated once at start-up. */
const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT 必须是数字' })
    .int('PORT 必须是整数')
    .min(1, 'PORT 必须在 1–65535 之间')
    .max(65535, 'PORT 必须在 1–65535 之间')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  FAZHI_DATA_DIR: z.string().min(1, 'FAZHI_DATA_DIR 不能为空').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头')
    .optional(),
  FAZHI_APP_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'FAZHI_APP_DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头')
    .optional(),
  FAZHI_ADMIN_PASSWORD: z.string().optional(),
  FAZHI_DATA_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'FAZHI_DATA_KEY 应为 32 字节随机数的 base64 编码')
    .optional(),
  FAZHI_DEMO: z.enum(['1', '0', 'true', 'false'], { error: 'FAZHI_DEMO 只能是 1/0/true/false' }).default('1'),
  FAZHI_PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8, '密码最短长度不能小于 8').max(64).default(10),
  FAZHI_PASSWORD_MIN_CLASSES: z.coerce.number().int().min(1).max(4).default(3),
  FAZHI_TRUST_PROXY: z.enum(['1', '0', 'true', 'false']).default('0'),
  FAZHI_TRUSTED_PROXIES: z
    .string()
    .regex(
      /^\s*([0-9a-fA-F:.]+(\/\d{1,3})?|loopback|linklocal|uniquelocal)(\s*,\s*([0-9a-fA-F:.]+(\/\d{1,3})?|loopback|linklocal|uniquelocal))*\s*$/,
      'FAZHI_TRUSTED_PROXIES 应为逗号分隔的代理地址或网段（如 10.0.0.5,192.168.1.0/24），或 loopback',
    )
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** The server's own connection (a login role in fazhi_app); migrations keep databaseUrl, the owner. */
  appDatabaseUrl: string | undefined;
  adminPassword: string | undefined;
  /** The personal-data key from FAZHI_DATA_KEY; without it the key ring lives in the data directory. */
  dataKey: string | undefined;
  loadDemo: boolean;
  passwordPolicy: { minLength: number; minClasses: number };
  /**
   * Addresses of the reverse proxies whose X-Forwarded-For / -Proto are believed (false: none). Only these: a
   * client that sends its own X-Forwarded-For cannot pick the address the rate limit and the audit see.
   * `true` means a proxy on this machine (loopback).
   */
  trustProxy: boolean | string[];
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {}

const truthy = (v: string) => v === '1' || v === 'true';

/** FAZHI_TRUSTED_PROXIES names the proxies; FAZHI_TRUST_PROXY=1 alone means a proxy on this machine. */
function trustedProxies(flag: string, list: string | undefined): false | string[] {
  if (list?.trim()) return list.split(',').map((a) => a.trim());
  return truthy(flag) ? ['loopback'] : false;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 (configuration error):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.FAZHI_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    appDatabaseUrl: e.FAZHI_APP_DATABASE_URL,
    adminPassword: e.FAZHI_ADMIN_PASSWORD,
    dataKey: e.FAZHI_DATA_KEY,
    loadDemo: truthy(e.FAZHI_DEMO),
    passwordPolicy: { minLength: e.FAZHI_PASSWORD_MIN_LENGTH, minClasses: e.FAZHI_PASSWORD_MIN_CLASSES },
    trustProxy: trustedProxies(e.FAZHI_TRUST_PROXY, e.FAZHI_TRUSTED_PROXIES),
    logLevel: e.LOG_LEVEL,
  };
}
