/**
 * `assess`: one profile against one rule set on one date → the overall outcome, the score range,
 * every criterion and the lifecycle alerts of that qualification. `assessMany` does the same for a
 * list. Pure: the date is an argument.
 */
import { assertIsoDate, type Bilingual, type IsoDate } from '@kechuang/domain';
import { lifecycleAlerts } from './lifecycle.ts';
import type { Profile } from './profile.ts';
import type {
  Assessment,
  AssessmentOutcome,
  AssessOptions,
  CriterionResult,
  LifecycleAlert,
  RuleSet,
} from './types.ts';

/**
 * The overall outcome: `fail` if any top-level criterion is unmet, else `needsReview` if any
 * needs review, else `pass`. Scored sub-items (`partOf`) count only through their total.
 */
export function rollUp(criteria: readonly CriterionResult[]): AssessmentOutcome {
  let review = false;
  for (const c of criteria) {
    if (c.partOf !== undefined) continue;
    if (c.outcome === 'unmet') return 'fail';
    if (c.outcome === 'needsReview') review = true;
  }
  return review ? 'needsReview' : 'pass';
}

/** Sum of normalised shortfalls of the unmet top-level criteria (1 where no gap is measurable). */
export function totalGapOf(criteria: readonly CriterionResult[]): number {
  let sum = 0;
  for (const c of criteria) {
    if (c.partOf !== undefined || c.outcome !== 'unmet') continue;
    sum += c.gap ? Math.min(1, Math.max(0, c.gap.normalised)) : 1;
  }
  return sum;
}

/** Assesses one (parsed) profile against a rule set on `options.asOf`. */
export function assess(profile: Profile, ruleSet: RuleSet, options: AssessOptions): Assessment {
  assertIsoDate(options.asOf, 'asOf');
  return assessUnchecked(profile, ruleSet, options, batchParts(ruleSet, options.asOf));
}

/**
 * The parts every assessment of one call shares (the rule set's name, the notes of the rule set
 * and date), frozen: kept once rather than once per assessment of a batch.
 */
type BatchParts = {
  ruleSet: Assessment['ruleSet'];
  notes: readonly Bilingual[];
};

const NO_ALERTS: readonly LifecycleAlert[] = Object.freeze([]);

function batchParts(ruleSet: RuleSet, asOf: IsoDate): BatchParts {
  const notes: Bilingual[] = [...ruleSet.notes];
  if (asOf < ruleSet.validFrom || (ruleSet.validTo !== null && asOf >= ruleSet.validTo)) {
    notes.push(
      Object.freeze({
        zh: `⚠ 评估日期 ${asOf} 不在规则版本 ${ruleSet.version} 的有效期内`,
        en: `⚠ ${asOf} lies outside the period of rule version ${ruleSet.version}`,
      }),
    );
  }
  return {
    ruleSet: Object.freeze({ id: ruleSet.id, kind: ruleSet.kind, version: ruleSet.version }),
    notes: Object.freeze(notes),
  };
}

function assessUnchecked(
  profile: Profile,
  ruleSet: RuleSet,
  options: AssessOptions,
  shared: BatchParts,
): Assessment {
  const { asOf } = options;
  const evaluation = ruleSet.evaluate(profile, options);
  const criteria = evaluation.criteria;
  const outcome = rollUp(criteria);
  // Counted first so the array kept with the result has exactly its length.
  let experts = 0;
  for (const c of criteria) if (c.needsExpert) experts++;
  const needsExpert = new Array<string>(experts);
  if (experts > 0) {
    let i = 0;
    for (const c of criteria) if (c.needsExpert) needsExpert[i++] = c.id;
  }
  // The evaluation's own notes (if any) go after the shared ones, before the period warning.
  const own = evaluation.notes;
  const notes =
    own === undefined || own.length === 0
      ? shared.notes
      : [...ruleSet.notes, ...own, ...shared.notes.slice(ruleSet.notes.length)];
  const alerts =
    profile.qualifications.length > 0 || profile.incidents.length > 0
      ? lifecycleAlerts(profile, { asOf }).filter((a) => a.kind === ruleSet.kind)
      : NO_ALERTS;
  const result: Assessment = {
    ruleSet: shared.ruleSet,
    asOf,
    uscc: profile.uscc,
    name: profile.name,
    outcome,
    criteria,
    // Shared arrays are frozen; the type stays mutable for callers that build assessments.
    alerts: alerts as LifecycleAlert[],
    totalGap: outcome === 'pass' ? 0 : totalGapOf(criteria),
    needsExpert,
    notes: notes as Bilingual[],
  };
  if (evaluation.score) result.score = evaluation.score;
  return result;
}

/** Assesses every profile against the same rule set and date. */
export function assessMany(
  profiles: readonly Profile[],
  ruleSet: RuleSet,
  options: AssessOptions,
): Assessment[] {
  assertIsoDate(options.asOf, 'asOf');
  const shared = batchParts(ruleSet, options.asOf);
  const out = new Array<Assessment>(profiles.length);
  for (let i = 0; i < profiles.length; i++)
    out[i] = assessUnchecked(profiles[i] as Profile, ruleSet, options, shared);
  return out;
}
