import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db, ScriptDb } from './db.ts';

/** A forward-only migration file `NNNN_name.sql` of `packages/registry/migrations/`. */
export type Migration = { version: number; name: string; sql: string; checksum: string };

/** An applied migration whose file changed since (or disappeared): the schema can't be trusted. */
export class MigrationError extends Error {
  readonly code = 'migration';
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'MigrationError';
  }
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

/** sha256 of the file's text with line endings normalised (a CRLF checkout is not a change). */
export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** Reads `NNNN_name.sql` files in version order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .map((file) => /^(\d{4})_([\w-]+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => {
      const sql = readFileSync(`${dir}/${m[0]}`, 'utf8');
      return { version: Number(m[1]), name: m[2] as string, sql, checksum: checksumOf(sql) };
    })
    .sort((a, b) => a.version - b.version);
}

/** What `migrate` did. */
export type MigrateResult = { applied: number[]; current: number };

/**
 * Applies pending migrations in order, all in one transaction, recording each in
 * `schema_migrations (version, name, checksum, applied_at)`. An applied migration whose checksum
 * differs from its file, or whose file is gone, throws MigrationError before anything runs.
 */
export async function migrate(
  db: Db,
  migrations: Migration[] = readMigrations(),
): Promise<MigrateResult> {
  return db.transaction(async (tx) => {
    if (!('exec' in tx))
      throw new Error('migrate needs a Db from openDatabase / 需要 openDatabase 打开的数据库');
    const script = tx as ScriptDb;
    // Two servers' processes migrating at once wait for each other.
    if (db.engine === 'postgres') await tx.query(`SELECT pg_advisory_xact_lock(20250301)`);
    await script.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version int PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const byVersion = new Map(migrations.map((m) => [m.version, m]));
    for (const row of rows) {
      const file = byVersion.get(row.version);
      if (!file) {
        throw new MigrationError(
          `迁移 ${row.version}_${row.name} 已应用，但文件已不存在。迁移只能向前：不要删除已提交的迁移。`,
          `Migration ${row.version}_${row.name} was applied but its file is gone. Migrations are forward-only: never delete a committed one.`,
        );
      }
      if (file.checksum !== row.checksum) {
        throw new MigrationError(
          `迁移 ${row.version}_${row.name} 已应用，但文件内容已改变（校验和 ${row.checksum.slice(0, 12)} → ${file.checksum.slice(0, 12)}）。请恢复原文件，并把改动写成新的迁移。`,
          `Migration ${row.version}_${row.name} was applied but its file changed (checksum ${row.checksum.slice(0, 12)} → ${file.checksum.slice(0, 12)}). Restore the file and put the change in a new migration.`,
        );
      }
    }
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await script.exec(m.sql);
      await tx.query(
        'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
        [m.version, m.name, m.checksum],
      );
      applied.push(m.version);
    }
    const current = Math.max(0, ...migrations.map((m) => m.version), ...done);
    return { applied, current };
  });
}
