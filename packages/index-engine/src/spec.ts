import { bilingual, IndexInputError, type InputIssue } from './errors.ts';
import type { IndexSpec, Step } from './types.ts';

const METHODS: Record<string, readonly string[] | undefined> = {
  impute: ['mean', 'median', 'groupMean', 'groupMedian', 'latest', 'constant', 'linear'],
  treat: ['winsorise', 'logCT', 'logCTOrig', 'logCTPlus', 'gIILog', 'boxCox', 'sqrt', 'none'],
  normalise: [
    'minMax',
    'zScore',
    'rank',
    'percentileRank',
    'borda',
    'distanceToMax',
    'distanceToReference',
    'distanceToTarget',
    'fractionOfMax',
    'goalposts',
    'ratioToStandard',
    'scaled',
    'none',
  ],
  weight: ['equal', 'entropy', 'critic', 'pca', 'balance', 'infomax'],
  aggregate: [
    'arithmeticMean',
    'geometricMean',
    'harmonicMean',
    'generalisedMean',
    'median',
    'copeland',
  ],
};

/** Step names in the order COINr (and the OECD/JRC handbook) runs them. */
export const STEP_ORDER = [
  'denominate',
  'impute',
  'screen',
  'treat',
  'normalise',
  'weight',
  'aggregate',
] as const;

/**
 * Check a spec read from JSON: known steps in pipeline order, known methods, parameters of the
 * right type and range. Every problem is reported at once, naming the step by position.
 */
export function validateSpec(spec: unknown): IndexSpec {
  const issues: InputIssue[] = [];
  const fail = (where: string, zh: string, en: string) =>
    issues.push({
      kind: 'invalidSpec',
      field: where,
      message: bilingual(`${where}：${zh}`, `${where}: ${en}`),
    });
  if (typeof spec !== 'object' || spec === null || !Array.isArray((spec as IndexSpec).steps)) {
    fail('spec', '须为含 steps 数组的对象', 'must be an object with a "steps" array');
    throw new IndexInputError(issues);
  }
  const s = spec as IndexSpec;
  let lastOrder = -1;
  s.steps.forEach((raw: unknown, i) => {
    const where = `steps[${i}]`;
    if (typeof raw !== 'object' || raw === null) {
      fail(where, '须为对象', 'must be an object');
      return;
    }
    const step = raw as Step & Record<string, unknown>;
    const order = (STEP_ORDER as readonly string[]).indexOf(step.step);
    if (order < 0) {
      fail(
        where,
        `未知步骤 "${String(step.step)}"，可用：${STEP_ORDER.join(', ')}`,
        `unknown step "${String(step.step)}"; known: ${STEP_ORDER.join(', ')}`,
      );
      return;
    }
    if (order < lastOrder) {
      fail(
        where,
        `步骤 ${step.step} 须排在 ${STEP_ORDER[lastOrder]} 之前`,
        `step ${step.step} must come before ${STEP_ORDER[lastOrder]}`,
      );
    }
    lastOrder = Math.max(lastOrder, order);
    checkMethods(step, where, fail);
    checkNumbers(step, where, fail);
  });
  for (const [code, w] of Object.entries(s.weights ?? {})) {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      fail(
        `weights.${code}`,
        `权重须为非负数，现为 ${String(w)}`,
        `weight must be a non-negative number, got ${String(w)}`,
      );
    }
  }
  if (issues.length > 0) throw new IndexInputError(issues);
  return s;
}

type Fail = (where: string, zh: string, en: string) => void;

function checkMethods(step: Step & Record<string, unknown>, where: string, fail: Fail): void {
  const known = METHODS[step.step];
  if (!known) return;
  const fields = step.step === 'treat' ? ['method', 'fallback'] : ['method'];
  for (const field of fields) {
    const value = step[field];
    if (value === undefined && (step.step === 'treat' || step.step === 'normalise')) continue;
    const values = Array.isArray(value) && step.step === 'aggregate' ? value : [value];
    for (const v of values) {
      if (typeof v !== 'string' || !known.includes(v)) {
        fail(
          `${where}.${field}`,
          `未知方法 "${String(v)}"，可用：${known.join(', ')}`,
          `unknown method "${String(v)}"; known: ${known.join(', ')}`,
        );
      }
    }
  }
  if (
    (step.method === 'groupMean' || step.method === 'groupMedian') &&
    typeof step.group !== 'string'
  ) {
    fail(`${where}.group`, '分组插补须给出分组列', 'group imputation needs a "group" column');
  }
}

function checkNumbers(step: Step & Record<string, unknown>, where: string, fail: Fail): void {
  const shares = ['minDataShare', 'minNonZeroShare'];
  for (const key of shares) {
    const vals = Array.isArray(step[key]) ? (step[key] as unknown[]) : [step[key]];
    for (const v of vals) {
      if (v !== undefined && (typeof v !== 'number' || v < 0 || v > 1)) {
        fail(
          `${where}.${key}`,
          `须为 0–1 之间的数，现为 ${String(v)}`,
          `must be a number in [0, 1], got ${String(v)}`,
        );
      }
    }
  }
  const positives = ['maxWinsorised', 'skewThreshold', 'kurtosisThreshold', 'sd'];
  for (const key of positives) {
    const v = step[key];
    if (v !== undefined && (typeof v !== 'number' || !(v >= 0))) {
      fail(
        `${where}.${key}`,
        `须为非负数，现为 ${String(v)}`,
        `must be a non-negative number, got ${String(v)}`,
      );
    }
  }
  if (
    step.step === 'normalise' &&
    step.method === 'zScore' &&
    step.sd !== undefined &&
    !(step.sd > 0)
  ) {
    fail(
      `${where}.sd`,
      `z 分数的目标标准差须大于 0，现为 ${String(step.sd)}`,
      `target sd of zScore must be > 0, got ${String(step.sd)}`,
    );
  }
  const range = step.range;
  if (
    range !== undefined &&
    (!Array.isArray(range) || range.length !== 2 || range.some((r) => typeof r !== 'number'))
  ) {
    fail(`${where}.range`, '须为两个数 [下限, 上限]', 'must be two numbers [lower, upper]');
  }
}
