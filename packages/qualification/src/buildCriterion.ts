/** Builds criterion results from their definitions, so id, text, source and `partOf` are shared. */
import type { Bilingual } from '@kechuang/domain';
import type {
  CriterionDefinition,
  CriterionOutcome,
  CriterionResult,
  Gap,
  Reading,
  ScoreRange,
  ValueUnit,
} from './types.ts';

/** The parts of a result that depend on the profile. */
export type CriterionFields = {
  outcome: CriterionOutcome;
  value: number | boolean | string | null;
  threshold: number | boolean | string | null;
  unit: ValueUnit;
  detail: Bilingual;
  score?: ScoreRange;
  needsExpert?: boolean;
  gap?: Gap;
  readings?: Reading[];
  note?: Bilingual;
};

/** A criterion result: the definition's id, text, source and `partOf` plus the profile's fields. */
export function buildCriterion(def: CriterionDefinition, f: CriterionFields): CriterionResult {
  const r: CriterionResult = {
    id: def.id,
    text: def.text,
    source: def.source,
    outcome: f.outcome,
    value: f.value,
    threshold: f.threshold,
    unit: f.unit,
    detail: f.detail,
    needsExpert: f.needsExpert ?? false,
  };
  if (f.score) r.score = f.score;
  if (f.gap) r.gap = f.gap;
  if (f.readings) r.readings = f.readings;
  if (f.note) r.note = f.note;
  else if (def.confidence === 'uncertain') r.note = UNCERTAIN;
  if (def.partOf) r.partOf = def.partOf;
  return r;
}

// Shared by every result that carries it, hence frozen.
const UNCERTAIN: Bilingual = Object.freeze({
  zh: '⚠ 此条依据尚未得到官方原文确认，请核实',
  en: '⚠ This rule is not confirmed against the official text; verify it',
});

/** Outcome of a scored item: `unmet` when it can score nothing, `needsReview` when an expert decides, else `met`. */
export function scoredOutcome(score: ScoreRange, review: boolean): CriterionOutcome {
  if (score.max === 0 && !review) return 'unmet';
  if (review) return 'needsReview';
  return score.min > 0 ? 'met' : 'unmet';
}

/** A fixed score. */
export function points(n: number): ScoreRange {
  return { min: n, max: n };
}

const SHARED_RANGE_LIMIT = 30;
const SHARED_RANGES: readonly (readonly ScoreRange[])[] = Array.from(
  { length: SHARED_RANGE_LIMIT + 1 },
  (_, min) =>
    Array.from({ length: SHARED_RANGE_LIMIT + 1 }, (_, max) => Object.freeze({ min, max })),
);

/**
 * A score range that batch results may share: for integer bounds 0–30 a frozen object made once,
 * so 100,000 assessments do not allocate (and keep) one per scored item; otherwise a new one.
 */
export function scoreRange(min: number, max: number): ScoreRange {
  if (Number.isInteger(min) && Number.isInteger(max) && min >= 0 && max <= SHARED_RANGE_LIMIT)
    return SHARED_RANGES[min]?.[max] ?? { min, max };
  return { min, max };
}

/** Tolerance for ratio comparisons at a boundary: absorbs the binary rounding of sums. */
export const EPSILON = 1e-12;

/** Whether `value` ≥ `threshold` up to {@link EPSILON}. */
export function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - EPSILON;
}

/** Whether `value` > `threshold` beyond {@link EPSILON}. */
export function above(value: number, threshold: number): boolean {
  return value > threshold + EPSILON;
}

/** Chinese numerals for year counts in gap texts (一年 / 两年 / 三年). */
export function yearsZh(n: number): string {
  return ['零', '一', '两', '三', '四', '五'][n] ?? String(n);
}

/** A criterion definition citing its document, article and address (not expert-judged, confirmed unless `extra` says otherwise). */
export function defineCriterion(
  id: string,
  zh: string,
  en: string,
  document: string,
  article: string,
  url: string,
  extra: Partial<CriterionDefinition> = {},
): CriterionDefinition {
  return {
    id,
    text: { zh, en },
    source: { document, article, url },
    expert: false,
    confidence: 'confirmed',
    ...extra,
  };
}
