/**
 * Sign-in (会话): `GET /api/session`, `POST /api/session/login|logout|password`. Sessions live in
 * an HttpOnly, SameSite=Strict cookie (`Secure` when configured); the CSRF token returned here
 * must be sent as `x-csrf-token` on every non-GET request. Logins are limited per address and
 * accounts lock after 5 failures in 15 minutes (429).
 */
import {
  authenticate,
  changePassword,
  createSession,
  revokeSession,
  type SessionInfo,
  type User,
} from '@kechuang/registry';
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSignedIn } from '../access.ts';
import { ApiError } from '../apiError.ts';
import { type RouteContext, SESSION_COOKIE } from '../buildApp.ts';
import type { LoginLimiter } from '../loginLimiter.ts';
import { errorSchema } from '../schemas.ts';

/** A user as the session shows it. */
export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  role: z.enum(['cityAdmin', 'cityAnalyst', 'districtEditor', 'enterpriseUser', 'public']),
  regionCode: z.string().nullable(),
  uscc: z.string().nullable(),
  mustChangePassword: z.boolean(),
});

const sessionSchema = z.object({
  user: sessionUserSchema.nullable(),
  csrfToken: z
    .string()
    .nullable()
    .describe('Send as header x-csrf-token on non-GET requests; null when not signed in'),
});

function userView(user: User): z.infer<typeof sessionUserSchema> {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    regionCode: user.regionCode,
    uscc: user.uscc,
    mustChangePassword: user.mustChangePassword,
  };
}

/** Session routes. */
export function sessionRoutes({ app, deps, config }: RouteContext, limiter: LoginLimiter): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.registry.db;
  const setCookie = (reply: FastifyReply, token: string, expiresAt: Date) => {
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.secureCookies,
      path: '/',
      expires: expiresAt,
    });
  };
  const responses = { 200: sessionSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema };

  api.get(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: '当前会话 / the current session',
        response: responses,
      },
    },
    async (request) => {
      const session: SessionInfo | undefined = request.session;
      return session
        ? { user: userView(session.user), csrfToken: session.csrfToken }
        : { user: null, csrfToken: null };
    },
  );

  api.post(
    '/api/session/login',
    {
      schema: {
        tags: ['session'],
        summary: '登录 / sign in',
        body: z.object({
          username: z.string().min(1).max(64),
          password: z.string().min(1).max(256),
        }),
        response: { ...responses, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const wait = limiter.hit(request.ip);
      if (wait > 0) {
        const retryAfterSeconds = Math.ceil(wait / 1000);
        throw new ApiError(
          429,
          'rateLimited',
          `登录尝试过于频繁，请 ${retryAfterSeconds} 秒后再试`,
          `Too many login attempts; try again in ${retryAfterSeconds} s`,
          { retryAfterSeconds },
        );
      }
      const result = await authenticate(db, request.body.username, request.body.password, {
        ip: request.ip,
      });
      if (!result.ok) {
        if (result.reason === 'locked') {
          const retryAfterSeconds = Math.ceil(result.retryAfterMs / 1000);
          throw new ApiError(
            429,
            'locked',
            `登录失败次数过多，账户已暂时锁定，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`,
            `Too many failed logins: the account is locked; try again in ${Math.ceil(retryAfterSeconds / 60)} min`,
            { retryAfterSeconds },
          );
        }
        // Same answer for a wrong password, an unknown user and a disabled account.
        throw new ApiError(
          401,
          'invalidCredentials',
          '用户名或密码错误',
          'Wrong username or password',
        );
      }
      if (request.session) await revokeSession(db, request.session.token);
      const session = await createSession(db, result.user.id, { ttlMs: config.sessionTtlMs });
      setCookie(reply, session.token, session.expiresAt);
      request.log.info({ user: result.user.username }, 'login');
      return { user: userView(result.user), csrfToken: session.csrfToken };
    },
  );

  api.post(
    '/api/session/logout',
    {
      schema: {
        tags: ['session'],
        summary: '退出登录 / sign out',
        response: responses,
      },
    },
    async (request, reply) => {
      if (request.session) await revokeSession(db, request.session.token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { user: null, csrfToken: null };
    },
  );

  api.post(
    '/api/session/password',
    {
      schema: {
        tags: ['session'],
        summary: '修改本人密码（首次登录必须修改一次性密码）/ change your password',
        body: z.object({
          currentPassword: z.string().min(1).max(256),
          newPassword: z.string().min(1).max(256),
        }),
        response: responses,
      },
    },
    async (request) => {
      requireSignedIn(request);
      const session = request.session as NonNullable<typeof request.session>;
      const user = await changePassword(
        db,
        session.user.id,
        request.body.currentPassword,
        request.body.newPassword,
        session.token,
      );
      return { user: userView(user), csrfToken: session.csrfToken };
    },
  );
}
