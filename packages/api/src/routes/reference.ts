/**
 * Reference data, readable by everyone: 区县 in force on a date with their dated groups, one
 * region with its group history and lineage, groups with dated members, frameworks, indicator
 * definitions and values (indicator values are published data), published index results.
 */
import { REGION_GROUPS } from '@kechuang/domain';
import { DERIVED_INDICATORS } from '@kechuang/registry';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../apiError.ts';
import type { RouteContext } from '../buildApp.ts';
import { groupName } from '../indexViews.ts';
import { errorResponses, isoDateSchema, regionCodeSchema, today, yearSchema } from '../schemas.ts';

const groupRefSchema = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
const regionSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  shortZh: z.string(),
  aliases: z.array(z.string()),
  type: z.string(),
  parentCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  groups: z.array(groupRefSchema),
});

type RegionRow = {
  code: string;
  name_zh: string;
  name_en: string | null;
  aliases: string[];
  type: string;
  parent_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
};

const DISTRICT_TYPES = ['区', '县', '自治县'];

function inForce(r: { valid_from: string | null; valid_to: string | null }, on: string): boolean {
  return (r.valid_from === null || r.valid_from <= on) && (r.valid_to === null || r.valid_to > on);
}

function groupRef(code: string): z.infer<typeof groupRefSchema> {
  const name = groupName(code);
  return { code, nameZh: name.zh, nameEn: name.en };
}

