/**
 * Panels: one framework, several time points (COINr's purse). Each step runs per time point,
 * except panel imputation (latest / constant / linear over time) and normalisation with
 * `global: true` (parameters taken across all time points, EIS style, so scores compare
 * over time).
 */
import { createIndex, type IndexInput } from './createIndex.ts';
import { applyStep, assembleBuild, initialState } from './runIndex.ts';
import { validateSpec } from './spec.ts';
import { normalise } from './steps/normalise.ts';
import type {
  Dataset,
  Framework,
  ImputeStep,
  IndexBuild,
  IndexSpec,
  NormaliseStep,
  StepState,
  Unit,
  UnitTable,
} from './types.ts';

export type PanelBuild = { times: number[]; builds: IndexBuild[] };

/** Build every time point of a panel; tables need a `time`. */
export function runPanel(
  framework: Framework,
  tables: readonly UnitTable[],
  spec: IndexSpec,
): PanelBuild {
  validateSpec(spec);
  const sorted = [...tables].sort((a, b) => (a.time ?? 0) - (b.time ?? 0));
  const inputs = sorted.map((t) => createIndex(framework, t));
  let states = inputs.map((input) => initialState(input, spec));
  const history: StepState[][] = inputs.map(() => []);
  for (const step of spec.steps) {
    if (step.step === 'impute' && isPanelMethod(step)) {
      states = imputePanel(inputs, states, step);
    } else if (step.step === 'normalise' && step.global) {
      states = normaliseGlobally(inputs, states, step);
    } else {
      states = states.map((s, i) => applyStep(inputs[i] as IndexInput, s, step));
    }
    states.forEach((s, i) => {
      history[i]?.push(s);
    });
  }
  return {
    times: sorted.map((t) => t.time ?? 0),
    builds: inputs.map((input, i) => assembleBuild(input, spec, history[i] as StepState[])),
  };
}

function isPanelMethod(step: ImputeStep): boolean {
  return step.method === 'latest' || step.method === 'constant' || step.method === 'linear';
}

/**
 * COINr `impute_panel`: per unit and indicator over the sorted time points.
 * - latest: carry the most recent earlier observation forward, at most `maxTime` time points
 *   back (counted in time points, not years); nothing is back-filled.
 * - constant: carry forward; before the first observation take the first observed value.
 * - linear: interpolate linearly between observations, constant beyond the ends. A series with a
 *   single observation is held constant (COINr 1.1.14 stops there; its later "linear-constant"
 *   does this).
 */
function imputePanel(inputs: IndexInput[], states: StepState[], step: ImputeStep): StepState[] {
  const times = inputs.map((inp) => inp.ctx.time ?? 0);
  const out = states.map((s) => ({
    ...s,
    dataset: { ...s.dataset, columns: new Map(s.dataset.columns) },
    details: { ...s.details, imputed: [] as { unit: string; code: string }[] },
  }));
  const codes = inputs[0]?.ctx.tree.indicators ?? [];
  const unitCodes = [...new Set(states.flatMap((s) => s.dataset.unitCodes))];
  const rowMaps = states.map((s) => new Map(s.dataset.unitCodes.map((u, i) => [u, i])));
  for (const code of codes) {
    const cols = out.map((s) => {
      const c = s.dataset.columns.get(code);
      return c ? c.slice() : undefined;
    });
    for (const unit of unitCodes) {
      const series = states.map((s, t) => {
        const r = rowMaps[t]?.get(unit);
        const c = s.dataset.columns.get(code);
        return r === undefined || !c ? Number.NaN : (c[r] as number);
      });
      const filled = fillSeries(series, times, step);
      filled.forEach((v, t) => {
        const r = rowMaps[t]?.get(unit);
        const col = cols[t];
        if (r === undefined || !col || !Number.isNaN(col[r] as number) || Number.isNaN(v)) return;
        col[r] = v;
        out[t]?.details.imputed?.push({ unit, code });
      });
    }
    cols.forEach((c, t) => {
      const target = out[t];
      if (c && target) (target.dataset.columns as Map<string, Float64Array>).set(code, c);
    });
  }
  return out;
}

/** Fill one unit's series (aligned with `times`) by a panel method. */
export function fillSeries(
  series: readonly number[],
  times: readonly number[],
  step: Pick<ImputeStep, 'method' | 'maxTime'>,
): number[] {
  const observed = series.flatMap((v, t) => (Number.isNaN(v) ? [] : [t]));
  if (observed.length === 0) return [...series];
  return series.map((v, t) => {
    if (!Number.isNaN(v)) return v;
    const prev = observed.filter((o) => o < t).at(-1);
    const next = observed.find((o) => o > t);
    if (step.method === 'latest') {
      if (prev === undefined) return Number.NaN;
      if (step.maxTime !== undefined && t - prev > step.maxTime) return Number.NaN;
      return series[prev] as number;
    }
    if (step.method === 'constant') return series[prev ?? (next as number)] as number;
    if (prev === undefined) return series[next as number] as number;
    if (next === undefined) return series[prev] as number;
    const [t0, t1] = [times[prev] as number, times[next] as number];
    const [y0, y1] = [series[prev] as number, series[next] as number];
    return y0 + ((y1 - y0) * ((times[t] as number) - t0)) / (t1 - t0);
  });
}

/** Normalise all time points together: stack the rows, normalise once, split back. */
function normaliseGlobally(
  inputs: IndexInput[],
  states: StepState[],
  step: NormaliseStep,
): StepState[] {
  const first = inputs[0];
  if (!first) return states;
  const unitCodes: string[] = [];
  const units: Unit[] = [];
  const unitIndex = new Map<string, number>();
  states.forEach((s, t) => {
    const ctx = (inputs[t] as IndexInput).ctx;
    for (const u of s.dataset.unitCodes) {
      const key = `${u}@${t}`;
      unitIndex.set(key, units.length);
      units.push({
        ...(ctx.units[ctx.unitIndex.get(u) ?? -1] ?? { code: u, names: {}, groups: {} }),
        code: key,
      });
      unitCodes.push(key);
    }
  });
  const columns = new Map<string, Float64Array>();
  for (const code of states[0]?.dataset.columns.keys() ?? []) {
    const parts = states.map(
      (s) =>
        s.dataset.columns.get(code) ??
        new Float64Array(s.dataset.unitCodes.length).fill(Number.NaN),
    );
    const stacked = new Float64Array(unitCodes.length);
    let k = 0;
    for (const p of parts) {
      stacked.set(p, k);
      k += p.length;
    }
    columns.set(code, stacked);
  }
  const stackedCtx = { ...first.ctx, units, unitIndex };
  const normalised: Dataset = normalise(
    stackedCtx,
    { unitCodes, columns },
    { ...step, global: false },
  );
  let offset = 0;
  return states.map((s) => {
    const n = s.dataset.unitCodes.length;
    const cols = new Map<string, Float64Array>();
    for (const [code, col] of normalised.columns) cols.set(code, col.slice(offset, offset + n));
    offset += n;
    return { ...s, dataset: { unitCodes: s.dataset.unitCodes, columns: cols } };
  });
}
