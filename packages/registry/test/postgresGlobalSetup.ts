/**
 * Vitest globalSetup: provides `postgresUrl` for the PostgreSQL run of the registry suite.
 * TEST_DATABASE_URL if set; otherwise a throwaway PostgreSQL 15 cluster from Debian's binaries
 * (initdb + pg_ctl as the `postgres` user when running as root) in a temp dir on a free port,
 * trust auth, stopped and removed after the run. If neither works, `postgresError` says why and
 * test/postgres.test.ts fails with it (never skips).
 */
import type { TestProject } from 'vitest/node';
import { hasPostgres15, PG_BIN, startThrowawayPostgres } from './throwawayPostgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresError: string;
  }
}

export default async function setup(project: TestProject) {
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) {
    project.provide('postgresUrl', fromEnv);
    project.provide('postgresError', '');
    return;
  }
  if (!hasPostgres15()) {
    project.provide('postgresUrl', '');
    project.provide(
      'postgresError',
      `PostgreSQL 15 is not installed (${PG_BIN}/initdb missing): install the Debian package ` +
        '`postgresql` (apt-get install -y postgresql) or set TEST_DATABASE_URL. ' +
        '未安装 PostgreSQL 15：请安装 Debian 软件包 postgresql，或设置 TEST_DATABASE_URL。',
    );
    return;
  }
  try {
    // Durability off: the suite's databases are thrown away.
    const server = await startThrowawayPostgres({
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
    });
    project.provide('postgresUrl', server.url);
    project.provide('postgresError', '');
    return server.stop;
  } catch (error) {
    const detail = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    project.provide('postgresUrl', '');
    project.provide(
      'postgresError',
      `Could not start a throwaway PostgreSQL 15 cluster with ${PG_BIN} (Debian package \`postgresql\`): ${detail.trim()}`,
    );
    return undefined;
  }
}
