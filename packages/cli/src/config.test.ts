import { describe, expect, test } from 'vitest';
import { readConfig } from './config.ts';
import { CliInputError } from './errors.ts';

describe('readConfig', () => {
  test('nothing set: every default (port 3000, .kechuang under the working directory, PGlite)', () => {
    const config = readConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 3000,
      host: 'localhost',
      dataDir: '/srv/app/.kechuang',
      secureCookies: false,
      uploadLimitBytes: 20 * 1024 * 1024,
      logLevel: 'info',
      buildWeb: true,
      seedDemo: true,
    });
    expect(config.databaseUrl).toBeUndefined();
  });

  test('values are parsed: port, data dir, PostgreSQL URL, flags, upload limit in MB', () => {
    const config = readConfig(
      {
        PORT: '3999',
        KECHUANG_DATA_DIR: 'data-here',
        DATABASE_URL: 'postgres://u:p@db/kc',
        KECHUANG_SECURE_COOKIES: 'true',
        KECHUANG_UPLOAD_LIMIT_MB: '5',
        KECHUANG_SKIP_WEB_BUILD: '1',
        KECHUANG_LOG_LEVEL: 'WARN',
      },
      '/w',
    );
    expect(config).toMatchObject({
      port: 3999,
      dataDir: '/w/data-here',
      databaseUrl: 'postgres://u:p@db/kc',
      secureCookies: true,
      uploadLimitBytes: 5 * 1024 * 1024,
      buildWeb: false,
      logLevel: 'warn',
    });
  });

  test('every problem is listed at once, in Chinese and English', () => {
    let error: unknown;
    try {
      readConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        KECHUANG_SECURE_COOKIES: 'maybe',
        KECHUANG_UPLOAD_LIMIT_MB: '-1',
        KECHUANG_LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliInputError);
    const issues = (error as CliInputError).issues;
    const columns = issues.map((i) => i.column).filter(Boolean);
    expect(columns).toEqual([
      'PORT',
      'DATABASE_URL',
      'KECHUANG_LOG_LEVEL',
      'KECHUANG_SECURE_COOKIES',
      'KECHUANG_UPLOAD_LIMIT_MB',
    ]);
    for (const i of issues) {
      expect(i.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(i.en).toMatch(/[a-z]/);
    }
  });

  test('empty values count as unset', () => {
    expect(readConfig({ PORT: '', DATABASE_URL: ' ' }).port).toBe(3000);
  });
});
