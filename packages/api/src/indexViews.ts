/**
 * Dashboard views of stored index runs, computed with the index engine's results functions:
 * ranks and group ranks (`getResults`), tiers (`tiersOf`), change against the previous year's
 * run (`compareBuilds`), strengths and weaknesses (`strengthsAndWeaknesses`, COINr
 * get_str_weak) and contributions to the change of the score (`contributions`).
 */
import { type Bilingual, REGION_GROUPS } from '@kechuang/domain';
import {
  compareBuilds,
  contributions,
  getResults,
  type IndexBuild,
  strengthsAndWeaknesses,
  type TierRule,
  tiersOf,
} from '@kechuang/index-engine';
import { AREA_GROUPS, type Db } from '@kechuang/registry';
import type { LightRun } from './runCache.ts';

/** NaN (missing) as null for JSON. */
export function num(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}

/** A tier as the dashboard shows it. */
export type TierView = { code: string; tier: number; nameZh: string; nameEn: string };

/** One 区县 in a ranking. */
export type RankingItem = {
  regionCode: string;
  nameZh: string;
  nameEn: string;
  groupCodes: string[];
  areaGroup: string | null;
  score: number | null;
  rank: number | null;
  groupRank: number | null;
  tier: TierView | null;
  rankChange: number | null;
  scoreChange: number | null;
  subIndices: {
    code: string;
    nameZh: string;
    nameEn: string;
    score: number | null;
    rank: number | null;
  }[];
};

/** A ranking of a run. */
export type Rankings = {
  run: { id: number; edition: string; year: number; published: boolean; inputsMatch: boolean };
  previousRun: { id: number; year: number } | null;
  index: { code: string; nameZh: string; nameEn: string };
  city: {
    score: number | null;
    tierThresholds: {
      code: string;
      nameZh: string;
      nameEn: string;
      min: number | null;
      inclusive: boolean;
    }[];
  };
  items: RankingItem[];
};

const AREA_CODE_BY_LABEL = new Map(
  Object.entries(AREA_GROUPS).map(([code, label]) => [label, code]),
);

/** Group memberships in force on a date: region → group codes. */
export async function groupsOn(db: Db, date: string): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ region_code: string; group_kind: string }>(
    `SELECT region_code, group_kind FROM region_groups
     WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to > $1::date)
     ORDER BY region_code, group_kind`,
    [date],
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.region_code, [...(out.get(r.region_code) ?? []), r.group_kind]);
  return out;
}

/** A group's bilingual name. */
export function groupName(code: string): Bilingual {
  const group = REGION_GROUPS.find((g) => g.code === code);
  return group?.name ?? { zh: code, en: code };
}

function names(build: IndexBuild, code: string): { nameZh: string; nameEn: string } {
  const node = build.input.ctx.tree.byCode.get(code);
  return { nameZh: node?.names.zh ?? code, nameEn: node?.names.en ?? node?.names.zh ?? code };
}

function tierOf(
  tier: { tier: number; label: { zh?: string; en?: string } } | null,
): TierView | null {
  if (!tier) return null;
  return {
    code: `tier${tier.tier}`,
    tier: tier.tier,
    nameZh: tier.label.zh ?? `第${tier.tier}档`,
    nameEn: tier.label.en ?? `Tier ${tier.tier}`,
  };
}

function thresholds(
  rule: TierRule | undefined,
  cityScore: number | null,
): Rankings['city']['tierThresholds'] {
  if (!rule) return [];
  if (rule.rule === 'chongqing' || rule.rule === 'china') {
    const floor = rule.floor ?? (rule.rule === 'chongqing' ? 30 : 50);
    const ref = rule.reference ?? cityScore;
    return [
      { code: 'tier1', nameZh: '第一梯队', nameEn: 'First tier', min: ref, inclusive: false },
      { code: 'tier2', nameZh: '第二梯队', nameEn: 'Second tier', min: floor, inclusive: true },
      { code: 'tier3', nameZh: '第三梯队', nameEn: 'Third tier', min: null, inclusive: true },
    ];
  }
  if (rule.rule === 'thresholds') {
    const cuts = [...rule.thresholds].sort((a, b) => b - a);
    return [...cuts, null].map((min, i) => ({
      code: `tier${i + 1}`,
      nameZh: rule.labels?.[i]?.zh ?? `第${i + 1}档`,
      nameEn: rule.labels?.[i]?.en ?? `Tier ${i + 1}`,
      min,
      inclusive: true,
    }));
  }
  return [];
}

/** Sport ranks (ties share the best rank) of scores, highest first; null stays null. */
function rankScores(scores: (number | null)[]): (number | null)[] {
  return scores.map((s) =>
    s === null ? null : 1 + scores.filter((t) => t !== null && t > s).length,
  );
}

/**
 * Rankings of one run, with the change from a previous run (usually the year before);
 * `memberships` are the group memberships on 31 December of the run's year ({@link groupsOn}).
 */
