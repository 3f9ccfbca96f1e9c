import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { lockDataDir } from './dataDirLock.ts';
import { type Db, pgliteDb, pgliteParsers, pgTypeParser, postgresDb } from './db.ts';
import { type MigrateResult, migrate } from './migrate.ts';

/** Where the registry lives. The library never reads the environment: the CLI passes both. */
export type OpenDatabaseOptions = {
  /** `postgres://…` (a server), `memory://` (in-memory PGlite, for tests); absent → PGlite in dataDir. */
  url?: string;
  /** PGlite data folder when no url is given (the CLI passes KECHUANG_DATA_DIR, default `.kechuang/`). */
  dataDir?: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** Recorded in the lock file (default: this process's command line). */
  command?: string;
};

/** An open registry database. */
export type Registry = {
  db: Db;
  engine: Db['engine'];
  /** Where it is: the data folder, `memory://` or the server URL without its password. */
  location: string;
  /** Migrations applied by this open (empty when up to date). */
  migrations: MigrateResult;
  close(): Promise<void>;
};

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/**
 * Opens the registry: PGlite in `dataDir` (locked against other processes), in-memory PGlite for
 * `memory://`, or a node-postgres Pool for `postgres://` / `postgresql://`; then applies
 * migrations.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Registry> {
  const { url } = options;
  let db: ReturnType<typeof pgliteDb>;
  let location: string;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 8,
      types: { getTypeParser: pgTypeParser(pg.types.getTypeParser) },
    });
    db = postgresDb(pool);
    location = redact(url);
  } else if (url === 'memory://') {
    db = pgliteDb(await PGlite.create({ parsers: pgliteParsers }));
    location = url;
  } else if (url) {
    throw new Error(
      `不支持的数据库地址 ${redact(url)}：请使用 postgres://… 或 memory://\nUnsupported database URL ${redact(url)}: use postgres://… or memory://`,
    );
  } else {
    const dataDir = resolve(options.dataDir ?? '.kechuang');
    mkdirSync(dataDir, { recursive: true });
    const lock = lockDataDir(dataDir, options.command);
    try {
      const instance = await PGlite.create({
        dataDir: `${dataDir}/pgdata`,
        parsers: pgliteParsers,
      });
      db = pgliteDb(instance, lock.release);
    } catch (error) {
      lock.release();
      throw error;
    }
    location = dataDir;
  }
  let migrations: MigrateResult = { applied: [], current: 0 };
  try {
    if (options.migrate !== false) migrations = await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, engine: db.engine, location, migrations, close: () => db.close() };
}
