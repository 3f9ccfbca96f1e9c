/**
 * Bad input: exit code 2, every issue names the file, row, column and reason in Chinese and
 * English, no stack trace, and nothing is written to --out.
 */
import { afterAll, describe, expect, test } from 'vitest';
import {
  ASEM_DATA,
  ASEM_META,
  ASEM_SPEC_JSON,
  buildCli,
  cli,
  editCsv,
  readGrid,
  removeTempDirs,
  rowWhere,
  setCell,
  tempDir,
  writeText,
} from './helpers.ts';

afterAll(removeTempDirs);

/** The stderr line containing `needle`. */
function lineWith(err: string, needle: string): string {
  const line = err.split('\n').find((l) => l.includes(needle));
  expect(line, `no line with ${needle} in:\n${err}`).toBeDefined();
  return line as string;
}

function expectRejected(result: { code: number; err: string; out: string; wrote: boolean }) {
  expect(result.code).toBe(2);
  expect(result.wrote).toBe(false);
  expect(result.out).toBe('');
  expect(result.err).toMatch(/^发现 \d+ 个问题 \/ \d+ problems? found:/);
  expect(result.err).not.toMatch(/\n\s+at /);
}

describe('bad iMeta', () => {
  test('an unknown parent names the iMeta row and the Parent column', async () => {
    const dir = tempDir();
    let row = 0;
    const meta = editCsv(ASEM_META, dir, 'meta.csv', (h, rows) => {
      row = rowWhere(rows, h, 'iCode', 'Ship');
      setCell(rows, h, row, 'Parent', 'Physicall');
    });
    const result = await buildCli(dir, { meta });
    expectRejected(result);
    const line = lineWith(result.err, 'Physicall');
    // Spreadsheet rows: the header is row 1, so data row r is row r + 1.
    expect(line).toContain(`文件 ${meta} 第 ${row + 1} 行 Parent 列：Ship 的上级 Physicall 不存在`);
    expect(line).toContain(`${meta} row ${row + 1}, column Parent: Ship: unknown parent Physicall`);
  });

  test('a cycle of parents names a row of the cycle and the Parent column', async () => {
    const dir = tempDir();
    let conn = 0;
    const meta = editCsv(ASEM_META, dir, 'meta.csv', (h, rows) => {
      conn = rowWhere(rows, h, 'iCode', 'Conn');
      setCell(rows, h, conn, 'Parent', 'Sust');
      setCell(rows, h, rowWhere(rows, h, 'iCode', 'Sust'), 'Parent', 'Conn');
    });
    const result = await buildCli(dir, { meta });
    expectRejected(result);
    const line = lineWith(result.err, '成环');
    expect(line).toMatch(
      new RegExp(`^文件 ${meta} 第 ${conn + 1} 行 Parent 列：上级关系成环：.*Conn → Sust`),
    );
    expect(line).toContain(`${meta} row ${conn + 1}, column Parent: parent links form a cycle:`);
  });

  test('a negative weight names the iMeta row and the Weight column', async () => {
    const dir = tempDir();
    const meta = editCsv(ASEM_META, dir, 'meta.csv', (h, rows) => {
      setCell(rows, h, 1, 'Weight', '-0.5');
    });
    const result = await buildCli(dir, { meta });
    expectRejected(result);
    const line = lineWith(result.err, '-0.5');
    expect(line).toContain(`文件 ${meta} 第 2 行 Weight 列：LPI 的权重为负数（-0.5）`);
    expect(line).toContain(`${meta} row 2, column Weight: LPI: negative weight (-0.5)`);
  });

  test('several problems in iMeta and iData are all reported at once', async () => {
    const dir = tempDir();
    const meta = editCsv(ASEM_META, dir, 'meta.csv', (h, rows) => {
      setCell(rows, h, 1, 'Parent', 'Nowhere');
    });
    const data = editCsv(ASEM_DATA, dir, 'data.csv', (h, rows) => {
      setCell(rows, h, 5, 'Goods', 'n/a');
    });
    const result = await buildCli(dir, { meta, data });
    expectRejected(result);
    expect(result.err).toContain('发现 2 个问题 / 2 problems found:');
    lineWith(result.err, `文件 ${meta} 第 2 行 Parent 列`);
    lineWith(result.err, `文件 ${data} 第 6 行 Goods 列：“n/a”不是数字`);
  });
});

