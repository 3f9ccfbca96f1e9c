/**
 * The API suite on PostgreSQL 15: the throwaway cluster the vitest global setup starts
 * (packages/registry/test/postgresGlobalSetup.ts) or TEST_DATABASE_URL. Fails, never skips,
 * when no server is available.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase } from '@kechuang/registry';
import pg from 'pg';
import { afterAll, inject, test } from 'vitest';
import { describeApi } from './api.suite.ts';

const url = inject('postgresUrl');
const error = inject('postgresError');
const created: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `kechuang_api_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  created.push(name);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

afterAll(async () => {
  if (!url || created.length === 0) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

if (!url) {
  test('PostgreSQL 15 is available for the API suite', () => {
    throw new Error(error || 'No PostgreSQL: install the Debian package `postgresql`.');
  });
} else {
  describeApi('PostgreSQL', async () => openDatabase({ url: await freshDatabase() }));
}
