import { describe, expect, test } from 'vitest';
import { expectedDataset } from '../../test/asemFixture.ts';
import type { Dataset } from '../types.ts';
import { getStatistics } from './indicatorStatistics.ts';

const loadRaw = (): Dataset => expectedDataset('Raw');

const raw = loadRaw();

describe('getStatistics on ASEM Raw (values recomputed with NumPy/SciPy)', () => {
  const [flights, renew, cultGood] = getStatistics(raw, ['Flights', 'Renew', 'CultGood']);
  test('Flights: moments, counts and the outlier flag', () => {
    expect(flights?.code).toBe('Flights');
    expect(flights?.min).toBe(0.98951);
    expect(flights?.max).toBe(210.8244);
    expect(flights?.mean).toBeCloseTo(38.624864901960784, 12);
    expect(flights?.median).toBe(25.64994);
    expect(flights?.sd).toBeCloseTo(46.72227498370914, 12);
    expect(flights?.skew).toBeCloseTo(2.10328719405155, 12);
    expect(flights?.kurt).toBeCloseTo(4.50887936970066, 12);
    expect(flights?.nAvail).toBe(51);
    expect(flights?.nNonZero).toBe(51);
    expect(flights?.nUnique).toBe(51);
    expect(flights?.nSame).toBe(1);
    expect(flights?.frcAvail).toBe(1);
    expect(flights?.flagSkewKurt).toBe('OUT');
    expect(flights?.flagAvail).toBe('ok');
  });
  test('Renew passes the outlier check; CultGood has 7 missing values', () => {
    expect(renew?.skew).toBeCloseTo(0.8224935981640771, 12);
    expect(renew?.kurt).toBeCloseTo(-0.06609779731463838, 12);
    expect(renew?.flagSkewKurt).toBe('ok');
    expect(cultGood?.nAvail).toBe(44);
    expect(cultGood?.frcAvail).toBeCloseTo(44 / 51, 15);
    expect(cultGood?.median).toBe(3.3045);
    expect(cultGood?.sd).toBeCloseTo(15.019904890200756, 12);
    expect(cultGood?.skew).toBeCloseTo(2.607862658763596, 12);
    expect(cultGood?.kurt).toBeCloseTo(7.737718698912804, 12);
    expect(cultGood?.frcUnique).toBe(1);
    expect(cultGood?.flagSkewKurt).toBe('OUT');
  });
  test('every ASEM indicator gets a row, in the order asked', () => {
    const codes = [...raw.columns.keys()];
    const rows = getStatistics(raw, codes);
    expect(rows.map((r) => r.code)).toEqual(codes);
    for (const r of rows) {
      expect(r.min).toBeLessThanOrEqual(r.median);
      expect(r.median).toBeLessThanOrEqual(r.max);
      expect(r.nNonZero).toBeLessThanOrEqual(r.nAvail);
      expect(r.nUnique).toBeLessThanOrEqual(r.nAvail);
    }
  });
});

describe('getStatistics flag rules (COINr get_stats)', () => {
  const nan = Number.NaN;
  const data: Dataset = {
    unitCodes: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'],
    columns: new Map([
      // 6 of 10 available: Frc.Avail 0.6 < 0.65.
      ['sparse', Float64Array.from([1, 2, 3, 4, 5, 6, nan, nan, nan, nan])],
      // 8 available, 4 non-zero: Frc.NonZero = 4/8 = 0.5 but 4/10 = 0.4 < 0.5 → LOW.
      ['zeros', Float64Array.from([0, 0, 0, 0, 1, 2, 3, 4, nan, nan])],
      // 3 distinct of 10: LOW unique; largest tie group 5.
      ['binary', Float64Array.from([0, 0, 0, 0, 0, 1, 1, 1, 2, 2])],
    ]),
  };
  const [sparse, zeros, binary] = getStatistics(data, ['sparse', 'zeros', 'binary']);
  test('availability uses the share of all rows', () => {
    expect(sparse?.frcAvail).toBeCloseTo(0.6, 15);
    expect(sparse?.flagAvail).toBe('LOW');
    expect(getStatistics(data, ['sparse'], { tAvail: 0.6 })[0]?.flagAvail).toBe('ok');
  });
  test('non-zero: Frc divides by N.Avail, the flag by all rows (COINr asymmetry)', () => {
    expect(zeros?.nNonZero).toBe(4);
    expect(zeros?.frcNonZero).toBe(0.5);
    expect(zeros?.flagNonZero).toBe('LOW');
  });
  test('unique values and ties', () => {
    expect(binary?.nUnique).toBe(3);
    expect(binary?.frcUnique).toBeCloseTo(0.3, 15);
    expect(binary?.flagUnique).toBe('LOW');
    expect(binary?.nSame).toBe(5);
    expect(binary?.frcSame).toBe(0.5);
    expect(sparse?.flagUnique).toBe('ok');
  });
  test('outlier flag needs both |skew| > tSkew and kurt > tKurt', () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100]);
    const d: Dataset = { unitCodes: [...x].map(String), columns: new Map([['x', x]]) };
    const [s] = getStatistics(d, ['x']);
    expect(Math.abs(s?.skew ?? 0)).toBeGreaterThan(2);
    expect(s?.kurt).toBeGreaterThan(3.5);
    expect(s?.flagSkewKurt).toBe('OUT');
    expect(getStatistics(d, ['x'], { tKurt: 100 })[0]?.flagSkewKurt).toBe('ok');
    expect(getStatistics(d, ['x'], { tSkew: 100 })[0]?.flagSkewKurt).toBe('ok');
  });
});
