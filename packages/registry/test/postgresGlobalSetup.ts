/**
 * Vitest globalSetup: provides `postgresUrl` for the PostgreSQL run of the registry suite.
 * TEST_DATABASE_URL if set; otherwise a throwaway PostgreSQL 15 cluster from Debian's binaries
 * (initdb + pg_ctl as the `postgres` user when running as root) in a temp dir on a free port,
 * trust auth, stopped and removed after the run. If neither works, `postgresError` says why and
 * test/postgres.test.ts fails with it (never skips).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresError: string;
  }
}

export const PG_BIN = '/usr/lib/postgresql/15/bin';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as the `postgres` user when we are root (root cannot run it). */
function runPg(binary: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0;
  const [cmd, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, binary), ...args]]
    : [join(PG_BIN, binary), args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

export default async function setup(project: TestProject) {
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) {
    project.provide('postgresUrl', fromEnv);
    project.provide('postgresError', '');
    return;
  }
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    project.provide('postgresUrl', '');
    project.provide(
      'postgresError',
      `PostgreSQL 15 is not installed (${PG_BIN}/initdb missing): install the Debian package ` +
        '`postgresql` (apt-get install -y postgresql) or set TEST_DATABASE_URL. ' +
        '未安装 PostgreSQL 15：请安装 Debian 软件包 postgresql，或设置 TEST_DATABASE_URL。',
    );
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'kechuang-pg-'));
  let started = false;
  try {
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
    }
    const port = await freePort();
    const data = join(dir, 'data');
    runPg('initdb', [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    runPg('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'pg.log'), '-w', 'start']);
    started = true;
    project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
    project.provide('postgresError', '');
  } catch (error) {
    const detail = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    project.provide('postgresUrl', '');
    project.provide(
      'postgresError',
      `Could not start a throwaway PostgreSQL 15 cluster with ${PG_BIN} (Debian package \`postgresql\`): ${detail.trim()}`,
    );
  }
  return () => {
    if (started) {
      try {
        runPg('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
      } catch {}
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
