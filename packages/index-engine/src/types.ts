import type { IndexInput } from './createIndex.ts';
import type { TierRule } from './results/tiers.ts';

/**
 * Core types of the index engine. The shapes follow COINr's coin (iMeta = {@link Framework},
 * iData = {@link UnitTable}, `$Data` = {@link IndexBuild.datasets}, `$Log` = {@link IndexSpec}),
 * with numbers kept as columns (`Float64Array`, `NaN` = missing) because uncertainty and
 * sensitivity analysis rerun the pipeline thousands of times.
 */

/** Bilingual label; Chinese first, as users read it. */
export type Names = { zh?: string; en?: string };

/** +1: higher is better; −1: higher is worse (a "bad", 逆向指标). */
export type Direction = 1 | -1;

/**
 * One node of an index framework (指标体系): an indicator (level 1) or an aggregate
 * (level ≥ 2, e.g. 二级/一级 sub-indices and the composite index at the top).
 */
export type FrameworkNode = {
  code: string;
  names: Names;
  /** 1 = indicator; the highest level holds the single index. */
  level: number;
  /** Code of the node one level up; null only for the index. */
  parent: string | null;
  direction: Direction;
  /** Weight within the parent's group; not required to sum to 1. */
  weight: number;
  unit?: string;
  /** Code of the denominator column (e.g. population, GDP) used by `denominate`. */
  denominator?: string;
  /** Target, used by `distanceToTarget` (COINr's iMeta `Target`). */
  target?: number;
  /** Standard value (标准值 / 评价标准值) of the Chinese ratio-to-standard method. */
  standard?: number;
  /** Where the node's definition comes from, and whether it is confirmed. */
  provenance?: { source?: string; confirmed?: boolean; note?: string };
};

/** An index framework: a tree of any depth, versioned by edition (never chain editions silently). */
export type Framework = {
  id?: string;
  names?: Names;
  edition?: string;
  sources?: string[];
  nodes: FrameworkNode[];
  /** Denominator columns the framework uses (COINr iMeta rows of Type `Denominator`). */
  denominators?: { code: string; names: Names; unit?: string }[];
  /** Group columns (COINr iMeta rows of Type `Group`), e.g. 中心城区/主城新区/渝东北/渝东南. */
  groups?: { code: string; names: Names }[];
};

/** A unit (区县, province, country …) with its group memberships. */
export type Unit = {
  code: string;
  names: Names;
  /** Group column → group value, e.g. `{ area: '渝东北' }`; null when the unit is in none. */
  groups: Record<string, string | null>;
  /** A reference unit (e.g. the city as a whole): ranked apart, used as a tier boundary. */
  isReference?: boolean;
};

/** Input data of one time point: units × indicator and denominator columns (COINr iData). */
export type UnitTable = {
  units: Unit[];
  /** Indicator code → values aligned with `units`; NaN is missing. */
  indicators: Record<string, Float64Array>;
  /** Denominator code → values aligned with `units`. */
  denominators?: Record<string, Float64Array>;
  time?: number;
};

/** A table of values: rows = units (by code), columns = framework codes. Immutable by convention. */
export type Dataset = {
  unitCodes: readonly string[];
  columns: ReadonlyMap<string, Float64Array>;
};

/** Names of the datasets a build can hold, in pipeline order. */
export type DatasetName =
  | 'Raw'
  | 'Denominated'
  | 'Imputed'
  | 'Screened'
  | 'Treated'
  | 'Normalised'
  | 'Aggregated';

export type ImputeMethod =
  | 'mean'
  | 'median'
  | 'groupMean'
  | 'groupMedian'
  | 'latest'
  | 'constant'
  | 'linear';

export type DenominateStep = {
  step: 'denominate';
  /** Indicator code → denominator code; default: the framework's `denominator` fields. */
  denominators?: Record<string, string>;
  /** Indicator code → scale factor s, giving x / (d / s). Default 1. */
  scaleFactors?: Record<string, number>;
};

