/**
 * @kechuang/api: the HTTP API of Kechuang (Fastify): REST over the registry, the index engine
 * and the assessments, with sessions, CSRF protection, roles and an OpenAPI document.
 * `buildApp` for in-process use (tests: `app.inject`), `startServer` to listen.
 */
export { ANONYMOUS } from './access.ts';
export {
  type ApiConfig,
  type ApiDependencies,
  DEFAULT_UPLOAD_LIMIT,
  type FrameworkEntry,
  type ResolvedApiConfig,
  resolveApiConfig,
} from './apiConfig.ts';
export { ApiError, type ErrorBody } from './apiError.ts';
export { buildApp, CSRF_HEADER, SESSION_COOKIE } from './buildApp.ts';
export type { RankingItem, Rankings } from './indexViews.ts';
export { type SheetData, toCsv, toXlsx } from './sheets.ts';
export { type RunningServer, type StartServerOptions, startServer } from './startServer.ts';
export { progressOf, slopeOf, type TargetProgress } from './targetProgress.ts';
