/**
 * Uploaded imports waiting for commit (待提交的导入), kept in memory: the decoded table, its
 * validation report and who uploaded it. Nothing is written to the registry until commit; an
 * upload expires after the configured time (default 1 h) and is lost on restart.
 */
import { randomUUID } from 'node:crypto';
import type { ImportKind, ImportReport, ImportTable } from '@kechuang/registry';

/** One pending upload. */
export type PendingImport = {
  id: string;
  kind: ImportKind;
  fileName: string;
  table: ImportTable;
  /** Who uploaded it (user id); only she may commit or see it. */
  userId: number;
  options: { allOrNothing: boolean; acceptUsccWarnings: boolean };
  report: ImportReport;
  createdAt: number;
};

/** In-memory store with expiry. */
export class ImportStore {
  private readonly pending = new Map<string, PendingImport>();
  constructor(private readonly ttlMs: number) {}

  add(entry: Omit<PendingImport, 'id' | 'createdAt'>): PendingImport {
    this.sweep();
    const stored = { ...entry, id: randomUUID(), createdAt: Date.now() };
    this.pending.set(stored.id, stored);
    return stored;
  }

  get(id: string): PendingImport | undefined {
    this.sweep();
    return this.pending.get(id);
  }

  delete(id: string): boolean {
    return this.pending.delete(id);
  }

  private sweep(): void {
    const cutoff = Date.now() - this.ttlMs;
    for (const [id, p] of this.pending) if (p.createdAt < cutoff) this.pending.delete(id);
  }
}
