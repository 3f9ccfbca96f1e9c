/**
 * Fresh databases on the test server for suites that run on PostgreSQL (registry, API): each
 * suite gets its own database, all dropped when the file's tests end.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** `fresh()` creates a database named `<prefix>_<random>` on the server at `url`; `dropAll()` drops them. */
export function testDatabases(url: string, prefix: string) {
  const created: string[] = [];
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    async fresh(): Promise<string> {
      const name = `${prefix}_${randomBytes(6).toString('hex')}`;
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      created.push(name);
      const target = new URL(url);
      target.pathname = `/${name}`;
      return target.toString();
    },
    async dropAll(): Promise<void> {
      if (created.length === 0) return;
      await admin(async (c) => {
        for (const name of created.splice(0)) {
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        }
      });
    },
  };
}
