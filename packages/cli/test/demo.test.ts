import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, test } from 'vitest';
import { demoCommand } from '../src/commands/demo.ts';
import { MAIN, REPO, removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

describe('kechuang demo (the main job)', async () => {
  const result = await demoCommand();
  const build = result.build;
  const agg = build.datasets.Aggregated;
  const index = agg?.columns.get('CQ_INDEX') as Float64Array;
  const city = index[agg?.unitCodes.indexOf('500000') as number] as number;

  test('ranks the 38 区县 of the latest year; the city is the reference, not ranked', () => {
    expect(result.year).toBe(2023);
    const rows = result.lines.filter((l) => /^\s+\d+\s+\S+\s+500\d{3}/.test(l));
    expect(rows.length).toBe(38);
    expect(result.lines.join('\n')).not.toMatch(/^\s+\d+\s+重庆市/m);
    expect(result.lines[1]).toContain(`全市 ${city.toFixed(2)}%`);
  });

  test('tiers follow the Chongqing rule against the city value (recomputed here)', () => {
    for (const line of result.lines.filter((l) => /^\s+\d+\s+\S+\s+500\d{3}/.test(l))) {
      const cells = line.trim().split(/\s+/);
      const score = Number(cells[5]);
      const expected = score > city ? '第一梯队' : score >= 30 ? '第二梯队' : '第三梯队';
      expect(cells[6], line).toBe(expected);
    }
  });

  test('rank changes are against the previous year, and the synthetic share is stated', () => {
    expect(result.previousYear).toBe(2022);
    expect(result.syntheticShare).toBeGreaterThan(0.5);
    expect(result.lines.join('\n')).toContain('合成数据');
  });

  test('--out writes every dataset and results.xlsx with a Tiers sheet', async () => {
    const dir = tempDir();
    const r = await demoCommand({ out: dir });
    expect(r.lines.at(-1)).toContain(dir);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(`${dir}/results.xlsx`);
    const tiers = book.getWorksheet('Tiers');
    expect(tiers).toBeDefined();
    expect(tiers?.getRow(1).getCell(3).value).toBe('CQ_INDEX');
  });

  test('runs as `kechuang demo` (what npm start runs)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'demo'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('第一梯队');
  });
});
