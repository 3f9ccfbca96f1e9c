/**
 * The import/export test suite, run on each engine: `describeImports('pglite', open)` in
 * `pglite.test.ts`; the PostgreSQL run passes an `open` that connects to the test server.
 */
import { computeUsccCheckChar } from '@kechuang/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db.ts';
import type { Registry } from '../openDatabase.ts';
import { type Actor, DISTRICT_TABLES } from '../permissions.ts';
import { seedRegions } from '../seedRegions.ts';
import { exportRows } from './exports.ts';
import { importBatch, importRows } from './importRows.ts';
import { IMPORT_KIND_NAMES, IMPORT_KINDS } from './kinds.ts';
import type { Cell } from './parseCell.ts';
import { templateWorkbook } from './templates.ts';
import type { ImportTable } from './validateRows.ts';

const ADMIN: Actor = { name: 'test-admin', role: 'cityAdmin' };

/** A table from a header and rows of cells (row numbers as a spreadsheet: header = 1). */
export function tableOf(header: string[], rows: Cell[][]): ImportTable {
  return {
    header,
    rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null]))),
    rowNumbers: rows.map((_, i) => i + 2),
  };
}

/** A valid 统一社会信用代码 for serial n (registered in 渝北 500112, 91 = enterprise). */
export function syntheticUscc(n: number): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  // Organisation code body: 'MA' + 6 digits; its GB 11714 check character computed below.
  const body = `MA${String(n).padStart(6, '0')}`;
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body.charAt(i);
    sum += (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55) * (weights[i] ?? 0);
  }
  const r = 11 - (sum % 11);
  const orgCheck = r === 10 ? 'X' : r === 11 ? '0' : String(r);
  const first17 = `91500112${body}${orgCheck}`;
  if (![...first17].every((c) => charset.includes(c))) return syntheticUscc(n + 1_000_000);
  return first17 + computeUsccCheckChar(first17);
}

/** The template's example row of a kind as a table. */
function exampleTable(name: keyof typeof IMPORT_KINDS): ImportTable {
  const [data] = templateWorkbook(IMPORT_KINDS[name]).sheets;
  return tableOf(data.rows[0] as string[], [data.rows[1] as string[]]);
}

// Every register a district may write, and the audit log: what a refused import must not touch.
const TABLES = [...DISTRICT_TABLES, 'audit_log'];

/** Row counts of every register table and the audit log. */
export async function snapshot(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    out[t] = Number(rows[0]?.n);
  }
  return out;
}

const ENTERPRISE_HEADER = ['统一社会信用代码', '企业名称', '所在区县', '成立日期'];
const FIGURES_HEADER = ['统一社会信用代码', '年度', '销售收入（万元）', '研发费用（万元）'];

/** Enterprises and figures tables of n synthetic firms (first half 渝北区, rest 石柱县). */
export function syntheticTables(n: number, years = [2021, 2022, 2023]) {
  const codes = Array.from({ length: n }, (_, i) => syntheticUscc(i + 1));
  const enterprises = tableOf(
    ENTERPRISE_HEADER,
    codes.map((c, i) => [
      c,
      `重庆测试企业${i + 1}有限公司`,
      i < n / 2 ? '渝北区' : '石柱县',
      '2015/6/1',
    ]),
  );
  const figures = tableOf(
    FIGURES_HEADER,
    codes.flatMap((c, i) => years.map((y) => [c, y, 1000 + i, 50 + (i % 7)])),
  );
  return { codes, enterprises, figures };
}

/**
 * db, with a count of the upsert statements it sends per table (inside transactions too), to
 * show that an import was writing before it was refused.
 */
export function statementSpy(db: Db): { db: Db; upserts: (table: string) => number } {
  const sent: string[] = [];
  const wrap = (inner: Db): Db => {
    const wrapped: Db = {
      engine: inner.engine,
      query: (sql, params) => {
        sent.push(sql);
        return inner.query(sql, params);
      },
      transaction: (fn) => inner.transaction((tx) => fn(tx === inner ? wrapped : wrap(tx))),
      close: () => inner.close(),
    };
    return wrapped;
  };
  return {
    db: wrap(db),
    upserts: (table) => sent.filter((sql) => sql.includes(`INSERT INTO "${table}" AS t`)).length,
  };
}