export type ImputeStep = {
  step: 'impute';
  method: ImputeMethod;
  /** Group column for groupMean / groupMedian. */
  group?: string;
  /** 'column' (default) imputes within an indicator; 'row' within a unit's values. */
  by?: 'column' | 'row';
  /** With by = 'row': restrict the row to indicators sharing an ancestor at this level. */
  groupLevel?: number;
  /** Min–max scale columns (direction applied) before imputing; default true for rows. */
  normaliseFirst?: boolean;
  /** Panel methods ('latest'): how many earlier time points to look back; default unlimited. */
  maxTime?: number;
};

export type ScreenStep = {
  step: 'screen';
  /** Keep units whose share of non-missing indicators is at least this (COINr dat_thresh). */
  minDataShare?: number;
  /** Keep units whose share of non-zero values among available ones is at least this. */
  minNonZeroShare?: number;
  by?: 'missing' | 'zeros' | 'missingAndZeros';
  /** Unit codes forced in or out after the rule. */
  forceIn?: string[];
  forceOut?: string[];
};

export type TreatMethod =
  | 'winsorise'
  | 'logCT'
  | 'logCTOrig'
  | 'logCTPlus'
  | 'gIILog'
  | 'boxCox'
  | 'sqrt'
  | 'none';

export type TreatStep = {
  step: 'treat';
  /** First treatment; default winsorise (COINr's rule). */
  method?: TreatMethod;
  /** Fallback when the first treatment does not pass the check; default logCT. */
  fallback?: TreatMethod;
  maxWinsorised?: number;
  skewThreshold?: number;
  kurtosisThreshold?: number;
  /**
   * Once a column has failed the check, keep winsorising up to `maxWinsorised` points even after
   * it passes (COINr `force_win`); a column that passes at first is never treated.
   */
  forceWinsorise?: boolean;
  /** Apply the fallback to the first treatment's output instead of the original. */
  combine?: boolean;
  /** λ for Box-Cox. */
  lambda?: number;
  /** Indicator code → own treatment settings, or 'none' to leave it untreated. */
  overrides?: Record<string, Omit<TreatStep, 'step' | 'overrides'> | 'none'>;
};

export type NormaliseMethod =
  | 'minMax'
  | 'zScore'
  | 'rank'
  | 'percentileRank'
  | 'borda'
  | 'distanceToMax'
  | 'distanceToReference'
  | 'distanceToTarget'
  | 'fractionOfMax'
  | 'goalposts'
  | 'ratioToStandard'
  | 'scaled'
  | 'none';

export type NormaliseSpec = {
  method: NormaliseMethod;
  /** minMax: [lower, upper]; default [0, 100]. */
  range?: [number, number];
  /** zScore: target mean and standard deviation; default 0 and 1. */
  mean?: number;
  sd?: number;
  /** goalposts: low and high posts (in the indicator's own units), scale (default 100). */
  low?: number;
  high?: number;
  scale?: number;
  /** goalposts: clamp to the posts (default true). */
  truncate?: boolean;
  /** distanceToTarget / distanceToReference: cap scores at 1 (× scale). */
  capMax?: boolean;
  /** distanceToReference: the reference unit (default: the unit flagged `isReference`). */
  reference?: string;
  /** ratioToStandard: cap (default 100). */
  cap?: number;
  /** Rank-based methods: how ties are ranked; default 'min' (COINr). */
  ties?: 'min' | 'average' | 'max';
};

export type NormaliseStep = {
  step: 'normalise';
  /** Panels: normalise all time points together ("global", EIS style). */
  global?: boolean;
  /** Indicator code → its own method (replaces the step's method, as in COINr). */
  overrides?: Record<string, NormaliseSpec>;
} & NormaliseSpec;

export type WeightMethod = 'equal' | 'entropy' | 'critic' | 'pca' | 'balance' | 'infomax';