describe('bad iData', () => {
  test("a non-numeric value ('abc' in the third data row = spreadsheet row 4, column LPI)", async () => {
    const dir = tempDir();
    const data = editCsv(ASEM_DATA, dir, 'data.csv', (h, rows) => {
      setCell(rows, h, 3, 'LPI', 'abc');
    });
    const result = await buildCli(dir, { data });
    expectRejected(result);
    const line = lineWith(result.err, 'abc');
    expect(line).toBe(
      `文件 ${data} 第 4 行 LPI 列：“abc”不是数字 / ${data} row 4, column LPI: "abc" is not a number`,
    );
  });

  test('a duplicate unit code names both rows and the uCode column', async () => {
    const dir = tempDir();
    const data = editCsv(ASEM_DATA, dir, 'data.csv', (h, rows) => {
      setCell(rows, h, 4, 'uCode', 'BEL');
    });
    const result = await buildCli(dir, { data });
    expectRejected(result);
    const line = lineWith(result.err, '重复');
    expect(line).toContain(`文件 ${data} 第 5 行 uCode 列：单元 BEL（2018 年）与第 3 行重复`);
    expect(line).toContain(`${data} row 5, column uCode: unit BEL (time 2018) duplicates row 3`);
  });

  test('a file that does not exist', async () => {
    const dir = tempDir();
    const data = `${dir}/nope.csv`;
    const result = await buildCli(dir, { data });
    expectRejected(result);
    expect(lineWith(result.err, 'nope.csv')).toBe(
      `文件 ${data}：文件不存在 / ${data}: file not found`,
    );
  });

  test('a header naming a column twice', async () => {
    const dir = tempDir();
    const data = writeText(dir, 'data.csv', 'uCode,LPI,LPI\nA,1,2\n');
    const result = await buildCli(dir, { data });
    expectRejected(result);
    expect(lineWith(result.err, 'data.csv')).toContain(`文件 ${data} 第 1 行 LPI 列：`);
  });

  test('--time naming a time point that is not in the data', async () => {
    const dir = tempDir();
    const result = await buildCli(dir, { extra: ['--time', '1999'] });
    expectRejected(result);
    expect(lineWith(result.err, '1999')).toBe(
      `文件 ${ASEM_DATA} Time 列：没有时间点 1999 的数据（现有：2018） / ` +
        `${ASEM_DATA}, column Time: no data for time 1999 (available: 2018)`,
    );
  });
});

describe('a step that cannot run', () => {
  test('a geometric mean of a zero names the unit (its iData row) and the indicator', async () => {
    const dir = tempDir();
    const spec = writeText(
      dir,
      'geo.json',
      '{"steps":[{"step":"normalise","method":"minMax","range":[0,100]},' +
        '{"step":"aggregate","method":"geometricMean"}]}',
    );
    const result = await buildCli(dir, { spec });
    expectRejected(result);
    const line = lineWith(result.err, '几何平均');
    const m = new RegExp(
      `^文件 ${ASEM_DATA} 第 (\\d+) 行（单元 (\\w+)）：无法汇总 (\\w+)：单元 \\2 的 (\\w+) 为 0，几何平均要求正数 / ` +
        `${ASEM_DATA} row \\1 \\(unit \\2\\): cannot aggregate \\3: unit \\2 has \\4 = 0; ` +
        'the geometric mean needs positive values$',
    ).exec(line);
    expect(m, line).not.toBeNull();
    const [, row, unit, , indicator] = m as RegExpExecArray;
    // The row is the unit's row in iData, and the indicator's minimum is there (minMax → 0).
    const [header, ...rows] = readGrid(ASEM_DATA);
    const h = header as string[];
    expect(rows[Number(row) - 2]?.[h.indexOf('uCode')]).toBe(unit);
    const col = h.indexOf(indicator as string);
    const values = rows.map((r) => Number(r[col])).filter((v) => !Number.isNaN(v));
    expect(Number(rows[Number(row) - 2]?.[col])).toBe(Math.min(...values));
  });
});

