/**
 * Progress towards targets (目标进度): for each stored target, the latest value of its indicator
 * for its scope (a 区县, a group or the city), the earliest one as baseline, the share of the way
 * from baseline to target, and a projection at the current pace: the least-squares slope of the
 * observed yearly series carried on to the target year. Group and city values are sums of their
 * 区县 only for additive (count or sum) derived indicators; otherwise only values stored for
 * the scope itself are used, and missing values stay missing.
 */
import { type Db, DERIVED_INDICATORS } from '@kechuang/registry';

/** Progress towards one target. */
export type TargetProgress = {
  indicator: string;
  nameZh: string;
  nameEn: string;
  scope: { kind: 'region' | 'group' | 'city'; code: string };
  year: number;
  target: number;
  current: { year: number; value: number } | null;
  baseline: { year: number; value: number } | null;
  progress: number | null;
  projected: { year: number; value: number } | null;
  onTrack: boolean | null;
  document: string | null;
  source: string | null;
  /** How current values were obtained: stored for the scope, or summed over its 区县. */
  method: 'stored' | 'sumOfRegions' | 'none';
};

/** Which targets to list. */
export type TargetFilter = { region?: string; group?: string; indicator?: string };

const CITY = '500000';
const ADDITIVE = new Set(DERIVED_INDICATORS.filter((d) => d.kind !== 'ratio').map((d) => d.code));
const DERIVED_NAMES = new Map(DERIVED_INDICATORS.map((d) => [d.code, d.names]));
/** Edition preference when a year has several values: derived from records, then plain, then any. */
const EDITION_ORDER = ['derived', ''];

type Point = { year: number; value: number };

function bestPerYear(rows: { year: number; value: number | null; edition: string }[]): Point[] {
  const best = new Map<number, { value: number; order: number }>();
  for (const r of rows) {
    if (r.value === null || !Number.isFinite(r.value)) continue;
    const order = EDITION_ORDER.indexOf(r.edition);
    const rank = order < 0 ? EDITION_ORDER.length : order;
    const seen = best.get(r.year);
    if (!seen || rank < seen.order) best.set(r.year, { value: r.value, order: rank });
  }
  return [...best.entries()]
    .map(([year, v]) => ({ year, value: v.value }))
    .sort((a, b) => a.year - b.year);
}

async function seriesOf(
  db: Db,
  kind: 'region' | 'group' | 'city',
  code: string,
  indicator: string,
): Promise<{ points: Point[]; method: TargetProgress['method'] }> {
  const own = await db.query<{ year: number; value: number | null; edition: string }>(
    `SELECT year, value, edition FROM indicator_values WHERE region_code = $1 AND indicator_code = $2`,
    [kind === 'city' ? CITY : code, indicator],
  );
  if (kind !== 'group' && own.rows.length > 0)
    return { points: bestPerYear(own.rows), method: 'stored' };
  if (kind === 'region' || !ADDITIVE.has(indicator)) return { points: [], method: 'none' };
  const sums =
    kind === 'city'
      ? await db.query<{ year: number; value: number }>(
          `SELECT year, sum(value)::float8 AS value FROM indicator_values
           WHERE indicator_code = $1 AND edition = 'derived' AND region_code <> $2
           GROUP BY year ORDER BY year`,
          [indicator, CITY],
        )
      : await db.query<{ year: number; value: number }>(
          `SELECT v.year, sum(v.value)::float8 AS value FROM indicator_values v
           JOIN region_groups g ON g.region_code = v.region_code AND g.group_kind = $2
             AND g.valid_from <= make_date(v.year, 12, 31)
             AND (g.valid_to IS NULL OR g.valid_to > make_date(v.year, 12, 31))
           WHERE v.indicator_code = $1 AND v.edition = 'derived'
           GROUP BY v.year ORDER BY v.year`,
          [indicator, code],
        );
  return {
    points: sums.rows.map((r) => ({ year: r.year, value: r.value })),
    method: sums.rows.length > 0 ? 'sumOfRegions' : 'none',
  };
}

/** Least-squares slope of value on year (undefined with fewer than two years). */
export function slopeOf(points: readonly Point[]): number | undefined {
  if (points.length < 2) return undefined;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.year, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.year - mx) * (p.value - my);
    sxx += (p.year - mx) ** 2;
  }
  return sxx === 0 ? undefined : sxy / sxx;
}

/** Progress of one target from its indicator's yearly series. */
export function progressOf(
  target: number,
  targetYear: number,
  series: readonly Point[],
): Pick<TargetProgress, 'current' | 'baseline' | 'progress' | 'projected' | 'onTrack'> {
  const observed = series.filter((p) => p.year <= targetYear);
  const current = observed.at(-1) ?? null;
  const baseline = observed.length > 1 ? (observed[0] as Point) : null;
  let progress: number | null = null;
  if (current) {
    if (baseline && target !== baseline.value) {
      progress = (current.value - baseline.value) / (target - baseline.value);
    } else if (target !== 0) {
      progress = current.value / target;
    }
  }
  const slope = slopeOf(observed);
  const projected =
    current && slope !== undefined
      ? { year: targetYear, value: current.value + slope * (targetYear - current.year) }
      : null;
  // Targets of the plans are floors ("more than"): on track when the projection reaches it.
  const onTrack = projected
    ? projected.value >= target
    : current && current.value >= target
      ? true
      : null;
  return { current, baseline, progress, projected, onTrack };
}

/** Targets with their progress, ordered by scope, indicator and year. */
export async function listTargetProgress(
  db: Db,
  filter: TargetFilter = {},
): Promise<TargetProgress[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.region !== undefined) {
    params.push(filter.region);
    where.push(`(scope_kind = 'region' AND scope_code = $${params.length})`);
  }
  if (filter.group !== undefined) {
    params.push(filter.group);
    where.push(`(scope_kind = 'group' AND scope_code = $${params.length})`);
  }
  const scopeWhere = where.length > 0 ? [`(${where.join(' OR ')})`] : [];
  if (filter.indicator !== undefined) {
    params.push(filter.indicator);
    scopeWhere.push(`indicator_code = $${params.length}`);
  }
  const { rows } = await db.query<{
    scope_kind: 'region' | 'group' | 'city';
    scope_code: string;
    indicator_code: string;
    year: number;
    value: number;
    document: string | null;
    source: string | null;
  }>(
    `SELECT scope_kind, scope_code, indicator_code, year, value::float8 AS value, document, source
     FROM targets ${scopeWhere.length ? `WHERE ${scopeWhere.join(' AND ')}` : ''}
     ORDER BY scope_kind, scope_code, indicator_code, year`,
    params,
  );
  const out: TargetProgress[] = [];
  for (const t of rows) {
    const { points, method } = await seriesOf(db, t.scope_kind, t.scope_code, t.indicator_code);
    const label = DERIVED_NAMES.get(t.indicator_code);
    out.push({
      indicator: t.indicator_code,
      nameZh: label?.zh ?? t.indicator_code,
      nameEn: label?.en ?? t.indicator_code,
      scope: { kind: t.scope_kind, code: t.scope_code },
      year: t.year,
      target: t.value,
      ...progressOf(t.value, t.year, points),
      document: t.document,
      source: t.source,
      method,
    });
  }
  return out;
}
