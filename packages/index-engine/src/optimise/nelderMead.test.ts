import { describe, expect, test } from 'vitest';
import { nelderMead } from './nelderMead.ts';

const rosenbrock = (x: readonly number[]): number => {
  const [x1, x2] = x as [number, number];
  return 100 * (x2 - x1 * x1) ** 2 + (1 - x1) ** 2;
};

describe('nelderMead (R optim, method "Nelder-Mead")', () => {
  test('R ?optim example: optim(c(-1.2, 1), fr) → (1.000260, 1.000506), 8.825241e-08, 195', () => {
    const res = nelderMead(rosenbrock, [-1.2, 1]);
    expect(res.par[0]).toBeCloseTo(1.00026, 6);
    expect(res.par[1]).toBeCloseTo(1.000506, 6);
    expect(res.value / 8.825241e-8).toBeCloseTo(1, 6);
    expect(res.evaluations).toBe(195);
    expect(res.convergence).toBe(0);
  });
  test('quadratic bowl: converges to the minimum; stopping rule holds at exit', () => {
    const target = [3, -2, 0.5];
    const f = (x: readonly number[]): number =>
      x.reduce((s, v, i) => s + (i + 1) * (v - (target[i] as number)) ** 2, 0);
    const res = nelderMead(f, [0, 0, 0], { reltol: 1e-14, maxit: 5000 });
    expect(res.convergence).toBe(0);
    res.par.forEach((v, i) => {
      expect(v).toBeCloseTo(target[i] as number, 5);
    });
    expect(res.value).toBeLessThan(1e-10);
  });
  test('evaluation budget: convergence 1 when maxit is reached', () => {
    let calls = 0;
    const res = nelderMead(
      (x) => {
        calls++;
        return rosenbrock(x);
      },
      [-1.2, 1],
      { maxit: 30 },
    );
    expect(res.convergence).toBe(1);
    expect(res.evaluations).toBe(calls);
    expect(res.evaluations).toBeGreaterThan(30);
    expect(res.evaluations).toBeLessThanOrEqual(33);
  });
  test('large reltol stops early (COINr get_opt_weights uses reltol 0.1)', () => {
    const loose = nelderMead(rosenbrock, [-1.2, 1], { reltol: 0.1 });
    const tight = nelderMead(rosenbrock, [-1.2, 1]);
    expect(loose.evaluations).toBeLessThan(tight.evaluations);
    expect(loose.value).toBeLessThan(rosenbrock([-1.2, 1]));
  });
  test('non-finite values count as 1e35; a non-finite start is a bilingual error', () => {
    const f = (x: readonly number[]): number => {
      const [a, b] = x as [number, number];
      return a < 0 ? Number.NaN : (a - 2) ** 2 + (b - 1) ** 2;
    };
    const res = nelderMead(f, [0.5, 0.5], { reltol: 1e-12 });
    expect(res.par[0]).toBeCloseTo(2, 4);
    expect(res.par[1]).toBeCloseTo(1, 4);
    expect(() => nelderMead(f, [-1, 0])).toThrow(/初始参数.*initial parameters/);
  });
  test('maxit 0 evaluates the start only', () => {
    const res = nelderMead(rosenbrock, [0, 0], { maxit: 0 });
    expect(res).toEqual({ par: [0, 0], value: 1, evaluations: 0, convergence: 0 });
  });
});
