import { createHash } from 'node:crypto';
import {
  createIndex,
  type Framework,
  getResults,
  type IndexBuild,
  type IndexSpec,
  runIndex,
  tiersOf,
  type Unit,
  type UnitTable,
} from '@kechuang/index-engine';
import { writeAudit } from '../audit.ts';
import type { Db } from '../db.ts';
import { type Actor, assertCanWrite } from '../permissions.ts';
import { DERIVED_EDITION } from './deriveIndicators.ts';

/** The city as a unit of its own: the reference unit of Chongqing's tier rule. */
export const CITY_CODE = '500000';

/** The 一区两群 partition used as the `Area` group column: group code → label in the data. */
export const AREA_GROUPS: Readonly<Record<string, string>> = {
  centralUrban: '中心城区',
  newUrban: '主城新区',
  northeast: '渝东北',
  southeast: '渝东南',
};

export type RegionIndexOptions = {
  /** Label of the run (e.g. 'chongqing-2023'). */
  edition: string;
  year: number;
  framework: Framework;
  spec: IndexSpec;
  /** Editions of stored values to use, first match wins; default [edition, '', 'derived']. */
  valueEditions?: string[];
};

/** Plain-data inputs of a run: enough to rebuild it exactly. */
export type RunInputs = {
  units: Unit[];
  indicators: Record<string, (number | null)[]>;
  denominators: Record<string, (number | null)[]>;
};

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 of the canonical JSON of framework, spec and inputs. */
export function hashRunInputs(framework: Framework, spec: IndexSpec, inputs: RunInputs): string {
  return createHash('sha256').update(canonical({ framework, spec, inputs })).digest('hex');
}

function toTable(inputs: RunInputs, year: number): UnitTable {
  const col = (xs: (number | null)[]) =>
    Float64Array.from(xs, (v) => (v === null ? Number.NaN : v));
  return {
    units: inputs.units,
    time: year,
    indicators: Object.fromEntries(Object.entries(inputs.indicators).map(([k, v]) => [k, col(v)])),
    denominators: Object.fromEntries(
      Object.entries(inputs.denominators).map(([k, v]) => [k, col(v)]),
    ),
  };
}

/** Gather a year's inputs from the registry: active 区县 (+ the city), groups, indicator values. */
export async function loadRunInputs(db: Db, options: RegionIndexOptions): Promise<RunInputs> {
  const { year, framework } = options;
  const yearEnd = `${year}-12-31`;
  const regions = await db.query<{
    code: string;
    name_zh: string;
    name_en: string | null;
    type: string;
  }>(
    `SELECT code, name_zh, name_en, type FROM regions
     WHERE (type IN ('区', '县', '自治县') OR code = $2)
       AND (valid_from IS NULL OR valid_from <= $1::date) AND (valid_to IS NULL OR valid_to > $1::date)
     ORDER BY code`,
    [yearEnd, CITY_CODE],
  );
  const groups = await db.query<{ region_code: string; group_kind: string }>(
    `SELECT region_code, group_kind FROM region_groups
     WHERE group_kind = ANY($2::text[]) AND (valid_from IS NULL OR valid_from <= $1::date)
       AND (valid_to IS NULL OR valid_to > $1::date)`,
    [yearEnd, Object.keys(AREA_GROUPS)],
  );
  const area = new Map(groups.rows.map((g) => [g.region_code, AREA_GROUPS[g.group_kind] ?? null]));
  const indicatorCodes = framework.nodes.filter((n) => n.level === 1).map((n) => n.code);
  const denominatorCodes = [
    ...new Set(
      framework.nodes.flatMap((n) => (n.level === 1 && n.denominator ? [n.denominator] : [])),
    ),
  ];
  const editions = options.valueEditions ?? [options.edition, '', DERIVED_EDITION];
  const values = await db.query<{
    region_code: string;
    indicator_code: string;
    value: number | null;
    edition: string;
  }>(
    `SELECT region_code, indicator_code, value, edition FROM indicator_values
     WHERE year = $1 AND indicator_code = ANY($2::text[]) AND edition = ANY($3::text[])`,
    [year, [...indicatorCodes, ...denominatorCodes], editions],
  );
  const best = new Map<string, { rank: number; value: number | null }>();
  for (const v of values.rows) {
    const rank = editions.indexOf(v.edition);
    const k = `${v.region_code}|${v.indicator_code}`;
    const prev = best.get(k);
    if (!prev || rank < prev.rank) best.set(k, { rank, value: v.value });
  }
  // The city is a unit only if it has values of its own (computed from city totals).
  const withValues = new Set(values.rows.map((v) => v.region_code));
  const unitRows = regions.rows.filter((r) => r.code !== CITY_CODE || withValues.has(CITY_CODE));
  const units: Unit[] = unitRows.map((r) => ({
    code: r.code,
    names: { zh: r.name_zh, ...(r.name_en ? { en: r.name_en } : {}) },
    groups: { Area: area.get(r.code) ?? null },
    ...(r.code === CITY_CODE ? { isReference: true } : {}),
  }));
  const column = (code: string) => units.map((u) => best.get(`${u.code}|${code}`)?.value ?? null);
  return {
    units,
    indicators: Object.fromEntries(indicatorCodes.map((c) => [c, column(c)])),
    denominators: Object.fromEntries(denominatorCodes.map((c) => [c, column(c)])),
  };
}

