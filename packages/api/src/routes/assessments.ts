/**
 * Qualification pre-assessment (资质预评估) over HTTP: the rule sets; one profile or a batch
 * assessed on the spot (public, not stored); stored batch runs over the registry's enterprises,
 * their candidate lists (closest first) and expiring certificates (city and district staff),
 * through the registry's `assessRegistry` and lists.
 */
import {
  assess,
  assessMany,
  type Profile,
  parseProfile,
  RULE_SETS,
  type RuleSet,
  rankCandidates,
  ruleSetNamed,
} from '@kechuang/qualification';
import {
  assessRegistry,
  expiringQualifications,
  listAssessmentRuns,
  readCandidates,
} from '@kechuang/registry';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUnpublishedRead } from '../access.ts';
import { badRequest, notFound } from '../apiError.ts';
import type { RouteContext } from '../buildApp.ts';
import { errorResponses, isoDateSchema, looseObject, regionCodeSchema, today } from '../schemas.ts';

/** A rule set by id, or the one of a kind in force on asOf (400 naming `ruleSet` otherwise). */
function resolveRuleSet(ref: string, asOf: string): RuleSet {
  let reason = '';
  try {
    const found = ruleSetNamed(ref, asOf);
    if (found) return found;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    reason = error.message;
  }
  throw badRequest(
    'ruleSet',
    `没有规则 ${ref}（${asOf} 适用）：请用 /api/assessments/rule-sets 中的 id 或 kind`,
    `No rule set ${ref} in force on ${asOf}: use an id or kind of /api/assessments/rule-sets (${reason})`,
  );
}

/** Assessment routes. */
export function assessmentRoutes({ app, deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.registry.db;

  api.get(
    '/api/assessments/rule-sets',
    {
      schema: {
        tags: ['assessments'],
        summary: '评估规则及其版本、有效期、来源 / rule sets with version, period and sources',
        response: { 200: z.array(looseObject) },
      },
    },
    async () =>
      RULE_SETS.map((r) => ({
        id: r.id,
        kind: r.kind,
        version: r.version,
        nameZh: r.title.zh,
        nameEn: r.title.en,
        validFrom: r.validFrom,
        validTo: r.validTo,
        sources: r.sources,
        notes: r.notes,
        criteria: r.criteria.length,
      })),
  );

  const oneBody = z.object({
    ruleSet: z.string().min(1).describe('rule set id, or a kind (the version in force on asOf)'),
    asOf: isoDateSchema.optional().describe('default today'),
    profile: looseObject.describe('enterprise profile (see @kechuang/qualification)'),
  });
  api.post(
    '/api/assessments',
    {
      schema: {
        tags: ['assessments'],
        summary: '评估一家企业（公开，不保存）/ assess one profile (public, not stored)',
        body: oneBody,
        response: { 200: looseObject, ...errorResponses },
      },
    },
    async (request) => {
      const asOf = request.body.asOf ?? today();
      const ruleSet = resolveRuleSet(request.body.ruleSet, asOf);
      return assess(parseProfile(request.body.profile), ruleSet, { asOf });
    },
  );

  api.post(
    '/api/assessments/batch',
    {
      schema: {
        tags: ['assessments'],
        summary:
          '批量评估（≤ 1000 家，按差距排序，不保存）/ assess a batch, closest first (not stored)',
        body: oneBody
          .omit({ profile: true })
          .extend({ profiles: z.array(looseObject).min(1).max(1000) }),
        response: { 200: looseObject, ...errorResponses },
      },
    },
    async (request) => {
      const asOf = request.body.asOf ?? today();
      const ruleSet = resolveRuleSet(request.body.ruleSet, asOf);
      const profiles: Profile[] = request.body.profiles.map((p) => parseProfile(p));
      return {
        assessments: rankCandidates(assessMany(profiles, ruleSet, { asOf }), { passes: 'first' }),
      };
    },
  );

  api.post(
    '/api/assessments/runs',
    {
      schema: {
        tags: ['assessments'],
        summary:
          '评估登记库中的企业并保存（市级人员；区县填报员仅本区县）/ assess the registry’s enterprises and store the run',
        body: z.object({
          ruleSet: z.string().min(1),
          asOf: isoDateSchema.optional(),
          region: regionCodeSchema.optional(),
        }),
        response: { 200: looseObject, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUnpublishedRead(request);
      const asOf = request.body.asOf ?? today();
      return assessRegistry(db, actor, resolveRuleSet(request.body.ruleSet, asOf), {
        asOf,
        regionCode: request.body.region,
      });
    },
  );

  api.get(
    '/api/assessments/runs',
    {
      schema: {
        tags: ['assessments'],
        summary: '已保存的评估 / stored assessment runs',
        response: { 200: z.array(looseObject), ...errorResponses },
      },
    },
    async (request) => listAssessmentRuns(db, requireUnpublishedRead(request)),
  );

  api.get(
    '/api/assessments/candidates',
    {
      schema: {
        tags: ['assessments'],
        summary: '候选企业（差距最小在前）/ candidates of a stored run, closest first',
        querystring: z.object({
          runId: z.coerce.number().int().positive().optional(),
          ruleSet: z
            .string()
            .max(100)
            .optional()
            .describe('latest stored run of this rule set id or kind'),
          region: regionCodeSchema.optional(),
          limit: z.coerce.number().int().min(1).max(5000).optional(),
        }),
        response: { 200: looseObject, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUnpublishedRead(request);
      const { runId, ruleSet, region, limit } = request.query;
      const runs = await listAssessmentRuns(db, actor);
      const run =
        runId !== undefined
          ? runs.find((r) => r.id === runId)
          : runs.find(
              (r) => ruleSet === undefined || r.ruleSetId === ruleSet || r.ruleSetKind === ruleSet,
            );
      if (!run)
        throw notFound(
          '没有符合条件的评估（先 POST /api/assessments/runs）',
          'No such assessment run (POST /api/assessments/runs first)',
        );
      return {
        run,
        candidates: await readCandidates(db, actor, { runId: run.id, regionCode: region, limit }),
      };
    },
  );

  api.get(
    '/api/assessments/expiring',
    {
      schema: {
        tags: ['assessments'],
        summary: '即将到期的资质（默认 90 天内或当年）/ qualifications expiring soon or this year',
        querystring: z.object({
          region: regionCodeSchema.optional(),
          within: z.coerce.number().int().min(1).max(3650).default(90),
          asOf: isoDateSchema.optional(),
        }),
        response: { 200: z.array(looseObject), ...errorResponses },
      },
    },
    async (request) =>
      expiringQualifications(db, requireUnpublishedRead(request), {
        asOf: request.query.asOf ?? today(),
        withinDays: request.query.within,
        regionCode: request.query.region,
      }),
  );
}
