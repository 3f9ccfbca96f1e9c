/**
 * Opening the registry for the CLI: `DATABASE_URL` (a PostgreSQL server) or embedded PGlite in
 * `KECHUANG_DATA_DIR` (default `.kechuang/`). The CLI acts as a local city administrator
 * (市级管理员): whoever runs it owns the data folder. Real users and roles come with the API.
 */
import { type Actor, openDatabase, type Registry, seedRegions } from '@kechuang/registry';

/** The actor of every CLI write (recorded in the audit log). */
export const CLI_ACTOR: Actor = { name: 'kechuang-cli', role: 'cityAdmin' };

/**
 * Open the registry named by the environment: migrations are applied on open, and the region
 * reference data (区县, groups, lineage, zones) are loaded when the database has none yet.
 */
export async function openRegistry(env: Record<string, string | undefined>): Promise<Registry> {
  const registry = await openDatabase({
    url: env.DATABASE_URL || undefined,
    dataDir: env.KECHUANG_DATA_DIR ?? '.kechuang',
  });
  try {
    const { rows } = await registry.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM regions',
    );
    if ((rows[0]?.n ?? 0) === 0) await seedRegions(registry.db);
  } catch (error) {
    await registry.close();
    throw error;
  }
  return registry;
}

/** `kechuang db migrate`: apply pending migrations; lines to print. */
export async function migrateCommand(env: Record<string, string | undefined>): Promise<string[]> {
  const registry = await openRegistry(env);
  try {
    const { applied, current } = registry.migrations;
    return [
      applied.length === 0
        ? `数据库已是最新（版本 ${current}）/ database up to date (version ${current}): ${registry.location}`
        : `已应用迁移 ${applied.join(', ')}（当前版本 ${current}）/ applied migrations ${applied.join(', ')} (now version ${current}): ${registry.location}`,
    ];
  } finally {
    await registry.close();
  }
}
