/**
 * The dashboard's views of stored runs, shared by the JSON routes (rankings, district profile),
 * the workbench preview and the XLSX reports: which run the requester may see for (edition,
 * year), its rankings and a district's profile. Run-derived parts are cached per run id (runs
 * never change once stored); targets, counts and group memberships are re-read at most every
 * 2 s (and at once after a write through the API).
 */
import type { FastifyRequest } from 'fastify';
import { seesUnpublishedRuns } from './access.ts';
import { ApiError, notFound } from './apiError.ts';
import type { RouteContext } from './buildApp.ts';
import {
  changeAttribution,
  computeRankings,
  groupName,
  groupsOn,
  type Rankings,
  strengthsOf,
} from './indexViews.ts';
import type { LightRun } from './runCache.ts';
import { listTargetProgress, type TargetProgress } from './targetProgress.ts';

/** `?year=&edition=` of the dashboard routes (both optional). */
export type RunQuery = { year?: number; edition?: string };

/** The run a requester sees for a query, the same edition's run of the year before, all runs. */
export type PickedRun = { meta: LightRun; previous?: LightRun; all: LightRun[] };

/**
 * The run for (edition, year) the requester may see: the latest stored; and the same edition's
 * run of the year before (for changes). Throws 404 (or 401 for anonymous visitors when only
 * unpublished runs exist). The list of runs is read at most every 2 s (and after every write).
 * `publishedOnly` narrows the choice for routes stricter than the requester's role.
 */
