/**
 * Enterprises (企业): search by Chinese name and former names, by 统一社会信用代码, filters by
 * region, qualification and 高新技术领域, paging; one enterprise, its yearly figures and
 * qualifications; writes through the registry's permission-checked, audited `upsertRecord`.
 * City and district staff read all; an enterprise user only her own; the public nothing.
 */
import { IMPORT_KINDS, upsertRecord } from '@kechuang/registry';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { likePattern, registerReadScope } from '../access.ts';
import { ApiError, notFound } from '../apiError.ts';
import type { RouteContext } from '../buildApp.ts';
import { camelRow, tableRecord, validateRecord } from '../recordInput.ts';
import {
  errorResponses,
  looseObject,
  pageOf,
  pagingSchema,
  regionCodeSchema,
  yearSchema,
} from '../schemas.ts';

const usccParam = z.object({
  uscc: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{18}$/, '18 位统一社会信用代码 / an 18-character USCC'),
});

/** Columns of a search result (plain columns: cheaper than to_jsonb on every row). */
const LIST_COLUMNS = [
  'uscc',
  'name',
  'former_names',
  'region_code',
  'zone_code',
  'industry_code',
  'hightech_field_code',
  'registered_on',
  'uscc_warning',
]
  .map((c) => `e.${c}`)
  .join(', ');

const writeQuery = z.object({
  acceptUsccWarnings: z.coerce.boolean().default(false),
});

