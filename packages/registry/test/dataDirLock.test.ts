import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DataDirLockedError, LOCK_FILE, openDatabase } from '../src/index.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kechuang-lock-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Starts holdDataDir.ts on dataDir and resolves once it holds the lock. */
function holdInChild(dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'holdDataDir.ts'), dataDir],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (d) => {
      err += d;
    });
    child.stdout?.on('data', (d) => {
      if (String(d).includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code}: ${err}`)));
  });
}

describe('PGlite data-folder lock (kechuang.lock)', () => {
  test('a second process on the same data folder gets a clear error naming the holder', async () => {
    const dataDir = tempDir();
    const child = await holdInChild(dataDir);
    try {
      const error = await openDatabase({ dataDir }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DataDirLockedError);
      const locked = error as DataDirLockedError;
      expect(locked.holder.pid).toBe(child.pid);
      expect(locked.holder.command).toBe('holdDataDir (lock test)');
      expect(locked.message).toContain(`pid ${child.pid}`);
      expect(locked.message).toContain('holdDataDir (lock test)');
      expect(locked.message).toContain('正被另一个进程使用');
      expect(locked.message).toContain(locked.holder.since);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin?.end();
      await exited;
    }
    // Released on close: the folder opens now, with the data the child wrote (migrations).
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    const registry = await openDatabase({ dataDir });
    expect(registry.migrations.applied).toEqual([]);
    await registry.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  }, 60_000);

  test('a stale lock (dead pid) is taken over', async () => {
    const dataDir = tempDir();
    const dead = Number(
      execFileSync(process.execPath, ['-e', 'console.log(process.pid)'], {
        encoding: 'utf8',
      }).trim(),
    );
    const stale = {
      pid: dead,
      hostname: hostname(),
      command: 'crashed',
      since: '2025-01-01T00:00:00Z',
    };
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify(stale));
    const registry = await openDatabase({ dataDir, migrate: false });
    const holder = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(holder.pid).toBe(process.pid);
    // The same process opening the folder twice is refused too (two PGlite instances lose writes).
    await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirLockedError);
    await registry.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  }, 60_000);
});
