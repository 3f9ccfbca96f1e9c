/**
 * The append-only audit log (审计日志): who, when, what, before and after, for every write.
 * A trigger (migration 0004) rejects UPDATE, DELETE and TRUNCATE on audit_log.
 */
import type { Db } from './db.ts';
import type { Actor } from './permissions.ts';

export type AuditAction = 'insert' | 'update' | 'delete';

/** One audit entry as read back. */
export type AuditEntry = {
  id: number;
  at: Date;
  actor: string;
  role: string;
  action: AuditAction;
  table: string;
  key: string;
  before: unknown;
  after: unknown;
};

/** Selects audit entries; all fields optional, newest first. */
export type AuditFilter = {
  table?: string;
  key?: string;
  actor?: string;
  action?: AuditAction;
  /** Entries at or after this instant. */
  since?: Date | string;
  /** Default 1000. */
  limit?: number;
};

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Appends one entry; call it inside the transaction of the write it records. */
export async function writeAudit(
  tx: Db,
  actor: Actor,
  entry: { action: AuditAction; table: string; key: string; before: unknown; after: unknown },
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor, role, action, table_name, record_key, before, after)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
    [
      actor.name,
      actor.role,
      entry.action,
      entry.table,
      entry.key,
      toJson(entry.before),
      toJson(entry.after),
    ],
  );
}

/** Reads audit entries matching filter, newest first (ties by id, descending). */
export async function readAudit(db: Db, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.table !== undefined) add('table_name = ?', filter.table);
  if (filter.key !== undefined) add('record_key = ?', filter.key);
  if (filter.actor !== undefined) add('actor = ?', filter.actor);
  if (filter.action !== undefined) add('action = ?', filter.action);
  if (filter.since !== undefined) {
    add(
      'at >= ?::timestamptz',
      filter.since instanceof Date ? filter.since.toISOString() : filter.since,
    );
  }
  params.push(filter.limit ?? 1000);
  const { rows } = await db.query<AuditEntry>(
    `SELECT id, at, actor, role, action, table_name AS "table", record_key AS "key", before, after
     FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}
