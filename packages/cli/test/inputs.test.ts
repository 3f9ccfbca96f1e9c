/** Input formats: XLSX workbooks and sheets, GB18030 (GBK) CSV with Chinese names, UTF-8 BOM. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { buildIndexCommand } from '../src/commands/indexBuild.ts';
import { CliInputError } from '../src/errors.ts';
import { decodeText, readTable } from '../src/io/readTable.ts';
import { displayWidth } from '../src/io/textTable.ts';
import {
  ASEM_DATA,
  ASEM_META,
  ASEM_SPEC_JSON,
  buildCli,
  compareDatasets,
  expectedDataset,
  readDatasetCsv,
  readGrid,
  removeTempDirs,
  tempDir,
  writeText,
} from './helpers.ts';

afterAll(removeTempDirs);

/** A CSV cell as Excel would hold it: numbers as numbers, blanks empty. */
function excelValue(v: string): string | number | null {
  if (v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
}

async function asemWorkbook(dir: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [name, file] of [
    ['iMeta', ASEM_META],
    ['iData', ASEM_DATA],
  ] as const) {
    const sheet = book.addWorksheet(name);
    for (const row of readGrid(file)) sheet.addRow(row.map(excelValue));
  }
  const path = join(dir, 'asem.xlsx');
  await book.xlsx.writeFile(path);
  return path;
}

describe('XLSX input', () => {
  test('iMeta (first sheet) and iData (book.xlsx#iData) give the same Aggregated result', async () => {
    const dir = tempDir();
    const book = await asemWorkbook(dir);
    const result = await buildIndexCommand({
      meta: book,
      data: `${book}#iData`,
      spec: writeText(dir, 'spec.json', ASEM_SPEC_JSON),
      out: join(dir, 'out'),
    });
    for (const name of ['Raw', 'Aggregated']) {
      const written = readDatasetCsv(join(result.outDir, `${name}.csv`));
      const { maxRelDiff, problems } = compareDatasets(written, expectedDataset(name));
      expect(problems).toEqual([]);
      expect(maxRelDiff).toBeLessThanOrEqual(1e-9);
    }
    expect(result.ranking[2]).toMatch(/^\s*1\s+CHE\s/);
  });

  test('rows are numbered as in the sheet (header = row 1)', async () => {
    const dir = tempDir();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('数据');
    sheet.addRow(['uCode', 'x']);
    sheet.addRow(['A', 1]);
    sheet.addRow([]);
    sheet.addRow(['B', { formula: '1+1', result: 2 }]);
    const path = join(dir, 'book.xlsx');
    await book.xlsx.writeFile(path);
    const table = await readTable(`${path}#数据`);
    expect(table.sheet).toBe('数据');
    expect(table.header).toEqual(['uCode', 'x']);
    expect(table.rows).toEqual([
      { uCode: 'A', x: 1 },
      { uCode: 'B', x: 2 },
    ]);
    expect(table.rowNumbers).toEqual([2, 4]);
  });

  test('a missing sheet is a user error listing the sheets', async () => {
    const dir = tempDir();
    const book = await asemWorkbook(dir);
    const result = await buildCli(dir, { data: `${book}#Data2018` });
    expect(result.code).toBe(2);
    expect(result.wrote).toBe(false);
    expect(result.err).toContain(
      `文件 ${book}#Data2018：没有名为“Data2018”的工作表（现有：iMeta, iData） / ` +
        `${book}#Data2018: no sheet named "Data2018" (sheets: iMeta, iData)`,
    );
  });
});

/** GBK bytes of the Chinese characters used below (checked against TextDecoder('gb18030')). */
const GBK: Record<string, string> = {
  中: 'd6d0',
  国: 'b9fa',
  科: 'bfc6',
  技: 'bcbc',
  创: 'b4b4',
  新: 'd0c2',
  指: 'd6b8',
  数: 'cafd',
  重: 'd6d8',
  庆: 'c7ec',
  北: 'b1b1',
  京: 'bea9',
  上: 'c9cf',
  海: 'baa3',
};

/** Encode text as GBK: ASCII as is, Chinese from the table above. */
function gbk(text: string): Buffer {
  return Buffer.concat(
    [...text].map((ch) => {
      const hex = GBK[ch];
      if (hex) return Buffer.from(hex, 'hex');
      if (ch.charCodeAt(0) > 0x7f) throw new Error(`no GBK bytes for ${ch}`);
      return Buffer.from(ch, 'latin1');
    }),
  );
}

