/**
 * The dashboard's views (看板): rankings of a year, a district profile, targets with progress.
 * Computed from stored index runs (latest run of the edition and year the requester may see)
 * with the engine's results functions, and cached per run id (runs do not change once stored).
 */
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { seesUnpublishedRuns } from '../access.ts';
import { ApiError, notFound } from '../apiError.ts';
import type { RouteContext } from '../buildApp.ts';
import {
  changeAttribution,
  computeRankings,
  groupName,
  type Rankings,
  strengthsOf,
} from '../indexViews.ts';
import type { LightRun } from '../runCache.ts';
import { errorResponses, looseObject, regionCodeSchema, yearSchema } from '../schemas.ts';
import { listTargetProgress } from '../targetProgress.ts';

const tierSchema = z.object({
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
const rankingsSchema = z.object({
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
  items: z.array(
    z.object({
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
    }),
  ),
});

const runQuery = z.object({
  year: yearSchema.optional().describe('default: the latest year with a run'),
  edition: z.string().max(100).optional().describe('default: the edition of the latest run'),
});

/**
 * The run for (edition, year) the requester may see: the latest stored; and the same edition's
 * run of the year before (for changes). Throws 404 (or 401 for anonymous visitors when only
 * unpublished runs exist). The list of runs is read at most every 2 s (and after every write).
 */
async function pickRun(
  context: RouteContext,
  request: FastifyRequest,
  query: { year?: number; edition?: string },
): Promise<{ meta: LightRun; previous?: LightRun; all: LightRun[] }> {
  const { runs, fresh } = context;
  const publishedOnly = !seesUnpublishedRuns(request.actor);
  const all = await fresh.get(`runs:${publishedOnly}`, () => runs.listLight(publishedOnly));
  const candidates = all.filter(
    (r) =>
      (query.edition === undefined || r.edition === query.edition) &&
      (query.year === undefined || r.year === query.year),
  );
  // Latest year first, then the newest run of that year.
  const meta = [...candidates].sort((a, b) => b.year - a.year || b.id - a.id)[0];
  if (!meta) {
    if (publishedOnly && !request.session) {
      const any = (await fresh.get('runs:false', () => runs.listLight(false))).some(
        (r) =>
          (query.edition === undefined || r.edition === query.edition) &&
          (query.year === undefined || r.year === query.year),
      );
      if (any) {
        throw new ApiError(
          401,
          'unauthenticated',
          '请先登录：该年度的指数尚未发布',
          'Sign in first: the index of this year is not published',
        );
      }
    }
    throw notFound(
      `没有符合条件的指数计算（版本 ${query.edition ?? '任意'}，年份 ${query.year ?? '任意'}）`,
      `No index run for edition ${query.edition ?? 'any'}, year ${query.year ?? 'any'}`,
    );
  }
  const previous = all
    .filter((r) => r.edition === meta.edition && r.year === meta.year - 1)
    .sort((a, b) => b.id - a.id)[0];
  return { meta, previous, all };
}

/** Rankings of a run (cached per run, previous run and group). */
async function rankingsFor(
  context: RouteContext,
  meta: LightRun,
  previous: LightRun | undefined,
  group?: string,
): Promise<Rankings> {
  const { runs, deps } = context;
  const key = `rankings:${meta.id}:${previous?.id ?? ''}:${group ?? ''}`;
  const rankings = await runs.view(key, async () => {
    const run = await runs.build(meta.id);
    const prev = previous
      ? { meta: previous, build: (await runs.build(previous.id)).build }
      : undefined;
    return computeRankings(deps.registry.db, meta, run, prev, group);
  });
  // The cached view is per run; the publication flag comes from the run list.
  return { ...rankings, run: { ...rankings.run, published: meta.published } };
}

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
      const code = request.params.code;
      const { meta, previous, all } = await pickRun(context, request, request.query);
      const key = `profile:${code}:${meta.id}:${previous?.id ?? ''}:${seesUnpublishedRuns(request.actor)}`;
      const profile = await runs.view(key, async () => {
        const rankings = await rankingsFor(context, meta, previous);
        const item = rankings.items.find((i) => i.regionCode === code);
        if (!item) {
          throw notFound(
            `${meta.year} 年的指数中没有区县 ${code}`,
            `No district ${code} in the index of ${meta.year}`,
          );
        }
        const { build } = await runs.build(meta.id);
        const regionRows = await db.query<{
          code: string;
          name_zh: string;
          name_en: string | null;
          type: string;
          aliases: string[];
        }>('SELECT code, name_zh, name_en, type, aliases FROM regions WHERE code = $1', [code]);
        const region = regionRows.rows[0];
        const scored = rankings.items.filter((i) => i.score !== null);
        const mean = (xs: (number | null)[]) => {
          const v = xs.filter((x): x is number => x !== null);
          return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
        };
        const peers = item.areaGroup
          ? rankings.items.filter((i) => i.areaGroup === item.areaGroup)
          : [];
        const history = [];
        const runsOfEdition = all.filter((r) => r.edition === meta.edition);
        const latestPerYear = new Map<number, LightRun>();
        for (const r of runsOfEdition)
          if (!latestPerYear.has(r.year) || (latestPerYear.get(r.year) as LightRun).id < r.id)
            latestPerYear.set(r.year, r);
        for (const r of [...latestPerYear.values()].sort((a, b) => a.year - b.year)) {
          const ranking = await rankingsFor(context, r, undefined);
          const own = ranking.items.find((i) => i.regionCode === code);
          history.push({
            year: r.year,
            edition: r.edition,
            runId: r.id,
            score: own?.score ?? null,
            rank: own?.rank ?? null,
            tier: own?.tier ?? null,
          });
        }
        const attribution = previous
          ? changeAttribution(build, (await runs.build(previous.id)).build, code)
          : { items: [], note: null };
        const area = item.areaGroup ? groupName(item.areaGroup) : null;
        return {
          region: {
            code,
            nameZh: region?.name_zh ?? item.nameZh,
            nameEn: region?.name_en ?? item.nameEn,
            shortZh: region?.aliases[0] ?? region?.name_zh ?? item.nameZh,
            type: region?.type ?? null,
            groupCodes: item.groupCodes,
          },
          run: rankings.run,
          year: meta.year,
          edition: meta.edition,
          score: item.score,
          rank: item.rank,
          rankOf: scored.length,
          groupRank: item.areaGroup
            ? {
                groupCode: item.areaGroup,
                nameZh: area?.zh ?? item.areaGroup,
                nameEn: area?.en ?? item.areaGroup,
                rank: item.groupRank,
                of: peers.filter((p) => p.score !== null).length,
              }
            : null,
          tier: item.tier,
          rankChange: item.rankChange,
          scoreChange: item.scoreChange,
          cityScore: rankings.city.score,
          cityAverage: mean(rankings.items.map((i) => i.score)),
          subIndices: item.subIndices.map((s) => ({
            ...s,
            cityAverage: mean(
              rankings.items.map((i) => i.subIndices.find((x) => x.code === s.code)?.score ?? null),
            ),
          })),
          history,
          ...strengthsOf(build, code),
          rankChangeAttribution: attribution.items,
          rankChangeAttributionNote:
            attribution.note ??
            '各指标对得分变化的贡献（分）：本年贡献减上年贡献，合计等于得分变化 / each indicator’s contribution to the change of the score (points): this year’s contribution minus last year’s; they add up to the score change',
        };
      });
      // Targets and the registers' counts change between runs: fresh (≤ 2 s, cleared on writes).
      const body = await context.fresh.get(
        `profile:${code}:${meta.id}:${previous?.id ?? ''}:${meta.published}:${seesUnpublishedRuns(request.actor)}`,
        async () => {
          const pools = await db.query<{ indicator_code: string; value: number | null }>(
            `SELECT indicator_code, value FROM indicator_values
             WHERE region_code = $1 AND year = $2 AND edition = 'derived'
               AND indicator_code = ANY($3::text[])`,
            [code, meta.year, ['HTE_COUNT', 'TECH_SME_REGISTERED', 'PLATFORMS']],
          );
          const pool = (c: string) => pools.rows.find((p) => p.indicator_code === c)?.value ?? null;
          return Buffer.from(
            JSON.stringify({
              ...profile,
              run: { ...profile.run, published: meta.published },
              targets: await listTargetProgress(db, { region: code }),
              pools: {
                highTechEnterprises: pool('HTE_COUNT'),
                techSmes: pool('TECH_SME_REGISTERED'),
                platforms: pool('PLATFORMS'),
              },
            }),
          );
        },
      );
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
