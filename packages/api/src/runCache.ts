/**
 * Stored index runs and what is computed from them. A run (index_runs row) never changes after
 * it is stored except for its `published` flag, so its rebuilt engine result and the views
 * computed from it (rankings, profiles) are cached per run id; the flag and the list of runs are
 * read from the database on every request, so publication takes effect at once.
 */
import type { IndexBuild } from '@kechuang/index-engine';
import { type Db, regenerateIndexRun } from '@kechuang/registry';

/** An index run as listed (without its inputs and results). */
export type RunMeta = {
  id: number;
  edition: string;
  year: number;
  frameworkId: string | null;
  frameworkVersion: string | null;
  createdAt: string;
  createdBy: string | null;
  inputsHash: string;
  published: boolean;
};

/** A rebuilt run: the engine's build, and whether its stored inputs still hash as stored. */
export type RunBuild = { build: IndexBuild; inputsMatch: boolean };

type MetaRow = {
  id: number;
  edition: string;
  year: number;
  framework_id: string | null;
  framework_version: string | null;
  created_at: Date;
  created_by: string | null;
  inputs_hash: string;
  published: boolean;
};

const META_COLUMNS = `id, edition, year, framework->>'id' AS framework_id, framework_version,
  created_at, created_by, inputs_hash, published`;

function toMeta(r: MetaRow): RunMeta {
  return {
    id: Number(r.id),
    edition: r.edition,
    year: r.year,
    frameworkId: r.framework_id,
    frameworkVersion: r.framework_version,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by,
    inputsHash: r.inputs_hash,
    published: r.published,
  };
}

/** The columns of a run needed to pick one. */
export type LightRun = { id: number; edition: string; year: number; published: boolean };

/** Filter of {@link RunCache.list}. */
export type RunFilter = { edition?: string; year?: number; publishedOnly: boolean };

/** Small LRU map. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
}

/** Run metadata from the database; builds and views cached per run id. */
export class RunCache {
  private readonly builds = new Lru<Promise<RunBuild>>(64);
  private readonly views = new Lru<unknown>(512);

  constructor(private readonly db: Db) {}

  /** Runs newest first. */
  async list(filter: RunFilter): Promise<RunMeta[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.publishedOnly) where.push('published');
    if (filter.edition !== undefined) {
      params.push(filter.edition);
      where.push(`edition = $${params.length}`);
    }
    if (filter.year !== undefined) {
      params.push(filter.year);
      where.push(`year = $${params.length}`);
    }
    const { rows } = await this.db.query<MetaRow>(
      `SELECT ${META_COLUMNS} FROM index_runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY id DESC`,
      params,
    );
    return rows.map(toMeta);
  }

  /** Runs newest first without reading their jsonb columns (the dashboard's hot path). */
  async listLight(publishedOnly: boolean): Promise<LightRun[]> {
    const { rows } = await this.db.query<LightRun>(
      `SELECT id, edition, year, published FROM index_runs ${publishedOnly ? 'WHERE published' : ''}
       ORDER BY id DESC`,
    );
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  /** One run's metadata. */
  async meta(id: number): Promise<RunMeta | undefined> {
    const { rows } = await this.db.query<MetaRow>(
      `SELECT ${META_COLUMNS} FROM index_runs WHERE id = $1`,
      [id],
    );
    return rows[0] ? toMeta(rows[0]) : undefined;
  }

  /** The run rebuilt from its stored framework, spec and inputs (registry `regenerateIndexRun`). */
  build(id: number): Promise<RunBuild> {
    const key = String(id);
    let pending = this.builds.get(key);
    if (!pending) {
      pending = regenerateIndexRun(this.db, id).then((r) => ({
        build: r.build,
        inputsMatch: r.matches,
      }));
      // A failed rebuild is not cached: the next request tries again.
      pending.catch(() => this.builds.delete(key));
      this.builds.set(key, pending);
    }
    return pending;
  }

  /** A view computed once per key (keys name the run ids they derive from). */
  async view<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const cached = this.views.get(key) as Promise<T> | undefined;
    if (cached) return cached;
    const pending = compute();
    pending.catch(() => this.views.delete(key));
    this.views.set(key, pending);
    return pending;
  }
}
