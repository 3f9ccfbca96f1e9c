/**
 * A throwaway PostgreSQL 15 cluster from Debian's binaries (initdb + pg_ctl, as the `postgres`
 * user when we are root, since root cannot run it) in a temp dir on a free port, trust auth.
 * Used by the test suite's global setup and by the registry benchmarks.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PG_BIN = '/usr/lib/postgresql/15/bin';

export type ThrowawayPostgres = { url: string; stop: () => void };

/** Whether Debian's PostgreSQL 15 binaries are installed. */
export function hasPostgres15(): boolean {
  return existsSync(join(PG_BIN, 'initdb'));
}

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

function runPg(binary: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0;
  const [cmd, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, binary), ...args]]
    : [join(PG_BIN, binary), args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

/**
 * Start a cluster; `settings` are extra `-c name=value` server settings (tests turn durability
 * off, benchmarks keep the defaults). Throws (with initdb/pg_ctl's stderr) if it cannot start.
 */
export async function startThrowawayPostgres(
  settings: Record<string, string> = {},
): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'kechuang-pg-'));
  const data = join(dir, 'data');
  let started = false;
  const stop = () => {
    try {
      if (started) runPg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // Already stopped: nothing left to do but remove the folder.
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
    }
    const port = await freePort();
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
    const extra = Object.entries(settings)
      .map(([k, v]) => ` -c ${k}=${v}`)
      .join('');
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${extra}`;
    runPg('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'pg.log'), '-w', 'start']);
    started = true;
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
