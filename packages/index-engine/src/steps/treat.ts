import {
  boxCox,
  checkSkewKurt,
  gIILog,
  logCT,
  logCTOrig,
  logCTPlus,
  type SkewKurtCheck,
  squareRoot,
  type TreatResult,
  winsorise,
} from '../methods/treatments.ts';
import type { Dataset, TreatDetail, TreatMethod, TreatStep } from '../types.ts';
import type { BuildContext } from './context.ts';

type TreatSettings = Omit<TreatStep, 'step' | 'overrides'>;

/**
 * Treat outliers column by column with COINr's two-stage rule (`Treat`): if the skew/kurtosis
 * check fails, apply the first treatment (default: iterative winsorisation up to
 * `maxWinsorised` points); if it still fails, apply the fallback (default `logCT`) to the
 * original column (or to the first treatment's output with `combine`). Where the check is
 * undefined (too few values, a constant column) the column is left untreated, as in COINr.
 * Defaults: maxWinsorised 5, skewThreshold 2, kurtosisThreshold 3.5 (COINr's coded defaults).
 */
export function treat(
  ctx: BuildContext,
  input: Dataset,
  step: TreatStep,
): { dataset: Dataset; details: TreatDetail[] } {
  const columns = new Map(input.columns);
  const details: TreatDetail[] = [];
  for (const code of ctx.tree.indicators) {
    const x = input.columns.get(code);
    if (!x) continue;
    const override = step.overrides?.[code];
    if (override === 'none') continue;
    const settings: TreatSettings = override ? { ...step, ...override } : step;
    const result = treatColumn(x, settings);
    if (!result) continue;
    columns.set(code, result.x);
    const points: TreatDetail['points'] = [];
    if (result.detail.applied !== 'none') {
      result.flags.forEach((flag, u) => {
        if (flag) points.push({ unit: input.unitCodes[u] as string, flag });
      });
    }
    details.push({ code, ...result.detail, points });
  }
  return { dataset: { unitCodes: input.unitCodes, columns }, details };
}

type ColumnResult = {
  x: Float64Array;
  flags: string[];
  detail: Omit<TreatDetail, 'code' | 'points'>;
};

/** Treat one column; null where COINr returns it untreated without a detail row. */
export function treatColumn(x: Float64Array, s: TreatSettings): ColumnResult | null {
  const skewT = s.skewThreshold ?? 2;
  const kurtT = s.kurtosisThreshold ?? 3.5;
  const before = checkSkewKurt(x, skewT, kurtT);
  if (before.pass === null) return null;
  const first = s.method ?? 'winsorise';
  const detail: ColumnResult['detail'] = {
    before: asDetail(before),
    winsorised: 0,
    applied: 'none',
  };
  const noFlags: string[] = [];
  if (before.pass) {
    return { x, flags: noFlags, detail };
  }
  const r1 = applyTreatment(first, x, s);
  if (!r1) return { x, flags: noFlags, detail };
  const after1 = checkSkewKurt(r1.x, skewT, kurtT);
  if (after1.pass === null) return { x, flags: noFlags, detail };
  detail.winsorised = r1.winsorised ?? 0;
  detail.afterFirst = asDetail(after1);
  detail.applied = first;
  if (after1.pass) return { x: r1.x, flags: r1.flags, detail };
  const fallback = s.fallback ?? 'logCT';
  if (fallback === 'none') return { x: r1.x, flags: r1.flags, detail };
  const base = s.combine ? r1.x : x;
  const r2 = applyTreatment(fallback, base, s);
  if (!r2) return { x, flags: noFlags, detail };
  const after2 = checkSkewKurt(r2.x, skewT, kurtT);
  if (after2.pass === null) return null;
  detail.afterFallback = asDetail(after2);
  detail.applied = fallback;
  // COINr pastes the two flags with '+', so every point reads e.g. '+log_CT' or 'winhi+log_CT'.
  const flags = r2.flags.map((f, i) => `${r1.flags[i] ?? ''}+${f}`);
  return { x: r2.x, flags, detail };
}

function asDetail(c: SkewKurtCheck): { pass: boolean; skew: number; kurtosis: number } {
  return { pass: c.pass === true, skew: c.skew, kurtosis: c.kurtosis };
}

function applyTreatment(
  method: TreatMethod,
  x: Float64Array,
  s: TreatSettings,
): TreatResult | null {
  switch (method) {
    case 'winsorise':
      return winsorise(
        x,
        s.maxWinsorised ?? 5,
        s.skewThreshold ?? 2,
        s.kurtosisThreshold ?? 3.5,
        s.forceWinsorise ?? false,
      );
    case 'logCT':
      return logCT(x);
    case 'logCTOrig':
      return logCTOrig(x);
    case 'logCTPlus':
      return logCTPlus(x);
    case 'gIILog':
      return gIILog(x);
    case 'boxCox':
      return boxCox(x, s.lambda ?? 1);
    case 'sqrt':
      return squareRoot(x);
    case 'none':
      return { x, flags: new Array<string>(x.length).fill('') };
  }
}
