import type { Db } from '../db.ts';
import type { Actor } from '../permissions.ts';
import { upsertRecords } from '../writeRecord.ts';
import { DERIVED_INDICATORS, type DerivedIndicator, FIGURE_COLUMNS } from './definitions.ts';

/** Edition under which derived values are stored in `indicator_values`. */
export const DERIVED_EDITION = 'derived';

export type DerivedValue = { regionCode: string; year: number; code: string; value: number };

type Row = { region_code: string; year: number; value: number };

/** One SQL per definition, over all years at once; regions without records get 0 (counts/sums). */
function sqlFor(def: DerivedIndicator): { sql: string; params: unknown[] } | undefined {
  const years = 'generate_series($1::int, $2::int) AS y(year)';
  const yearEnd = 'make_date(y.year, 12, 31)';
  switch (def.kind) {
    case 'qualificationsValidAtYearEnd':
      return {
        sql: `SELECT e.region_code, y.year, count(*)::float8 AS value FROM ${years}
          JOIN qualifications q ON q.kind = $3 AND q.issued_on <= ${yearEnd}
            AND (q.expires_on IS NULL OR q.expires_on >= ${yearEnd})
            AND q.status NOT IN ('revoked', 'cancelled')
          JOIN enterprises e ON e.id = q.enterprise_id
          GROUP BY e.region_code, y.year`,
        params: [def.qualification],
      };
    case 'qualificationsIssuedInYear':
      return {
        sql: `SELECT e.region_code, extract(year FROM q.issued_on)::int AS year, count(*)::float8 AS value
          FROM qualifications q JOIN enterprises e ON e.id = q.enterprise_id
          WHERE q.kind = $3 AND q.issued_on BETWEEN make_date($1, 1, 1) AND make_date($2, 12, 31)
          GROUP BY 1, 2`,
        params: [def.qualification],
      };
    case 'platformCount':
      return {
        sql: `SELECT p.region_code, y.year, count(*)::float8 AS value FROM ${years}
          JOIN platforms p ON p.accredited_on <= ${yearEnd}
            AND ($3::text[] IS NULL OR p.level = ANY($3::text[]))
            AND ($4::text[] IS NULL OR p.kind = ANY($4::text[]))
          WHERE p.region_code IS NOT NULL
          GROUP BY p.region_code, y.year`,
        params: [def.levels ?? null, def.platformKinds ?? null],
      };
    case 'talentCount':
      return {
        sql: `SELECT region_code, year, count(*)::float8 AS value FROM talents
          WHERE year BETWEEN $1 AND $2 AND region_code IS NOT NULL
            AND ($3::text[] IS NULL OR category = ANY($3::text[]))
          GROUP BY 1, 2`,
        params: [def.categories ?? null],
      };
    case 'contractAmount': {
      const column = def.side === 'seller' ? 'seller_region_code' : 'buyer_region_code';
      return {
        sql: `SELECT ${column} AS region_code, extract(year FROM signed_on)::int AS year,
            coalesce(sum(amount), 0)::float8 AS value
          FROM contracts WHERE signed_on BETWEEN make_date($1, 1, 1) AND make_date($2, 12, 31)
            AND ${column} IS NOT NULL
          GROUP BY 1, 2`,
        params: [],
      };
    }
    case 'patentsGranted':
      return {
        sql: `SELECT region_code, extract(year FROM granted_on)::int AS year, count(*)::float8 AS value
          FROM patents WHERE granted_on BETWEEN make_date($1, 1, 1) AND make_date($2, 12, 31)
            AND region_code IS NOT NULL AND ($3::text[] IS NULL OR type = ANY($3::text[]))
          GROUP BY 1, 2`,
        params: [def.patentTypes ?? null],
      };
    case 'figureSum': {
      // The column name comes from a closed list, never from input.
      if (!(FIGURE_COLUMNS as readonly string[]).includes(def.column)) return undefined;
      return {
        sql: `SELECT e.region_code, f.year, coalesce(sum(f.${def.column}), 0)::float8 AS value
          FROM enterprise_year_figures f JOIN enterprises e ON e.id = f.enterprise_id
          WHERE f.year BETWEEN $1 AND $2
          GROUP BY 1, 2`,
        params: [],
      };
    }
    case 'ratio':
      return undefined;
  }
}

