import { closeSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** What a lock file records about the process holding a PGlite data folder. */
export type LockHolder = { pid: number; hostname: string; command: string; since: string };

/** The data folder is held by another live process (PGlite has no cross-process locking). */
export class DataDirLockedError extends Error {
  readonly code = 'locked';
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const who = `pid ${holder.pid} on ${holder.hostname} (${holder.command}), since ${holder.since}`;
    const zh = `数据目录 ${dataDir} 正被另一个进程使用：进程 ${holder.pid}（${holder.hostname}，${holder.command}），自 ${holder.since} 起。请先结束该进程，或改用 PostgreSQL 服务器（DATABASE_URL）。`;
    const en = `Data folder ${dataDir} is in use by ${who}. Stop that process first, or use a PostgreSQL server (DATABASE_URL).`;
    super(`${zh}\n${en}`);
    this.name = 'DataDirLockedError';
    this.zh = zh;
    this.en = en;
  }
}

/** A held lock; `release()` is idempotent. */
export type DataDirLock = { path: string; holder: LockHolder; release(): void };

export const LOCK_FILE = 'kechuang.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number') return undefined;
    return {
      pid: parsed.pid,
      hostname: String(parsed.hostname ?? '?'),
      command: String(parsed.command ?? '?'),
      since: String(parsed.since ?? '?'),
    };
  } catch {
    return undefined;
  }
}

/**
 * Takes `<dataDir>/kechuang.lock`, created atomically (written aside, then `link`ed into place). A lock held by a live process on
 * this host (or any lock from another host, whose pid we cannot check) throws
 * DataDirLockedError naming the holder; a lock whose pid is dead, or that cannot be read, is
 * stale and taken over. Released by `release()` and on process exit.
 */
export function lockDataDir(dataDir: string, command = process.argv.join(' ')): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    command,
    since: new Date().toISOString(),
  };
  const temp = `${path}.${process.pid}.tmp`;
  for (let attempt = 0; ; attempt++) {
    try {
      // Write a complete file first, then link it into place: link() is atomic and fails with
      // EEXIST, so no reader ever sees a half-written lock.
      const fd = openSync(temp, 'w');
      try {
        writeSync(fd, `${JSON.stringify(holder, null, 2)}\n`);
      } finally {
        closeSync(fd);
      }
      try {
        linkSync(temp, path);
      } finally {
        unlinkSync(temp);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
      const current = readHolder(path);
      const live =
        current !== undefined && (current.hostname !== holder.hostname || isAlive(current.pid));
      if (current && live) throw new DataDirLockedError(dataDir, current);
      // Stale: remove and retry; if another process wins the race, the next attempt sees it.
      try {
        unlinkSync(path);
      } catch {}
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readHolder(path)?.pid === holder.pid) {
      try {
        unlinkSync(path);
      } catch {}
    }
  };
  process.on('exit', release);
  return { path, holder, release };
}