/** The import/export suite against a fresh registry from `open`. */
export function describeImports(name: string, open: () => Promise<Registry>): void {
  describe(`imports and exports (${name})`, () => {
    let registry: Registry;
    let db: Db;
    beforeAll(async () => {
      registry = await open();
      db = registry.db;
      await seedRegions(db);
    }, 120_000);
    afterAll(async () => {
      await registry?.close();
    });

    test('every kind: the template example row imports (1 inserted), then re-imports unchanged', async () => {
      for (const kind of IMPORT_KIND_NAMES) {
        const report = await importRows(db, ADMIN, IMPORT_KINDS[kind], exampleTable(kind));
        expect(report.issues, kind).toEqual([]);
        expect(report.inserted, kind).toBe(1);
      }
      const before = await snapshot(db);
      for (const kind of IMPORT_KIND_NAMES) {
        const report = await importRows(db, ADMIN, IMPORT_KINDS[kind], exampleTable(kind));
        expect([report.inserted, report.updated, report.unchanged], kind).toEqual([0, 0, 1]);
      }
      expect(await snapshot(db)).toEqual(before);
    });

    test('stored values: enum labels become codes, regions by name become codes, jsonb categories', async () => {
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT e.region_code, e.hightech_field_code, e.former_names, f.rd_expense_by_category
         FROM enterprises e JOIN enterprise_year_figures f ON f.enterprise_id = e.id
         WHERE e.uscc = '91500112MA5U0002XA'`,
      );
      expect(rows[0]?.region_code).toBe('500112');
      expect(rows[0]?.hightech_field_code).toBe('10');
      expect(rows[0]?.former_names).toEqual(['重庆示例电子有限公司']);
      const categories = rows[0]?.rd_expense_by_category as Record<string, number> | undefined;
      expect(categories?.personnel).toBe(120);
      const q = await db.query<{ kind: string; status: string }>(
        'SELECT kind, status FROM qualifications',
      );
      expect(q.rows).toEqual([{ kind: 'highTechEnterprise', status: 'valid' }]);
    });

    test('every kind: an export re-imports unchanged', async () => {
      for (const kind of IMPORT_KIND_NAMES) {
        const exported = await exportRows(db, ADMIN, IMPORT_KINDS[kind]);
        expect(exported.rows.length, kind).toBeGreaterThan(0);
        const report = await importRows(
          db,
          ADMIN,
          IMPORT_KINDS[kind],
          tableOf(exported.header, exported.rows),
        );
        expect(report.issues, kind).toEqual([]);
        expect([report.inserted, report.updated], kind).toEqual([0, 0]);
      }
    });

    test('English headers in any case and spacing are accepted; a changed value is 1 updated and audited', async () => {
      const before = await snapshot(db);
      const report = await importRows(
        db,
        ADMIN,
        IMPORT_KINDS.enterprises,
        tableOf(
          ['  uscc ', 'NAME', 'region', 'Registered On'],
          [['91500112MA5U0002XA', '重庆示例科技有限公司', '500112', '2016-01-02']],
        ),
      );
      expect(report.issues).toEqual([]);
      expect([report.inserted, report.updated]).toEqual([0, 1]);
      const after = await snapshot(db);
      expect(after.audit_log).toBe((before.audit_log ?? 0) + 1);
    });

    describe('bad files are refused with a row-level report and leave the database unchanged', () => {
      const refused = async (kind: keyof typeof IMPORT_KINDS, table: ImportTable) => {
        const before = await snapshot(db);
        const report = await importRows(db, ADMIN, IMPORT_KINDS[kind], table);
        expect(report.written).toBe(false);
        expect([report.inserted, report.updated]).toEqual([0, 0]);
        expect(await snapshot(db)).toEqual(before);
        return report;
      };

      test('missing required columns: one issue per column, on the header row', async () => {
        const report = await refused(
          'enterprises',
          tableOf(['统一社会信用代码', '成立日期'], [[syntheticUscc(9001), '2020-01-01']]),
        );
        expect(report.issues.map((i) => [i.row, i.column])).toEqual([
          [1, '企业名称'],
          [1, '所在区县'],
        ]);
        expect(report.issues[0]?.en).toContain('required column');
        expect(report.rejected).toBe(1);
      });

      test('bad 统一社会信用代码: check character and length are hard errors naming row and value', async () => {
        const good = syntheticUscc(9002);
        const typo = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
        const report = await refused(
          'enterprises',
          tableOf(ENTERPRISE_HEADER, [
            [good, '甲公司', '渝北区', ''],
            [typo, '乙公司', '渝北区', ''],
            ['12345', '丙公司', '渝北区', ''],
          ]),
        );
        expect(report.issues.map((i) => [i.row, i.column, i.value])).toEqual([
          [3, '统一社会信用代码', typo],
          [4, '统一社会信用代码', '12345'],
        ]);
        expect(report.issues[0]?.zh).toContain('校验码');
        expect(report.issues[0]?.en).toContain('check character');
        expect(report.rejected).toBe(2);
      });

      test('duplicate natural keys: both rows are named', async () => {
        const code = syntheticUscc(9003);
        const report = await refused(
          'enterprises',
          tableOf(ENTERPRISE_HEADER, [
            [code, '甲公司', '渝北区', ''],
            [syntheticUscc(9004), '乙公司', '渝北区', ''],
            [code.toLowerCase(), '甲公司（重复）', '渝北区', ''],
          ]),
        );
        expect(report.issues.map((i) => i.row)).toEqual([2, 4]);
        expect(report.issues[0]?.zh).toContain('第 4 行');
        expect(report.issues[1]?.en).toContain('duplicates row 2');
      });

      test('text in number columns, bad dates, unknown enum values and regions', async () => {
        const code = syntheticUscc(9005);
        await importRows(
          db,
          ADMIN,
          IMPORT_KINDS.enterprises,
          tableOf(ENTERPRISE_HEADER, [[code, '丁公司', '渝北区', '']]),
        );
        const before = await snapshot(db);
        const report = await importRows(
          db,
          ADMIN,
          IMPORT_KINDS.enterpriseFigures,
          tableOf(FIGURES_HEADER, [
            [code, 2023, '约五百万', 10],
            [code, '二〇二二', 1, 1],
            [code, 2021, '1,234.5', '12 万'],
          ]),
        );
        expect(report.issues.map((i) => [i.row, i.column, i.value])).toEqual([
          [2, '销售收入（万元）', '约五百万'],
          [3, '年度', '二〇二二'],
          [4, '研发费用（万元）', '12 万'],
        ]);
        expect(report.issues[0]?.en).toBe('"约五百万" is not a number');
        expect(await snapshot(db)).toEqual(before);
        const other = await refused(
          'platforms',
          tableOf(
            ['平台名称', '平台类型', '所在区县', '认定日期'],
            [
              ['甲平台', '宇宙实验室', '渝北区', '2023-02-30'],
              ['乙平台', '众创空间', '火星区', '2023/2/3'],
            ],
          ),
        );
        expect(other.issues.map((i) => [i.row, i.column])).toEqual([
          [2, '平台类型'],
          [2, '认定日期'],
          [3, '所在区县'],
        ]);
      });

      test('an empty sheet', async () => {
        const report = await refused('enterprises', tableOf(ENTERPRISE_HEADER, []));
        expect(report.issues).toHaveLength(1);
        expect(report.issues[0]?.en).toContain('no data rows');
      });

      test('yearly figures of an enterprise not in the registry', async () => {
        const report = await refused(
          'enterpriseFigures',
          tableOf(FIGURES_HEADER, [[syntheticUscc(9006), 2023, 1, 1]]),
        );
        expect(report.issues[0]?.en).toContain('no enterprise with USCC');
      });

      test('a large file (30,000 rows) with one bad row at the end writes nothing', async () => {
        const { enterprises } = syntheticTables(30_000);
        const last = enterprises.rows.at(-1) as Record<string, Cell>;
        last.所在区县 = '不存在区';
        const report = await refused('enterprises', enterprises);
        expect(report.issues.map((i) => i.row)).toEqual([30_001]);
        expect(report.rejected).toBe(1);
      });
    });

    test('the embedded 组织机构代码 warning refuses the row unless accepted, then it is stored with the warning', async () => {
      // Organisation-code check character deliberately wrong, USCC check character recomputed.
      const good = syntheticUscc(9100);
      const orgCheck = good.charAt(16) === '1' ? '2' : '1';
      const first17 = `${good.slice(0, 16)}${orgCheck}`;
      const code = first17 + computeUsccCheckChar(first17);
      const table = tableOf(ENTERPRISE_HEADER, [[code, '历史代码公司', '渝北区', '']]);
      const refusedReport = await importRows(db, ADMIN, IMPORT_KINDS.enterprises, table);
      expect(refusedReport.issues[0]?.zh).toContain('组织机构代码');
      expect(refusedReport.inserted).toBe(0);
      const accepted = await importRows(db, ADMIN, IMPORT_KINDS.enterprises, table, {
        acceptUsccWarnings: true,
      });
      expect(accepted.issues).toEqual([]);
      expect(accepted.warnings).toHaveLength(1);
      expect(accepted.inserted).toBe(1);
      const { rows } = await db.query<{ uscc_warning: string | null }>(
        'SELECT uscc_warning FROM enterprises WHERE uscc = $1',
        [code],
      );
      expect(rows[0]?.uscc_warning).toContain('组织机构代码');
    });

    test('dry run: exact counts, nothing written', async () => {
      const before = await snapshot(db);
      const { enterprises, figures } = syntheticTables(50);
      const reports = await importBatch(
        db,
        ADMIN,
        [
          { kind: IMPORT_KINDS.enterprises, table: enterprises },
          { kind: IMPORT_KINDS.enterpriseFigures, table: figures },
        ],
        { dryRun: true },
      );
      expect(reports.map((r) => [r.inserted, r.updated, r.unchanged, r.dryRun])).toEqual([
        [50, 0, 0, true],
        [150, 0, 0, true],
      ]);
      expect(await snapshot(db)).toEqual(before);
    });

    test('a batch: figures may refer to enterprises of the same batch; re-import changes nothing', async () => {
      const { enterprises, figures } = syntheticTables(200);
      const parts = [
        { kind: IMPORT_KINDS.enterprises, table: enterprises },
        { kind: IMPORT_KINDS.enterpriseFigures, table: figures },
      ];
      const first = await importBatch(db, ADMIN, parts);
      expect(first.map((r) => [r.inserted, r.updated])).toEqual([
        [200, 0],
        [600, 0],
      ]);
      const before = await snapshot(db);
      const again = await importBatch(db, ADMIN, parts);
      expect(again.map((r) => [r.inserted, r.updated, r.unchanged])).toEqual([
        [0, 0, 200],
        [0, 0, 600],
      ]);
      expect(await snapshot(db)).toEqual(before);
    });

    test('a batch whose second part has a bad last row writes nothing, though the first part was being written while it was checked', async () => {
      const before = await snapshot(db);
      const { enterprises, figures } = syntheticTables(12_000, [2021, 2022, 2023]);
      const last = figures.rows.at(-1) as Record<string, Cell>;
      last['销售收入（万元）'] = '一千';
      const spy = statementSpy(db);
      const reports = await importBatch(spy.db, ADMIN, [
        { kind: IMPORT_KINDS.enterprises, table: enterprises },
        { kind: IMPORT_KINDS.enterpriseFigures, table: figures },
      ]);
      // Enterprises were written in the transaction before the bad row was found, then rolled back.
      expect(spy.upserts('enterprises')).toBeGreaterThan(0);
      expect(reports.map((r) => [r.inserted, r.updated, r.rejected, r.written])).toEqual([
        [0, 0, 0, false],
        [0, 0, 1, false],
      ]);
      expect(reports[1]?.issues.map((i) => i.row)).toEqual([36_001]);
      expect(await snapshot(db)).toEqual(before);
    });

    test('one part: rows already written when a later chunk has a bad row, or repeats an earlier key, are rolled back', async () => {
      const before = await snapshot(db);
      const { codes, enterprises } = syntheticTables(16_000, []);
      const badCode = tableOf(ENTERPRISE_HEADER, [
        ...enterprises.rows.map((r) => Object.values(r) as Cell[]),
      ]);
      (badCode.rows.at(-1) as Record<string, Cell>)['统一社会信用代码'] = 'not-a-code';
      const repeated = tableOf(ENTERPRISE_HEADER, [
        ...enterprises.rows.map((r) => Object.values(r) as Cell[]),
        [codes[0] as string, '重复企业', '渝北区', '2015/6/1'],
      ]);
      for (const [table, rows] of [
        [badCode, [16_001]],
        [repeated, [2, 16_002]],
      ] as const) {
        const spy = statementSpy(db);
        const report = await importRows(spy.db, ADMIN, IMPORT_KINDS.enterprises, table);
        expect(spy.upserts('enterprises')).toBeGreaterThan(0);
        expect(report.issues.map((i) => i.row)).toEqual(rows);
        expect([report.inserted, report.written]).toEqual([0, false]);
        expect(await snapshot(db)).toEqual(before);
      }
    });

    test('a file whose every row is bad (150,000 rows): every row is reported, nothing written', async () => {
      const before = await snapshot(db);
      const rows = Array.from({ length: 150_000 }, (_, i): Cell[] => [
        syntheticUscc(20_000 + (i % 1000)),
        `企业${i}`,
        '渝北区',
        '2020-13-45',
      ]);
      const report = await importRows(
        db,
        ADMIN,
        IMPORT_KINDS.enterprises,
        tableOf(ENTERPRISE_HEADER, rows),
      );
      expect(report.written).toBe(false);
      expect(report.rejected).toBe(150_000);
      expect(report.issues.filter((i) => i.column === '成立日期')).toHaveLength(150_000);
      expect(await snapshot(db)).toEqual(before);
    });

    test('partial import (allOrNothing: false) writes the valid rows only', async () => {
      const a = syntheticUscc(9201);
      const report = await importRows(
        db,
        ADMIN,
        IMPORT_KINDS.enterprises,
        tableOf(ENTERPRISE_HEADER, [
          [a, '戊公司', '渝北区', ''],
          ['not-a-code', '己公司', '渝北区', ''],
        ]),
        { allOrNothing: false },
      );
      expect([report.inserted, report.rejected, report.issues.length]).toEqual([1, 1, 1]);
      expect(report.written).toBe(true);
    });

    test("a district editor's import of another region's rows is refused; her own region's rows import", async () => {
      const editor: Actor = { name: '渝北填报员', role: 'districtEditor', regionCode: '500112' };
      const own = syntheticUscc(9301);
      const table = tableOf(ENTERPRISE_HEADER, [
        [own, '庚公司', '渝北区', ''],
        [syntheticUscc(9302), '辛公司', '石柱县', ''],
      ]);
      const before = await snapshot(db);
      const report = await importRows(db, editor, IMPORT_KINDS.enterprises, table);
      expect(report.issues.map((i) => i.row)).toEqual([3]);
      expect(report.issues[0]?.en).toContain('writes only records of her region');
      expect(await snapshot(db)).toEqual(before);
      const partial = await importRows(db, editor, IMPORT_KINDS.enterprises, table, {
        allOrNothing: false,
      });
      expect([partial.inserted, partial.rejected]).toEqual([1, 1]);
      // Figures of a 石柱 enterprise already in the registry are not hers either.
      const shizhu = syntheticUscc(150);
      const figures = await importRows(
        db,
        editor,
        IMPORT_KINDS.enterpriseFigures,
        tableOf(FIGURES_HEADER, [[shizhu, 2024, 1, 1]]),
      );
      expect(figures.issues).toHaveLength(1);
      expect(figures.inserted).toBe(0);
    });

    test('the public may not import; it exports indicator values only', async () => {
      const pub: Actor = { name: 'visitor', role: 'public' };
      const report = await importRows(db, pub, IMPORT_KINDS.indicators, exampleTable('indicators'));
      expect(report.issues).toHaveLength(1);
      expect(report.rejected).toBe(1);
      await expect(exportRows(db, pub, IMPORT_KINDS.enterprises)).rejects.toThrow(
        /published data only/,
      );
      const indicators = await exportRows(db, pub, IMPORT_KINDS.indicators);
      expect(indicators.rows.length).toBeGreaterThan(0);
      const firm: Actor = { name: 'firm', role: 'enterpriseUser', uscc: '91500112MA5U0002XA' };
      const own = await exportRows(db, firm, IMPORT_KINDS.enterprises);
      expect(own.rows.map((r) => r[0])).toEqual(['91500112MA5U0002XA']);
    });
  });
}
