import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  computeOrganisationCodeCheckChar,
  computeUsccCheckChar,
  regionsAt,
  USCC_CHARSET,
} from '@kechuang/domain';
import {
  computeDerivedIndicators,
  type Db,
  deriveIndicators,
  getImportKind,
  openDatabase,
  seedRegions,
} from '@kechuang/registry';
import { CLI_ACTOR, openRegistry } from '../packages/cli/src/commands/registryDb.ts';
import { importFiles } from '../packages/cli/src/commands/registryImport.ts';
import {
  hasPostgres15,
  PG_BIN,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../packages/registry/test/throwawayPostgres.ts';
import type { BenchResult } from './indexEngine.bench.ts';

function note(message: string): void {
  console.error(`  · ${message}`);
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

/** TEST_DATABASE_URL (left as it is), or a throwaway cluster with default durability. */
async function startPostgres(): Promise<ThrowawayPostgres> {
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) return { url: fromEnv, stop: () => {} };
  if (!hasPostgres15()) {
    throw new Error(
      `PostgreSQL 15 is not installed (${PG_BIN}/initdb missing): apt-get install -y postgresql, or set TEST_DATABASE_URL`,
    );
  }
  const t0 = performance.now();
  const server = await startThrowawayPostgres();
  note(`PostgreSQL 15 cluster started in ${seconds(t0).toFixed(1)} s (${server.url})`);
  return server;
}

/** A fresh database on the server, so runs never see each other's rows. */
async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = await openDatabase({ url: serverUrl, migrate: false });
  try {
    await admin.db.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.db.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// ---------------------------------------------------------------------------------------------
// 1. Import from CSV.

/**
 * The `i`-th valid USCC of a company (9 1) registered in `region`; the 组织机构代码 body starts
 * with MA (as post-2015 codes do), so no code also reads as a resident ID number.
 */
export function syntheticUscc(i: number, region: string): string {
  const body = `MA${String(i).padStart(6, '0')}`;
  const org = `${body}${computeOrganisationCodeCheckChar(body)}`;
  const first17 = `91${region}${org}`;
  return `${first17}${computeUsccCheckChar(first17)}`;
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes enterprises.csv (n rows) and figures.csv (n × years rows) with the kinds' Chinese headers. */
function writeImportCsvs(dir: string, n: number, years: readonly number[]) {
  const regions = regionsAt('2024-12-31').map((r) => r.code);
  const ent = getImportKind('enterprises');
  const fig = getImportKind('enterpriseFigures');
  const header = (kind: typeof ent, fields: string[]) =>
    fields.map((f) => kind.columns.find((c) => c.field === f)?.zh ?? f).join(',');
  const entFields = ['uscc', 'name', 'region_code', 'industry_code', 'registered_on'];
  const figFields = [
    'uscc',
    'year',
    'sales_revenue',
    'total_revenue',
    'hightech_revenue',
    'rd_expense',
    'rd_expense_domestic',
    'staff_total',
    'staff_st',
    'total_assets',
    'ip_class1',
    'ip_class2',
    'conversions',
  ];
  const entLines = [header(ent, entFields)];
  const figLines = [header(fig, figFields)];
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < n; i++) {
    const region = regions[i % regions.length] as string;
    const uscc = syntheticUscc(i + 1, region);
    const month = String(1 + (i % 12)).padStart(2, '0');
    entLines.push(
      [
        uscc,
        csvCell(`重庆测试${i}号科技有限公司`),
        region,
        `C${3900 + (i % 90)}`,
        `${2000 + (i % 24)}-${month}-15`,
      ].join(','),
    );
    const size = 100 + rand() * 20_000;
    for (const year of years) {
      const sales = size * (1 + (year - (years[0] ?? year)) * 0.05);
      const rd = sales * (0.01 + rand() * 0.08);
      figLines.push(
        [
          uscc,
          year,
          sales.toFixed(2),
          (sales * 1.05).toFixed(2),
          (sales * rand()).toFixed(2),
          rd.toFixed(2),
          (rd * 0.95).toFixed(2),
          Math.round(10 + size / 100),
          Math.round(2 + size / 500),
          (sales * 1.6).toFixed(2),
          Math.floor(rand() * 5),
          Math.floor(rand() * 20),
          Math.floor(rand() * 6),
        ].join(','),
      );
    }
  }
  const enterprises = join(dir, 'enterprises.csv');
  const figures = join(dir, 'figures.csv');
  writeFileSync(enterprises, `${entLines.join('\n')}\n`);
  writeFileSync(figures, `${figLines.join('\n')}\n`);
  return { enterprises, figures, ent, fig };
}

const IMPORT_ENTERPRISES = 100_000;
const IMPORT_YEARS = [2021, 2022, 2023];

async function timeImport(
  engine: 'pglite' | 'postgres',
  env: Record<string, string | undefined>,
  files: ReturnType<typeof writeImportCsvs>,
): Promise<number> {
  let t0 = performance.now();
  const registry = await openRegistry(env);
  note(`${engine}: open + migrations + region seed ${seconds(t0).toFixed(1)} s (not timed)`);
  try {
    t0 = performance.now();
    const result = await importFiles(registry.db, [
      { kind: files.ent, file: files.enterprises },
      { kind: files.fig, file: files.figures },
    ]);
    const s = seconds(t0);
    note(`${engine}: ${result.lines.join(' | ')}`);
    const { rows } = await registry.db.query<{ e: number; f: number; a: number }>(
      `SELECT (SELECT count(*) FROM enterprises)::int AS e,
              (SELECT count(*) FROM enterprise_year_figures)::int AS f,
              (SELECT count(*) FROM audit_log)::int AS a`,
    );
    note(
      `${engine}: stored ${rows[0]?.e} enterprises, ${rows[0]?.f} figures, ${rows[0]?.a} audit rows`,
    );
    if (rows[0]?.e !== IMPORT_ENTERPRISES || rows[0]?.f !== IMPORT_ENTERPRISES * 3) {
      throw new Error(`${engine}: import stored the wrong number of rows`);
    }
    return s;
  } finally {
    await registry.close();
  }
}

/** Import 100,000 enterprises + 300,000 yearly figures from CSV on PGlite and PostgreSQL. */
export async function benchRegistryImport(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kechuang-bench-import-'));
  const out: BenchResult[] = [];
  try {
    let t0 = performance.now();
    const files = writeImportCsvs(dir, IMPORT_ENTERPRISES, IMPORT_YEARS);
    note(`CSV files generated in ${seconds(t0).toFixed(1)} s (not timed)`);

    // KECHUANG_BENCH_ENGINES=postgres (or pglite) runs one engine only.
    const engines = (process.env.KECHUANG_BENCH_ENGINES ?? 'pglite,postgres').split(',');
    if (engines.includes('pglite')) {
      const pgliteSeconds = await timeImport(
        'pglite',
        { KECHUANG_DATA_DIR: join(dir, 'pglite') },
        files,
      );
      out.push({
        name: 'Import 100,000 enterprises + 300,000 figures from CSV (CLI importFiles), PGlite',
        value: pgliteSeconds,
        unit: 's',
        goal: '≤ 60',
      });
    }
    if (!engines.includes('postgres')) return out;

    t0 = performance.now();
    const server = await startPostgres();
    try {
      // KECHUANG_BENCH_REPEAT=n imports n times (a fresh database each) and reports the median
      // and the slowest run: on a shared machine one run says little about the spread.
      const repeat = Math.max(1, Number(process.env.KECHUANG_BENCH_REPEAT ?? 1));
      const runs: number[] = [];
      for (let i = 0; i < repeat; i++) {
        const url = await freshDatabase(server.url, 'kechuang_bench_import');
        runs.push(await timeImport('postgres', { DATABASE_URL: url }, files));
      }
      const name =
        'Import 100,000 enterprises + 300,000 figures from CSV (CLI importFiles), PostgreSQL 15';
      if (repeat === 1) {
        out.push({ name, value: runs[0] as number, unit: 's', goal: '≤ 30' });
      } else {
        note(`postgres: runs ${runs.map((r) => r.toFixed(1)).join(', ')} s`);
        const sorted = [...runs].sort((a, b) => a - b);
        const median = sorted[Math.floor((repeat - 1) / 2)] as number;
        out.push({ name: `${name}, median of ${repeat}`, value: median, unit: 's', goal: '≤ 30' });
        out.push({
          name: `${name}, slowest of ${repeat}`,
          value: sorted.at(-1) as number,
          unit: 's',
          goal: '≤ 30',
        });
      }
    } finally {
      server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 2. Derived indicators over 1,000,000 yearly figures.

const DERIVE_FROM = 2014;
const DERIVE_TO = 2023;
const DERIVE_ENTERPRISES = 100_000;

/**
 * Loads the registers straight in SQL (not through the audited path): 100,000 enterprises over
 * the 38 区县, 10 yearly figures each (1,000,000 rows), 60,000 qualifications (high-tech
 * enterprises with 3-year validity, tech SMEs), 2,000 platforms, 20,000 talents, 100,000
 * contracts, 300,000 patents, and GDP/Population for each region and year.
 */
async function loadDeriveData(db: Db): Promise<void> {
  await seedRegions(db);
  const regions = regionsAt('2023-12-31').map((r) => r.code);
  const alphabet = USCC_CHARSET;
  await db.query(
    `INSERT INTO enterprises (uscc, name, region_code, industry_code, registered_on)
     SELECT '91' || r.code || lpad(g::text, 9, '0') || substr($2, 1 + g % 31, 1),
            '重庆测试' || g || '号科技有限公司', r.code, 'C' || (3900 + g % 90),
            make_date(2000 + g % 24, 1 + g % 12, 15)
     FROM generate_series(1, $1::int) AS g
     JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS i FROM unnest($3::text[]) AS code) r
       ON r.i = g % $4`,
    [DERIVE_ENTERPRISES, alphabet, regions, regions.length],
  );
  await db.query(
    `INSERT INTO enterprise_year_figures (enterprise_id, year, sales_revenue, total_revenue,
       hightech_revenue, rd_expense, rd_expense_domestic, staff_total, staff_st, conversions)
     SELECT e.id, y, s, s * 1.05, round(s * random()::numeric, 2), round(s * 0.04, 2),
            round(s * 0.038, 2), 10 + e.id % 300, 2 + e.id % 60, (e.id % 6)::int
     FROM enterprises e, generate_series($1::int, $2::int) AS y,
       LATERAL (SELECT round((100 + (e.id * 7919 % 20000))::numeric * (1 + (y - $1) * 0.05), 2) AS s) v`,
    [DERIVE_FROM, DERIVE_TO],
  );
  await db.query(
    `INSERT INTO qualifications (enterprise_id, kind, number, issued_on, expires_on, status)
     SELECT 1 + (g * 37) % $1, 'highTechEnterprise', 'GR' || g,
            make_date(2012 + g % 12, 1 + g % 12, 1 + g % 28),
            make_date(2015 + g % 12, 1 + g % 12, 1 + g % 28) - 1,
            CASE WHEN g % 50 = 0 THEN 'revoked' ELSE 'valid' END
     FROM generate_series(1, 30000) AS g
     UNION ALL
     SELECT 1 + (g * 53) % $1, 'techSme', 'SME' || g,
            make_date(2014 + g % 10, 1 + g % 12, 1 + g % 28), NULL, 'valid'
     FROM generate_series(1, 30000) AS g`,
    [DERIVE_ENTERPRISES],
  );
  await db.query(
    `INSERT INTO platforms (name, kind, level, region_code, accredited_on)
     SELECT '平台' || g, (ARRAY['engineeringCenter','keyLab','techCenter'])[1 + g % 3],
            (ARRAY['national','municipal','district'])[1 + g % 3], ($1::text[])[1 + g % $2],
            make_date(2005 + g % 19, 1 + g % 12, 1)
     FROM generate_series(1, 2000) AS g`,
    [regions, regions.length],
  );
  await db.query(
    `INSERT INTO talents (name, category, organisation, region_code, year)
     SELECT '人才' || g, (ARRAY['a','b','c'])[1 + g % 3], '单位' || (g % 500),
            ($1::text[])[1 + g % $2], $3 + g % 10
     FROM generate_series(1, 20000) AS g`,
    [regions, regions.length, DERIVE_FROM],
  );
  await db.query(
    `INSERT INTO contracts (contract_number, type, amount, seller_region_code, buyer_region_code, signed_on)
     SELECT 'HT' || g, 'development', (10 + g % 5000)::numeric, ($1::text[])[1 + g % $2],
            ($1::text[])[1 + (g * 7) % $2], make_date($3 + g % 10, 1 + g % 12, 1 + g % 28)
     FROM generate_series(1, 100000) AS g`,
    [regions, regions.length, DERIVE_FROM],
  );
  await db.query(
    `INSERT INTO patents (number, type, status, region_code, applied_on, granted_on)
     SELECT 'ZL' || g, (ARRAY['invention','utilityModel','design'])[1 + g % 3], 'granted',
            ($1::text[])[1 + g % $2], make_date($3 + g % 10, 1 + g % 12, 1 + g % 28) - 400,
            make_date($3 + g % 10, 1 + g % 12, 1 + g % 28)
     FROM generate_series(1, 300000) AS g`,
    [regions, regions.length, DERIVE_FROM],
  );
  await db.query(
    `INSERT INTO indicator_values (region_code, year, indicator_code, value, edition)
     SELECT r, y, c, CASE c WHEN 'GDP' THEN 300 + length(r) * 10 + y % 7 ELSE 50 + y % 5 END, ''
     FROM unnest($1::text[]) AS r, generate_series($2::int, $3::int) AS y,
       unnest(ARRAY['GDP', 'Population']) AS c`,
    [regions, DERIVE_FROM, DERIVE_TO],
  );
  await db.query('ANALYZE');
}

/** Derived indicators, 38 regions × 10 years, over 1,000,000 yearly figures on PostgreSQL. */
export async function benchRegistryDerive(): Promise<BenchResult[]> {
  const server = await startPostgres();
  try {
    const url = await freshDatabase(server.url, 'kechuang_bench_derive');
    const registry = await openDatabase({ url });
    try {
      let t0 = performance.now();
      await loadDeriveData(registry.db);
      const { rows } = await registry.db.query<{ f: number }>(
        'SELECT count(*)::int AS f FROM enterprise_year_figures',
      );
      note(`derive setup (SQL load + ANALYZE): ${seconds(t0).toFixed(1)} s, ${rows[0]?.f} figures`);

      t0 = performance.now();
      const values = await computeDerivedIndicators(registry.db, DERIVE_FROM, DERIVE_TO);
      const compute = seconds(t0);
      note(`computeDerivedIndicators: ${values.length} values`);

      t0 = performance.now();
      const written = await deriveIndicators(registry.db, CLI_ACTOR, DERIVE_FROM, DERIVE_TO);
      const derive = seconds(t0);
      note(`deriveIndicators: ${JSON.stringify(written)}`);

      t0 = performance.now();
      const again = await deriveIndicators(registry.db, CLI_ACTOR, DERIVE_FROM, DERIVE_TO);
      note(
        `deriveIndicators again (all unchanged): ${seconds(t0).toFixed(3)} s ${JSON.stringify(again)}`,
      );
      return [
        {
          name: 'computeDerivedIndicators, 38 regions × 10 years, 1,000,000 figures, PostgreSQL 15',
          value: compute,
          unit: 's',
          goal: '≤ 2',
        },
        {
          name: 'deriveIndicators (compute + audited write), 38 regions × 10 years, PostgreSQL 15',
          value: derive,
          unit: 's',
          goal: '≤ 2',
        },
      ];
    } finally {
      await registry.close();
    }
  } finally {
    server.stop();
  }
}
