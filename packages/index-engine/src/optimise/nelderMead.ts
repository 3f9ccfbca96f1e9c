/**
 * Nelder–Mead minimisation reproducing R's `optim(method = "Nelder-Mead")` (the `nmmin` routine
 * after J. C. Nash, Compact Numerical Methods for Computers), which COINr's `get_opt_weights`
 * calls for balanced / infomax weights (`R/weights.R`). Same start simplex, moves, stopping rule
 * and function-evaluation budget, so the same iterates as R for the same objective.
 */
import { bilingualError } from '../analysis/bilingualError.ts';

/** Options of {@link nelderMead}; defaults are R `optim`'s. */
export type NelderMeadOptions = {
  /** Reflection coefficient; default 1. */
  alpha?: number;
  /** Contraction (and shrink) coefficient; default 0.5. */
  beta?: number;
  /** Expansion coefficient; default 2. */
  gamma?: number;
  /**
   * Relative tolerance; default √(machine ε) ≈ 1.49e-8. R stops when
   * f_high ≤ f_low + reltol · (|f_0| + reltol), f_0 being the value at the start point
   * (R computes this threshold once, from the start value).
   */
  reltol?: number;
  /** Stop when the lowest value is ≤ this; default −∞. */
  abstol?: number;
  /** Budget of function evaluations (R counts evaluations, not iterations); default 500. */
  maxit?: number;
};

/** Result of {@link nelderMead}, as `optim`'s list. */
export type NelderMeadResult = {
  par: number[];
  value: number;
  /** Function evaluations used (`counts["function"]`). */
  evaluations: number;
  /**
   * `convergence`: 0 = converged, 1 = evaluation budget reached, 10 = simplex degenerated
   * (shrink did not reduce its size).
   */
  convergence: 0 | 1 | 10;
};

/** Stand-in for non-finite function values (R's `big`). */
const BIG = 1.0e35;

/**
 * Minimise `f` from `start` by Nelder–Mead, as R's `optim(par = start, fn = f, method =
 * "Nelder-Mead", control = list(reltol, abstol, maxit, alpha, beta, gamma))`.
 *
 * Start simplex: the start point plus, for each coordinate i, the start point with
 * x_i + step, where step = 0.1 · max|x_i| (0.1 if all are 0). Each iteration reflects the worst
 * vertex through the centroid of the others; if the reflection beats the best, an expansion is
 * tried; otherwise the worse of (reflection, worst) is contracted towards the centroid; if that
 * fails and the reflection was no better than the worst, the simplex shrinks towards the best
 * vertex. Non-finite values count as 1e35. Errors (bilingual) if f(start) is not finite.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const alpha = options.alpha ?? 1;
  const beta = options.beta ?? 0.5;
  const gamma = options.gamma ?? 2;
  const reltol = options.reltol ?? Math.sqrt(Number.EPSILON);
  const abstol = options.abstol ?? Number.NEGATIVE_INFINITY;
  const maxit = options.maxit ?? 500;
  const n = start.length;
  if (maxit <= 0) {
    return { par: [...start], value: f(start), evaluations: 0, convergence: 0 };
  }
  let evaluations = 0;
  const evaluate = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : BIG;
  };
  const f0 = f(start);
  evaluations = 1;
  if (!Number.isFinite(f0)) {
    throw bilingualError(
      '目标函数在初始参数处无法求值',
      'function cannot be evaluated at initial parameters',
    );
  }
  const convtol = reltol * (Math.abs(f0) + reltol);

  // Vertices and their values; vertex 0 is the start point.
  const points: number[][] = [[...start]];
  const values: number[] = [f0];
  let step = 0;
  for (const x of start) step = Math.max(step, 0.1 * Math.abs(x));
  if (step === 0) step = 0.1;
  let size = 0;
  for (let j = 0; j < n; j++) {
    const vertex = [...start];
    let trial = step;
    // Grow the step until it changes the coordinate (it may be lost to rounding).
    while (vertex[j] === start[j]) {
      vertex[j] = (start[j] as number) + trial;
      trial *= 10;
    }
    size += trial;
    points.push(vertex);
    values.push(Number.NaN);
  }
  let oldSize = size;
  let best = 0;
  let recompute = true;
  let convergence: 0 | 1 | 10 = 0;

  do {
    if (recompute) {
      for (let j = 0; j <= n; j++) if (j !== best) values[j] = evaluate(points[j] as number[]);
      recompute = false;
    }
    let low = values[best] as number;
    let high = low;
    let worst = best;
    for (let j = 0; j <= n; j++) {
      if (j === best) continue;
      const v = values[j] as number;
      if (v < low) {
        best = j;
        low = v;
      }
      if (v > high) {
        worst = j;
        high = v;
      }
    }
    if (high <= low + convtol || low <= abstol) break;

    const worstPoint = points[worst] as number[];
    const centroid = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      let s = -(worstPoint[i] as number);
      for (let j = 0; j <= n; j++) s += (points[j] as number[])[i] as number;
      centroid[i] = s / n;
    }
    const reflected = centroid.map((c, i) => (1 + alpha) * c - alpha * (worstPoint[i] as number));
    const fReflected = evaluate(reflected);
    if (fReflected < low) {
      const expanded = reflected.map((r, i) => gamma * r + (1 - gamma) * (centroid[i] as number));
      const fExpanded = evaluate(expanded);
      if (fExpanded < fReflected) {
        points[worst] = expanded;
        values[worst] = fExpanded;
      } else {
        points[worst] = reflected;
        values[worst] = fReflected;
      }
    } else {
      if (fReflected < high) {
        points[worst] = reflected;
        values[worst] = fReflected;
      }
      const from = points[worst] as number[];
      const contracted = from.map((x, i) => (1 - beta) * x + beta * (centroid[i] as number));
      const fContracted = evaluate(contracted);
      if (fContracted < (values[worst] as number)) {
        points[worst] = contracted;
        values[worst] = fContracted;
      } else if (fReflected >= high) {
        // Shrink towards the best vertex.
        recompute = true;
        size = 0;
        const bestPoint = points[best] as number[];
        for (let j = 0; j <= n; j++) {
          if (j === best) continue;
          const p = points[j] as number[];
          for (let i = 0; i < n; i++) {
            p[i] = beta * ((p[i] as number) - (bestPoint[i] as number)) + (bestPoint[i] as number);
            size += Math.abs((p[i] as number) - (bestPoint[i] as number));
          }
        }
        if (size < oldSize) {
          oldSize = size;
        } else {
          convergence = 10;
          break;
        }
      }
    }
  } while (evaluations <= maxit);

  if (evaluations > maxit) convergence = 1;
  return {
    par: [...(points[best] as number[])],
    value: values[best] as number,
    evaluations,
    convergence,
  };
}
