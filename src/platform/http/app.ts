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
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/pool.ts';
import { installAuthContext } from './context.ts';
import { AppError, type FieldError, toProblemBody } from './errors.ts';
import { webStaticOptions } from './web-static.ts';
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
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    trustProxy: deps.config.trustProxy,
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
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    return payload;
  });

  installAuthContext(app, deps.db);
  installErrorHandler(app);

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  await app.register(async (api) => deps.routes(api as App));

  if (deps.webDist && fs.existsSync(deps.webDist)) {
    await app.register(fastifyStatic, webStaticOptions(deps.webDist));
    app.setNotFoundHandler((req, reply) => {
      if (
        req.method === 'GET' &&
        !req.url.startsWith('/api/') &&
        // Client routes may end in a dotted id (/indicators/reconsideration.received); only a missing asset 404s.
        !/\.(?:js|mjs|css|map|png|jpe?g|gif|svg|ico|woff2?|ttf|json|txt|webmanifest)$/i.test(
          req.url.split('?')[0]!,
        )
      ) {
        return reply.sendFile('index.html');
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

function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error, req, reply) => {
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
    } else {
      req.log.error({ err }, 'unhandled error');
      problem = new AppError('INTERNAL', `服务器内部错误，请联系管理员（请求编号 ${req.id}）`);
    }
    if (problem.status >= 500 && err instanceof AppError) req.log.error({ err }, 'server error');
    return reply
      .code(problem.status)
      .type('application/problem+json; charset=utf-8')
      .send(toProblemBody(problem, req.url.split('?')[0]!));
  });
}
