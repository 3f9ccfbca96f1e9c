import { describe, expect, test } from 'vitest';
import { createRandom } from '../random.ts';
import type { Framework, FrameworkNode } from '../types.ts';
import { noisyWeights } from './noisyWeights.ts';

const node = (code: string, level: number, parent: string | null, weight = 1): FrameworkNode => ({
  code,
  names: {},
  level,
  parent,
  direction: 1,
  weight,
});

const framework: Framework = {
  nodes: [
    node('a1', 1, 'A', 2),
    node('a2', 1, 'A'),
    node('b1', 1, 'B'),
    node('b2', 1, 'B', 3),
    node('A', 2, 'I'),
    node('B', 2, 'I', 0.5),
    node('I', 3, null),
  ],
};

describe('noisyWeights (get_noisy_weights)', () => {
  test('n sets; noise only at the listed levels, within ±factor of the nominal weight', () => {
    const sets = noisyWeights(framework, {}, [{ level: 1, factor: 0.25 }], 200, createRandom(1));
    expect(sets).toHaveLength(200);
    for (const s of sets) {
      expect(s.A).toBe(1);
      expect(s.B).toBe(0.5);
      expect(s.I).toBe(1);
      for (const [code, w] of [
        ['a1', 2],
        ['a2', 1],
        ['b1', 1],
        ['b2', 3],
      ] as const) {
        expect(s[code]).toBeGreaterThanOrEqual(w * 0.75);
        expect(s[code]).toBeLessThanOrEqual(w * 1.25);
      }
    }
    // Over 200 draws the range of a1 nearly fills [1.5, 2.5].
    const a1 = sets.map((s) => s.a1 as number);
    expect(Math.min(...a1)).toBeLessThan(1.55);
    expect(Math.max(...a1)).toBeGreaterThan(2.45);
  });
  test('w + (2U − 1)·factor·w, drawn per replication, per listed level, in framework order', () => {
    const noise = [
      { level: 2, factor: 0.1 },
      { level: 1, factor: 0.5 },
    ];
    const sets = noisyWeights(framework, { b1: 4 }, noise, 3, createRandom(7));
    const u = createRandom(7);
    for (const s of sets) {
      expect(s.A).toBeCloseTo(1 + (2 * u() - 1) * 0.1 * 1, 15);
      expect(s.B).toBeCloseTo(0.5 + (2 * u() - 1) * 0.1 * 0.5, 15);
      expect(s.a1).toBeCloseTo(2 + (2 * u() - 1) * 0.5 * 2, 15);
      expect(s.a2).toBeCloseTo(1 + (2 * u() - 1) * 0.5 * 1, 15);
      expect(s.b1).toBeCloseTo(4 + (2 * u() - 1) * 0.5 * 4, 15);
      expect(s.b2).toBeCloseTo(3 + (2 * u() - 1) * 0.5 * 3, 15);
    }
  });
  test('same seed, same sets; factor 0 leaves weights nominal', () => {
    const spec = [{ level: 2, factor: 0.3 }];
    expect(noisyWeights(framework, {}, spec, 5, createRandom(3))).toEqual(
      noisyWeights(framework, {}, spec, 5, createRandom(3)),
    );
    const flat = noisyWeights(framework, {}, [{ level: 1, factor: 0 }], 2, createRandom(3));
    expect(flat[1]).toEqual({ a1: 2, a2: 1, b1: 1, b2: 3, A: 1, B: 0.5, I: 1 });
  });
  test('bilingual errors: duplicate level, unknown level, NaN weight', () => {
    const r = createRandom(1);
    const dup = [
      { level: 1, factor: 0.1 },
      { level: 1, factor: 0.2 },
    ];
    expect(() => noisyWeights(framework, {}, dup, 1, r)).toThrow(/重复.*twice/);
    expect(() => noisyWeights(framework, {}, [{ level: 9, factor: 0.1 }], 1, r)).toThrow(
      /层级.*level/,
    );
    expect(() => noisyWeights(framework, { a1: Number.NaN }, [], 1, r)).toThrow(/a1.*NAs/);
  });
});
