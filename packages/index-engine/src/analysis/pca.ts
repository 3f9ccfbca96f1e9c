/**
 * Principal component analysis as COINr's `get_PCA` runs it (`R/PCA.R`): R's
 * `stats::prcomp(X, center = TRUE, scale = TRUE)` on the rows without missing values. prcomp
 * takes the SVD of the standardised data; the same components come from the eigen-decomposition
 * of the correlation matrix, which is what is done here (cyclic Jacobi).
 *
 * Sign convention: an eigenvector is only defined up to sign, and R's is whatever LAPACK's SVD
 * returns (on ASEM Raw data COINr's first component of ConEcFin is all negative). Here every
 * eigenvector is oriented so that its entries sum to a positive number; if the sum is zero (to
 * 1e-12 relative), so that its entry of largest absolute value (the first such) is positive.
 * Results therefore equal R's up to the sign of each component.
 */
import { getColumn } from '../dataset.ts';
import { mean, standardDeviation } from '../statistics.ts';
import type { Dataset } from '../types.ts';
import { bilingualError } from './bilingualError.ts';

/** Eigenvalues (descending) and unit-length eigenvectors (`vectors[k]` goes with `values[k]`). */
export type EigenDecomposition = { values: number[]; vectors: number[][] };

/** Orient a vector by the sign convention of this module (in place). */
function orient(v: number[]): void {
  let sum = 0;
  let scale = 0;
  let largest = 0;
  for (let i = 0; i < v.length; i++) {
    const a = v[i] as number;
    sum += a;
    scale += Math.abs(a);
    if (Math.abs(a) > Math.abs(v[largest] as number)) largest = i;
  }
  const positive = Math.abs(sum) > 1e-12 * scale ? sum > 0 : (v[largest] as number) >= 0;
  if (!positive) for (let i = 0; i < v.length; i++) v[i] = -(v[i] as number);
}

/**
 * Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method (the analogue of
 * R's `eigen(A, symmetric = TRUE)`, which prcomp's SVD is equivalent to for a correlation
 * matrix). Eigenvalues are sorted in decreasing order; eigenvectors have unit length and the
 * sign convention of this module (entries sum positive, else largest |entry| positive).
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): EigenDecomposition {
  const n = matrix.length;
  const a = matrix.map((row, i) => {
    if (row.length !== n) {
      throw bilingualError(
        `矩阵须为方阵（第 ${i + 1} 行有 ${row.length} 列）`,
        `matrix must be square (row ${i + 1} has ${row.length} columns)`,
      );
    }
    return [...row];
  });
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const x = (a[i] as number[])[j] as number;
      const y = (a[j] as number[])[i] as number;
      if (!Number.isFinite(x) || Math.abs(x - y) > 1e-10 * (Math.abs(x) + Math.abs(y) + 1)) {
        throw bilingualError(
          `矩阵须为有限值的对称矩阵（${i + 1}, ${j + 1}）`,
          `matrix must be finite and symmetric (${i + 1}, ${j + 1})`,
        );
      }
    }
  }
  const v = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  const at = (i: number, j: number): number => (a[i] as number[])[j] as number;
  const set = (m: number[][], i: number, j: number, x: number): void => {
    (m[i] as number[])[j] = x;
  };
  let norm = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) norm += at(i, j) ** 2;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += at(p, q) ** 2;
    if (off <= 1e-32 * norm || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(p, q);
        if (apq === 0) continue;
        const theta = (at(q, q) - at(p, p)) / (2 * apq);
        const t =
          theta === 0 ? 1 : Math.sign(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          if (k === p || k === q) continue;
          const akp = at(k, p);
          const akq = at(k, q);
          const newKp = c * akp - s * akq;
          const newKq = s * akp + c * akq;
          set(a, k, p, newKp);
          set(a, p, k, newKp);
          set(a, k, q, newKq);
          set(a, q, k, newKq);
        }
        set(a, p, p, at(p, p) - t * apq);
        set(a, q, q, at(q, q) + t * apq);
        set(a, p, q, 0);
        set(a, q, p, 0);
        for (let k = 0; k < n; k++) {
          const vkp = (v[k] as number[])[p] as number;
          const vkq = (v[k] as number[])[q] as number;
          set(v, k, p, c * vkp - s * vkq);
          set(v, k, q, s * vkp + c * vkq);
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => at(j, j) - at(i, i));
  const values = order.map((i) => at(i, i));
  const vectors = order.map((col) => {
    const vec = v.map((row) => row[col] as number);
    orient(vec);
    return vec;
  });
  return { values, vectors };
}

/** Result of {@link principalComponents}, named after prcomp's output. */
export type PrincipalComponents = {
  /** Variables, in the order given. */
  codes: string[];
  /** Units used: those with no missing value in any of `codes` (R's `na.omit`). */
  unitCodes: string[];
  /** Means and sample SDs used to standardise (prcomp `center`, `scale`). */
  center: number[];
  scale: number[];
  /** Variances of the components = eigenvalues of the correlation matrix (prcomp `sdev²`). */
  eigenvalues: number[];
  /** prcomp `sdev`. */
  sdev: number[];
  /** Share of total variance explained by each component. */
  proportion: number[];
  /** Cumulative share. */
  cumulative: number[];
  /**
   * prcomp `rotation`: `loadings[j][k]` is the loading of `codes[j]` on component k + 1; each
   * column is a unit-length eigenvector (not multiplied by √eigenvalue).
   */
  loadings: number[][];
  /** prcomp `x`: `scores[i][k]` is unit `unitCodes[i]` on component k + 1. */
  scores: number[][];
};

