/**
 * The other registers (登记簿): platforms, talents, patents, achievements, contracts, projects,
 * qualifications. List with region / text search / paging; get, create (POST), replace (PUT)
 * and delete by key, every write through the registry's `upsertRecord` / `deleteRecord`
 * (permission check and audit in the same transaction). Bodies are validated like import rows.
 */
import {
  deleteRecord,
  IMPORT_KINDS,
  type ImportKind,
  quoteIdent,
  type RecordValues,
  upsertRecord,
} from '@kechuang/registry';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { likePattern, registerReadScope } from '../access.ts';
import { ApiError, notFound } from '../apiError.ts';
import type { RouteContext } from '../buildApp.ts';
import { camelRow, tableRecord, validateRecord } from '../recordInput.ts';
import { errorResponses, looseObject, pageOf, pagingSchema, regionCodeSchema } from '../schemas.ts';

/** How a register is addressed and searched. */
type RegisterKind = {
  kind: ImportKind;
  /** The path key: the table's id, or its single natural key column. */
  key: string;
  keyIsId: boolean;
  /** Columns `q` searches (ILIKE, wildcards escaped). */
  search: string[];
  /** SQL of the record's region(s) for `?region=` (alias t). */
  region: string[];
  /** SQL of the enterprise the record belongs to (enterprise users read only their own). */
  uscc?: string;
  /** Extra FROM (joins). */
  join?: string;
};

const REGISTERS: Record<string, RegisterKind> = {
  platforms: {
    kind: IMPORT_KINDS.platforms,
    key: 'id',
    keyIsId: true,
    search: ['t.name', 't.host_name'],
    region: ['t.region_code'],
    uscc: 't.host_uscc',
  },
  talents: {
    kind: IMPORT_KINDS.talents,
    key: 'id',
    keyIsId: true,
    search: ['t.name', 't.organisation'],
    region: ['t.region_code'],
  },
  patents: {
    kind: IMPORT_KINDS.patents,
    key: 'number',
    keyIsId: false,
    search: ['t.number', 't.owner_name'],
    region: ['t.region_code'],
    uscc: 't.owner_uscc',
  },
  achievements: {
    kind: IMPORT_KINDS.achievements,
    key: 'registration_number',
    keyIsId: false,
    search: ['t.registration_number', 't.name', 't.owner_name'],
    region: ['t.region_code'],
    uscc: 't.owner_uscc',
  },
  contracts: {
    kind: IMPORT_KINDS.contracts,
    key: 'contract_number',
    keyIsId: false,
    search: ['t.contract_number', 't.field'],
    region: ['t.seller_region_code', 't.buyer_region_code'],
  },
  projects: {
    kind: IMPORT_KINDS.projects,
    key: 'code',
    keyIsId: false,
    search: ['t.code', 't.name', 't.owner_name'],
    region: ['t.region_code'],
    uscc: 't.owner_uscc',
  },
  qualifications: {
    kind: IMPORT_KINDS.qualifications,
    key: 'id',
    keyIsId: true,
    search: ['t.number', 'e.name'],
    region: ['e.region_code'],
    uscc: 'e.uscc',
    join: 'JOIN enterprises e ON e.id = t.enterprise_id',
  },
};

/** The register kinds served under /api/<kind>. */
export const REGISTER_NAMES = Object.keys(REGISTERS);

