/**
 * The dashboard's views (看板): rankings of a year, a district profile, targets with progress.
 * Computed from stored index runs (latest run of the edition and year the requester may see)
 * with the engine's results functions, and cached per run id (runs do not change once stored).
 */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../buildApp.ts';
import { districtProfile, pickRun, rankingsFor } from '../dashboardViews.ts';
import { errorResponses, looseObject, regionCodeSchema, yearSchema } from '../schemas.ts';
import { listTargetProgress } from '../targetProgress.ts';

/** A tier (梯队) as the dashboard shows it. */
export const tierSchema = z.object({
  code: z.string(),
  tier: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
});
const subIndexSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  score: z.number().nullable(),
  rank: z.number().nullable(),
});
/** One 区县 of a ranking. */
export const rankingItemSchema = z.object({
  regionCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  groupCodes: z.array(z.string()),
  areaGroup: z.string().nullable(),
  score: z.number().nullable(),
  rank: z.number().nullable(),
  groupRank: z.number().nullable(),
  tier: tierSchema.nullable(),
  rankChange: z.number().nullable(),
  scoreChange: z.number().nullable(),
  subIndices: z.array(subIndexSchema),
});

/** The body of `GET /api/rankings` (also the core of the workbench preview). */
export const rankingsSchema = z.object({
  run: z.object({
    id: z.number().int(),
    edition: z.string(),
    year: z.number().int(),
    published: z.boolean(),
    inputsMatch: z.boolean(),
  }),
  previousRun: z.object({ id: z.number().int(), year: z.number().int() }).nullable(),
  index: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  city: z.object({
    score: z.number().nullable(),
    tierThresholds: z.array(
      z.object({
        code: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        min: z.number().nullable(),
        inclusive: z.boolean(),
      }),
    ),
  }),
  items: z.array(rankingItemSchema),
});

/** `?year=&edition=`: which run (default: the latest the requester may see). */
export const runQuery = z.object({
  year: yearSchema.optional().describe('default: the latest year with a run'),
  edition: z.string().max(100).optional().describe('default: the edition of the latest run'),
});

/** Dashboard routes. */
export function dashboardRoutes(context: RouteContext): void {
  const { app, deps, runs } = context;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.registry.db;

  api.get(
    '/api/rankings',
    {
      schema: {
        tags: ['dashboard'],
        summary: '某年区县排名：得分、排名、组内排名、梯队、较上年变化、分项 / rankings of a year',
        querystring: runQuery.extend({
          group: z
            .string()
            .max(100)
            .optional()
            .describe('only members of this group (groupRank within it)'),
        }),
        response: { 200: rankingsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { meta, previous } = await pickRun(context, request, request.query);
      const group = request.query.group;
      // Serialised once per run, previous run, group and publication state.
      const body = await runs.view(
        `rankings-json:${meta.id}:${previous?.id ?? ''}:${group ?? ''}:${meta.published}`,
        async () => Buffer.from(JSON.stringify(await rankingsFor(context, meta, previous, group))),
      );
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );

  api.get(
    '/api/districts/:code/profile',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          '区县画像：得分、排名、梯队、分项、历年、优势劣势、变化归因、目标、企业与平台 / district profile',
        params: z.object({ code: regionCodeSchema }),
        querystring: runQuery,
        response: { 200: looseObject, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { body } = await districtProfile(context, request, request.params.code, request.query);
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );

  api.get(
    '/api/targets',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          '目标及进度（按当前速度预测）/ targets with progress and projection at the current pace',
        querystring: z.object({
          region: regionCodeSchema.optional(),
          group: z.string().max(100).optional(),
          indicator: z.string().max(100).optional(),
        }),
        response: { 200: z.array(looseObject), ...errorResponses },
      },
    },
    async (request) => listTargetProgress(db, request.query),
  );
}