/** Derive a weight set from data and make it the active one for later aggregation. */
export type WeightStep = {
  step: 'weight';
  method: WeightMethod;
  /** Framework level whose weights are set (default 1 = indicators). */
  level?: number;
  /** Store the set under this name (default: the method name). */
  name?: string;
  /** balance: target importance per component ('equal' or code → share). */
  targetImportance?: 'equal' | Record<string, number>;
  /** balance / infomax: correlation type. */
  correlation?: 'pearson' | 'spearman' | 'kendall';
  tolerance?: number;
  maxIterations?: number;
  /** balance / infomax: aggregation used to build the index while optimising. */
  aggregation?: AggregateMethod | AggregateMethod[];
};

export type AggregateMethod =
  | 'arithmeticMean'
  | 'geometricMean'
  | 'harmonicMean'
  | 'generalisedMean'
  | 'median'
  | 'copeland';

export type AggregateStep = {
  step: 'aggregate';
  /** One method, or one per aggregation level from the lowest (level 2) up. */
  method: AggregateMethod | AggregateMethod[];
  /** Power p of the generalised mean (one, or one per level). */
  p?: number | number[];
  /** Name of the weight set to use (default: the active set). */
  weights?: string;
  /** A unit gets NA for a group if its share of available members is below this. */
  minDataShare?: number | number[];
};

export type Step =
  | DenominateStep
  | ImputeStep
  | ScreenStep
  | TreatStep
  | NormaliseStep
  | WeightStep
  | AggregateStep;

export type StepName = Step['step'];

/** Code → weight. */
export type WeightSet = Record<string, number>;

/**
 * The pipeline as plain JSON (COINr's `$Log`): a build = framework + data + spec, so any
 * published score can be regenerated.
 */
export type IndexSpec = {
  steps: Step[];
  /** Weights overriding the framework's (code → weight) for the 'Original' set. */
  weights?: WeightSet;
  /** Extra named weight sets (e.g. expert panels); selected by `AggregateStep.weights`. */
  weightSets?: Record<string, WeightSet>;
  /** How results are tiered (梯队), e.g. `{ "rule": "chongqing" }`; see `assignTiers`. */
  tiers?: TierRule;
};

/** Per-indicator record of the treat step (COINr `Dets_Table`). */
export type TreatDetail = {
  code: string;
  before: { pass: boolean; skew: number; kurtosis: number };
  /** Points winsorised (COINr nwin); 0 if no winsorisation ran. */
  winsorised: number;
  afterFirst?: { pass: boolean; skew: number; kurtosis: number };
  afterFallback?: { pass: boolean; skew: number; kurtosis: number };
  /** What was finally applied. */
  applied: 'none' | TreatMethod;
  /** Unit codes whose value changed, with the flag (winhi, winlo, logCT …). */
  points: { unit: string; flag: string }[];
};

/** Per-unit record of the screen step (COINr `DataSummary`). */
export type ScreenDetail = {
  unit: string;
  missing: number;
  zeros: number;
  dataShare: number;
  nonZeroShare: number;
  included: boolean;
};

/** A diagnostic recorded by a step (e.g. "NAs remain after imputation"). */
export type StepMessage = { step: StepName; code?: string; message: Names };

/** The state after one step: what a regeneration from the next step starts from. */
export type StepState = {
  dataset: Dataset;
  weightSets: Record<string, WeightSet>;
  activeWeights: string;
  details: IndexBuild['details'];
  messages: StepMessage[];
};

/** Everything a build computed. Datasets appear only for the steps that ran. */
export type IndexBuild = {
  input: IndexInput;
  spec: IndexSpec;
  time?: number;
  datasets: Partial<Record<DatasetName, Dataset>>;
  /** Weight sets available to aggregation; 'Original' comes from the framework (+ spec.weights). */
  weightSets: Record<string, WeightSet>;
  /** The weight set used by the latest aggregation. */
  activeWeights: string;
  /** State after each step of `spec.steps`, for regeneration from any step. */
  states: StepState[];
  details: {
    treat?: TreatDetail[];
    screen?: ScreenDetail[];
    imputed?: { unit: string; code: string }[];
  };
  messages: StepMessage[];
};