const META_ZH = [
  'Level,iCode,iName,Direction,Weight,Parent,Type',
  '1,X1,科技,1,1,Index,Indicator',
  '1,X2,创新,1,1,Index,Indicator',
  '2,Index,科技创新指数,1,1,,Aggregate',
  '',
].join('\r\n');

const DATA_ZH = [
  'uCode,uName,Reference,X1,X2',
  'BJ,北京,0,10,20',
  'SH,上海,0,10,20',
  'CQ,重庆,0,5,8',
  'CN,中国,1,7,12',
  '',
].join('\r\n');

const SPEC_ZH =
  '{"steps":[{"step":"normalise","method":"minMax","range":[0,100]},' +
  '{"step":"aggregate","method":"arithmeticMean"}]}';

describe('GB18030 (GBK) CSV', () => {
  test('the fixture bytes are GBK, not UTF-8', () => {
    const bytes = gbk(DATA_ZH);
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(DATA_ZH);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeText(bytes)).toEqual({ text: DATA_ZH, encoding: 'gb18030' });
  });

  test('iMeta and iData in GBK build, with Chinese names, ties and a reference unit', async () => {
    const dir = tempDir();
    const meta = writeText(dir, 'meta.csv', gbk(META_ZH));
    const data = writeText(dir, 'data.csv', gbk(DATA_ZH));
    expect((await readTable(data)).encoding).toBe('gb18030');
    const result = await buildIndexCommand({
      meta,
      data,
      spec: writeText(dir, 'spec.json', SPEC_ZH),
      out: join(dir, 'out'),
    });
    const { tree, units } = result.build.input.ctx;
    expect(tree.byCode.get('Index')?.names.zh).toBe('科技创新指数');
    expect(units.map((u) => u.names.zh)).toEqual(['北京', '上海', '重庆', '中国']);
    expect(units.find((u) => u.code === 'CN')?.isReference).toBe(true);

    const [title, header, ...rows] = result.ranking;
    expect(title).toBe('科技创新指数（Index）');
    expect(header).toMatch(/^排名/);
    const table = [header as string, ...rows.slice(0, 4)];
    expect(table.slice(1).map((l) => l.trim().split(/\s+/))).toEqual([
      ['1', 'BJ', '北京', '100.00'],
      ['1', 'SH', '上海', '100.00'],
      ['参照', 'CN', '中国', '36.67'],
      ['3', 'CQ', '重庆', '0.00'],
    ]);
    // Aligned: every line has the same display width, names start in the same column.
    expect(new Set(table.map(displayWidth)).size).toBe(1);
    const nameColumn = (line: string, name: string) =>
      displayWidth(line.slice(0, line.indexOf(name)));
    expect(nameColumn(table[1] as string, '北京')).toBe(nameColumn(header as string, '名称'));

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(result.outDir, 'results.xlsx'));
    const ranks = book.getWorksheet('Ranks') as ExcelJS.Worksheet;
    const values = ranks.getSheetValues().slice(1) as unknown[][];
    expect(values.map((r) => r.slice(1))).toEqual([
      ['uCode', 'uName', 'Index'],
      ['BJ', '北京', 1],
      ['SH', '上海', 1],
      ['CQ', '重庆', 3],
      ['CN', '中国'],
    ]);
  });

  test('UTF-8 with a BOM and Chinese headers and names', async () => {
    const dir = tempDir();
    const path = writeText(dir, 'bom.csv', `\uFEFFuCode,uName,指标\nBJ,北京,1\n`);
    const table = await readTable(path);
    expect(table.encoding).toBe('utf-8');
    expect(table.header).toEqual(['uCode', 'uName', '指标']);
    expect(table.rows).toEqual([{ uCode: 'BJ', uName: '北京', 指标: '1' }]);
  });

  test('blank lines and empty rows are skipped but rows keep their file numbers', async () => {
    const dir = tempDir();
    const path = writeText(dir, 'gaps.csv', 'uCode,x\nA,1\n\n,\nB,2\n');
    const table = await readTable(path);
    expect(table.rows.map((r) => r.uCode)).toEqual(['A', 'B']);
    expect(table.rowNumbers).toEqual([2, 5]);
  });

  test('unsupported file types are user errors', async () => {
    const dir = tempDir();
    const xls = writeText(dir, 'old.xls', 'x');
    await expect(readTable(xls)).rejects.toThrow(CliInputError);
    await expect(readTable(xls)).rejects.toThrow(/另存为 \.xlsx/);
  });
});
