import { describe, expect, test } from 'vitest';
import { asemFramework, expectedDataset } from '../../test/asemFixture.ts';
import type { Dataset, Framework } from '../types.ts';
import {
  correlation,
  correlationFlags,
  correlationMatrix,
  correlationPValue,
  correlationPValues,
} from './correlation.ts';

const loadFramework = (): Framework => asemFramework();
const loadDataset = (file: string): Dataset => expectedDataset(file.replace(/\.csv$/, ''));

const raw = loadDataset('Raw.csv');
const col = (code: string): Float64Array => raw.columns.get(code) as Float64Array;

describe('correlation: known answers', () => {
  const x = [1, 2, 3, 4, 5];
  const y = [2, 1, 4, 3, 5];
  test('cor(1:5, c(2,1,4,3,5)): pearson 0.8, spearman 0.8, kendall 0.6', () => {
    expect(correlation(x, y, 'pearson')).toBeCloseTo(0.8, 14);
    expect(correlation(x, y, 'spearman')).toBeCloseTo(0.8, 14);
    expect(correlation(x, y, 'kendall')).toBeCloseTo(0.6, 14);
  });
  test('cor.test p-values: pearson/spearman 0.1040880 (t, 3 df), kendall exact 0.2333', () => {
    expect(correlationPValue(x, y, 'pearson')).toBeCloseTo(0.10408803866182782, 13);
    expect(correlationPValue(x, y, 'spearman')).toBeCloseTo(0.10408803866182782, 13);
    // Exact: P(C ≥ 8) = (9 + 4 + 1) / 120 from the Mahonian numbers for n = 5; two-sided ×2.
    expect(correlationPValue(x, y, 'kendall')).toBeCloseTo(28 / 120, 14);
    // Normal approximation: z = 6 / √(5·4·15/18) (SciPy asymptotic 0.1416446902951368).
    expect(correlationPValue(x, y, 'kendall', { exact: false })).toBeCloseTo(
      0.1416446902951368,
      13,
    );
  });
  test('perfect and reversed order; constant column gives NaN', () => {
    expect(correlation(x, x, 'kendall')).toBe(1);
    expect(correlation(x, [5, 4, 3, 2, 1], 'spearman')).toBeCloseTo(-1, 15);
    expect(correlation(x, [3, 3, 3, 3, 3])).toBeNaN();
    expect(correlationPValue(x, x)).toBeLessThan(1e-15);
  });
  test('ties: Kendall tau-b and the tie-corrected normal p-value (values from SciPy)', () => {
    const a = [1, 2, 2, 3, 4, 5, 6, 6, 7, 8];
    const b = [3, 1, 2, 2, 5, 4, 7, 8, 8, 6];
    expect(correlation(a, b, 'kendall')).toBeCloseTo(0.6279069767441862, 14);
    expect(correlation(a, b, 'spearman')).toBeCloseTo(0.8220858895705523, 14);
    expect(correlation(a, b, 'pearson')).toBeCloseTo(0.8446021432637739, 14);
    // Ties force the normal approximation even for n < 50 (as R's cor.test).
    expect(correlationPValue(a, b, 'kendall')).toBeCloseTo(0.014141675924417662, 13);
    expect(correlationPValue(a, b, 'spearman')).toBeCloseTo(0.0035152381450662055, 13);
    expect(correlationPValue(a, b, 'pearson')).toBeCloseTo(0.002105644947959516, 13);
  });
  test('fewer than 2 complete pairs gives NaN; p-value needs 3', () => {
    expect(correlation([1, Number.NaN, 3], [Number.NaN, 2, 3])).toBeNaN();
    expect(correlationPValue([1, 2], [2, 1])).toBeNaN();
    expect(() => correlation([1, 2], [1, 2, 3])).toThrow(/长度.*length/);
  });
});

describe('correlation on ASEM Raw data (pairwise complete; values from SciPy)', () => {
  test('no missing values: Flights–Elec, LPI–Gas, Ship–Bord', () => {
    expect(correlation(col('Flights'), col('Elec'))).toBeCloseTo(0.4878448660913072, 13);
    expect(correlation(col('Flights'), col('Elec'), 'spearman')).toBeCloseTo(
      0.2618810633364136,
      13,
    );
    expect(correlation(col('LPI'), col('Gas'), 'kendall')).toBeCloseTo(0.29568627450980395, 13);
    expect(correlationPValue(col('LPI'), col('Gas'), 'kendall')).toBeCloseTo(
      0.0021980940602196546,
      13,
    );
    expect(correlationPValue(col('Ship'), col('Bord'), 'kendall')).toBeCloseTo(
      0.8639322886173798,
      12,
    );
    expect(correlationPValue(col('Flights'), col('Elec'))).toBeCloseTo(0.0002820440661713444, 15);
  });
  test('7 units missing in CultGood: ranks are taken within the 44 complete pairs', () => {
    const a = col('CultGood');
    const b = col('Flights');
    expect(correlation(a, b)).toBeCloseTo(0.744451942894363, 13);
    expect(correlation(a, b, 'spearman')).toBeCloseTo(0.8656800563777308, 13);
    expect(correlation(a, b, 'kendall')).toBeCloseTo(0.6701902748414376, 13);
    expect(correlationPValue(a, b, 'spearman') / 3.3547574358533856e-14).toBeCloseTo(1, 8);
    // n = 44 < 50 without ties: exact distribution, as R.
    expect(correlationPValue(a, b, 'kendall') / 1.4080267676652517e-12).toBeCloseTo(1, 8);
    expect(
      correlationPValue(a, b, 'kendall', { exact: false }) / 1.4320663663769177e-10,
    ).toBeCloseTo(1, 8);
  });
});