/**
 * PCA of the columns `codes` on the units with complete data, centred and scaled, as
 * `stats::prcomp(na.omit(X), center = TRUE, scale = TRUE)` in COINr's `get_PCA`. Returns as many
 * components as columns; when there are no more units than columns, the trailing eigenvalues are
 * (numerically) zero, where prcomp would return only min(units, columns) components.
 * Signs: see the module note (entries of each loading vector sum positive).
 */
export function principalComponents(
  dataset: Dataset,
  codes: readonly string[],
): PrincipalComponents {
  const p = codes.length;
  if (p === 0) {
    throw bilingualError('主成分分析至少需要一列', 'PCA needs at least one column');
  }
  const cols = codes.map((c) => getColumn(dataset, c));
  const rows: number[] = [];
  for (let i = 0; i < dataset.unitCodes.length; i++) {
    if (cols.every((col) => !Number.isNaN(col[i] as number))) rows.push(i);
  }
  if (rows.length < 2) {
    throw bilingualError(
      `主成分分析至少需要两个无缺失值的单元（现有 ${rows.length} 个）`,
      `PCA needs at least 2 units without missing values (got ${rows.length})`,
    );
  }
  const z = cols.map((col, j) => {
    const x = Float64Array.from(rows, (i) => col[i] as number);
    const m = mean(x);
    const s = standardDeviation(x);
    if (!(s > 0)) {
      throw bilingualError(
        `列 ${codes[j]} 为常数，无法标准化`,
        `cannot rescale a constant column to unit variance (${codes[j]})`,
      );
    }
    return { m, s, values: x.map((v) => (v - m) / s) };
  });
  const n = rows.length;
  const corr = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) {
    const zi = (z[i] as { values: Float64Array }).values;
    for (let j = 0; j <= i; j++) {
      const zj = (z[j] as { values: Float64Array }).values;
      let s = 0;
      for (let r = 0; r < n; r++) s += (zi[r] as number) * (zj[r] as number);
      const c = i === j ? 1 : s / (n - 1);
      (corr[i] as number[])[j] = c;
      (corr[j] as number[])[i] = c;
    }
  }
  const eig = symmetricEigen(corr);
  // Round-off can leave tiny negative eigenvalues of a singular correlation matrix.
  const eigenvalues = eig.values.map((l) => Math.max(l, 0));
  const total = eigenvalues.reduce((s, l) => s + l, 0);
  const proportion = eigenvalues.map((l) => l / total);
  let acc = 0;
  const cumulative = proportion.map((x) => {
    acc += x;
    return acc;
  });
  const loadings = codes.map((_, j) => eig.vectors.map((vec) => vec[j] as number));
  const scores = Array.from({ length: n }, (_, r) =>
    eig.vectors.map((vec) => {
      let s = 0;
      for (let j = 0; j < p; j++) {
        s += ((z[j] as { values: Float64Array }).values[r] as number) * (vec[j] as number);
      }
      return s;
    }),
  );
  return {
    codes: [...codes],
    unitCodes: rows.map((i) => dataset.unitCodes[i] as string),
    center: z.map((c) => c.m),
    scale: z.map((c) => c.s),
    eigenvalues,
    sdev: eigenvalues.map(Math.sqrt),
    proportion,
    cumulative,
    loadings,
    scores,
  };
}