/** Register routes. */
export function recordRoutes({ app, deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.registry.db;

  for (const [name, reg] of Object.entries(REGISTERS)) {
    const { kind } = reg;
    const table = quoteIdent(kind.table);
    const from = `${table} t ${reg.join ?? ''}`;
    const select = reg.join
      ? `to_jsonb(t) || jsonb_build_object('uscc', e.uscc) AS row`
      : 'to_jsonb(t) AS row';
    const keyParams = z.object({
      key: reg.keyIsId ? z.coerce.number().int().positive() : z.string().min(1).max(200),
    });
    const label = `${kind.zh} / ${kind.en}`;

    const scopeOf = (request: FastifyRequest) => registerReadScope(request, reg.uscc !== undefined);

    const findOne = async (request: FastifyRequest, key: string | number) => {
      const scope = scopeOf(request);
      const { rows } = await db.query<{ row: Record<string, unknown>; owner: string | null }>(
        `SELECT ${select}, ${reg.uscc ?? 'NULL'} AS owner FROM ${from} WHERE t.${quoteIdent(reg.key)} = $1`,
        [key],
      );
      const found = rows[0];
      if (!found) throw notFound(`没有${kind.zh} ${key}`, `No ${kind.en} ${key}`);
      if (scope.uscc !== undefined && found.owner !== scope.uscc) {
        throw new ApiError(
          403,
          'forbidden',
          `企业用户只能查看本企业（${scope.uscc}）的记录`,
          `An enterprise user may read only her own enterprise's records (${scope.uscc})`,
        );
      }
      return found.row;
    };

    const view = (row: Record<string, unknown>) => {
      const { enterprise_id: _e, ...rest } = row;
      return camelRow(rest);
    };

    api.get(
      `/api/${name}`,
      {
        schema: {
          tags: ['registers'],
          summary: `${label}：列表与检索`,
          querystring: pagingSchema.extend({
            region: regionCodeSchema.optional(),
            q: z
              .string()
              .trim()
              .max(100)
              .optional()
              .describe(`matches ${reg.search.join(', ')}`),
            year: z.coerce.number().int().min(1949).max(2100).optional(),
          }),
          response: { 200: pageOf(looseObject), ...errorResponses },
        },
      },
      async (request) => {
        const scope = scopeOf(request);
        const q = request.query;
        const where: string[] = [];
        const params: unknown[] = [];
        const add = (sql: (p: string) => string, value: unknown) => {
          params.push(value);
          where.push(sql(`$${params.length}`));
        };
        if (q.region)
          add((p) => `(${reg.region.map((c) => `${c} = ${p}`).join(' OR ')})`, q.region);
        if (q.q)
          add(
            (p) => `(${reg.search.map((c) => `${c} ILIKE ${p} ESCAPE '\\'`).join(' OR ')})`,
            likePattern(q.q),
          );
        if (q.year !== undefined && kind.columns.some((c) => c.field === 'year'))
          add((p) => `t.year = ${p}`, q.year);
        if (scope.uscc !== undefined) add((p) => `${reg.uscc} = ${p}`, scope.uscc);
        const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
        const total = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${from} ${whereSql}`,
          params,
        );
        const order = kind.conflict.map((c) => `t.${quoteIdent(c)}`).join(', ');
        const { rows } = await db.query<{ row: Record<string, unknown> }>(
          `SELECT ${select} FROM ${from} ${whereSql} ORDER BY ${order}
           LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
          [...params, q.pageSize, (q.page - 1) * q.pageSize],
        );
        return {
          items: rows.map((r) => view(r.row)),
          total: total.rows[0]?.n ?? 0,
          page: q.page,
          pageSize: q.pageSize,
        };
      },
    );

    api.get(
      `/api/${name}/:key`,
      {
        schema: {
          tags: ['registers'],
          summary: `${label}：一条记录（键：${reg.key}）`,
          params: keyParams,
          response: { 200: looseObject, ...errorResponses },
        },
      },
      async (request) => view(await findOne(request, request.params.key)),
    );

    const write = async (request: FastifyRequest, body: Record<string, unknown>, id?: number) => {
      const validated = await validateRecord(db, kind, body);
      const record: RecordValues = await tableRecord(db, kind, validated);
      if (id !== undefined) record.id = id;
      const written = await upsertRecord(
        db,
        request.actor,
        kind.table,
        id !== undefined ? ['id'] : kind.conflict,
        record,
      );
      return { status: written.status, record: view(written.row), warnings: validated.warnings };
    };

    api.post(
      `/api/${name}`,
      {
        schema: {
          tags: ['registers'],
          summary: `${label}：新增（或按自然键 ${kind.conflict.join('+')} 更新）`,
          body: looseObject,
          response: { 200: looseObject, 201: looseObject, ...errorResponses },
        },
      },
      async (request, reply) => {
        const result = await write(request, request.body);
        reply.status(result.status === 'inserted' ? 201 : 200);
        return result;
      },
    );

    api.put(
      `/api/${name}/:key`,
      {
        schema: {
          tags: ['registers'],
          summary: `${label}：替换一条记录（必填字段须给出，未给出的可选字段不变）`,
          params: keyParams,
          body: looseObject,
          response: { 200: looseObject, ...errorResponses },
        },
      },
      async (request) => {
        if (reg.keyIsId) {
          const { rows } = await db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [
            request.params.key,
          ]);
          if (rows.length === 0)
            throw notFound(
              `没有${kind.zh} ${request.params.key}`,
              `No ${kind.en} ${request.params.key}`,
            );
          return write(request, request.body, Number(request.params.key));
        }
        return write(request, { ...request.body, [reg.key]: request.params.key });
      },
    );

    api.delete(
      `/api/${name}/:key`,
      {
        schema: {
          tags: ['registers'],
          summary: `${label}：删除一条记录`,
          params: keyParams,
          response: { 200: z.object({ deleted: z.boolean() }), ...errorResponses },
        },
      },
      async (request) => {
        const result = await deleteRecord(db, request.actor, kind.table, [reg.key], {
          [reg.key]: request.params.key,
        });
        if (result === 'missing')
          throw notFound(
            `没有${kind.zh} ${request.params.key}`,
            `No ${kind.en} ${request.params.key}`,
          );
        return { deleted: true };
      },
    );
  }
}
