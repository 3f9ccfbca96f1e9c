/**
 * Aggregators of one group (COINr `R/aggregate.R`): a unit's score for a parent from its members'
 * scores and weights. Missing members are dropped and the remaining weights rescaled, except
 * where COINr says otherwise (the generalised mean returns NaN as soon as one value is missing).
 */
import { bilingual, StepError } from '../errors.ts';
import type { AggregateMethod } from '../types.ts';

export type GroupInput = {
  parent: string;
  members: readonly string[];
  columns: readonly Float64Array[];
  weights: readonly number[];
  unitCodes: readonly string[];
};

export type AggregateOptions = { p?: number; minDataShare?: number };

/** Aggregate one group for every unit. */
export function aggregateGroup(
  input: GroupInput,
  method: AggregateMethod,
  options: AggregateOptions = {},
): Float64Array {
  checkWeights(input);
  const n = input.unitCodes.length;
  if (method === 'copeland') return copeland(input);
  if (method === 'arithmeticMean') return arithmeticMeanColumns(input, options.minDataShare);
  const out = new Float64Array(n);
  const k = input.members.length;
  const values = new Float64Array(k);
  const weights = new Float64Array(k);
  for (let u = 0; u < n; u++) {
    let m = 0;
    let missing = false;
    for (let j = 0; j < k; j++) {
      const v = (input.columns[j] as Float64Array)[u] as number;
      if (Number.isNaN(v)) {
        missing = true;
        continue;
      }
      values[m] = v;
      weights[m] = input.weights[j] as number;
      m++;
    }
    if (m === 0 || (options.minDataShare !== undefined && m / k < options.minDataShare)) {
      out[u] = Number.NaN;
      continue;
    }
    const vs = values.subarray(0, m);
    const ws = weights.subarray(0, m);
    switch (method) {
      case 'geometricMean':
        out[u] = geometricMean(vs, ws, input, u);
        break;
      case 'harmonicMean':
        out[u] = harmonicMean(vs, ws, input, u);
        break;
      case 'generalisedMean':
        // COINr checks for non-positive values (p < 0) before NA makes the result NA.
        out[u] = generalisedMean(vs, ws, options.p, input, u);
        if (missing) out[u] = Number.NaN;
        break;
      case 'median':
        out[u] = weightedMedian(vs, ws);
        break;
    }
  }
  return out;
}

function checkWeights(input: GroupInput): void {
  input.weights.forEach((w, j) => {
    if (!Number.isFinite(w)) {
      throw new StepError({
        node: input.members[j],
        message: bilingual(
          `${input.members[j]} 没有权重（汇总 ${input.parent} 时）`,
          `${input.members[j]} has no weight (aggregating ${input.parent})`,
        ),
      });
    }
  });
}

/**
 * The arithmetic mean for every unit at once, column by column (the hot path of uncertainty
 * runs): Σ w·x / Σ w over each unit's available members.
 */
function arithmeticMeanColumns(input: GroupInput, minDataShare?: number): Float64Array {
  const n = input.unitCodes.length;
  const k = input.columns.length;
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  const count = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    const col = input.columns[j] as Float64Array;
    const w = input.weights[j] as number;
    for (let u = 0; u < n; u++) {
      const v = col[u] as number;
      if (!Number.isNaN(v)) {
        num[u] = (num[u] as number) + w * v;
        den[u] = (den[u] as number) + w;
        count[u] = (count[u] as number) + 1;
      }
    }
  }
  const out = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const c = count[u] as number;
    const tooFew = c === 0 || (minDataShare !== undefined && c / k < minDataShare);
    out[u] = tooFew ? Number.NaN : (num[u] as number) / (den[u] as number);
  }
  return out;
}

/** COINr `a_amean`: Σ w·x / Σ w over the available values. */
export function arithmeticMean(x: ArrayLike<number>, w: ArrayLike<number>): number {
  let sw = 0;
  for (let i = 0; i < x.length; i++) sw += w[i] as number;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += ((w[i] as number) / sw) * (x[i] as number);
  return s;
}

function reject(input: GroupInput, u: number, zh: string, en: string): never {
  throw new StepError({
    node: input.parent,
    unit: input.unitCodes[u],
    message: bilingual(
      `无法汇总 ${input.parent}：单元 ${input.unitCodes[u]} ${zh}`,
      `cannot aggregate ${input.parent}: unit ${input.unitCodes[u]} ${en}`,
    ),
  });
}

