/**
 * What the API is built from: the open registry and a configuration the caller (the CLI's
 * `kechuang serve`, or a test) has already read and validated. The API never reads the
 * environment.
 */
import type { Framework, IndexSpec } from '@kechuang/index-engine';
import type { Registry } from '@kechuang/registry';
import type { FastifyServerOptions } from 'fastify';

/** A framework (指标体系) the API offers for new index runs, with its default pipeline. */
export type FrameworkEntry = {
  id: string;
  framework: Framework;
  /** The pipeline used when a run names this framework without a spec. */
  spec?: IndexSpec;
};

/** Settings of the API; every field has a default. */
export type ApiConfig = {
  /** Mark cookies `Secure` (serve behind HTTPS). Default false (plain http://localhost). */
  secureCookies?: boolean;
  /** Largest upload accepted, in bytes. Default 20 MiB. */
  uploadLimitBytes?: number;
  /** Session lifetime in ms. Default 12 h. */
  sessionTtlMs?: number;
  /** Login attempts allowed per client address per window (on top of the account lockout). */
  loginRateLimit?: { max: number; windowMs: number };
  /** Trust X-Forwarded-* headers (behind a reverse proxy). Default false. */
  trustProxy?: boolean;
  /** Fastify logger options (pino); false = silent (tests). Default: JSON lines at info. */
  logger?: FastifyServerOptions['logger'];
  /** Frameworks offered for index runs (the CLI passes the demo's and `data/frameworks/`). */
  frameworks?: FrameworkEntry[];
  /** Uploads waiting for commit are dropped after this many ms. Default 1 h. */
  importTtlMs?: number;
};

/** The configuration with defaults filled in. */
export type ResolvedApiConfig = Required<Omit<ApiConfig, 'logger'>> & {
  logger: FastifyServerOptions['logger'];
};

/** Default upload limit: 20 MiB. */
export const DEFAULT_UPLOAD_LIMIT = 20 * 1024 * 1024;

/** Fill in the defaults. */
export function resolveApiConfig(config: ApiConfig = {}): ResolvedApiConfig {
  return {
    secureCookies: config.secureCookies ?? false,
    uploadLimitBytes: config.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT,
    sessionTtlMs: config.sessionTtlMs ?? 12 * 60 * 60 * 1000,
    loginRateLimit: config.loginRateLimit ?? { max: 20, windowMs: 5 * 60 * 1000 },
    trustProxy: config.trustProxy ?? false,
    logger: config.logger ?? { level: 'info' },
    frameworks: config.frameworks ?? [],
    importTtlMs: config.importTtlMs ?? 60 * 60 * 1000,
  };
}

/** What `buildApp` needs. */
export type ApiDependencies = {
  registry: Registry;
  config?: ApiConfig;
  /** The built web app (`packages/web/dist`) to serve with SPA fallback; absent = API only. */
  webDist?: string;
};
