/**
 * The workbench preview's change to a stored run's pipeline (重算预览): weights of framework
 * nodes, and the method of the normalise and aggregate steps, applied to the run's own spec.
 * Every bad field is reported at once, named (`weights.CQ_ENV`, `normalisation`, …), so the
 * route answers 400 with all of them.
 */
import type {
  AggregateMethod,
  IndexBuild,
  IndexSpec,
  NormaliseMethod,
  Step,
} from '@kechuang/index-engine';

/** Normalisations a preview may choose: those that need no per-indicator parameters. */
export const PREVIEW_NORMALISATIONS = [
  'ratioToStandard',
  'minMax',
  'zScore',
  'rank',
  'percentileRank',
  'borda',
  'distanceToMax',
  'fractionOfMax',
  'distanceToReference',
] as const satisfies readonly NormaliseMethod[];

/** Aggregations a preview may choose: those that need no parameter (not the generalised mean). */
export const PREVIEW_AGGREGATIONS = [
  'arithmeticMean',
  'geometricMean',
  'harmonicMean',
  'median',
  'copeland',
] as const satisfies readonly AggregateMethod[];

/** What the workbench changes. */
export type PreviewChanges = {
  /** Node code → weight within its parent's group (merged over the run's weights). */
  weights?: Record<string, number>;
  normalisation?: (typeof PREVIEW_NORMALISATIONS)[number];
  aggregation?: (typeof PREVIEW_AGGREGATIONS)[number];
};

/** A problem with one field of the request. */
export type FieldIssue = { field: string; zh: string; en: string };

/** The changed spec, or the issues that prevent it. */
export type PreviewSpecResult =
  | { ok: true; spec: IndexSpec; methodsSpec: IndexSpec; weights: Record<string, number> }
  | { ok: false; issues: FieldIssue[] };

/** The name of the weight set the last aggregate step reads (as `applyStep` resolves it). */
function aggregatedWeightSet(steps: readonly Step[]): string | undefined {
  let active = 'Original';
  let used: string | undefined;
  for (const step of steps) {
    if (step.step === 'weight') active = step.name ?? step.method;
    if (step.step === 'aggregate') {
      used = step.weights ?? active;
      active = used;
    }
  }
  return used;
}

/**
 * The run's spec with the preview's changes. `methodsSpec` carries only the method changes (its
 * build is shared by every weight variant); `spec` adds the weights; `weights` are the effective
 * weights of every node (framework, then the run's spec, then the changes).
 */
export function previewSpec(build: IndexBuild, changes: PreviewChanges): PreviewSpecResult {
  const tree = build.input.ctx.tree;
  const issues: FieldIssue[] = [];
  let steps = build.spec.steps;

  if (changes.normalisation !== undefined) {
    const method = changes.normalisation;
    if (!steps.some((s) => s.step === 'normalise')) {
      issues.push({
        field: 'normalisation',
        zh: 'normalisation：该计算的步骤中没有标准化（normalise）步骤，无法更换方法',
        en: 'normalisation: this run’s pipeline has no normalise step to change',
      });
    }
    // Method-specific parameters and per-indicator overrides belong to the old method.
    steps = steps.map((s) =>
      s.step === 'normalise'
        ? { step: 'normalise', method, ...(s.global === undefined ? {} : { global: s.global }) }
        : s,
    );
  }
  if (changes.aggregation !== undefined) {
    const method = changes.aggregation;
    if (!steps.some((s) => s.step === 'aggregate')) {
      issues.push({
        field: 'aggregation',
        zh: 'aggregation：该计算的步骤中没有汇总（aggregate）步骤，无法更换方法',
        en: 'aggregation: this run’s pipeline has no aggregate step to change',
      });
    }
    steps = steps.map((s) => {
      if (s.step !== 'aggregate') return s;
      const { p: _p, method: _m, ...rest } = s;
      return { ...rest, method };
    });
  }
  const methodsSpec: IndexSpec = { ...build.spec, steps };

  const weights: Record<string, number> = { ...build.input.weights, ...build.spec.weights };
  const given = Object.entries(changes.weights ?? {});
  for (const [code, weight] of given) {
    const field = `weights.${code}`;
    if (!tree.byCode.has(code)) {
      issues.push({
        field,
        zh: `${field}：指标体系中没有节点 ${code}`,
        en: `${field}: the framework has no node ${code}`,
      });
    } else if (code === tree.root) {
      issues.push({
        field,
        zh: `${field}：${code} 是综合指数本身，没有权重`,
        en: `${field}: ${code} is the index itself and has no weight`,
      });
    } else if (!Number.isFinite(weight) || weight < 0) {
      issues.push({
        field,
        zh: `${field}：权重须为不小于 0 的有限数，收到 ${weight}`,
        en: `${field}: a weight must be a finite number ≥ 0, got ${weight}`,
      });
    } else {
      weights[code] = weight;
    }
  }
  if (given.length > 0) {
    // A group whose members all weigh 0 has no score (0/0): refuse it, naming the members.
    const parents = new Set(given.map(([code]) => tree.byCode.get(code)?.parent ?? null));
    for (const parent of parents) {
      if (parent === null) continue;
      const members = tree.children.get(parent) ?? [];
      if (members.length > 0 && members.every((m) => (weights[m] ?? 0) === 0)) {
        issues.push({
          field: `weights.${members[0]}`,
          zh: `weights：${parent} 的成员（${members.join('、')}）权重不能全为 0`,
          en: `weights: the members of ${parent} (${members.join(', ')}) cannot all weigh 0`,
        });
      }
    }
    const used = aggregatedWeightSet(steps);
    if (used !== undefined && used !== 'Original') {
      issues.push({
        field: 'weights',
        zh: `weights：该计算按权重集 ${used}（由数据推导或另行指定）汇总，框架权重不起作用`,
        en: `weights: this run aggregates with the weight set ${used} (derived from the data or named), so framework weights do not apply`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const changedWeights = Object.fromEntries(given);
  const spec: IndexSpec =
    given.length > 0
      ? { ...methodsSpec, weights: { ...build.spec.weights, ...changedWeights } }
      : methodsSpec;
  return { ok: true, spec, methodsSpec, weights };
}
