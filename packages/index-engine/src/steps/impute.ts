import { bilingual, StepError } from '../errors.ts';
import { ancestorAt } from '../framework.ts';
import { mean, median, range } from '../statistics.ts';
import type { Dataset, ImputeStep } from '../types.ts';
import { type BuildContext, unitsOf } from './context.ts';

export type ImputeResult = {
  dataset: Dataset;
  /** The points that were filled. */
  imputed: { unit: string; code: string }[];
  /** Points still missing afterwards (e.g. a group with no observed value). */
  remaining: number;
};

/**
 * Fill missing values (COINr `Impute`). Non-missing values are never changed.
 * - by column (default): `mean` / `median` of the indicator; `groupMean` / `groupMedian` within
 *   the unit's group (units with no group are left untouched, as in COINr).
 * - by row: the unit's mean / median over its other indicators (within the ancestor at
 *   `groupLevel` if given), after direction-adjusted min–max scaling to [0, 1] unless
 *   `normaliseFirst` is false; the filled value is scaled back.
 * Panel methods (latest / constant / linear) need every time point and run in `runPanel`.
 */
export function impute(ctx: BuildContext, input: Dataset, step: ImputeStep): ImputeResult {
  if (step.method === 'latest' || step.method === 'constant' || step.method === 'linear') {
    throw new StepError({
      message: bilingual(
        `插补方法 ${step.method} 只适用于面板（多年）数据`,
        `imputation method ${step.method} needs panel (multi-year) data`,
      ),
    });
  }
  const codes = ctx.tree.indicators.filter((c) => input.columns.has(c));
  const byRow = step.by === 'row';
  const normaliseFirst = step.normaliseFirst ?? byRow;
  const columns = new Map(input.columns);
  const work = new Map<string, Float64Array>();
  const scales = new Map<string, { lo: number; hi: number; dir: number }>();
  for (const code of codes) {
    const x = input.columns.get(code) as Float64Array;
    if (!normaliseFirst) {
      work.set(code, x);
      continue;
    }
    const dir = ctx.tree.byCode.get(code)?.direction ?? 1;
    const xd = x.map((v) => v * dir);
    const [lo, hi] = range(xd);
    scales.set(code, { lo, hi, dir });
    work.set(
      code,
      xd.map((v) => (v - lo) / (hi - lo)),
    );
  }
  const filled = byRow
    ? imputeRows(ctx, input, step, codes, work)
    : imputeColumns(ctx, input, step, codes, work);
  const imputed: { unit: string; code: string }[] = [];
  let remaining = 0;
  for (const code of codes) {
    const original = input.columns.get(code) as Float64Array;
    if (!hasMissing(original)) continue;
    const f = filled.get(code) as Float64Array;
    const sc = scales.get(code);
    let out: Float64Array | undefined;
    for (let u = 0; u < original.length; u++) {
      if (!Number.isNaN(original[u] as number)) continue;
      out ??= original.slice();
      const v = f[u] as number;
      out[u] = sc ? (v * (sc.hi - sc.lo) + sc.lo) * sc.dir : v;
      if (Number.isNaN(out[u] as number)) remaining++;
      else imputed.push({ unit: input.unitCodes[u] as string, code });
    }
    if (out) columns.set(code, out);
  }
  return { dataset: { unitCodes: input.unitCodes, columns }, imputed, remaining };
}

function imputeColumns(
  ctx: BuildContext,
  input: Dataset,
  step: ImputeStep,
  codes: readonly string[],
  work: ReadonlyMap<string, Float64Array>,
): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  const grouped = step.method === 'groupMean' || step.method === 'groupMedian';
  const centre = step.method === 'mean' || step.method === 'groupMean' ? mean : median;
  let groupOf = new Int32Array(0);
  let groupCount = 0;
  if (grouped) {
    if (!step.group) {
      throw new StepError({
        message: bilingual(
          `插补方法 ${step.method} 需要指定分组列 group`,
          `imputation method ${step.method} needs a group column ("group")`,
        ),
      });
    }
    const group = step.group;
    const units = unitsOf(ctx, input.unitCodes);
    if (!units.some((u) => group in u.groups)) {
      throw new StepError({
        field: group,
        message: bilingual(`数据中没有分组列 ${group}`, `group column ${group} is not in the data`),
      });
    }
    // Group values as small integers (−1 = no group), so each column is one pass.
    const ids = new Map<string, number>();
    groupOf = Int32Array.from(units, (u) => {
      const g = u.groups[group];
      if (g === null || g === undefined) return -1;
      let id = ids.get(g);
      if (id === undefined) {
        id = ids.size;
        ids.set(g, id);
      }
      return id;
    });
    groupCount = ids.size;
  }
  for (const code of codes) {
    const x = work.get(code) as Float64Array;
    if (!hasMissing(x)) {
      out.set(code, x);
      continue;
    }
    const filled = x.slice();
    if (!grouped) {
      const c = centre(x);
      for (let u = 0; u < x.length; u++) if (Number.isNaN(x[u] as number)) filled[u] = c;
    } else {
      const centres =
        step.method === 'groupMean'
          ? groupMeans(x, groupOf, groupCount)
          : groupMedians(x, groupOf, groupCount);
      for (let u = 0; u < x.length; u++) {
        const g = groupOf[u] as number;
        if (g >= 0 && Number.isNaN(x[u] as number)) filled[u] = centres[g] as number;
      }
    }
    out.set(code, filled);
  }
  return out;
}

function imputeRows(
  ctx: BuildContext,
  input: Dataset,
  step: ImputeStep,
  codes: readonly string[],
  work: ReadonlyMap<string, Float64Array>,
): Map<string, Float64Array> {
  const centre = step.method === 'median' ? median : mean;
  const level = step.groupLevel;
  const blocks = new Map<string, string[]>();
  for (const code of codes) {
    const key = level ? (ancestorAt(ctx.tree, code, level) ?? '') : '';
    const list = blocks.get(key) ?? [];
    list.push(code);
    blocks.set(key, list);
  }
  const out = new Map<string, Float64Array>();
  for (const code of codes) out.set(code, (work.get(code) as Float64Array).slice());
  for (const members of blocks.values()) {
    const cols = members.map((c) => work.get(c) as Float64Array);
    for (let u = 0; u < input.unitCodes.length; u++) {
      const row = cols.map((c) => c[u] as number);
      const c = centre(row);
      members.forEach((code, j) => {
        if (Number.isNaN(row[j] as number)) (out.get(code) as Float64Array)[u] = c;
      });
    }
  }
  return out;
}

function hasMissing(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i] as number)) return true;
  return false;
}

function groupMeans(x: Float64Array, groupOf: Int32Array, groupCount: number): Float64Array {
  const sum = new Float64Array(groupCount);
  const n = new Float64Array(groupCount);
  for (let u = 0; u < x.length; u++) {
    const g = groupOf[u] as number;
    const v = x[u] as number;
    if (g >= 0 && !Number.isNaN(v)) {
      sum[g] = (sum[g] as number) + v;
      n[g] = (n[g] as number) + 1;
    }
  }
  // A group with no observed value has nothing to average: NaN, as COINr's mean of nothing.
  return sum.map((s, g) => s / (n[g] as number));
}

function groupMedians(x: Float64Array, groupOf: Int32Array, groupCount: number): Float64Array {
  const members: number[][] = Array.from({ length: groupCount }, () => []);
  for (let u = 0; u < x.length; u++) {
    const g = groupOf[u] as number;
    if (g >= 0) (members[g] as number[]).push(x[u] as number);
  }
  return Float64Array.from(members, (m) => median(m));
}
