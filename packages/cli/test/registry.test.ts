/**
 * The registry commands in-process against a temporary KECHUANG_DATA_DIR (embedded PGlite):
 * seed --demo, import (CSV in UTF-8 and GB18030, XLSX), bad files refused with exit code 2 and the
 * database unchanged, export and template round trips.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeUsccCheckChar } from '@kechuang/domain';
import { getImportKind, openDatabase } from '@kechuang/registry';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openRegistry } from '../src/commands/registryDb.ts';
import { importFiles } from '../src/commands/registryImport.ts';
import { CliInputError } from '../src/errors.ts';
import { readTable } from '../src/io/readTable.ts';
import { cliWithEnv, removeTempDirs, tempDir, writeText } from './helpers.ts';

let dataDir: string;
let work: string;

function kechuang(...args: string[]) {
  return cliWithEnv({ KECHUANG_DATA_DIR: dataDir }, ...args);
}

/** Row counts of the registers and the audit log. */
async function counts(): Promise<Record<string, number>> {
  const registry = await openDatabase({ dataDir });
  try {
    const out: Record<string, number> = {};
    for (const t of ['enterprises', 'enterprise_year_figures', 'indicator_values', 'audit_log']) {
      const { rows } = await registry.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${t}`,
      );
      out[t] = Number(rows[0]?.n);
    }
    return out;
  } finally {
    await registry.close();
  }
}

function validUscc(n: number): string {
  const body = `MA${String(n).padStart(6, '0')}`;
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce(
    (s, c, i) => s + (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55) * (weights[i] ?? 0),
    0,
  );
  const r = 11 - (sum % 11);
  const first17 = `91500112${body}${r === 10 ? 'X' : r === 11 ? '0' : String(r)}`;
  return first17 + computeUsccCheckChar(first17);
}

/** The same code with a wrong check character. */
function wrongCheck(code: string): string {
  return code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
}

beforeAll(async () => {
  dataDir = join(tempDir(), 'data');
  work = tempDir();
});
afterAll(removeTempDirs);

describe('kechuang seed --demo, import, export, template', () => {
  test('db migrate, then seed --demo loads the demo through the import path; seeding again changes nothing', async () => {
    const migrate = await kechuang('db', 'migrate');
    expect(migrate.code, migrate.err).toBe(0);
    const first = await kechuang('seed', '--demo');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/indicators：已导入，新增 3307/);
    expect(first.out).toMatch(/enterprises：已导入，新增 120/);
    const after = await counts();
    expect(after.indicator_values).toBe(3307);
    expect(after.enterprise_year_figures).toBe(360);
    const again = await kechuang('seed', '--demo');
    expect(again.code, again.err).toBe(0);
    expect(again.out).not.toMatch(/新增 [1-9]/);
    expect(await counts()).toEqual(after);
    // Derived indicators from the demo registry; deriving again changes nothing.
    const derive = await kechuang('indicators', 'derive', '--year', '2022', '--to', '2023');
    expect(derive.code, derive.err).toBe(0);
    expect(derive.out).toMatch(/新增 [1-9]\d*/);
    const rederive = await kechuang('indicators', 'derive', '--year', '2022', '--to', '2023');
    expect(rederive.out).toMatch(/新增 0，更新 0/);
  });

  test('template → fill in (GB18030 CSV) → import; dry run first writes nothing', async () => {
    const template = join(work, 'enterprises.csv');
    expect((await kechuang('template', 'enterprises', '--out', template)).code).toBe(0);
    expect(readFileSync(template, 'utf8').startsWith('\uFEFF统一社会信用代码')).toBe(true);
    const xlsx = join(work, 'enterprises-template.xlsx');
    expect((await kechuang('template', 'enterprises', '--out', xlsx)).code).toBe(0);
    const notes = await readTable(`${xlsx}#说明 Notes`);
    expect(notes.rows.length).toBeGreaterThan(5);
    const text = stringify([
      ['统一社会信用代码', '企业名称', '所在区县'],
      [validUscc(1), '重庆甲科技有限公司', '石柱县'],
      [validUscc(2), '重庆乙科技有限公司', '渝北'],
    ]);
    const gb = writeText(work, 'gb.csv', encodeGb18030(text));
    const before = await counts();
    const dry = await kechuang('import', 'enterprises', gb, '--dry-run');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('新增 2');
    expect(await counts()).toEqual(before);
    const real = await kechuang('import', 'enterprises', gb);
    expect(real.code, real.err).toBe(0);
    expect((await counts()).enterprises).toBe((before.enterprises ?? 0) + 2);
  });

  test('export → re-import changes nothing (XLSX and CSV)', async () => {
    for (const ext of ['xlsx', 'csv']) {
      const out = join(work, `figures.${ext}`);
      const exported = await kechuang('export', 'enterpriseFigures', '--out', out);
      expect(exported.code, exported.err).toBe(0);
      const before = await counts();
      const again = await kechuang('import', 'enterpriseFigures', out);
      expect(again.code, again.err).toBe(0);
      expect(again.out).toContain('新增 0，更新 0');
      expect(await counts()).toEqual(before);
    }
  });

  describe('bad files: exit code 2, a row-level report, the database unchanged', () => {
    const refused = async (file: string, kind = 'enterprises') => {
      const before = await counts();
      const result = await kechuang('import', kind, file);
      expect(result.code, result.out).toBe(2);
      expect(await counts()).toEqual(before);
      return result.err;
    };

    test('wrong encoding: bytes neither UTF-8 nor GB18030', async () => {
      const bytes = Buffer.concat([
        Buffer.from('统一社会信用代码,企业名称,所在区县\n', 'utf8'),
        Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x80, 0x2c, 0x41, 0x0a]),
      ]);
      const err = await refused(writeText(work, 'bad-encoding.csv', bytes));
      expect(err).toContain('neither UTF-8 nor GB18030');
    });

    test('a binary file', async () => {
      const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
      await refused(writeText(work, 'binary.csv', bytes));
    });

    test('missing columns, bad 统一社会信用代码, duplicate keys, text in number columns', async () => {
      const missing = await refused(
        writeText(work, 'missing.csv', stringify([['统一社会信用代码'], [validUscc(3)]])),
      );
      expect(missing).toContain('required column "Name" (企业名称) is missing');
      const bad = await refused(
        writeText(
          work,
          'bad-uscc.csv',
          stringify([
            ['统一社会信用代码', '企业名称', '所在区县'],
            [wrongCheck(validUscc(4)), '丙公司', '渝北区'],
          ]),
        ),
      );
      expect(bad).toMatch(/第 2 行 统一社会信用代码 列/);
      const dup = await refused(
        writeText(
          work,
          'dup.csv',
          stringify([
            ['统一社会信用代码', '企业名称', '所在区县'],
            [validUscc(5), '丁公司', '渝北区'],
            [validUscc(5), '丁公司', '渝北区'],
          ]),
        ),
      );
      expect(dup).toContain('duplicates row 2');
      const text = await refused(
        writeText(
          work,
          'text.csv',
          stringify([
            ['统一社会信用代码', '年度', '销售收入（万元）'],
            [validUscc(1), 2023, '五百'],
          ]),
        ),
        'enterpriseFigures',
      );
      expect(text).toContain('"五百" is not a number');
    });

    test('an empty sheet and an unknown kind', async () => {
      const err = await refused(
        writeText(work, 'empty.csv', '统一社会信用代码,企业名称,所在区县\n'),
      );
      expect(err).toContain('no data rows');
      const unknown = await kechuang('import', 'unicorns', join(work, 'empty.csv'));
      expect(unknown.code).toBe(2);
    });

    test('a 10 MB file with one bad row at the end', async () => {
      const rows: string[][] = [['统一社会信用代码', '企业名称', '所在区县', '成立日期']];
      let i = 0;
      let size = 0;
      while (size < 10 * 1024 * 1024) {
        const row = [
          validUscc(100_000 + i),
          `重庆大文件测试企业第${i}号科技有限公司`,
          '渝北区',
          '2020-01-01',
        ];
        size += Buffer.byteLength(row.join(',')) + 1;
        rows.push(row);
        i++;
      }
      (rows.at(-1) as string[])[3] = '2020-13-45';
      const file = writeText(work, 'big.csv', stringify(rows));
      const err = await refused(file);
      expect(err).toContain(`第 ${rows.length} 行 成立日期 列`);
    });

    test('a large file whose CSV breaks at the end: the rows before, already being written, are rolled back', async () => {
      const rows = Array.from({ length: 12_000 }, (_, i) => [
        validUscc(400_000 + i),
        `重庆语法测试企业${i}号`,
        '渝北区',
      ]);
      const text = `${stringify([['统一社会信用代码', '企业名称', '所在区县'], ...rows])}"unclosed,乙,丙\n`;
      const err = await refused(writeText(work, 'broken-end.csv', text));
      expect(err).toContain('malformed CSV');
    });

    test('a batch whose second file cannot be decoded writes nothing of the first (read while the first was checked and written)', async () => {
      const enterprises = writeText(
        work,
        'batch-enterprises.csv',
        stringify([
          ['统一社会信用代码', '企业名称', '所在区县'],
          ...Array.from({ length: 12_000 }, (_, i) => [
            validUscc(300_000 + i),
            `重庆批量测试企业${i}号`,
            '渝北区',
          ]),
        ]),
      );
      const figures = writeText(
        work,
        'batch-figures.csv',
        Buffer.concat([
          Buffer.from('统一社会信用代码,年度,销售收入（万元）\n', 'utf8'),
          Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x80, 0x2c, 0x41, 0x0a]),
        ]),
      );
      const before = await counts();
      const registry = await openRegistry({ KECHUANG_DATA_DIR: dataDir });
      try {
        const error = await importFiles(registry.db, [
          { kind: getImportKind('enterprises'), file: enterprises },
          { kind: getImportKind('enterpriseFigures'), file: figures },
        ]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CliInputError);
        expect(String((error as Error).message)).toContain('neither UTF-8 nor GB18030');
      } finally {
        await registry.close();
      }
      expect(await counts()).toEqual(before);
    });
  });
});

/** GB18030 bytes of text (Node has no GB18030 encoder: map each character via TextDecoder). */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GB18030 two-byte code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}
