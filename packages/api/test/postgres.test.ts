/**
 * The API suite on PostgreSQL 15: the throwaway cluster the vitest global setup starts
 * (packages/registry/test/postgresGlobalSetup.ts) or TEST_DATABASE_URL. Fails, never skips,
 * when no server is available.
 */
import { openDatabase } from '@kechuang/registry';
import { afterAll, inject, test } from 'vitest';
import { testDatabases } from '../../registry/test/testDatabases.ts';
import { describeApi } from './api.suite.ts';

const url = inject('postgresUrl');
const error = inject('postgresError');
const databases = testDatabases(url, 'kechuang_api_test');
const freshDatabase = () => databases.fresh();

afterAll(() => databases.dropAll());

if (!url) {
  test('PostgreSQL 15 is available for the API suite', () => {
    throw new Error(error || 'No PostgreSQL: install the Debian package `postgresql`.');
  });
} else {
  describeApi('PostgreSQL', async () => openDatabase({ url: await freshDatabase() }));
}
