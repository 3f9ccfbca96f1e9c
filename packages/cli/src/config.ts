/**
 * The server's configuration, read from the environment in one place and validated: every
 * problem is reported at once in Chinese and English (exit code 2). Nothing is required; see
 * `.env.example` for every variable and its default.
 */
import { resolve } from 'node:path';
import { DEFAULT_UPLOAD_LIMIT } from '@kechuang/api';
import { CliInputError, type FileIssue } from './errors.ts';

/** Validated settings of `kechuang serve`. */
export type ServeConfig = {
  port: number;
  host: string;
  /** PGlite data folder (absolute), used when databaseUrl is absent. */
  dataDir: string;
  /** `postgres://…` of a PostgreSQL server, or undefined for embedded PGlite. */
  databaseUrl?: string;
  secureCookies: boolean;
  trustProxy: boolean;
  uploadLimitBytes: number;
  sessionTtlMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Build packages/web when its dist is missing or stale. */
  buildWeb: boolean;
  /** Load the Chongqing demo data on first start. */
  seedDemo: boolean;
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The variables `kechuang serve` reads, with their defaults (for `.env.example` and help). */
export const CONFIG_VARIABLES = [
  'PORT',
  'HOST',
  'KECHUANG_DATA_DIR',
  'DATABASE_URL',
  'KECHUANG_SECURE_COOKIES',
  'KECHUANG_TRUST_PROXY',
  'KECHUANG_UPLOAD_LIMIT_MB',
  'KECHUANG_SESSION_HOURS',
  'KECHUANG_LOG_LEVEL',
  'KECHUANG_SKIP_WEB_BUILD',
  'KECHUANG_NO_DEMO',
] as const;

/**
 * Read and validate the configuration; throws CliInputError listing every problem.
 * Empty values count as unset.
 */
export function readConfig(
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): ServeConfig {
  const issues: FileIssue[] = [];
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const problem = (name: string, zh: string, en: string) => {
    issues.push({
      column: name,
      zh: `${name}=${env[name]}：${zh}`,
      en: `${name}=${env[name]}: ${en}`,
    });
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const v = value(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max) {
      problem(
        name,
        `须为 ${min} 到 ${max} 之间的整数`,
        `must be a whole number from ${min} to ${max}`,
      );
      return fallback;
    }
    return n;
  };
  const positive = (name: string, fallback: number, max: number): number => {
    const v = value(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0 || n > max) {
      problem(
        name,
        `须为大于 0、不超过 ${max} 的数`,
        `must be a number above 0 and at most ${max}`,
      );
      return fallback;
    }
    return n;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const v = value(name)?.toLowerCase();
    if (v === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    problem(name, '须为 true/false（或 1/0）', 'must be true/false (or 1/0)');
    return fallback;
  };

  const port = integer('PORT', 3000, 0, 65535);
  const host = value('HOST') ?? 'localhost';
  if (!/^[\w.:[\]-]+$/.test(host))
    problem('HOST', '不是有效的主机名或地址', 'is not a valid host name or address');
  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    issues.push({
      column: 'DATABASE_URL',
      zh: 'DATABASE_URL 须以 postgres:// 或 postgresql:// 开头（不设置则使用内置数据库）',
      en: 'DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for the embedded database)',
    });
  }
  const logLevel = (value('KECHUANG_LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problem(
      'KECHUANG_LOG_LEVEL',
      `须为 ${LOG_LEVELS.join('、')} 之一`,
      `must be one of ${LOG_LEVELS.join(', ')}`,
    );
  }
  const config: ServeConfig = {
    port,
    host,
    dataDir: resolve(cwd, value('KECHUANG_DATA_DIR') ?? '.kechuang'),
    ...(databaseUrl ? { databaseUrl } : {}),
    secureCookies: flag('KECHUANG_SECURE_COOKIES', false),
    trustProxy: flag('KECHUANG_TRUST_PROXY', false),
    uploadLimitBytes: Math.round(
      positive('KECHUANG_UPLOAD_LIMIT_MB', DEFAULT_UPLOAD_LIMIT / 1024 / 1024, 1024) * 1024 * 1024,
    ),
    sessionTtlMs: Math.round(positive('KECHUANG_SESSION_HOURS', 12, 24 * 30) * 60 * 60 * 1000),
    logLevel: (LOG_LEVELS as readonly string[]).includes(logLevel)
      ? (logLevel as ServeConfig['logLevel'])
      : 'info',
    buildWeb: !flag('KECHUANG_SKIP_WEB_BUILD', false),
    seedDemo: !flag('KECHUANG_NO_DEMO', false),
  };
  if (issues.length > 0) {
    // Every variable may be left unset: say where they are documented.
    for (const i of issues) {
      i.zh += '（见 .env.example；可不设置）';
      i.en += ' (see .env.example; may be left unset)';
    }
    throw new CliInputError(issues);
  }
  return config;
}
