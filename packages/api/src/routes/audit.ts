/** The audit log (审计日志), city administrators only: who wrote what, when, before and after. */
import { readAudit } from '@kechuang/registry';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../access.ts';
import type { RouteContext } from '../buildApp.ts';
import { errorResponses, looseObject, pageOf, pagingSchema } from '../schemas.ts';

/** Audit routes. */
export function auditRoutes({ app, deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.registry.db;
  api.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（市级管理员；新的在前）/ audit log (city administrator; newest first)',
        querystring: pagingSchema.extend({
          table: z.string().max(100).optional(),
          actor: z.string().max(100).optional(),
          key: z.string().max(500).optional(),
          action: z.enum(['insert', 'update', 'delete']).optional(),
        }),
        response: { 200: pageOf(looseObject), ...errorResponses },
      },
    },
    async (request) => {
      requireRole(request, ['cityAdmin']);
      const { page, pageSize, ...filter } = request.query;
      const entries = await readAudit(db, { ...filter, limit: page * pageSize });
      const where: string[] = [];
      const params: unknown[] = [];
      for (const [column, value] of [
        ['table_name', filter.table],
        ['actor', filter.actor],
        ['record_key', filter.key],
        ['action', filter.action],
      ] as const) {
        if (value === undefined) continue;
        params.push(value);
        where.push(`${column} = $${params.length}`);
      }
      const total = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
        params,
      );
      return {
        items: entries
          .slice((page - 1) * pageSize)
          .map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
        total: total.rows[0]?.n ?? 0,
        page,
        pageSize,
      };
    },
  );
}
