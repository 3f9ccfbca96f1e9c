/**
 * One small database interface over both engines: embedded PostgreSQL (PGlite) and a PostgreSQL
 * server (node-postgres Pool).
 *
 * Value rules, the same on both engines (the adapters set the parsers):
 * - `int2`/`int4`/`int8` (also `bigserial` ids, `count(*)`) → JS `number` (ids stay below 2^53);
 * - `numeric` → `string` (exact); cast `::float8` in SQL when you want a number;
 * - `float4`/`float8` → `number`; `bool` → `boolean`; `jsonb` → parsed value; arrays → JS arrays;
 * - `date` → `'YYYY-MM-DD'` string (no time-zone shift); `timestamptz` → `Date`.
 * Parameters: pass dates as `'YYYY-MM-DD'` strings and arrays with an explicit cast (`$1::text[]`).
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';

/** A connection to the registry database (PGlite or PostgreSQL). */
export type Db = {
  engine: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs fn in one transaction (BEGIN/COMMIT, ROLLBACK on throw); nested calls reuse it. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** A Db that can also run a multi-statement script (migrations). Internal to the registry. */
export type ScriptDb = Db & { exec(sql: string): Promise<void> };

/** An SQL identifier (table or column name) in double quotes, inner quotes doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** PostgreSQL type OIDs whose parsing we normalise. */
export const TYPE_OIDS = { int8: 20, int2: 21, int4: 23, numeric: 1700, date: 1082 } as const;

function parseInt8(value: string): number {
  return Number(value);
}

/** Parsers for PGlite: int8 → number, numeric → string, date → 'YYYY-MM-DD'. */
export const pgliteParsers: Record<number, (value: string) => unknown> = {
  [TYPE_OIDS.int8]: parseInt8,
  [TYPE_OIDS.numeric]: (value) => value,
  [TYPE_OIDS.date]: (value) => value,
};

type PgliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

function pgliteTxDb(tx: Transaction): ScriptDb {
  const db: ScriptDb = {
    engine: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      const result = await tx.query<T>(sql, params);
      return { rows: result.rows };
    },
    transaction: (fn) => fn(db),
    exec: async (sql) => {
      await tx.exec(sql);
    },
    close: async () => {
      throw new Error('close() inside a transaction / 事务内不能关闭数据库');
    },
  };
  return db;
}

/** Wraps an open PGlite instance as a Db; `onClose` runs after the instance is closed. */
export function pgliteDb(instance: PGlite, onClose?: () => void): ScriptDb {
  const run: PgliteLike = instance;
  return {
    engine: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      const result = await run.query<T>(sql, params);
      return { rows: result.rows };
    },
    transaction: (fn) => instance.transaction((tx) => fn(pgliteTxDb(tx))),
    exec: async (sql) => {
      await instance.exec(sql);
    },
    async close() {
      try {
        if (!instance.closed) await instance.close();
      } finally {
        onClose?.();
      }
    },
  };
}

/**
 * Queries sent on one client at most two at a time, in the order they were made: one running
 * and one waiting in node-postgres, so the server starts the next statement of an import the
 * moment the previous one ends. Further queries wait here (node-postgres 8 deprecates queueing a
 * query behind one already waiting); a finished query hands its slot to the first of them.
 */
function twoAtATime(
  client: pg.PoolClient,
): (sql: string, params?: unknown[]) => Promise<pg.QueryResult> {
  let outstanding = 0;
  const waiting: (() => void)[] = [];
  return async (sql, params) => {
    if (outstanding >= 2 || waiting.length > 0) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      outstanding++;
    }
    try {
      return await client.query(sql, params);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else outstanding--;
    }
  };
}

function clientDb(client: pg.PoolClient): ScriptDb {
  const send = twoAtATime(client);
  const db: ScriptDb = {
    engine: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      const result = await send(sql, params);
      return { rows: result.rows as T[] };
    },
    transaction: (fn) => fn(db),
    exec: async (sql) => {
      await send(sql);
    },
    close: async () => {
      throw new Error('close() inside a transaction / 事务内不能关闭数据库');
    },
  };
  return db;
}

/** The pg type parsers: int8 → number, numeric → string, date → 'YYYY-MM-DD'. */
export function pgTypeParser(
  fallback: pg.CustomTypesConfig['getTypeParser'],
): pg.CustomTypesConfig['getTypeParser'] {
  return ((oid: number, format?: 'text' | 'binary') => {
    if (oid === TYPE_OIDS.int8) return parseInt8;
    if (oid === TYPE_OIDS.numeric || oid === TYPE_OIDS.date) return (value: string) => value;
    return fallback(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'];
}

/** Wraps a node-postgres Pool as a Db; transactions take one client for their duration. */
export function postgresDb(pool: pg.Pool): ScriptDb {
  return {
    engine: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      const result = await pool.query(sql, params);
      return { rows: result.rows as T[] };
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn(clientDb(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
