import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { audit } from '../audit/audit.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/pool.ts';
import { installAuthContext } from './context.ts';
import { AppError, type FieldError, toProblemBody } from './errors.ts';
import { installInputHygiene } from './input-hygiene.ts';
import { errorForLog, requestForLog } from './safe-log.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { encodedIndex, indexVariants } from './web-preload.ts';
import { REVALIDATE, webStaticOptions } from './web-static.ts';
import { installChineseZodMessages } from './zod-messages.ts';

export interface AppDeps {
  db: Db;
  config: Pick<Config, 'passwordPolicy' | 'trustProxy' | 'logLevel'>;
  /** Registers the API routes of the platform, kernel and lines (kept outside so layers stay apart). */
  routes: (app: App) => Promise<void>;
  webDist?: string;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export async function buildApp(deps: AppDeps): Promise<App> {
  installChineseZodMessages();
  const app = Fastify({
    logger:
      deps.config.logLevel === 'silent'
        ? false
        : { level: deps.config.logLevel, serializers: { req: requestForLog } },
    trustProxy: deps.config.trustProxy === true ? ['loopback'] : deps.config.trustProxy,
    genReqId: () => randomUUID(),
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '法治 Fazhi API', description: '区司法局法治政府建设工作平台接口', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fazhi_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas with a meta id (the shared Problem) become components the routes refer to.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  installSecurityHeaders(app);
  installAuthContext(app, deps.db);
  installInputHygiene(app);
  installErrorHandler(app, deps.db);

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  await app.register(async (api) => deps.routes(api as App));

  if (deps.webDist && fs.existsSync(deps.webDist)) {
    await app.register(fastifyStatic, { ...webStaticOptions(deps.webDist), index: false });
    const index = indexVariants(deps.webDist);
    const sendIndex = (req: FastifyRequest, reply: FastifyReply) => {
      const v = req.cookies[SESSION_COOKIE] ? index.home : index.signIn;
      const { body, encoding } = encodedIndex(v, req.headers['accept-encoding']);
      if (encoding) reply.header('content-encoding', encoding);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', REVALIDATE)
        .header('vary', 'Accept-Encoding, Cookie')
        .send(body);
    };
    app.get('/', { config: { public: true }, schema: { hide: true } }, sendIndex);
    app.setNotFoundHandler((req, reply) => {
      if (
        req.method === 'GET' &&
        !req.url.startsWith('/api/') &&
        // Client routes may end in a dotted id (/indicators/reconsideration.received); only a missing asset 404s.
        !/\.(?:js|mjs|css|map|png|jpe?g|gif|svg|ico|woff2?|ttf|json|txt|webmanifest)$/i.test(
          req.url.split('?')[0]!,
        )
      ) {
        return sendIndex(req, reply);
      }
      throw new AppError('NOT_FOUND', `没有这个地址：${req.method} ${req.url.split('?')[0]}`);
    });
  } else {
    app.setNotFoundHandler((req) => {
      throw new AppError('NOT_FOUND', `没有这个地址：${req.method} ${req.url.split('?')[0]}`);
    });
  }
  return app as unknown as App;
}

/** PostgreSQL data exceptions (SQLSTATE class 22) come from values the input let through: a 400, not a 500. */
const dataExceptionMessages: Record<string, string> = {
  '22008': '日期超出可处理的范围',
  '22007': '日期或时间格式不正确',
  '22003': '数值超出可处理的范围',
  '22021': '包含无法处理的字符',
  '22P05': '包含无法处理的字符',
  '22001': '内容过长',
};

function installErrorHandler(app: FastifyInstance, db: Db) {
  app.setErrorHandler(async (error, req, reply) => {
    const err = error as Error & { code?: string; statusCode?: number };
    let problem: AppError;
    if (err instanceof AppError) {
      problem = err;
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      const errors: FieldError[] = err.validation.map((v) => ({
        field: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? '格式不正确',
      }));
      problem = new AppError('VALIDATION', errors.map((e) => `${e.field}：${e.message}`).join('；'), {
        errors,
      });
    } else if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      problem = new AppError('BAD_REQUEST', '请求体为空：声明了 application/json 时请提交 JSON（可以是 {}）');
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      problem = new AppError('UNSUPPORTED_MEDIA', '不支持的内容类型');
    } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
      problem = new AppError('TOO_LARGE', '提交的内容超过大小限制');
    } else if (
      err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      (err.statusCode === 400 && err.message?.includes('JSON'))
    ) {
      problem = new AppError('BAD_REQUEST', '请求体不是有效的 JSON');
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      problem = new AppError('BAD_REQUEST', '请求无效');
    } else if (typeof err.code === 'string' && err.code.startsWith('22')) {
      req.log.warn({ err: errorForLog(err) }, 'data exception from input');
      problem = new AppError(
        'VALIDATION',
        `${dataExceptionMessages[err.code] ?? '输入的值无法处理'}，请检查后重新提交`,
      );
    } else if (err.name === 'CalendarRangeError' || err.name === 'InvalidDateError') {
      // The kernel's calendar says in Chinese which years it covers (a period from 9999-12-31 ends in year 10000).
      problem = new AppError('VALIDATION', err.message);
    } else if (err instanceof RangeError) {
      req.log.warn({ err: errorForLog(err) }, 'range error from input');
      problem = new AppError('VALIDATION', '输入的日期或数值超出可处理的范围');
    } else {
      req.log.error({ err: errorForLog(err) }, 'unhandled error');
      problem = new AppError('INTERNAL', `服务器内部错误，请联系管理员（请求编号 ${req.id}）`);
    }
    if (problem.status >= 500 && err instanceof AppError)
      req.log.error({ err: errorForLog(err) }, 'server error');
    if ((problem.code === 'FORBIDDEN' || problem.code === 'CSRF') && req.actor?.userId != null) {
      await auditDenial(db, req, problem);
    }
    return reply
      .code(problem.status)
      .type('application/problem+json; charset=utf-8')
      .send(toProblemBody(problem, req.url.split('?')[0]!));
  });
}

/**
 * A refused attempt leaves a row (等保: denied access is audited). The action's own transaction has rolled back,
 * so the row is written on its own; a failure to write it must not turn the 403 into a 500.
 */
async function auditDenial(db: Db, req: FastifyRequest, problem: AppError) {
  try {
    await audit(db, req.actor, {
      action: 'access.denied',
      outcome: 'denied',
      summary: {
        method: req.method,
        route: req.routeOptions.url ?? req.url.split('?')[0]!.slice(0, 200),
        code: problem.code,
        detail: problem.detail?.slice(0, 200),
      },
    });
  } catch (err) {
    req.log.error({ err: errorForLog(err) }, 'could not audit a denial');
  }
}
