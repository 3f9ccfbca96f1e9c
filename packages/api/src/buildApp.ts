/**
 * The HTTP API as a Fastify instance built from its dependencies (the open registry and a
 * validated configuration), so tests call it in-process with `app.inject` and `startServer`
 * listens. Zod schemas validate every request and generate the OpenAPI 3 document
 * (`/openapi.json`, browsable at `/docs`).
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { actorOfUser, findSession } from '@kechuang/registry';
import Fastify, { type FastifyInstance, type FastifyRequest, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { ANONYMOUS } from './access.ts';
import { type ApiDependencies, type ResolvedApiConfig, resolveApiConfig } from './apiConfig.ts';
import { ApiError, handleError } from './apiError.ts';
import { createLoginLimiter } from './loginLimiter.ts';
import { assessmentRoutes } from './routes/assessments.ts';
import { auditRoutes } from './routes/audit.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { enterpriseRoutes } from './routes/enterprises.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { indexRunRoutes } from './routes/indexRuns.ts';
import { previewRoutes } from './routes/preview.ts';
import { recordRoutes } from './routes/records.ts';
import { referenceRoutes } from './routes/reference.ts';
import { reportRoutes } from './routes/reports.ts';
import { sessionRoutes } from './routes/session.ts';
import { userRoutes } from './routes/users.ts';
import { RunCache } from './runCache.ts';
import { TtlCache } from './ttlCache.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Routes registered by buildApp (method, URL, hidden from the OpenAPI document). */
    apiRoutes: readonly { method: string; url: string; hidden: boolean }[];
  }
  interface FastifyContextConfig {
    /** A non-GET route that writes nothing (e.g. a preview): caches are not cleared after it. */
    readOnly?: boolean;
  }
}

/** The session cookie (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'kc_session';
/** The request header carrying the CSRF token of the session. */
export const CSRF_HEADER = 'x-csrf-token';

/** What every route module receives. */
export type RouteContext = {
  app: FastifyInstance;
  deps: ApiDependencies;
  config: ResolvedApiConfig;
  runs: RunCache;
  /** Answers that may change, kept ≤ 2 s and cleared after every write through this API. */
  fresh: TtlCache;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a user who must change her password may still call. */
const PASSWORD_CHANGE_ALLOWED = new Set([
  '/api/session',
  '/api/session/password',
  '/api/session/logout',
]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function authenticateRequest(
  request: FastifyRequest,
  deps: ApiDependencies,
  fresh: TtlCache,
): Promise<void> {
  request.actor = ANONYMOUS;
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  // Looked up at most every 2 s per token; any write through the API (logout, password change,
  // a user disabled) clears the cache, so revocation here is immediate.
  const session = await fresh.get(`session:${token}`, () => findSession(deps.registry.db, token));
  if (!session) return;
  request.session = { ...session, token };
  request.actor = actorOfUser(session.user);
  if (!SAFE_METHODS.has(request.method)) {
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
      throw new ApiError(
        403,
        'csrf',
        '缺少或错误的 CSRF 令牌（请求头 x-csrf-token 须等于 /api/session 返回的 csrfToken）',
        'Missing or wrong CSRF token (header x-csrf-token must equal the csrfToken of /api/session)',
      );
    }
  }
  const path = request.url.split('?')[0] ?? '';
  if (
    session.user.mustChangePassword &&
    path.startsWith('/api/') &&
    !PASSWORD_CHANGE_ALLOWED.has(path)
  ) {
    throw new ApiError(
      403,
      'passwordChangeRequired',
      '请先修改一次性密码（POST /api/session/password）',
      'Change the one-time password first (POST /api/session/password)',
    );
  }
}

/** Builds the API (not listening); call `app.ready()` or `app.inject` / `listen`. */
export async function buildApp(deps: ApiDependencies): Promise<FastifyInstance> {
  const config = resolveApiConfig(deps.config);
  const app = Fastify({
    logger: config.logger,
    trustProxy: config.trustProxy,
    // One log line per request (onResponse below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null as unknown as FastifyRequest['actor']);
  app.decorateRequest('session', undefined);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Kechuang API（科创）',
        description:
          '区域科技创新体系观测平台的 HTTP API / HTTP API of the regional S&T innovation observatory. ' +
          'Sign in with POST /api/session/login (cookie `kc_session`); send header `x-csrf-token` on every non-GET request.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  const fresh = new TtlCache(2000);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    await authenticateRequest(request, deps, fresh);
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        user: request.session?.user.username,
      },
      'request',
    );
  });
  app.setErrorHandler((error, request, reply) => handleError(error, request, reply));
  if (deps.webDist) {
    // Files found at start are routes; other non-API GETs get index.html (client-side routing).
    await app.register(fastifyStatic, { root: deps.webDist, wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (deps.webDist && request.method === 'GET' && !path.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return handleError(
      new ApiError(
        404,
        'notFound',
        `没有这个地址：${request.method} ${request.url.split('?')[0]}`,
        `No such route: ${request.method} ${request.url.split('?')[0]}`,
      ),
      request,
      reply,
    );
  });

  // Every route, so tests can check the OpenAPI document lists them all.
  const routes: { method: string; url: string; hidden: boolean }[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routes.push({ method, url: route.url, hidden: route.schema?.hide === true });
    }
  });
  app.decorate('apiRoutes', routes);
  const context: RouteContext = {
    app,
    deps,
    config,
    runs: new RunCache(deps.registry.db),
    fresh,
  };
  // Cleared before the answer to a write leaves, so the client's next read sees the change.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (!SAFE_METHODS.has(request.method) && !request.routeOptions.config?.readOnly) {
      context.fresh.clear();
    }
    return payload;
  });
  const loginLimiter = createLoginLimiter(
    config.loginRateLimit.max,
    config.loginRateLimit.windowMs,
  );
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  healthRoutes(context);
  sessionRoutes(context, loginLimiter);
  userRoutes(context);
  referenceRoutes(context);
  previewRoutes(context);
  indexRunRoutes(context);
  dashboardRoutes(context);
  reportRoutes(context);
  enterpriseRoutes(context);
  recordRoutes(context);
  importRoutes(context);
  auditRoutes(context);
  assessmentRoutes(context);
  return app;
}
