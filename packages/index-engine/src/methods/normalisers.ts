/**
 * Normalisers of one column (COINr `R/normalise.R`, plus the Chinese ratio to 标准值).
 * Except `ratioToStandard`, each receives `x` already multiplied by the indicator's direction,
 * so "higher is better" everywhere; posts, targets and standards are given in the indicator's
 * own units and flipped here for negative indicators (COINr's `f_n_para = "use_iMeta"` rule).
 */
import { bilingual, StepError } from '../errors.ts';
import { mean, range, rankAscending, standardDeviation } from '../statistics.ts';
import type { Direction, NormaliseSpec } from '../types.ts';

export type NormaliseContext = {
  code: string;
  direction: Direction;
  /** The column before the direction was applied. */
  raw: Float64Array;
  target?: number;
  standard?: number;
  /** Row of the reference unit, for distanceToReference. */
  referenceRow?: number;
};

function map(x: Float64Array, f: (v: number) => number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    out[i] = Number.isNaN(v) ? v : f(v);
  }
  return out;
}

function need(value: number | undefined, what: string, ctx: NormaliseContext): number {
  if (value === undefined || !Number.isFinite(value)) {
    throw new StepError({
      node: ctx.code,
      message: bilingual(
        `指标 ${ctx.code} 缺少${what === 'target' ? '目标值 (Target)' : '标准值 (Standard)'}，无法标准化`,
        `indicator ${ctx.code} has no ${what}, needed to normalise it`,
      ),
    });
  }
  return value;
}

/** Normalise one direction-adjusted column `x` by `spec`. */
export function normaliseColumn(
  x: Float64Array,
  spec: NormaliseSpec,
  ctx: NormaliseContext,
): Float64Array {
  switch (spec.method) {
    case 'minMax': {
      const [l, u] = spec.range ?? [0, 100];
      const [lo, hi] = range(x);
      const out = new Float64Array(x.length);
      for (let i = 0; i < x.length; i++)
        out[i] = (((x[i] as number) - lo) / (hi - lo)) * (u - l) + l;
      return out;
    }
    case 'zScore': {
      const m = mean(x);
      const sd = standardDeviation(x);
      const targetSd = spec.sd ?? 1;
      const targetMean = spec.mean ?? 0;
      return map(x, (v) => ((v - m) / sd) * targetSd + targetMean);
    }
    case 'rank':
      return rankAscending(x, spec.ties ?? 'min');
    case 'percentileRank': {
      const r = rankAscending(x, spec.ties ?? 'min');
      let n = 0;
      for (const v of x) if (!Number.isNaN(v)) n++;
      return map(r, (v) => ((v - 1) / (n - 1)) * (spec.scale ?? 1));
    }
    case 'borda':
      return map(rankAscending(x, spec.ties ?? 'min'), (v) => v - 1);
    case 'distanceToMax': {
      const [lo, hi] = range(x);
      return map(x, (v) => (1 - (hi - v) / (hi - lo)) * (spec.scale ?? 1));
    }
    case 'fractionOfMax': {
      const [, hi] = range(x);
      return map(x, (v) => (v / hi) * (spec.scale ?? 1));
    }
    case 'distanceToReference':
      return distanceToReference(x, spec, ctx);
    case 'distanceToTarget':
      return distanceToTarget(x, spec, ctx);
    case 'goalposts': {
      const low = spec.low ?? 0;
      const high = spec.high ?? need(ctx.standard ?? ctx.target, 'standard', ctx);
      return goalposts(x, low, high, spec.scale ?? 100, spec.truncate ?? true, ctx.direction);
    }
    case 'scaled': {
      const [l, u] =
        ctx.direction === 1
          ? [spec.low ?? 0, spec.high ?? 100]
          : [-(spec.high ?? 100), -(spec.low ?? 0)];
      return map(x, (v) => ((v - l) / (u - l)) * (spec.scale ?? 100));
    }
    case 'ratioToStandard':
      return ratioToStandard(ctx.raw, need(ctx.standard, 'standard', ctx), ctx.direction, spec);
    case 'none':
      return x;
  }
}

/**
 * COINr `n_goalposts` with posts in the indicator's units: (x − l)/(u − l), or (u − x)/(u − l)
 * for a negative indicator; clamped to [0, 1] if `truncate`; times `scale`.
 * Here x is direction-adjusted, so a negative indicator's posts become (−u, −l).
 */
export function goalposts(
  x: Float64Array,
  low: number,
  high: number,
  scale: number,
  truncate: boolean,
  direction: Direction,
): Float64Array {
  const [l, u] = direction === 1 ? [low, high] : [-high, -low];
  return map(x, (v) => {
    let y = (v - l) / (u - l);
    if (truncate) y = Math.min(Math.max(y, 0), 1);
    return y * scale;
  });
}

/**
 * The Chinese evaluation value (中国区域科技创新评价): value ÷ 标准值 × 100, capped at 100
 * (exceeding the standard earns nothing) and floored at 0. For a negative indicator the
 * common Chinese form 标准值 ÷ value × 100 is used (a value of 0 scores the cap).
 */
export function ratioToStandard(
  raw: Float64Array,
  standard: number,
  direction: Direction,
  spec: NormaliseSpec,
): Float64Array {
  const cap = spec.cap ?? 100;
  const scale = spec.scale ?? 100;
  return map(raw, (v) => {
    const ratio = direction === 1 ? v / standard : v <= 0 ? Number.POSITIVE_INFINITY : standard / v;
    return Math.min(Math.max(ratio * scale, 0), cap);
  });
}

function distanceToTarget(
  x: Float64Array,
  spec: NormaliseSpec,
  ctx: NormaliseContext,
): Float64Array {
  // COINr n_dist2targ with use_iMeta: target × direction on direction-adjusted data.
  const target = need(ctx.target, 'target', ctx) * ctx.direction;
  const [lo] = range(x);
  const scale = spec.scale ?? 1;
  return map(x, (v) => {
    let y = (v - lo) / (target - lo);
    if (spec.capMax && y > 1) y = 1;
    return y * scale;
  });
}

function distanceToReference(
  x: Float64Array,
  spec: NormaliseSpec,
  ctx: NormaliseContext,
): Float64Array {
  if (ctx.referenceRow === undefined) {
    throw new StepError({
      node: ctx.code,
      message: bilingual(
        '按参照单元距离标准化需要参照单元（reference 或 isReference）',
        'distanceToReference needs a reference unit (spec.reference or a unit flagged isReference)',
      ),
    });
  }
  const ref = x[ctx.referenceRow] as number;
  const [lo] = range(x);
  const scale = spec.scale ?? 1;
  if (Number.isNaN(ref)) return new Float64Array(x.length).fill(Number.NaN);
  return map(x, (v) => {
    let y = 1 - (ref - v) / (ref - lo);
    if (spec.capMax && y > 1) y = 1;
    return y * scale;
  });
}