function memberWith(input: GroupInput, u: number, bad: (v: number) => boolean): string {
  const j = input.columns.findIndex((c) => bad(c[u] as number));
  return input.members[j] ?? '?';
}

/** COINr `a_gmean`: exp(Σ w·log x / Σ w); zeros and negatives are refused. */
export function geometricMean(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  input?: GroupInput,
  u = 0,
): number {
  let sw = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v <= 0) {
      if (input) {
        const code = memberWith(input, u, (y) => y <= 0);
        reject(
          input,
          u,
          `的 ${code} 为 ${v}，几何平均要求正数`,
          `has ${code} = ${v}; the geometric mean needs positive values`,
        );
      }
      return Number.NaN;
    }
    sw += w[i] as number;
    s += (w[i] as number) * Math.log(v);
  }
  return Math.exp(s / sw);
}

/** COINr `a_hmean`: Σ w / Σ (w/x); zeros are refused. */
export function harmonicMean(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  input?: GroupInput,
  u = 0,
): number {
  let sw = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v === 0) {
      if (input) {
        const code = memberWith(input, u, (y) => y === 0);
        reject(
          input,
          u,
          `的 ${code} 为 0，调和平均不能含零`,
          `has ${code} = 0; the harmonic mean cannot take zeros`,
        );
      }
      return Number.NaN;
    }
    sw += w[i] as number;
    s += (w[i] as number) / v;
  }
  return sw / s;
}

/** COINr `a_genmean`: (Σ w·x^p / Σ w)^(1/p); p = 0 refused; x ≤ 0 refused when p < 0. */
export function generalisedMean(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  p: number | undefined,
  input?: GroupInput,
  u = 0,
): number {
  if (p === undefined || p === 0 || !Number.isFinite(p)) {
    throw new StepError({
      node: input?.parent,
      message: bilingual(
        '广义平均需要非零的幂 p（p = 0 请用几何平均）',
        'the generalised mean needs a non-zero power p (use the geometric mean for p = 0)',
      ),
    });
  }
  let sw = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (p < 0 && v <= 0) {
      if (input)
        reject(
          input,
          u,
          `有非正值 ${v}，p < 0 时不允许`,
          `has a non-positive value ${v}, not allowed with p < 0`,
        );
      return Number.NaN;
    }
    sw += w[i] as number;
    s += (w[i] as number) * v ** p;
  }
  return (s / sw) ** (1 / p);
}

/**
 * Weighted median: the smallest value whose cumulative normalised weight reaches ½; where the
 * cumulative weight equals ½ exactly, the mean of that value and the next (the ordinary median
 * with equal weights).
 */
export function weightedMedian(x: ArrayLike<number>, w: ArrayLike<number>): number {
  const idx = Array.from({ length: x.length }, (_, i) => i).sort(
    (a, b) => (x[a] as number) - (x[b] as number),
  );
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i] as number;
  let cum = 0;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k] as number;
    cum += (w[i] as number) / total;
    if (Math.abs(cum - 0.5) < 1e-12 && k + 1 < idx.length) {
      return ((x[i] as number) + (x[idx[k + 1] as number] as number)) / 2;
    }
    if (cum > 0.5) return x[i] as number;
  }
  return x[idx[idx.length - 1] as number] as number;
}

/**
 * COINr `outrankMatrix`: entry (i, j), i < j = Σ w over members where unit i beats unit j plus
 * ½ Σ w where they tie (NA comparisons add nothing); (j, i) = 1 − (i, j). Weights sum to 1.
 */
export function outrankMatrix(
  columns: readonly Float64Array[],
  weights: readonly number[],
  n: number,
): Float64Array[] {
  const sw = weights.reduce((a, b) => a + b, 0);
  const w = weights.map((x) => x / sw);
  const m = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let wins = 0;
      let ties = 0;
      columns.forEach((col, k) => {
        const a = col[i] as number;
        const b = col[j] as number;
        if (a > b) wins += w[k] as number;
        else if (a === b) ties += w[k] as number;
      });
      const v = wins + ties / 2;
      (m[i] as Float64Array)[j] = v;
      (m[j] as Float64Array)[i] = 1 - v;
    }
  }
  return m;
}

/** COINr `a_copeland`: outranking entries > ½ count +1, < ½ count −1; score = row sum. */
export function copeland(input: GroupInput): Float64Array {
  const n = input.unitCodes.length;
  const m = outrankMatrix(input.columns, input.weights, n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const v = (m[i] as Float64Array)[j] as number;
      s += v > 0.5 ? 1 : v < 0.5 ? -1 : 0;
    }
    out[i] = s;
  }
  return out;
}
