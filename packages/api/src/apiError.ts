/**
 * Errors as JSON: `{ error: { code, message: { zh, en }, details } }`. Registry errors map to
 * HTTP statuses here, in one place: PermissionError → 401 (not signed in) / 403, RecordError →
 * 400, UserError → 400/404/409, TableFileError → 400, schema validation → 400 naming the field.
 */
import { IndexInputError } from '@kechuang/index-engine';
import { ProfileError } from '@kechuang/qualification';
import { PermissionError, RecordError, TableFileError, UserError } from '@kechuang/registry';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** Bilingual text. */
export type Text = { zh: string; en: string };

/** The JSON body of every error response. */
export type ErrorBody = {
  error: { code: string; message: Text; details?: unknown };
};

/** An error the API answers with a status and a bilingual message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'ApiError';
  }
}

/** 404 for a missing resource. */
export function notFound(zh: string, en: string): ApiError {
  return new ApiError(404, 'notFound', zh, en);
}

/** 400 for a bad value, naming the field. */
export function badRequest(field: string, zh: string, en: string): ApiError {
  return new ApiError(400, 'validation', zh, en, { issues: [{ field, zh, en }] });
}

/** 400 for several bad values at once, each naming its field. */
export function invalidFields(
  issues: readonly { field: string; zh: string; en: string }[],
): ApiError {
  return new ApiError(
    400,
    'validation',
    `请求参数有误：${issues.map((i) => i.zh).join('；')}`,
    `Invalid request: ${issues.map((i) => i.en).join('; ')}`,
    { issues },
  );
}

function body(code: string, zh: string, en: string, details?: unknown): ErrorBody {
  return { error: { code, message: { zh, en }, ...(details === undefined ? {} : { details }) } };
}

const USER_ERROR_STATUS: Record<UserError['code'], number> = {
  invalid: 400,
  weakPassword: 400,
  wrongPassword: 400,
  conflict: 409,
  notFound: 404,
};

/** The status and body of any error thrown by a route. */
export function errorResponse(
  error: unknown,
  anonymous: boolean,
): { status: number; body: ErrorBody; unexpected?: boolean } {
  if (error instanceof ApiError) {
    return { status: error.status, body: body(error.code, error.zh, error.en, error.details) };
  }
  if (error instanceof PermissionError) {
    // Anonymous visitors are asked to sign in; signed-in users are refused.
    const unauthenticated = error.code === 'unauthenticated' || anonymous;
    return unauthenticated
      ? {
          status: 401,
          body: body('unauthenticated', `请先登录：${error.zh}`, `Sign in first: ${error.en}`),
        }
      : { status: 403, body: body('forbidden', error.zh, error.en) };
  }
  if (error instanceof RecordError) {
    return { status: 400, body: body('invalidRecord', error.zh, error.en) };
  }
  if (error instanceof UserError) {
    return {
      status: USER_ERROR_STATUS[error.code],
      body: body(
        error.code,
        error.zh,
        error.en,
        error.field ? { issues: [{ field: error.field, zh: error.zh, en: error.en }] } : undefined,
      ),
    };
  }
  if (error instanceof TableFileError) {
    return {
      status: 400,
      body: body(
        'badFile',
        `文件无法读取：${error.issues.map((i) => i.zh).join('；')}`,
        `The file cannot be read: ${error.issues.map((i) => i.en).join('; ')}`,
        { issues: error.issues },
      ),
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'request';
    const issues = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const field = path || where;
      return { field, in: where, zh: `${field}：${v.message}`, en: `${field}: ${v.message}` };
    });
    return {
      status: 400,
      body: body(
        'validation',
        `请求参数有误：${issues.map((i) => i.field).join('、')}`,
        `Invalid request: ${issues.map((i) => i.field).join(', ')}`,
        { issues },
      ),
    };
  }
  const pgCode = (error as { code?: unknown } | null)?.code;
  if (pgCode === '23505' || pgCode === '23503') {
    // Unique or foreign-key violation: the record clashes with, or is still used by, another.
    return {
      status: 409,
      body: body(
        'conflict',
        pgCode === '23505'
          ? '与已有记录的唯一键冲突'
          : '该记录仍被其他记录引用，或引用的记录不存在',
        pgCode === '23505'
          ? 'The record clashes with an existing one (unique key)'
          : 'The record is still referenced by others, or refers to a missing one',
      ),
    };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError?.code === 'FST_REQ_FILE_TOO_LARGE' || fastifyError?.statusCode === 413) {
    return {
      status: 413,
      body: body(
        'tooLarge',
        '上传的文件超过大小上限',
        'The uploaded file is larger than the limit',
      ),
    };
  }
  if (fastifyError?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fastifyError?.statusCode === 415) {
    return {
      status: 415,
      body: body(
        'unsupportedMediaType',
        '不支持的内容类型',
        `Unsupported content type: ${fastifyError.message}`,
      ),
    };
  }
  if (
    fastifyError?.statusCode !== undefined &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return {
      status: fastifyError.statusCode,
      body: body(
        fastifyError.code ?? 'badRequest',
        `请求无效：${fastifyError.message}`,
        `Bad request: ${fastifyError.message}`,
      ),
    };
  }
  if (error instanceof ProfileError) {
    // A qualification profile with bad fields: every issue, naming its path.
    return {
      status: 400,
      body: body(
        'invalidProfile',
        error.issues.map((i) => `${i.path}：${i.message.zh}`).join('；'),
        error.issues.map((i) => `${i.path}: ${i.message.en}`).join('; '),
        {
          issues: error.issues.map((i) => ({ field: i.path, zh: i.message.zh, en: i.message.en })),
        },
      ),
    };
  }
  if (error instanceof IndexInputError) {
    // The index engine's input errors (a spec or framework users sent).
    const issues = error.issues;
    return {
      status: 400,
      body: body(
        'invalidIndexInput',
        issues.map((i) => i.message.zh).join('；'),
        issues.map((i) => i.message.en).join('; '),
        { issues },
      ),
    };
  }
  return {
    status: 500,
    unexpected: true,
    body: body(
      'internal',
      '服务器内部错误（已记录，请联系管理员并提供请求编号）',
      'Internal server error (logged; give the administrator the request id)',
    ),
  };
}

/** Fastify error handler: JSON errors, unexpected ones logged with the request id. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const {
    status,
    body: payload,
    unexpected,
  } = errorResponse(error, request.actor.role === 'public' && !request.session);
  if (unexpected) request.log.error({ err: error }, 'unexpected error');
  if (status === 429 && error instanceof ApiError) {
    const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry) reply.header('retry-after', String(retry));
  }
  if (unexpected) {
    payload.error.details = { requestId: request.id };
  }
  reply.status(status).type('application/json; charset=utf-8').send(payload);
}
