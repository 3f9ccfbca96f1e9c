/**
 * Index runs (指数计算): list, create (computeRegionIndex), publish, and per run: results (scores,
 * ranks, group ranks, tiers by node level), changes against another run, a unit's strengths and
 * weaknesses and contributions, and uncertainty / sensitivity analysis (computed on request,
 * kept in memory). The public sees published runs only; city and district staff see all.
 */
import {
  type Alternative,
  compareBuilds,
  getResults,
  type IndexSpec,
  type SensitivityResult,
  sensitivityAnalysis,
  tiersOf,
  type UncertaintyResult,
  uncertaintyAnalysis,
  validateSpec,
} from '@kechuang/index-engine';
import { computeRegionIndex, writeAudit } from '@kechuang/registry';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, seesUnpublishedRuns } from '../access.ts';
import { ApiError, badRequest, notFound } from '../apiError.ts';
import type { RouteContext } from '../buildApp.ts';
import { changeAttribution, contributionsOf, num, strengthsOf } from '../indexViews.ts';
import type { RunMeta } from '../runCache.ts';
import { errorResponses, looseObject, regionCodeSchema, yearSchema } from '../schemas.ts';

const runSchema = z.object({
  id: z.number().int(),
  edition: z.string(),
  year: z.number().int(),
  frameworkId: z.string().nullable(),
  frameworkVersion: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  inputsHash: z.string(),
  published: z.boolean(),
});

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Index-run routes. */
export function indexRunRoutes({ app, deps, config, runs }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.registry.db;
  const analyses = new Map<string, unknown>();

  /** The run if the requester may see it (unpublished runs: 404 for the public, like missing). */
  const visibleRun = async (request: FastifyRequest, id: number): Promise<RunMeta> => {
    const meta = await runs.meta(id);
    if (!meta || (!meta.published && !seesUnpublishedRuns(request.actor))) {
      if (meta && !request.session) {
        throw new ApiError(
          401,
          'unauthenticated',
          '请先登录：该指数计算尚未发布',
          'Sign in first: this index run is not published',
        );
      }
      throw notFound(`没有指数计算 ${id}`, `No index run ${id}`);
    }
    return meta;
  };

  api.get(
    '/api/index-runs',
    {
      schema: {
        tags: ['index'],
        summary: '指数计算列表（公众只见已发布）/ index runs (the public sees published ones)',
        querystring: z.object({
          edition: z.string().max(100).optional(),
          year: yearSchema.optional(),
        }),
        response: { 200: z.array(runSchema), ...errorResponses },
      },
    },
    async (request) =>
      runs.list({
        ...request.query,
        publishedOnly: !seesUnpublishedRuns(request.actor),
      }),
  );

  api.post(
    '/api/index-runs',
    {
      schema: {
        tags: ['index'],
        summary: '计算并保存一次指数（市级管理员、分析员）/ compute and store an index run',
        body: z.object({
          edition: z.string().min(1).max(100),
          year: yearSchema,
          frameworkId: z.string().min(1),
          spec: looseObject.optional().describe('pipeline; default: the framework’s own'),
        }),
        response: { 201: runSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['cityAdmin', 'cityAnalyst']);
      const entry = config.frameworks.find((f) => f.id === request.body.frameworkId);
      if (!entry) {
        throw badRequest(
          'frameworkId',
          `没有指标体系 ${request.body.frameworkId}`,
          `No framework ${request.body.frameworkId}`,
        );
      }
      const specInput = request.body.spec ?? entry.spec;
      if (!specInput) {
        throw badRequest(
          'spec',
          '该指标体系没有默认计算步骤，请给出 spec',
          'This framework has no default pipeline: give a spec',
        );
      }
      const spec = validateSpec(specInput) as IndexSpec;
      const run = await computeRegionIndex(db, actor, {
        edition: request.body.edition,
        year: request.body.year,
        framework: entry.framework,
        spec,
      });
      reply.status(201);
      return (await runs.meta(run.runId)) as RunMeta;
    },
  );

  api.get(
    '/api/index-runs/:id',
    {
      schema: {
        tags: ['index'],
        summary: '一次指数计算：元数据、计算步骤、指标体系 / one run with its spec and framework',
        params: idParams,
        response: {
          200: runSchema.extend({
            spec: z.unknown(),
            framework: z.unknown(),
            inputsMatch: z.boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const meta = await visibleRun(request, request.params.id);
      const { build, inputsMatch } = await runs.build(meta.id);
      return { ...meta, spec: build.spec, framework: build.input.ctx.tree.framework, inputsMatch };
    },
  );

  api.post(
    '/api/index-runs/:id/publish',
    {
      schema: {
        tags: ['index'],
        summary: '发布或撤回（市级管理员）/ publish or withdraw a run (city administrator)',
        params: idParams,
        body: z.object({ published: z.boolean().default(true) }),
        response: { 200: runSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['cityAdmin']);
      const meta = await runs.meta(request.params.id);
      if (!meta)
        throw notFound(`没有指数计算 ${request.params.id}`, `No index run ${request.params.id}`);
      await db.transaction(async (tx) => {
        await tx.query('UPDATE index_runs SET published = $2 WHERE id = $1', [
          meta.id,
          request.body.published,
        ]);
        await writeAudit(tx, actor, {
          action: 'update',
          table: 'index_runs',
          key: String(meta.id),
          before: { published: meta.published },
          after: { published: request.body.published },
        });
      });
      return { ...meta, published: request.body.published };
    },
  );

  api.get(
    '/api/index-runs/:id/results',
    {
      schema: {
        tags: ['index'],
        summary: '各单元各节点的得分、排名、组内排名与梯队 / scores, ranks, group ranks and tiers',
        params: idParams,
        querystring: z.object({
          level: z.coerce
            .number()
            .int()
            .min(1)
            .optional()
            .describe('node level (default: every aggregate)'),
        }),
        response: { 200: looseObject, ...errorResponses },
      },
    },
    async (request) => {
      const meta = await visibleRun(request, request.params.id);
      const { build } = await runs.build(meta.id);
      const tree = build.input.ctx.tree;
      const level = request.query.level;
      const codes = level === undefined ? undefined : [...(tree.levels[level] ?? [])];
      if (codes && codes.length === 0) {
        throw badRequest('level', `没有第 ${level} 层`, `No level ${level}`);
      }
      const dataset = level === 1 ? 'Normalised' : 'Aggregated';
      const rule = build.spec.tiers;
      const tiers = rule ? new Map(tiersOf(build, rule).map((t) => [t.unit, t.tier])) : new Map();
      const rows = getResults(build, { codes, group: 'Area', dataset });
      return {
        run: meta,
        dataset,
        nodes: (codes ?? Object.keys(rows[0]?.scores ?? {})).map((code) => ({
          code,
          nameZh: tree.byCode.get(code)?.names.zh ?? code,
          nameEn: tree.byCode.get(code)?.names.en ?? code,
          level: tree.byCode.get(code)?.level ?? null,
        })),
        units: rows.map((r) => ({
          unit: r.unit,
          nameZh: r.names.zh ?? r.unit,
          nameEn: r.names.en ?? r.unit,
          isReference: r.isReference,
          group: r.groups.Area ?? null,
          tier: tiers.get(r.unit)?.label ?? null,
          scores: Object.fromEntries(Object.entries(r.scores).map(([k, v]) => [k, num(v)])),
          ranks: Object.fromEntries(Object.entries(r.ranks).map(([k, v]) => [k, num(v)])),
          groupRanks: Object.fromEntries(
            Object.entries(r.groupRanks ?? {}).map(([k, v]) => [k, num(v)]),
          ),
        })),
      };
    },
  );

  api.get(
    '/api/index-runs/:id/changes',
    {
      schema: {
        tags: ['index'],
        summary: '与另一次计算（默认上一年）比较的得分与排名变化 / changes against another run',
        params: idParams,
        querystring: z.object({ against: z.coerce.number().int().positive().optional() }),
        response: { 200: looseObject, ...errorResponses },
      },
    },
    async (request) => {
      const meta = await visibleRun(request, request.params.id);
      let againstId = request.query.against;
      if (againstId === undefined) {
        const previous = await runs.list({
          edition: meta.edition,
          year: meta.year - 1,
          publishedOnly: !seesUnpublishedRuns(request.actor),
        });
        againstId = previous[0]?.id;
      }
      if (againstId === undefined) {
        return { run: meta, against: null, items: [] };
      }
      const against = await visibleRun(request, againstId);
      const [now, before] = await Promise.all([runs.build(meta.id), runs.build(against.id)]);
      return {
        run: meta,
        against,
        items: compareBuilds(before.build, now.build).map((c) => ({
          unit: c.unit,
          before: num(c.before),
          after: num(c.after),
          change: num(c.change),
          rankBefore: num(c.rankBefore),
          rankAfter: num(c.rankAfter),
          rankChange: num(c.rankChange),
        })),
      };
    },
  );

  api.get(
    '/api/index-runs/:id/units/:code',
    {
      schema: {
        tags: ['index'],
        summary:
          '某单元的优势、劣势与各指标贡献 / a unit’s strengths, weaknesses and contributions',
        params: idParams.extend({ code: regionCodeSchema }),
        querystring: z.object({ top: z.coerce.number().int().min(1).max(20).default(5) }),
        response: { 200: looseObject, ...errorResponses },
      },
    },
    async (request) => {
      const meta = await visibleRun(request, request.params.id);
      const { build } = await runs.build(meta.id);
      const unit = request.params.code;
      if (!build.input.ctx.unitIndex.has(unit)) {
        throw notFound(`该计算中没有单元 ${unit}`, `No unit ${unit} in this run`);
      }
      let contributionList: ReturnType<typeof contributionsOf> = [];
      let contributionNote: string | null = null;
      try {
        contributionList = contributionsOf(build, unit);
      } catch (error) {
        contributionNote = error instanceof Error ? error.message : String(error);
      }
      const previous = (
        await runs.list({
          edition: meta.edition,
          year: meta.year - 1,
          publishedOnly: !seesUnpublishedRuns(request.actor),
        })
      )[0];
      const change = previous
        ? changeAttribution(build, (await runs.build(previous.id)).build, unit)
        : { items: [], note: null };
      return {
        run: meta,
        unit,
        ...strengthsOf(build, unit, request.query.top),
        contributions: contributionList,
        contributionNote,
        changeAttribution: change.items,
        changeAttributionNote: change.note,
        previousRun: previous ? { id: previous.id, year: previous.year } : null,
      };
    },
  );

  const analysisBody = z.object({
    n: z.number().int().min(10).max(1000).default(200),
    seed: z.number().int().min(1).default(1),
    alternatives: z
      .array(looseObject)
      .optional()
      .describe('engine Alternative[]; default: noisy weights and the aggregation method'),
  });

  const defaultAlternatives = (maxLevel: number): Alternative[] => [
    {
      name: 'weights',
      path: 'weights',
      noise: [{ level: Math.max(2, maxLevel - 1), factor: 0.25 }],
      replicates: 100,
    },
    { name: 'aggregation', path: 'aggregate.method', values: ['arithmeticMean', 'geometricMean'] },
  ];

  for (const kind of ['uncertainty', 'sensitivity'] as const) {
    const sa = kind === 'sensitivity';
    api.post(
      `/api/index-runs/:id/${kind}`,
      {
        schema: {
          tags: ['index'],
          summary: sa
            ? 'Sobol 敏感性分析（市级人员；N(d+2) 次重建，N ≤ 200）/ Sobol sensitivity analysis'
            : '不确定性分析（市级人员；N 次蒙特卡洛重建）/ uncertainty analysis',
          params: idParams,
          body: analysisBody,
          response: { 200: looseObject, ...errorResponses },
        },
      },
      async (request) => {
        requireRole(request, ['cityAdmin', 'cityAnalyst']);
        const meta = await visibleRun(request, request.params.id);
        const { build } = await runs.build(meta.id);
        const n = sa ? Math.min(request.body.n, 200) : request.body.n;
        const alternatives =
          (request.body.alternatives as Alternative[] | undefined) ??
          defaultAlternatives(build.input.ctx.tree.maxLevel);
        const options = { n, seed: request.body.seed, alternatives };
        const names = (u: string) =>
          build.input.ctx.units[build.input.ctx.unitIndex.get(u) ?? -1]?.names;
        const result: UncertaintyResult | SensitivityResult = sa
          ? sensitivityAnalysis(build.input, build.spec, { ...options, bootstrap: 100 })
          : uncertaintyAnalysis(build.input, build.spec, options);
        const body = {
          run: meta,
          n,
          seed: request.body.seed,
          alternatives: alternatives.map((a) => a.name),
          failures: result.failures,
          units: result.rankStatistics
            .filter((s) => !Number.isNaN(s.nominal))
            .map((s) => ({
              unit: s.unit,
              nameZh: names(s.unit)?.zh ?? s.unit,
              nominalRank: num(s.nominal),
              meanRank: num(s.mean),
              medianRank: num(s.median),
              q05: num(s.q5),
              q95: num(s.q95),
            })),
          ...('indices' in result
            ? {
                inputs: (result as SensitivityResult).indices.map((i) => ({
                  name: i.name,
                  si: num(i.first),
                  sti: num(i.total),
                  siLow: num(i.firstQ5),
                  siHigh: num(i.firstQ95),
                  stiLow: num(i.totalQ5),
                  stiHigh: num(i.totalQ95),
                })),
              }
            : {}),
          computedAt: new Date().toISOString(),
        };
        analyses.set(`${kind}:${meta.id}`, body);
        return body;
      },
    );
    api.get(
      `/api/index-runs/:id/${kind}`,
      {
        schema: {
          tags: ['index'],
          summary: sa
            ? '最近一次敏感性分析结果 / the last sensitivity analysis'
            : '最近一次不确定性分析结果 / the last uncertainty analysis',
          params: idParams,
          response: { 200: looseObject, ...errorResponses },
        },
      },
      async (request) => {
        const meta = await visibleRun(request, request.params.id);
        const stored = analyses.get(`${kind}:${meta.id}`);
        if (!stored) {
          throw notFound(
            `尚未计算（POST /api/index-runs/${meta.id}/${kind}）`,
            `Not computed yet (POST /api/index-runs/${meta.id}/${kind})`,
          );
        }
        return stored as Record<string, unknown>;
      },
    );
  }
}