export async function pickRun(
  context: RouteContext,
  request: FastifyRequest,
  query: RunQuery,
  options: { publishedOnly?: boolean } = {},
): Promise<PickedRun> {
  const { runs, fresh } = context;
  const publishedOnly = options.publishedOnly ?? !seesUnpublishedRuns(request.actor);
  const all = await fresh.get(`runs:${publishedOnly}`, () => runs.listLight(publishedOnly));
  const matches = (r: LightRun) =>
    (query.edition === undefined || r.edition === query.edition) &&
    (query.year === undefined || r.year === query.year);
  // Latest year first, then the newest run of that year.
  const meta = all.filter(matches).sort((a, b) => b.year - a.year || b.id - a.id)[0];
  if (!meta) {
    if (publishedOnly && !request.session) {
      const any = (await fresh.get('runs:false', () => runs.listLight(false))).some(matches);
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

/** Group memberships on 31 December of a year (fresh: ≤ 2 s, cleared on writes). */
export function membershipsOf(context: RouteContext, year: number): Promise<Map<string, string[]>> {
  return context.fresh.get(`groups:${year}`, () =>
    groupsOn(context.deps.registry.db, `${year}-12-31`),
  );
}

/** Rankings of a run (cached per run, previous run and group). */
export async function rankingsFor(
  context: RouteContext,
  meta: LightRun,
  previous: LightRun | undefined,
  group?: string,
): Promise<Rankings> {
  const { runs } = context;
  const key = `rankings:${meta.id}:${previous?.id ?? ''}:${group ?? ''}`;
  const rankings = await runs.view(key, async () => {
    const run = await runs.build(meta.id);
    const prev = previous
      ? { meta: previous, build: (await runs.build(previous.id)).build }
      : undefined;
    return computeRankings(await membershipsOf(context, meta.year), meta, run, prev, group);
  });
  // The cached view is per run; the publication flag comes from the run list.
  return { ...rankings, run: { ...rankings.run, published: meta.published } };
}

/** A year of a district's history (latest run of each year of the edition). */
export type HistoryPoint = {
  year: number;
  edition: string;
  runId: number;
  score: number | null;
  rank: number | null;
  tier: Rankings['items'][number]['tier'];
};

/** A district's profile (`GET /api/districts/:code/profile`). */
export type DistrictProfile = {
  region: {
    code: string;
    nameZh: string;
    nameEn: string;
    shortZh: string;
    type: string | null;
    groupCodes: string[];
  };
  run: Rankings['run'];
  year: number;
  edition: string;
  score: number | null;
  rank: number | null;
  rankOf: number;
  groupRank: {
    groupCode: string;
    nameZh: string;
    nameEn: string;
    rank: number | null;
    of: number;
  } | null;
  tier: Rankings['items'][number]['tier'];
  rankChange: number | null;
  scoreChange: number | null;
  cityScore: number | null;
  cityAverage: number | null;
  subIndices: (Rankings['items'][number]['subIndices'][number] & { cityAverage: number | null })[];
  history: HistoryPoint[];
  strengths: ReturnType<typeof strengthsOf>['strengths'];
  weaknesses: ReturnType<typeof strengthsOf>['weaknesses'];
  rankChangeAttribution: ReturnType<typeof changeAttribution>['items'];
  rankChangeAttributionNote: string;
  targets: TargetProgress[];
  pools: {
    highTechEnterprises: number | null;
    techSmes: number | null;
    platforms: number | null;
  };
};

function mean(xs: (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
}

/** The run-derived part of a profile (cached per run, previous run and visibility). */
async function runProfile(
  context: RouteContext,
  code: string,
  picked: PickedRun,
  seesUnpublished: boolean,
): Promise<Omit<DistrictProfile, 'targets' | 'pools'>> {
  const { runs, deps } = context;
  const { meta, previous, all } = picked;
  const key = `profile:${code}:${meta.id}:${previous?.id ?? ''}:${seesUnpublished}`;
  return runs.view(key, async () => {
    const rankings = await rankingsFor(context, meta, previous);
    const item = rankings.items.find((i) => i.regionCode === code);
    if (!item) {
      throw notFound(
        `${meta.year} 年的指数中没有区县 ${code}`,
        `No district ${code} in the index of ${meta.year}`,
      );
    }
    const { build } = await runs.build(meta.id);
    const regionRows = await deps.registry.db.query<{
      name_zh: string;
      name_en: string | null;
      type: string;
      aliases: string[];
    }>('SELECT name_zh, name_en, type, aliases FROM regions WHERE code = $1', [code]);
    const region = regionRows.rows[0];
    const scored = rankings.items.filter((i) => i.score !== null);
    const peers = item.areaGroup
      ? rankings.items.filter((i) => i.areaGroup === item.areaGroup)
      : [];
    const latestPerYear = new Map<number, LightRun>();
    for (const r of all.filter((x) => x.edition === meta.edition)) {
      const seen = latestPerYear.get(r.year);
      if (!seen || seen.id < r.id) latestPerYear.set(r.year, r);
    }
    const history: HistoryPoint[] = [];
    for (const r of [...latestPerYear.values()].sort((a, b) => a.year - b.year)) {
      const own = (await rankingsFor(context, r, undefined)).items.find(
        (i) => i.regionCode === code,
      );
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
}

/**
 * A district's profile for a query, as a value and as the serialised JSON body (both kept
 * ≤ 2 s: targets and the registers' counts change between runs).
 */
export async function districtProfile(
  context: RouteContext,
  request: FastifyRequest,
  code: string,
  query: RunQuery,
): Promise<{ profile: DistrictProfile; body: Buffer }> {
  const picked = await pickRun(context, request, query);
  const { meta, previous } = picked;
  const sees = seesUnpublishedRuns(request.actor);
  const profile = await runProfile(context, code, picked, sees);
  const db = context.deps.registry.db;
  return context.fresh.get(
    `profile:${code}:${meta.id}:${previous?.id ?? ''}:${meta.published}:${sees}`,
    async () => {
      const pools = await db.query<{ indicator_code: string; value: number | null }>(
        `SELECT indicator_code, value FROM indicator_values
         WHERE region_code = $1 AND year = $2 AND edition = 'derived'
           AND indicator_code = ANY($3::text[])`,
        [code, meta.year, ['HTE_COUNT', 'TECH_SME_REGISTERED', 'PLATFORMS']],
      );
      const pool = (c: string) => pools.rows.find((p) => p.indicator_code === c)?.value ?? null;
      const full: DistrictProfile = {
        ...profile,
        run: { ...profile.run, published: meta.published },
        targets: await listTargetProgress(db, { region: code }),
        pools: {
          highTechEnterprises: pool('HTE_COUNT'),
          techSmes: pool('TECH_SME_REGISTERED'),
          platforms: pool('PLATFORMS'),
        },
      };
      return { profile: full, body: Buffer.from(JSON.stringify(full)) };
    },
  );
}
