/**
 * The index workbench's preview (重算预览, `POST /api/index-runs/preview`): a stored run rebuilt
 * with other weights or methods, not stored. The run's cached build is regenerated from the
 * first changed step only (engine `regenerate`, COINr Regen): a weight change reruns the
 * aggregation alone; a method change's build is cached per run and method, so moving weights
 * after choosing a method again reruns only the aggregation. Answers the rankings' shape plus
 * the published score and rank of every 区县 for comparison.
 *
 * Who: city analysts and administrators preview any run; everyone else (the public too, it is
 * computed from published inputs only) previews published runs; an unpublished run answers 401
 * to anonymous visitors and 403 to other signed-in users.
 */
import { type IndexBuild, IndexInputError, regenerate } from '@kechuang/index-engine';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, invalidFields } from '../apiError.ts';
import type { RouteContext } from '../buildApp.ts';
import { membershipsOf, type PickedRun, pickRun, rankingsFor } from '../dashboardViews.ts';
import { computeRankings, num } from '../indexViews.ts';
import {
  PREVIEW_AGGREGATIONS,
  PREVIEW_NORMALISATIONS,
  type PreviewChanges,
  previewSpec,
} from '../previewSpec.ts';
import type { LightRun } from '../runCache.ts';
import { errorResponses, yearSchema } from '../schemas.ts';
import { rankingItemSchema, rankingsSchema } from './dashboard.ts';

const previewBody = z.object({
  edition: z.string().min(1).max(100).optional().describe('default: the latest run’s edition'),
  year: yearSchema.optional().describe('default: the latest year with a run'),
  weights: z
    .record(z.string().min(1).max(100), z.number().min(0))
    .optional()
    .describe('node code → weight within its parent’s group (finite, ≥ 0), over the run’s own'),
  normalisation: z
    .enum(PREVIEW_NORMALISATIONS)
    .optional()
    .describe('replaces the method of the normalise step (and its parameters)'),
  aggregation: z
    .enum(PREVIEW_AGGREGATIONS)
    .optional()
    .describe('replaces the method of the aggregate step, at every level'),
});

const previewResponse = rankingsSchema.extend({
  items: z.array(
    rankingItemSchema.extend({
      publishedScore: z.number().nullable(),
      publishedRank: z.number().nullable(),
      rankShift: z
        .number()
        .nullable()
        .describe('published rank − preview rank (positive = higher in the preview)'),
    }),
  ),
  preview: z.object({
    stored: z.literal(false),
    weights: z.record(z.string(), z.number()).describe('effective weight of every node'),
    normalisation: z.string().nullable(),
    aggregation: z.string().nullable(),
    rerunFrom: z.string().nullable().describe('first pipeline step recomputed (null: none)'),
    previousNote: z.string().nullable(),
  }),
});

const ANALYSTS = new Set(['cityAdmin', 'cityAnalyst']);

/** The methods a step of the spec uses (null when the step is absent). */
function methodOf(build: IndexBuild, step: 'normalise' | 'aggregate'): string | null {
  const found = build.spec.steps.find((s) => s.step === step) as { method?: unknown } | undefined;
  if (!found) return null;
  return Array.isArray(found.method) ? found.method.join('/') : String(found.method);
}

/** Preview routes. */
export function previewRoutes(context: RouteContext): void {
  const { app, runs } = context;
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** The stored run's build with the changes (method variants cached per run). */
  const rebuild = async (run: LightRun, changes: PreviewChanges) => {
    const stored = await runs.build(run.id);
    const result = previewSpec(stored.build, changes);
    if (!result.ok) return { stored, result } as const;
    const methodsChanged = changes.normalisation !== undefined || changes.aggregation !== undefined;
    const base = methodsChanged
      ? await runs.view(
          `preview-base:${run.id}:${changes.normalisation ?? ''}:${changes.aggregation ?? ''}`,
          async () => regenerate(stored.build, result.methodsSpec),
        )
      : stored.build;
    const build = result.spec === result.methodsSpec ? base : regenerate(base, result.spec);
    return { stored, result, build } as const;
  };

  /** The run to preview: analysts any they see; everyone else published runs only. */
  const pickPreviewRun = async (
    request: Parameters<typeof pickRun>[1],
    query: { edition?: string; year?: number },
  ): Promise<PickedRun> => {
    const analyst = ANALYSTS.has(request.actor.role);
    try {
      return await pickRun(context, request, query, { publishedOnly: !analyst });
    } catch (error) {
      if (!analyst && request.session && error instanceof ApiError && error.status === 404) {
        const unpublished = await pickRun(context, request, query, { publishedOnly: false }).then(
          () => true,
          () => false,
        );
        if (unpublished) {
          throw new ApiError(
            403,
            'forbidden',
            '未发布的指数只有市级分析员和管理员可以重算预览',
            'Only city analysts and administrators may preview an unpublished index run',
          );
        }
      }
      throw error;
    }
  };

  api.post(
    '/api/index-runs/preview',
    {
      config: { readOnly: true },
      schema: {
        tags: ['index'],
        summary:
          '重算预览：改权重或方法即时重算（不保存），附发布名次 / recompute with other weights or methods (not stored), with the published ranks',
        body: previewBody,
        response: { 200: previewResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { edition, year, ...changes } = request.body;
      const picked = await pickPreviewRun(request, { edition, year });
      const { meta, previous } = picked;
      const now = await rebuild(meta, changes);
      if (!now.result.ok) throw invalidFields(now.result.issues);
      const { build, stored } = now;
      if (!build) throw new Error('unreachable: a valid preview has a build');

      // Last year's run with the same changes, so rank and score changes compare like with like.
      let prev: { meta: LightRun; build: IndexBuild } | undefined;
      let previousNote: string | null = null;
      if (previous) {
        try {
          const before = await rebuild(previous, changes);
          if (before.build) prev = { meta: previous, build: before.build };
          else
            previousNote = before.result.ok
              ? null
              : before.result.issues.map((i) => i.en).join('; ');
        } catch (error) {
          if (!(error instanceof IndexInputError)) throw error;
          previousNote = `${previous.year}: ${error.issues.map((i) => i.message.en).join('; ')}`;
        }
      }
      const rankings = computeRankings(
        await membershipsOf(context, meta.year),
        meta,
        { build, inputsMatch: stored.inputsMatch },
        prev,
      );
      const published = new Map(
        (await rankingsFor(context, meta, previous)).items.map((i) => [i.regionCode, i]),
      );
      const from = build.states.findIndex((s, i) => s !== stored.build.states[i]);
      const body: z.infer<typeof previewResponse> = {
        ...rankings,
        items: rankings.items.map((item) => {
          const p = published.get(item.regionCode);
          const publishedRank = p?.rank ?? null;
          return {
            ...item,
            publishedScore: p?.score ?? null,
            publishedRank,
            rankShift:
              publishedRank === null || item.rank === null ? null : publishedRank - item.rank,
          };
        }),
        preview: {
          stored: false as const,
          weights: Object.fromEntries(
            Object.entries(now.result.weights).map(([k, v]) => [k, num(v) ?? 0]),
          ),
          normalisation: methodOf(build, 'normalise'),
          aggregation: methodOf(build, 'aggregate'),
          rerunFrom: from < 0 ? null : (build.spec.steps[from]?.step ?? null),
          previousNote,
        },
      };
      // Serialised directly: checking the response against its schema doubled the time.
      return reply
        .type('application/json; charset=utf-8')
        .send(Buffer.from(JSON.stringify(body)) as never);
    },
  );
}
