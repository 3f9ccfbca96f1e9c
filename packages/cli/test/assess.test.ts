/**
 * `kechuang assess` in-process: the example profiles as documented (table and JSON), bilingual
 * errors naming the field for invalid profiles, and the batch over the demo registry writing the
 * candidate list workbook.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli, cliWithEnv, REPO, removeTempDirs, tempDir, writeText } from './helpers.ts';

const EXAMPLES = join(REPO, 'packages', 'qualification', 'examples');
const example = (name: string) => join(EXAMPLES, name);

afterAll(removeTempDirs);

describe('kechuang assess --input', () => {
  test('every example profile assesses against every rule-set kind, exit 0, naming the rule set and its version', async () => {
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'))) {
      for (const kind of ['highTechEnterprise', 'techSme', 'innovativeSme', 'specialisedSme']) {
        const r = await cli('assess', kind, '--input', example(file), '--as-of', '2025-06-01');
        expect(r.code, `${file} ${kind}: ${r.err}`).toBe(0);
        expect(r.out).toMatch(/版本 \S+/);
      }
    }
  });

  test('the R&D-gap example fails on the R&D ratio and states the shortfall in 万元 (table)', async () => {
    const r = await cli(
      'assess',
      '高新技术企业',
      '--input',
      example('high-tech-rd-gap.json'),
      '--as-of',
      '2025-06-01',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('未通过 / fail');
    const rdLine = r.out.split('\n').find((l) => l.startsWith('HT-C5-rdRatio'));
    expect(rdLine).toContain('不符合');
    expect(rdLine).toContain('¥26.8 万');
  });

  test('--format json prints the whole assessment, parseable, with every criterion', async () => {
    const r = await cli(
      'assess',
      'highTechEnterprise',
      '--input',
      example('high-tech-pass.json'),
      '--as-of',
      '2025-06-01',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out) as {
      outcome: string;
      ruleSet: { id: string; version: string };
      criteria: { id: string; source: { document: string } }[];
    };
    expect(a.outcome).toBe('pass');
    expect(a.ruleSet.id).toBe('highTechEnterprise-2016');
    expect(a.criteria.length).toBeGreaterThan(8);
    expect(a.criteria.every((c) => c.source.document.length > 0)).toBe(true);
  });

  test('an invalid profile: exit 2, every bad field named in Chinese and English, nothing printed to stdout', async () => {
    const dir = tempDir();
    const profile = JSON.parse(readFileSync(example('high-tech-pass.json'), 'utf8')) as {
      registrationDate?: string;
      years: { year: unknown }[];
    };
    delete profile.registrationDate;
    (profile.years[0] as { year: unknown }).year = '二〇二二';
    const file = writeText(dir, 'bad.json', JSON.stringify(profile));
    const r = await cli('assess', 'highTechEnterprise', '--input', file, '--as-of', '2025-06-01');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('registrationDate');
    expect(r.err).toContain('注册成立日期');
    expect(r.err).toContain('years[0].year');
    expect(r.err).toContain('Accounting year');
  });

  test('unknown rule set, bad date, missing --input/--all: exit 2 with a bilingual message', async () => {
    const unknown = await cli('assess', 'nobelPrize', '--input', example('high-tech-pass.json'));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('未知的规则集');
    expect(unknown.err).toContain('unknown rule set');
    const date = await cli(
      'assess',
      'techSme',
      '--input',
      example('high-tech-pass.json'),
      '--as-of',
      '2025-13-45',
    );
    expect(date.code).toBe(2);
    expect(date.err).toContain('YYYY-MM-DD');
    const neither = await cli('assess', 'techSme');
    expect(neither.code).toBe(2);
    expect(neither.err).toContain('--all');
  });
});

describe('kechuang assess --all over the demo registry', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = join(tempDir(), 'data');
    const seeded = await cliWithEnv({ KECHUANG_DATA_DIR: dataDir }, 'seed', '--demo');
    expect(seeded.code, seeded.err).toBe(0);
  }, 240_000);

  test('writes candidates (closest first), expiring certificates, yearly registrations not renewed and notes', async () => {
    const out = join(tempDir(), 'candidates.xlsx');
    const r = await cliWithEnv(
      { KECHUANG_DATA_DIR: dataDir },
      'assess',
      'highTechEnterprise',
      '--all',
      '--as-of',
      '2024-06-01',
      '--out',
      out,
    );
    expect(r.code, r.err).toBe(0);
    const assessed = Number(/评估 (\d+) 家/.exec(r.out)?.[1]);
    expect(assessed).toBeGreaterThan(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '候选名单 Candidates',
      '即将到期 Expiring',
      '年度未更新 Not renewed',
      '说明 Notes',
    ]);
    const candidates = workbook.getWorksheet('候选名单 Candidates');
    const rows = (candidates?.getSheetValues() ?? []).slice(2) as unknown[][];
    expect(rows.length).toBeGreaterThan(0);
    const gaps = rows.map((row) => Number(row[8]));
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    expect(rows.map((row) => Number(row[1]))).toEqual(rows.map((_, i) => i + 1));
    const notes = JSON.stringify(workbook.getWorksheet('说明 Notes')?.getSheetValues());
    expect(notes).toContain('highTechEnterprise-2016');
    expect(notes).toContain('国科发火〔2016〕32号');
  });

  test('--region limits the run to one 区县', async () => {
    const out = join(tempDir(), 'yubei.xlsx');
    const r = await cliWithEnv(
      { KECHUANG_DATA_DIR: dataDir },
      'assess',
      'techSme',
      '--all',
      '--region',
      '500112',
      '--as-of',
      '2024-06-01',
      '--out',
      out,
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('范围 500112');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const rows = (workbook.getWorksheet('候选名单 Candidates')?.getSheetValues() ?? []).slice(
      2,
    ) as unknown[][];
    expect(rows.every((row) => row[4] === '500112')).toBe(true);
  });
});
