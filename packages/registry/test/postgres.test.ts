import { afterAll, inject, test } from 'vitest';
import { describeImports } from '../src/imports/imports.suite.ts';
import { openDatabase } from '../src/index.ts';
import { describeAssessments } from './assessments.suite.ts';
import { describeIndicators } from './indicators.suite.ts';
import { describeRegistry } from './registry.suite.ts';
import { testDatabases } from './testDatabases.ts';

const url = inject('postgresUrl');
const error = inject('postgresError');
const databases = testDatabases(url, 'kechuang_test');
const freshDatabase = () => databases.fresh();

afterAll(() => databases.dropAll());

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
