/** `/healthz` (the process answers) and `/readyz` (the database answers and every migration is applied). */
import { readMigrations } from '@kechuang/registry';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../buildApp.ts';

/** Health routes. */
export function healthRoutes({ app, deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/healthz',
    {
      schema: {
        tags: ['ops'],
        summary: '进程存活 / liveness',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  const expected = Math.max(0, ...readMigrations().map((m) => m.version));
  const readySchema = z.object({
    ready: z.boolean(),
    engine: z.string(),
    migration: z.number().int().nullable(),
    expectedMigration: z.number().int(),
    problem: z.string().optional(),
  });
  api.get(
    '/readyz',
    {
      schema: {
        tags: ['ops'],
        summary:
          '就绪：数据库可达且迁移已全部应用 / readiness: database reachable, migrations applied',
        response: { 200: readySchema, 503: readySchema },
      },
    },
    async (_request, reply) => {
      const engine = deps.registry.engine;
      try {
        const { rows } = await deps.registry.db.query<{ v: number | null }>(
          'SELECT max(version)::int AS v FROM schema_migrations',
        );
        const current = rows[0]?.v ?? null;
        const ready = current === expected;
        reply.status(ready ? 200 : 503);
        return {
          ready,
          engine,
          migration: current,
          expectedMigration: expected,
          ...(ready ? {} : { problem: `migrations applied: ${current}, expected ${expected}` }),
        };
      } catch (error) {
        reply.status(503);
        return {
          ready: false,
          engine,
          migration: null,
          expectedMigration: expected,
          problem: error instanceof Error ? error.message : String(error),
        };
      }
    },
  );
}