/** Regions active at some point in each year (区县 only; valid_to is exclusive; zones are overlays). */
async function regionsByYear(db: Db, from: number, to: number): Promise<Map<number, string[]>> {
  const { rows } = await db.query<{ year: number; code: string }>(
    `SELECT y.year, r.code FROM generate_series($1::int, $2::int) AS y(year)
     JOIN regions r ON r.type IN ('区', '县', '自治县')
       AND (r.valid_from IS NULL OR r.valid_from <= make_date(y.year, 12, 31))
       AND (r.valid_to IS NULL OR r.valid_to > make_date(y.year, 1, 1))
     ORDER BY y.year, r.code`,
    [from, to],
  );
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.year, [...(out.get(r.year) ?? []), r.code]);
  return out;
}

/**
 * Compute derived indicators for every region and each year in [from, to] (counts and sums are 0
 * where a region has no records; ratios are missing where an input is missing). Ratios read their
 * inputs from the derived values first, then from stored values (e.g. GDP, Population).
 */
export async function computeDerivedIndicators(
  db: Db,
  from: number,
  to: number,
  definitions: readonly DerivedIndicator[] = DERIVED_INDICATORS,
): Promise<DerivedValue[]> {
  const regions = await regionsByYear(db, from, to);
  const values = new Map<string, number>();
  const key = (code: string, region: string, year: number) => `${code}|${region}|${year}`;
  const out: DerivedValue[] = [];
  for (const def of definitions) {
    const q = sqlFor(def);
    if (!q) continue;
    const { rows } = await db.query<Row>(q.sql, [from, to, ...q.params]);
    for (const r of rows) values.set(key(def.code, r.region_code, r.year), r.value);
    for (const [year, codes] of regions) {
      for (const region of codes) {
        const value = values.get(key(def.code, region, year)) ?? 0;
        values.set(key(def.code, region, year), value);
        out.push({ regionCode: region, year, code: def.code, value });
      }
    }
  }
  const ratios = definitions.filter((d) => d.kind === 'ratio');
  if (ratios.length > 0) {
    const stored = await db.query<{
      region_code: string;
      year: number;
      indicator_code: string;
      value: number;
    }>(
      `SELECT region_code, year, indicator_code, value FROM indicator_values
       WHERE year BETWEEN $1 AND $2 AND edition = '' AND indicator_code = ANY($3::text[])`,
      [from, to, ratios.flatMap((r) => (r.kind === 'ratio' ? [r.numerator, r.denominator] : []))],
    );
    for (const s of stored.rows) {
      const k = key(s.indicator_code, s.region_code, s.year);
      if (!values.has(k)) values.set(k, s.value);
    }
    for (const def of ratios) {
      if (def.kind !== 'ratio') continue;
      for (const [year, codes] of regions) {
        for (const region of codes) {
          const n = values.get(key(def.numerator, region, year));
          const d = values.get(key(def.denominator, region, year));
          if (n === undefined || d === undefined || d === 0) continue;
          const value = (n / d) * def.scale;
          values.set(key(def.code, region, year), value);
          out.push({ regionCode: region, year, code: def.code, value });
        }
      }
    }
  }
  return out;
}

/**
 * Compute and store derived indicators (`kechuang indicators derive`): written to
 * `indicator_values` under edition 'derived', with `source_url` naming the definition, through
 * the permission-checked, audited write path (unchanged values are not rewritten).
 */
export async function deriveIndicators(
  db: Db,
  actor: Actor,
  from: number,
  to: number = from,
  definitions: readonly DerivedIndicator[] = DERIVED_INDICATORS,
): Promise<{ values: number; inserted: number; updated: number; unchanged: number }> {
  const derived = await computeDerivedIndicators(db, from, to, definitions);
  const units = new Map(definitions.map((d) => [d.code, d.unit]));
  const records = derived.map((v) => ({
    region_code: v.regionCode,
    year: v.year,
    indicator_code: v.code,
    value: v.value,
    unit: units.get(v.code) ?? null,
    source_url: `derived:${v.code}`,
    synthetic: false,
    edition: DERIVED_EDITION,
  }));
  const summary = await db.transaction((tx) =>
    upsertRecords(
      tx,
      actor,
      'indicator_values',
      ['region_code', 'year', 'indicator_code', 'edition'],
      records,
    ),
  );
  return { values: records.length, ...summary };
}