export function computeRankings(
  memberships: ReadonlyMap<string, string[]>,
  meta: LightRun,
  run: { build: IndexBuild; inputsMatch: boolean },
  previous?: { meta: LightRun; build: IndexBuild },
  group?: string,
): Rankings {
  const { build } = run;
  const tree = build.input.ctx.tree;
  const root = tree.root;
  const subs = [...(tree.children.get(root) ?? [])];
  const rows = getResults(build, { codes: [root, ...subs], group: 'Area' });
  const rule = build.spec.tiers;
  const tiers = rule ? new Map(tiersOf(build, rule).map((t) => [t.unit, t.tier])) : new Map();
  const changes = previous
    ? new Map(compareBuilds(previous.build, build, root).map((c) => [c.unit, c]))
    : undefined;
  const reference = rows.find((r) => r.isReference);
  const cityScore = num(reference?.scores[root]);
  let items: RankingItem[] = rows
    .filter((r) => !r.isReference)
    .map((r) => {
      const change = changes?.get(r.unit);
      const area = r.groups.Area;
      return {
        regionCode: r.unit,
        nameZh: r.names.zh ?? r.unit,
        nameEn: r.names.en ?? r.names.zh ?? r.unit,
        groupCodes: memberships.get(r.unit) ?? [],
        areaGroup: area ? (AREA_CODE_BY_LABEL.get(area) ?? area) : null,
        score: num(r.scores[root]),
        rank: num(r.ranks[root]),
        groupRank: num(r.groupRanks?.[root]),
        tier: tierOf(tiers.get(r.unit) ?? null),
        rankChange: change ? num(change.rankChange) : null,
        scoreChange: change ? num(change.change) : null,
        subIndices: subs.map((code) => ({
          code,
          ...names(build, code),
          score: num(r.scores[code]),
          rank: num(r.ranks[code]),
        })),
      };
    });
  if (group) {
    items = items.filter((i) => i.groupCodes.includes(group) || i.areaGroup === group);
    const ranks = rankScores(items.map((i) => i.score));
    items = items.map((item, k) => ({ ...item, groupRank: ranks[k] ?? null }));
  }
  return {
    run: {
      id: meta.id,
      edition: meta.edition,
      year: meta.year,
      published: meta.published,
      inputsMatch: run.inputsMatch,
    },
    previousRun: previous ? { id: previous.meta.id, year: previous.meta.year } : null,
    index: { code: root, ...names(build, root) },
    city: { score: cityScore, tierThresholds: thresholds(rule, cityScore) },
    items,
  };
}

/** An indicator of a strengths/weaknesses list. */
export type IndicatorRank = {
  indicator: string;
  nameZh: string;
  nameEn: string;
  rank: number | null;
  value: number | null;
  unit: string | null;
};

/** A unit's strengths and weaknesses (COINr get_str_weak on raw values, direction-adjusted). */
export function strengthsOf(
  build: IndexBuild,
  unit: string,
  top = 5,
): { strengths: IndicatorRank[]; weaknesses: IndicatorRank[] } {
  const { strengths, weaknesses } = strengthsAndWeaknesses(build, unit, { top, bottom: top });
  const view = (r: (typeof strengths)[number]): IndicatorRank => ({
    indicator: r.code,
    nameZh: r.names.zh ?? r.code,
    nameEn: r.names.en ?? r.names.zh ?? r.code,
    rank: num(r.rank),
    value: num(r.value),
    unit: r.unit ?? null,
  });
  return { strengths: strengths.map(view), weaknesses: weaknesses.map(view) };
}

/** Contribution of one indicator to a unit's score (points). */
export type ContributionView = {
  indicator: string;
  nameZh: string;
  nameEn: string;
  value: number | null;
  weight: number;
  contribution: number | null;
};

/** Each indicator's contribution to a unit's score (engine `contributions`; additive aggregation only). */
export function contributionsOf(build: IndexBuild, unit: string): ContributionView[] {
  return contributions(build, unit).map((c) => ({
    indicator: c.code,
    ...names(build, c.code),
    value: num(c.value),
    weight: c.weight,
    contribution: num(c.contribution),
  }));
}

/**
 * Attribution of a score change between two runs to indicators: each indicator's contribution
 * this year minus last year (points of the index; they add up to the score change). Sorted by
 * size of the effect. Empty with a note when the aggregation does not decompose.
 */
export function changeAttribution(
  build: IndexBuild,
  previous: IndexBuild,
  unit: string,
): {
  items: { indicator: string; nameZh: string; nameEn: string; contribution: number }[];
  note: string | null;
} {
  try {
    const now = contributions(build, unit);
    const before = new Map(contributions(previous, unit).map((c) => [c.code, c.contribution]));
    const items = now
      .map((c) => ({
        indicator: c.code,
        ...names(build, c.code),
        contribution: c.contribution - (before.get(c.code) ?? 0),
      }))
      .filter((c) => Number.isFinite(c.contribution))
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
    return { items, note: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { items: [], note: message };
  }
}