function summarise(build: IndexBuild, spec: IndexSpec) {
  const rows = getResults(build, { group: 'Area' });
  const tiers = spec.tiers
    ? new Map(tiersOf(build, spec.tiers).map((t) => [t.unit, t.tier]))
    : undefined;
  return rows.map((r) => ({
    unit: r.unit,
    scores: Object.fromEntries(
      Object.entries(r.scores).map(([k, v]) => [k, Number.isNaN(v) ? null : v]),
    ),
    ranks: Object.fromEntries(
      Object.entries(r.ranks).map(([k, v]) => [k, Number.isNaN(v) ? null : v]),
    ),
    tier: tiers?.get(r.unit)?.label ?? null,
  }));
}

/**
 * Compute a region index from the registry (`computeRegionIndex(edition, year)`): derived and
 * stored indicator values → the index engine → a stored run with its spec, framework, framework
 * version, inputs and their hash, so the published figures can be regenerated exactly.
 */
export async function computeRegionIndex(
  db: Db,
  actor: Actor,
  options: RegionIndexOptions,
): Promise<{ runId: number; inputsHash: string; build: IndexBuild }> {
  assertCanWrite(actor, { table: 'index_runs' });
  const inputs = await loadRunInputs(db, options);
  const build = runIndex(
    createIndex(options.framework, toTable(inputs, options.year)),
    options.spec,
  );
  const inputsHash = hashRunInputs(options.framework, options.spec, inputs);
  const results = { inputs, units: summarise(build, options.spec) };
  const runId = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: number }>(
      `INSERT INTO index_runs (edition, year, spec, framework, framework_version, inputs_hash, results, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        options.edition,
        options.year,
        JSON.stringify(options.spec),
        JSON.stringify(options.framework),
        options.framework.edition ?? options.framework.id ?? null,
        inputsHash,
        JSON.stringify(results),
        actor.name,
      ],
    );
    const id = rows[0]?.id as number;
    await writeAudit(tx, actor, {
      action: 'insert',
      table: 'index_runs',
      key: String(id),
      before: null,
      after: { edition: options.edition, year: options.year, inputs_hash: inputsHash },
    });
    return id;
  });
  return { runId, inputsHash, build };
}

/**
 * Rebuild a stored run from its own spec, framework and inputs, and check the inputs still hash
 * to what was stored: the same published figures, or an error saying the run was tampered with.
 */
export async function regenerateIndexRun(
  db: Db,
  runId: number,
): Promise<{ build: IndexBuild; inputsHash: string; matches: boolean }> {
  const { rows } = await db.query<{
    year: number;
    spec: IndexSpec;
    framework: Framework;
    inputs_hash: string;
    results: { inputs: RunInputs };
  }>('SELECT year, spec, framework, inputs_hash, results FROM index_runs WHERE id = $1', [runId]);
  const run = rows[0];
  if (!run) throw new Error(`没有指数计算记录 ${runId} / no index run ${runId}`);
  const inputsHash = hashRunInputs(run.framework, run.spec, run.results.inputs);
  const build = runIndex(
    createIndex(run.framework, toTable(run.results.inputs, run.year)),
    run.spec,
  );
  return { build, inputsHash, matches: inputsHash === run.inputs_hash };
}