describe('correlationMatrix and correlationPValues', () => {
  const codes = ['LPI', 'Flights', 'CultGood', 'Tourist'];
  for (const type of ['pearson', 'spearman', 'kendall'] as const) {
    test(`${type}: symmetric, unit diagonal, equal to pairwise correlation()`, () => {
      const m = correlationMatrix(raw, codes, type);
      expect(m.codes).toEqual(codes);
      codes.forEach((a, i) => {
        expect(m.values[i]?.[i]).toBeCloseTo(1, 14);
        codes.forEach((b, j) => {
          expect(m.values[i]?.[j]).toBe(m.values[j]?.[i]);
          expect(m.values[i]?.[j]).toBe(correlation(col(a), col(b), type));
        });
      });
      expect(m.n[2]?.[3]).toBe(44);
      expect(m.n[0]?.[1]).toBe(51);
    });
  }
  test('p-value matrix: zero diagonal, entries as correlationPValue', () => {
    const p = correlationPValues(raw, codes, 'spearman');
    expect(p.values[1]?.[1]).toBe(0);
    expect(p.values[2]?.[3]).toBe(correlationPValue(col('CultGood'), col('Tourist'), 'spearman'));
    expect(p.values[2]?.[3]).toBeCloseTo(1.1221056794211288e-10, 20);
  });
  test('unknown column is an error naming it', () => {
    expect(() => correlationMatrix(raw, ['LPI', 'Nope'])).toThrow(/Nope/);
  });
});

describe('correlationFlags (get_corr_flags)', () => {
  const framework = loadFramework();
  const normalised = loadDataset('Normalised.csv');
  test('every flagged pair is within one level-2 group and above the threshold', () => {
    const flags = correlationFlags(normalised, framework, { threshold: 0.75 });
    expect(flags.length).toBeGreaterThan(0);
    const parent = new Map(framework.nodes.map((n) => [n.code, n.parent]));
    for (const f of flags) {
      expect(parent.get(f.code1)).toBe(f.group);
      expect(parent.get(f.code2)).toBe(f.group);
      expect(f.correlation).toBeGreaterThan(0.75);
    }
  });
  test('independent recount: all within-group pairs above 0.75, each once', () => {
    const flags = correlationFlags(normalised, framework, { threshold: 0.75 });
    const groups = new Map<string, string[]>();
    for (const n of framework.nodes) {
      if (n.level !== 1 || n.parent === null) continue;
      groups.set(n.parent, [...(groups.get(n.parent) ?? []), n.code]);
    }
    let expected = 0;
    for (const members of groups.values()) {
      const m = correlationMatrix(normalised, members);
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) if ((m.values[i]?.[j] ?? 0) > 0.75) expected++;
      }
    }
    expect(flags.length).toBe(expected);
  });
  test('low threshold type, group level 3 and the index level', () => {
    const low = correlationFlags(normalised, framework, { threshold: -0.3, thresholdType: 'low' });
    for (const f of low) expect(f.correlation).toBeLessThan(-0.3);
    const lev3 = correlationFlags(normalised, framework, { threshold: 0.75, groupLevel: 3 });
    const lev2 = correlationFlags(normalised, framework, { threshold: 0.75 });
    expect(lev3.length).toBeGreaterThanOrEqual(lev2.length);
    for (const f of lev3) expect(['Conn', 'Sust']).toContain(f.group);
    const all = correlationFlags(normalised, framework, { threshold: -1, groupLevel: 4 });
    expect(all.length).toBe((49 * 48) / 2);
  });
  test('bad arguments are bilingual errors', () => {
    expect(() => correlationFlags(normalised, framework, { threshold: 2 })).toThrow(
      /阈值.*threshold/,
    );
    expect(() => correlationFlags(normalised, framework, { groupLevel: 5 })).toThrow(/层级.*level/);
  });
});
