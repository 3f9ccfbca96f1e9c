/**
 * Who is asking: the registry `Actor` built from the session cookie (anonymous visitors are the
 * public, who read published data only), and the checks routes make with it. Writes are checked
 * again by the registry itself (`assertCanWrite`), so a route that forgot a check still cannot
 * write what the role may not.
 */
import {
  type Actor,
  assertCanReadUnpublished,
  PermissionError,
  type Role,
  type SessionInfo,
} from '@kechuang/registry';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The registry actor of this request (the public when not signed in). */
    actor: Actor;
    /** The signed-in session, if any (with its cookie token). */
    session?: SessionInfo & { token: string };
  }
}

/** The actor of anonymous requests. */
export const ANONYMOUS: Actor = { name: 'anonymous', role: 'public' };

/** Whether the request is not signed in. */
export function isAnonymous(request: FastifyRequest): boolean {
  return request.session === undefined;
}

/** Throws 401 unless signed in. */
export function requireSignedIn(request: FastifyRequest): Actor {
  if (isAnonymous(request)) {
    throw new PermissionError(
      '请先登录（未发布的数据只对登录用户开放）',
      'Sign in first (unpublished data are for signed-in users only)',
      'unauthenticated',
    );
  }
  return request.actor;
}

/** Throws 401 (anonymous) or 403 unless the actor may read unpublished data. */
export function requireUnpublishedRead(request: FastifyRequest): Actor {
  const actor = requireSignedIn(request);
  assertCanReadUnpublished(actor);
  return actor;
}

/** Throws 401/403 unless the actor has one of the roles. */
export function requireRole(request: FastifyRequest, roles: readonly Role[]): Actor {
  const actor = requireSignedIn(request);
  if (!roles.includes(actor.role)) {
    throw new PermissionError(
      `${actor.name}（${actor.role}）无权执行此操作（需要：${roles.join('、')}）`,
      `${actor.name} (${actor.role}) may not do this (needs: ${roles.join(', ')})`,
    );
  }
  return actor;
}

/** Whether the actor sees unpublished index runs (city and district staff). */
export function seesUnpublishedRuns(actor: Actor): boolean {
  return (
    actor.role === 'cityAdmin' || actor.role === 'cityAnalyst' || actor.role === 'districtEditor'
  );
}

/**
 * What registers a requester may read: everything (city and district staff), only her own
 * enterprise's records (enterprise users, where the records name an enterprise), or nothing
 * (401 anonymous, 403 otherwise).
 */
export function registerReadScope(
  request: FastifyRequest,
  linksToEnterprise: boolean,
): { uscc?: string } {
  const actor = requireSignedIn(request);
  if (actor.role === 'enterpriseUser' && actor.uscc && linksToEnterprise)
    return { uscc: actor.uscc };
  assertCanReadUnpublished(actor);
  return {};
}

/** Escapes LIKE wildcards (`\`, `%`, `_`) so user text matches literally (`ESCAPE '\'`). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