/** Reference routes. */
export function referenceRoutes({ app, deps, config }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.registry.db;

  const regionView = (r: RegionRow, groups: string[], on: string) => ({
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    shortZh: r.aliases[0] ?? r.name_zh,
    aliases: r.aliases,
    type: r.type,
    parentCode: r.parent_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    active: inForce(r, on),
    groups: groups.map(groupRef),
  });

  const membershipsOn = async (on: string) => {
    const { rows } = await db.query<{ region_code: string; group_kind: string }>(
      `SELECT region_code, group_kind FROM region_groups
       WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to > $1::date)
       ORDER BY group_kind`,
      [on],
    );
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.region_code, [...(out.get(r.region_code) ?? []), r.group_kind]);
    return out;
  };

  api.get(
    '/api/regions',
    {
      schema: {
        tags: ['reference'],
        summary: '某日有效的区县及其分组 / 区县 in force on a date, with their groups',
        querystring: z.object({
          asOf: isoDateSchema.optional().describe('default today'),
          all: z.coerce.boolean().default(false).describe('include units not in force'),
        }),
        response: { 200: z.array(regionSchema), ...errorResponses },
      },
    },
    async (request) => {
      const on = request.query.asOf ?? today();
      const { rows } = await db.query<RegionRow>(
        `SELECT code, name_zh, name_en, aliases, type, parent_code, valid_from, valid_to
         FROM regions WHERE type = ANY($1::text[]) ORDER BY code`,
        [DISTRICT_TYPES],
      );
      const groups = await membershipsOn(on);
      return rows
        .filter((r) => request.query.all || inForce(r, on))
        .map((r) => regionView(r, groups.get(r.code) ?? [], on));
    },
  );

  api.get(
    '/api/regions/:code',
    {
      schema: {
        tags: ['reference'],
        summary: '区县详情：分组历史与沿革 / one region with group history and lineage',
        params: z.object({ code: regionCodeSchema }),
        querystring: z.object({ asOf: isoDateSchema.optional() }),
        response: {
          200: regionSchema.extend({
            groupHistory: z.array(
              groupRefSchema.extend({
                from: z.string(),
                to: z.string().nullable(),
                source: z.string().nullable(),
              }),
            ),
            lineage: z.array(
              z.object({
                fromCode: z.string(),
                toCode: z.string(),
                effectiveOn: z.string(),
                note: z.string().nullable(),
                source: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const on = request.query.asOf ?? today();
      const { rows } = await db.query<RegionRow>(
        `SELECT code, name_zh, name_en, aliases, type, parent_code, valid_from, valid_to
         FROM regions WHERE code = $1`,
        [request.params.code],
      );
      const region = rows[0];
      if (!region) {
        throw notFound(`没有区县 ${request.params.code}`, `No region ${request.params.code}`);
      }
      const history = await db.query<{
        group_kind: string;
        valid_from: string;
        valid_to: string | null;
        source: string | null;
      }>(
        `SELECT group_kind, valid_from, valid_to, source FROM region_groups
         WHERE region_code = $1 ORDER BY valid_from, group_kind`,
        [region.code],
      );
      const lineage = await db.query<{
        from_code: string;
        to_code: string;
        effective_on: string;
        note: string | null;
        source: string | null;
      }>(
        `SELECT from_code, to_code, effective_on, note, source FROM region_lineage
         WHERE from_code = $1 OR to_code = $1 ORDER BY effective_on`,
        [region.code],
      );
      const current = history.rows.filter((g) => inForce(g, on)).map((g) => g.group_kind);
      return {
        ...regionView(region, current, on),
        groupHistory: history.rows.map((g) => ({
          ...groupRef(g.group_kind),
          from: g.valid_from,
          to: g.valid_to,
          source: g.source,
        })),
        lineage: lineage.rows.map((l) => ({
          fromCode: l.from_code,
          toCode: l.to_code,
          effectiveOn: l.effective_on,
          note: l.note,
          source: l.source,
        })),
      };
    },
  );

  api.get(
    '/api/groups',
    {
      schema: {
        tags: ['reference'],
        summary: '区域分组及其成员（带起止日期）/ regional groups with dated members',
        response: {
          200: z.array(
            groupRefSchema.extend({
              schemes: z.array(z.string()),
              members: z.array(
                z.object({ regionCode: z.string(), from: z.string(), to: z.string().nullable() }),
              ),
            }),
          ),
        },
      },
    },
    async () => {
      const { rows } = await db.query<{
        region_code: string;
        group_kind: string;
        valid_from: string;
        valid_to: string | null;
      }>(
        'SELECT region_code, group_kind, valid_from, valid_to FROM region_groups ORDER BY region_code, valid_from',
      );
      return REGION_GROUPS.map((g) => ({
        code: g.code,
        nameZh: g.name.zh,
        nameEn: g.name.en,
        schemes: [...g.schemes],
        members: rows
          .filter((r) => r.group_kind === g.code)
          .map((r) => ({ regionCode: r.region_code, from: r.valid_from, to: r.valid_to })),
      }));
    },
  );

  const frameworkSummary = z.object({
    id: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    edition: z.string().nullable(),
    levels: z.number().int(),
    indicators: z.number().int(),
    hasDefaultSpec: z.boolean(),
  });
  api.get(
    '/api/frameworks',
    {
      schema: {
        tags: ['reference'],
        summary: '指标体系 / index frameworks',
        response: { 200: z.array(frameworkSummary) },
      },
    },
    async () =>
      config.frameworks.map((f) => ({
        id: f.id,
        nameZh: f.framework.names?.zh ?? f.id,
        nameEn: f.framework.names?.en ?? f.id,
        edition: f.framework.edition ?? null,
        levels: Math.max(0, ...f.framework.nodes.map((n) => n.level)),
        indicators: f.framework.nodes.filter((n) => n.level === 1).length,
        hasDefaultSpec: f.spec !== undefined,
      })),
  );

  api.get(
    '/api/frameworks/:id',
    {
      schema: {
        tags: ['reference'],
        summary: '指标体系全文（节点、权重、标准值、来源）/ one framework with its nodes',
        params: z.object({ id: z.string() }),
        response: {
          200: z.object({ id: z.string(), framework: z.unknown(), spec: z.unknown().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const entry = config.frameworks.find((f) => f.id === request.params.id);
      if (!entry) {
        throw notFound(`没有指标体系 ${request.params.id}`, `No framework ${request.params.id}`);
      }
      return { id: entry.id, framework: entry.framework, spec: entry.spec ?? null };
    },
  );

  const indicatorSchema = z.object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    unit: z.string().nullable(),
    direction: z.number().int(),
    derived: z.boolean(),
    frameworks: z.array(z.string()),
  });
  api.get(
    '/api/indicators',
    {
      schema: {
        tags: ['reference'],
        summary: '指标定义（派生指标与指标体系中的指标）/ indicator definitions',
        response: { 200: z.array(indicatorSchema) },
      },
    },
    async () => {
      const out = new Map<string, z.infer<typeof indicatorSchema>>();
      for (const d of DERIVED_INDICATORS) {
        out.set(d.code, {
          code: d.code,
          nameZh: d.names.zh,
          nameEn: d.names.en,
          unit: d.unit,
          direction: 1,
          derived: true,
          frameworks: [],
        });
      }
      for (const f of config.frameworks) {
        for (const n of f.framework.nodes.filter((node) => node.level === 1)) {
          const seen = out.get(n.code);
          if (seen) {
            seen.frameworks.push(f.id);
            continue;
          }
          out.set(n.code, {
            code: n.code,
            nameZh: n.names.zh ?? n.code,
            nameEn: n.names.en ?? n.names.zh ?? n.code,
            unit: n.unit ?? null,
            direction: n.direction,
            derived: false,
            frameworks: [f.id],
          });
        }
      }
      const stored = await db.query<{ indicator_code: string; unit: string | null }>(
        'SELECT DISTINCT ON (indicator_code) indicator_code, unit FROM indicator_values ORDER BY indicator_code',
      );
      for (const s of stored.rows) {
        if (out.has(s.indicator_code)) continue;
        out.set(s.indicator_code, {
          code: s.indicator_code,
          nameZh: s.indicator_code,
          nameEn: s.indicator_code,
          unit: s.unit,
          direction: 1,
          derived: false,
          frameworks: [],
        });
      }
      return [...out.values()];
    },
  );

  api.get(
    '/api/indicators/:code/values',
    {
      schema: {
        tags: ['reference'],
        summary: '指标值（来源或“合成”）/ indicator values with their source',
        params: z.object({ code: z.string().min(1).max(100) }),
        querystring: z.object({
          year: yearSchema.optional(),
          region: regionCodeSchema.optional(),
          edition: z.string().max(100).optional(),
        }),
        response: {
          200: z.array(
            z.object({
              regionCode: z.string(),
              year: z.number().int(),
              value: z.number().nullable(),
              unit: z.string().nullable(),
              source: z.string().nullable().describe("source URL, 'derived:<code>' or 'synthetic'"),
              synthetic: z.boolean(),
              edition: z.string(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const params: unknown[] = [request.params.code];
      const where = ['indicator_code = $1'];
      const { year, region, edition } = request.query;
      if (year !== undefined) {
        params.push(year);
        where.push(`year = $${params.length}`);
      }
      if (region !== undefined) {
        params.push(region);
        where.push(`region_code = $${params.length}`);
      }
      if (edition !== undefined) {
        params.push(edition);
        where.push(`edition = $${params.length}`);
      }
      const { rows } = await db.query<{
        region_code: string;
        year: number;
        value: number | null;
        unit: string | null;
        source_url: string | null;
        synthetic: boolean;
        edition: string;
      }>(
        `SELECT region_code, year, value, unit, source_url, synthetic, edition FROM indicator_values
         WHERE ${where.join(' AND ')} ORDER BY year, region_code, edition`,
        params,
      );
      return rows.map((r) => ({
        regionCode: r.region_code,
        year: r.year,
        value: r.value,
        unit: r.unit,
        source: r.synthetic ? 'synthetic' : r.source_url,
        synthetic: r.synthetic,
        edition: r.edition,
      }));
    },
  );

  api.get(
    '/api/published-results',
    {
      schema: {
        tags: ['index'],
        summary: '已发布的指数结果（原样，含来源）/ index results as published, with source',
        querystring: z.object({ edition: z.string().max(100).optional() }),
        response: {
          200: z.array(
            z.object({
              edition: z.string(),
              regionCode: z.string(),
              value: z.number().nullable(),
              tier: z.string().nullable(),
              rank: z.number().int().nullable(),
              source: z.string().nullable(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { rows } = await db.query<{
        edition: string;
        region_code: string;
        value: number | null;
        tier: string | null;
        rank: number | null;
        source: string | null;
      }>(
        `SELECT edition, region_code, value, tier, rank, source FROM published_results
         WHERE ($1::text IS NULL OR edition = $1) ORDER BY edition, rank NULLS LAST, region_code`,
        [request.query.edition ?? null],
      );
      return rows.map((r) => ({
        edition: r.edition,
        regionCode: r.region_code,
        value: r.value,
        tier: r.tier,
        rank: r.rank,
        source: r.source,
      }));
    },
  );
}
