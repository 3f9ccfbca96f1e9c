/**
 * The committed frameworks and demo data: every framework compiles and has its sources and
 * edition; every demo value says where it came from (a URL, or the seeded generator).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileFramework, type Framework } from '@kechuang/index-engine';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';

const DATA = join(import.meta.dirname, '..', 'data');

function csv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { columns: true, bom: true }) as Record<
    string,
    string
  >[];
}

describe('frameworks (data/frameworks)', () => {
  const files = readdirSync(join(DATA, 'frameworks')).filter((f) => f.endsWith('.json'));
  test('all four editions are present', () => {
    expect(files.sort()).toEqual([
      'china-regional-2022.json',
      'chongqing-district-2023.json',
      'eis-2021.json',
      'gii-2023.json',
    ]);
  });
  for (const file of files) {
    test(`${file} compiles, names its edition and sources`, () => {
      const framework = JSON.parse(
        readFileSync(join(DATA, 'frameworks', file), 'utf8'),
      ) as Framework;
      const tree = compileFramework(framework);
      expect(framework.edition).toBeTruthy();
      expect(framework.sources?.length).toBeGreaterThan(0);
      for (const s of framework.sources ?? []) expect(s).toMatch(/^https?:\/\//);
      expect(tree.maxLevel).toBe(4);
    });
  }
  const count = (file: string) => {
    const f = JSON.parse(readFileSync(join(DATA, 'frameworks', file), 'utf8')) as Framework;
    return [1, 2, 3].map((l) => f.nodes.filter((n) => n.level === l).length);
  };
  test('Chongqing 2023: 34 三级, 10 二级, 5 一级; unconfirmed names are marked', () => {
    expect(count('chongqing-district-2023.json')).toEqual([34, 10, 5]);
    const f = JSON.parse(
      readFileSync(join(DATA, 'frameworks', 'chongqing-district-2023.json'), 'utf8'),
    ) as Framework;
    expect(f.nodes.some((n) => n.provenance?.confirmed === false)).toBe(true);
  });
  test('China regional: 12 二级 under 5 一级; EIS: 32 indicators in 12 dimensions and 4 types', () => {
    expect(count('china-regional-2022.json').slice(1)).toEqual([12, 5]);
    expect(count('eis-2021.json')).toEqual([32, 12, 4]);
  });
});

describe('demo data (data/demo)', () => {
  const meta = csv(join(DATA, 'demo', 'chongqing-iMeta.csv'));
  const data = csv(join(DATA, 'demo', 'chongqing-iData.csv'));
  const sources = csv(join(DATA, 'demo', 'chongqing-sources.csv'));
  const valueCodes = meta
    .filter((m) => m.Type === 'Indicator' || m.Type === 'Denominator')
    .map((m) => m.iCode as string);

  test('38 区县 plus the city as reference unit, for at least 5 years, with GB/T 2260 codes', () => {
    const years = [...new Set(data.map((r) => r.Time))];
    expect(years.length).toBeGreaterThanOrEqual(5);
    for (const y of years) {
      const rows = data.filter((r) => r.Time === y);
      expect(rows.filter((r) => r.Reference === '0').length).toBe(38);
      expect(rows.filter((r) => r.Reference === '1').map((r) => r.uCode)).toEqual(['500000']);
      for (const r of rows) expect(r.uCode).toMatch(/^500(1\d\d|2\d\d|000)$/);
    }
  });

  test('every value has exactly one source row: a URL when real, the generator when synthetic', () => {
    const byKey = new Map(sources.map((s) => [`${s.uCode}|${s.Time}|${s.iCode}`, s]));
    let real = 0;
    let synthetic = 0;
    for (const row of data) {
      for (const code of valueCodes) {
        const v = row[code];
        if (v === undefined || v === '') continue;
        const s = byKey.get(`${row.uCode}|${row.Time}|${code}`);
        expect(s, `${row.uCode} ${row.Time} ${code}`).toBeDefined();
        expect(Number(s?.value)).toBeCloseTo(Number(v), 6);
        if (s?.synthetic === '1') {
          synthetic++;
          expect(s.source).toMatch(/^generator:scripts\/generateDemoData\.ts seed=\d+/);
        } else {
          real++;
          expect(s?.synthetic).toBe('0');
          expect(s?.source).toMatch(/^https?:\/\//);
        }
      }
    }
    expect(real).toBeGreaterThan(0);
    expect(synthetic).toBeGreaterThan(0);
  });

  test('every demo indicator has a positive 标准值 (ratioToStandard needs it)', () => {
    for (const m of meta.filter((x) => x.Type === 'Indicator'))
      expect(Number(m.Standard)).toBeGreaterThan(0);
  });
});
