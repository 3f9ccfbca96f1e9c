import { describe, expect, test } from 'vitest';
import { asemFramework } from '../../test/asemFixture.ts';
import type { Framework } from '../types.ts';
import { effectiveWeights } from './effectiveWeights.ts';

const loadFramework = (): Framework => asemFramework();

const asem = loadFramework();

describe('effectiveWeights (get_eff_weights)', () => {
  const eff = effectiveWeights(asem);
  const byCode = new Map(eff.map((e) => [e.code, e]));
  test('ASEM with all weights 1: LPI = 1/8 × 1/5 × 1/2 = 0.0125', () => {
    expect(byCode.get('LPI')?.effectiveWeight).toBeCloseTo(0.0125, 15);
    expect(byCode.get('Index')?.effectiveWeight).toBe(1);
    expect(byCode.get('Conn')?.effectiveWeight).toBe(0.5);
    expect(byCode.get('Physical')?.effectiveWeight).toBeCloseTo(0.1, 15);
    // Social: 1 of 9 in Social, 1 of 3 pillars in Sust, 1 of 2.
    expect(byCode.get('Poverty')?.effectiveWeight).toBeCloseTo(1 / 54, 15);
  });
  test('effective weights sum to 1 at every level; rows in framework order', () => {
    expect(eff.map((e) => e.code)).toEqual(asem.nodes.map((n) => n.code));
    for (const level of [1, 2, 3, 4]) {
      const s = eff.filter((e) => e.level === level).reduce((a, e) => a + e.effectiveWeight, 0);
      expect(s).toBeCloseTo(1, 14);
    }
  });
  test('weights override the framework and are normalised within groups', () => {
    const w = effectiveWeights(asem, { Conn: 3, Sust: 1, LPI: 9 });
    const get = (c: string): number => w.find((e) => e.code === c)?.effectiveWeight ?? Number.NaN;
    expect(get('Conn')).toBeCloseTo(0.75, 15);
    // Physical has 8 members: LPI 9, others 1 → 9/16; pillar share 1/5 of Conn.
    expect(get('LPI')).toBeCloseTo((9 / 16) * (1 / 5) * 0.75, 15);
    expect(get('Flights')).toBeCloseTo((1 / 16) * (1 / 5) * 0.75, 15);
    expect(w.find((e) => e.code === 'LPI')?.weight).toBe(9);
    for (const level of [1, 2, 3]) {
      const s = w.filter((e) => e.level === level).reduce((a, e) => a + e.effectiveWeight, 0);
      expect(s).toBeCloseTo(1, 14);
    }
  });
  test('independent recomputation: product of within-group shares up the tree', () => {
    const w = { Physical: 2, P2P: 0.5, Environ: 3, Flights: 4, Renew: 0.25 };
    const rows = effectiveWeights(asem, w);
    const node = new Map(asem.nodes.map((n) => [n.code, n]));
    const weight = (c: string): number =>
      (w as Record<string, number>)[c] ?? (node.get(c)?.weight as number);
    for (const r of rows) {
      let expected = 1;
      let cur = node.get(r.code);
      while (cur?.parent) {
        const parent = cur.parent;
        const sib = asem.nodes.filter((n) => n.parent === parent);
        expected *= weight(cur.code) / sib.reduce((s, n) => s + weight(n.code), 0);
        cur = node.get(parent);
      }
      expect(r.effectiveWeight).toBeCloseTo(expected, 15);
    }
  });
});