/** Enterprise routes. */
export function enterpriseRoutes({ app, deps, fresh }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.registry.db;

  /** 403 unless the requester may read this enterprise's records. */
  const assertReadable = (request: FastifyRequest, uscc: string) => {
    const scope = registerReadScope(request, true);
    if (scope.uscc !== undefined && scope.uscc !== uscc) {
      throw new ApiError(
        403,
        'forbidden',
        `企业用户只能查看本企业（${scope.uscc}）的记录`,
        `An enterprise user may read only her own enterprise (${scope.uscc})`,
      );
    }
  };

  /** The enterprise in the path, if the caller may read it (403) and it exists (404). */
  const readableEnterprise = async (request: FastifyRequest, uscc: string) => {
    assertReadable(request, uscc);
    const { rows } = await db.query<{ id: number; row: Record<string, unknown> }>(
      `SELECT e.id, to_jsonb(e) || jsonb_build_object('region_name', r.name_zh) AS row
       FROM enterprises e LEFT JOIN regions r ON r.code = e.region_code WHERE e.uscc = $1`,
      [uscc],
    );
    const found = rows[0];
    if (!found) throw notFound(`没有企业 ${uscc}`, `No enterprise ${uscc}`);
    return found;
  };

  /** An enterprise's rows of a table that refers to it, without the internal enterprise_id. */
  const rowsOfEnterprise = async (table: string, orderBy: string, enterpriseId: number) => {
    const { rows } = await db.query<{ row: Record<string, unknown> }>(
      `SELECT to_jsonb(t) - 'enterprise_id' AS row FROM ${table} t
       WHERE t.enterprise_id = $1 ORDER BY ${orderBy}`,
      [enterpriseId],
    );
    return rows.map((r) => camelRow(r.row));
  };

  api.get(
    '/api/enterprises',
    {
      schema: {
        tags: ['registers'],
        summary:
          '企业检索：名称（含曾用名）、统一社会信用代码、区县、资质、领域 / search enterprises',
        querystring: pagingSchema.extend({
          q: z.string().trim().max(100).optional().describe('part of the name or a former name'),
          uscc: z.string().trim().toUpperCase().max(18).optional(),
          region: regionCodeSchema.optional(),
          qualification: z
            .string()
            .max(100)
            .optional()
            .describe('kind of a valid qualification, e.g. highTechEnterprise'),
          field: z.string().max(100).optional().describe('高新技术领域 code'),
          industry: z.string().max(100).optional().describe('GB/T 4754 code prefix'),
        }),
        response: { 200: pageOf(looseObject), ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = registerReadScope(request, true);
      const q = request.query;
      // Same answer for every reader with the same scope; ≤ 2 s old, cleared by every write
      // through this API (with PGlite every write does, the data folder being locked to it).
      const page = await fresh.get(
        `enterprises:${scope.uscc ?? '*'}:${JSON.stringify(q)}`,
        async () => {
          const where: string[] = [];
          const params: unknown[] = [];
          const add = (sql: (p: string) => string, value: unknown) => {
            params.push(value);
            where.push(sql(`$${params.length}`));
          };
          if (q.q) {
            add(
              (p) =>
                `(e.name ILIKE ${p} ESCAPE '\\' OR EXISTS (SELECT 1 FROM unnest(e.former_names) AS f(name) WHERE f.name ILIKE ${p} ESCAPE '\\'))`,
              likePattern(q.q),
            );
          }
          if (q.uscc) add((p) => `e.uscc = ${p}`, q.uscc);
          if (scope.uscc !== undefined) add((p) => `e.uscc = ${p}`, scope.uscc);
          if (q.region) add((p) => `e.region_code = ${p}`, q.region);
          if (q.field) add((p) => `e.hightech_field_code = ${p}`, q.field);
          if (q.industry) {
            add(
              (p) => `e.industry_code LIKE ${p} ESCAPE '\\'`,
              `${q.industry.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
            );
          }
          if (q.qualification) {
            add(
              (
                p,
              ) => `EXISTS (SELECT 1 FROM qualifications x WHERE x.enterprise_id = e.id AND x.kind = ${p}
            AND x.status = 'valid' AND (x.expires_on IS NULL OR x.expires_on >= current_date))`,
              q.qualification,
            );
          }
          const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
          // One statement for the page and the total; a page past the end counts separately.
          const { rows } = await db.query<Record<string, unknown> & { total: number }>(
            `SELECT ${LIST_COLUMNS}, r.name_zh AS region_name, count(*) OVER ()::int AS total
         FROM enterprises e LEFT JOIN regions r ON r.code = e.region_code ${whereSql}
         ORDER BY e.name, e.uscc LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
            [...params, q.pageSize, (q.page - 1) * q.pageSize],
          );
          const total =
            rows[0]?.total ??
            (q.page > 1
              ? ((
                  await db.query<{ n: number }>(
                    `SELECT count(*)::int AS n FROM enterprises e ${whereSql}`,
                    params,
                  )
                ).rows[0]?.n ?? 0)
              : 0);
          return Buffer.from(
            JSON.stringify({
              items: rows.map(({ total: _total, ...row }) => camelRow(row)),
              total,
              page: q.page,
              pageSize: q.pageSize,
            }),
          );
        },
      );
      return reply.type('application/json; charset=utf-8').send(page as never);
    },
  );

  api.get(
    '/api/enterprises/:uscc',
    {
      schema: {
        tags: ['registers'],
        summary: '一家企业 / one enterprise',
        params: usccParam,
        response: { 200: looseObject, ...errorResponses },
      },
    },
    async (request) => {
      const found = await readableEnterprise(request, request.params.uscc);
      const { id: _id, ...row } = found.row;
      return camelRow(row);
    },
  );

  api.put(
    '/api/enterprises/:uscc',
    {
      schema: {
        tags: ['registers'],
        summary:
          '新增或更新企业（按导入模板的字段校验；未给出的可选字段不变）/ create or update an enterprise',
        params: usccParam,
        querystring: writeQuery,
        body: looseObject,
        response: { 200: looseObject, ...errorResponses },
      },
    },
    async (request) => {
      const kind = IMPORT_KINDS.enterprises;
      const validated = await validateRecord(
        db,
        kind,
        { ...request.body, uscc: request.params.uscc },
        { acceptUsccWarnings: request.query.acceptUsccWarnings },
      );
      const record = await tableRecord(db, kind, validated);
      const written = await upsertRecord(db, request.actor, kind.table, kind.conflict, record);
      const { id: _id, ...row } = written.row;
      return { status: written.status, record: camelRow(row), warnings: validated.warnings };
    },
  );

  api.get(
    '/api/enterprises/:uscc/figures',
    {
      schema: {
        tags: ['registers'],
        summary: '企业年度数据 / yearly figures of an enterprise',
        params: usccParam,
        response: { 200: z.array(looseObject), ...errorResponses },
      },
    },
    async (request) => {
      const found = await readableEnterprise(request, request.params.uscc);
      return rowsOfEnterprise('enterprise_year_figures', 't.year', found.id);
    },
  );

  api.put(
    '/api/enterprises/:uscc/figures/:year',
    {
      schema: {
        tags: ['registers'],
        summary: '新增或更新企业某年数据 / create or update a year’s figures',
        params: usccParam.extend({ year: yearSchema }),
        body: looseObject,
        response: { 200: looseObject, ...errorResponses },
      },
    },
    async (request) => {
      const kind = IMPORT_KINDS.enterpriseFigures;
      const validated = await validateRecord(db, kind, {
        ...request.body,
        uscc: request.params.uscc,
        year: request.params.year,
      });
      const record = await tableRecord(db, kind, validated);
      const written = await upsertRecord(db, request.actor, kind.table, kind.conflict, record);
      const { enterprise_id: _e, ...row } = written.row;
      return { status: written.status, record: camelRow(row) };
    },
  );

  api.get(
    '/api/enterprises/:uscc/qualifications',
    {
      schema: {
        tags: ['registers'],
        summary: '企业资质 / qualifications of an enterprise',
        params: usccParam,
        response: { 200: z.array(looseObject), ...errorResponses },
      },
    },
    async (request) => {
      const found = await readableEnterprise(request, request.params.uscc);
      return rowsOfEnterprise('qualifications', 't.issued_on NULLS LAST, t.kind', found.id);
    },
  );
}
