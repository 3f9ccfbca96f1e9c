import { bilingual, IndexInputError } from '../errors.ts';
import { createRandom } from '../random.ts';

/** A sample design: `rows` × `d` uniform numbers, row-major. */
export type SampleDesign = {
  rows: number;
  d: number;
  u: Float64Array;
  kind: 'UA' | 'SA';
  n: number;
};

/** Uncertainty analysis: N independent rows of d uniforms (COINr `SA_type = "UA"`). */
export function uncertaintySample(n: number, d: number, seed: number): SampleDesign {
  checkN(n);
  const random = createRandom(seed);
  const u = new Float64Array(n * d);
  // Filled column by column, as R's matrix(runif(d·N), N, d).
  for (let j = 0; j < d; j++) for (let i = 0; i < n; i++) u[i * d + j] = random();
  return { rows: n, d, u, kind: 'UA', n };
}

/**
 * Saltelli design (COINr `SA_sample`): an N × 2d uniform matrix; A = first d columns,
 * B = last d; A_B^(i) = A with column i from B. Rows stacked [A; B; A_B^(1); …; A_B^(d)]:
 * N(d + 2) rows.
 */
export function saltelliSample(n: number, d: number, seed: number): SampleDesign {
  checkN(n);
  if (d < 2) {
    throw new IndexInputError([
      {
        kind: 'invalidSpec',
        field: 'alternatives',
        message: bilingual(
          '敏感性分析至少需要两个不确定性输入',
          'sensitivity analysis needs at least two uncertain inputs',
        ),
      },
    ]);
  }
  const random = createRandom(seed);
  const base = new Float64Array(n * 2 * d);
  for (let j = 0; j < 2 * d; j++) for (let i = 0; i < n; i++) base[i * 2 * d + j] = random();
  const rows = n * (d + 2);
  const u = new Float64Array(rows * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const a = base[i * 2 * d + j] as number;
      const b = base[i * 2 * d + d + j] as number;
      u[i * d + j] = a;
      u[(n + i) * d + j] = b;
      for (let k = 0; k < d; k++) u[((2 + k) * n + i) * d + j] = j === k ? b : a;
    }
  }
  return { rows, d, u, kind: 'SA', n };
}

function checkN(n: number): void {
  if (!Number.isInteger(n) || n <= 2) {
    throw new IndexInputError([
      {
        kind: 'invalidSpec',
        field: 'N',
        message: bilingual(
          `样本数 N 须为大于 2 的整数，现为 ${n}`,
          `N must be an integer greater than 2, got ${n}`,
        ),
      },
    ]);
  }
}

/** Observed [min, max] of each column of a design (used by the discrete mapping). */
export function columnRanges(design: SampleDesign): [number, number][] {
  const out: [number, number][] = [];
  for (let j = 0; j < design.d; j++) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < design.rows; i++) {
      const v = design.u[i * design.d + j] as number;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    out.push([lo, hi]);
  }
  return out;
}
