import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject, test } from 'vitest';
import { describeImports } from '../src/imports/imports.suite.ts';
import { openDatabase } from '../src/index.ts';
import { describeAssessments } from './assessments.suite.ts';
import { describeIndicators } from './indicators.suite.ts';
import { describeRegistry } from './registry.suite.ts';

const url = inject('postgresUrl');
const error = inject('postgresError');
const created: string[] = [];

/** A fresh database on the test server (TEST_DATABASE_URL or the throwaway cluster). */
async function freshDatabase(): Promise<string> {
  const name = `kechuang_test_${randomBytes(6).toString('hex')}`;
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
  test('PostgreSQL 15 is available for the registry suite', () => {
    throw new Error(error || 'No PostgreSQL: install the Debian package `postgresql`.');
  });
} else {
  test('the server is PostgreSQL 15 or newer', async () => {
    const registry = await openDatabase({ url: await freshDatabase() });
    const { rows } = await registry.db.query<{ v: number }>(
      `SELECT current_setting('server_version_num')::int AS v`,
    );
    await registry.close();
    if ((rows[0]?.v ?? 0) < 150000) throw new Error(`PostgreSQL ${rows[0]?.v} is older than 15`);
  });
  describeRegistry('PostgreSQL', async () => openDatabase({ url: await freshDatabase() }));
  describeIndicators('PostgreSQL', async () => openDatabase({ url: await freshDatabase() }));
  describeImports('PostgreSQL', async () => openDatabase({ url: await freshDatabase() }));
  describeAssessments('PostgreSQL', async () => openDatabase({ url: await freshDatabase() }));
}
