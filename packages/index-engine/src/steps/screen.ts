import { selectRows } from '../dataset.ts';
import type { Dataset, ScreenDetail, ScreenStep } from '../types.ts';
import type { BuildContext } from './context.ts';

/**
 * Remove units with too little data (COINr `Screen`). Per unit: dataShare = 1 − missing / n and
 * nonZeroShare = 1 − zeros / (n − missing). A unit is removed if its share is strictly below the
 * threshold (so exactly at it is kept), then `forceIn` / `forceOut` apply.
 * Defaults as COINr: minDataShare 2/3, minNonZeroShare 0.05, by 'missing'.
 */
export function screen(
  ctx: BuildContext,
  input: Dataset,
  step: ScreenStep,
): { dataset: Dataset; details: ScreenDetail[] } {
  const codes = ctx.tree.indicators.filter((c) => input.columns.has(c));
  const cols = codes.map((c) => input.columns.get(c) as Float64Array);
  const minData = step.minDataShare ?? 2 / 3;
  const minNonZero = step.minNonZeroShare ?? 0.05;
  const by = step.by ?? 'missing';
  const details: ScreenDetail[] = [];
  const keep: number[] = [];
  input.unitCodes.forEach((unit, u) => {
    let missing = 0;
    let zeros = 0;
    for (const col of cols) {
      const v = col[u] as number;
      if (Number.isNaN(v)) missing++;
      else if (v === 0) zeros++;
    }
    const n = cols.length;
    const dataShare = 1 - missing / n;
    const nonZeroShare = 1 - zeros / (n - missing);
    const lowData = dataShare < minData;
    // A unit with no data has nonZeroShare NaN: treated as low, so it is dropped.
    const lowNonZero = !(nonZeroShare >= minNonZero);
    let included =
      by === 'missing' ? !lowData : by === 'zeros' ? !lowNonZero : !lowData && !lowNonZero;
    if (step.forceIn?.includes(unit)) included = true;
    if (step.forceOut?.includes(unit)) included = false;
    details.push({ unit, missing, zeros, dataShare, nonZeroShare, included });
    if (included) keep.push(u);
  });
  const dataset = keep.length === input.unitCodes.length ? input : selectRows(input, keep);
  return { dataset, details };
}