describe('bad spec', () => {
  test('a JSON syntax error names the file, line and character', async () => {
    const dir = tempDir();
    const spec = writeText(
      dir,
      'spec.json',
      '{"steps":[\n  {"step":"normalise" "method":"minMax"}\n]}\n',
    );
    const result = await buildCli(dir, { spec });
    expectRejected(result);
    const line = lineWith(result.err, 'JSON');
    expect(line).toMatch(new RegExp(`^文件 ${spec} 第 2 行第 23 个字符：JSON 语法错误（`));
    expect(line).toMatch(new RegExp(` / ${spec} line 2, character 23: invalid JSON \\(`));
  });

  test('an unknown step and an unknown method are named by position', async () => {
    const dir = tempDir();
    const spec = writeText(
      dir,
      'spec.json',
      '{"steps":[{"step":"normalize","method":"minMax"},{"step":"aggregate","method":"mean"}]}',
    );
    const result = await buildCli(dir, { spec });
    expectRejected(result);
    expect(lineWith(result.err, 'normalize')).toBe(
      `文件 ${spec}：steps[0]：未知步骤 "normalize"，可用：denominate, impute, screen, treat, ` +
        'normalise, weight, aggregate / ' +
        `${spec}: steps[0]: unknown step "normalize"; known: denominate, impute, screen, treat, ` +
        'normalise, weight, aggregate',
    );
    const method = lineWith(result.err, '"mean"');
    expect(method).toContain(
      `文件 ${spec}：steps[1].method：未知方法 "mean"，可用：arithmeticMean`,
    );
    expect(method).toContain(`${spec}: steps[1].method: unknown method "mean"; known:`);
  });

  test('a negative weight in a weights CSV names that file, its row and the Weight column', async () => {
    const dir = tempDir();
    const weights = writeText(dir, 'weights.csv', 'iCode,Weight\nConn,1\nSust,-2\n');
    const spec = writeText(
      dir,
      'spec.json',
      JSON.stringify({ ...JSON.parse(ASEM_SPEC_JSON), weights: 'weights.csv' }),
    );
    const result = await buildCli(dir, { spec });
    expectRejected(result);
    expect(lineWith(result.err, '-2')).toBe(
      `文件 ${weights} 第 3 行 Weight 列：权重须为非负数，现为 -2 / ` +
        `${weights} row 3, column Weight: weight must be a non-negative number, got -2`,
    );
  });

  test('weights naming codes that are not in the framework', async () => {
    const dir = tempDir();
    const weights = writeText(dir, 'w.csv', 'iCode,Weight\nConn,1\nSustt,1\n');
    const spec = writeText(
      dir,
      'spec.json',
      JSON.stringify({
        ...JSON.parse(ASEM_SPEC_JSON),
        weights: 'w.csv',
        weightSets: { panel: { Conx: 1 } },
      }),
    );
    const result = await buildCli(dir, { spec });
    expectRejected(result);
    expect(lineWith(result.err, 'Sustt')).toContain(`文件 ${weights} 第 3 行 iCode 列：`);
    expect(lineWith(result.err, 'Conx')).toContain(`文件 ${spec}：weightSets.panel.Conx：`);
  });
});

describe('usage errors', () => {
  test('a missing required option: exit code 2 and a hint', async () => {
    const result = await cli('index', 'build', '--meta', ASEM_META, '--data', ASEM_DATA);
    expect(result.code).toBe(2);
    expect(result.err).toContain("required option '--spec <file>' not specified");
    expect(result.err).toContain('--help');
  });
});
