/**
 * Batch pre-assessment of the registry's enterprises (批量资质预评估) against one rule set on one
 * date. The run and every result are stored with the rule set's id and version and the profile
 * that was assessed, through the audited write path; running the same rule set, date and scope
 * again updates the stored results in place (unchanged results are not rewritten).
 */
import {
  type Assessment,
  assessMany,
  type Profile,
  ProfileError,
  parseProfile,
  type RuleSet,
  rankCandidates,
} from '@kechuang/qualification';
import type { Db } from '../db.ts';
import { type Actor, assertCanReadUnpublished, PermissionError } from '../permissions.ts';
import { deleteRecord, type UpsertSummary, upsertRecord, upsertRecords } from '../writeRecord.ts';
import { loadEnterpriseProfiles, type RegistryProfile } from './enterpriseProfiles.ts';

/** Options of {@link assessRegistry}. */
export type AssessRegistryOptions = {
  /** The assessment date `YYYY-MM-DD` (the rule set must be in force then). */
  asOf: string;
  /** Only this 区县's enterprises (a district editor's runs are always her own 区县). */
  regionCode?: string;
};

/** Counts of a run by outcome; `invalid` = registry records that make no valid profile. */
export type AssessmentCounts = {
  assessed: number;
  passed: number;
  needsReview: number;
  failed: number;
  invalid: number;
};

/** What {@link assessRegistry} did. */
export type AssessRegistryResult = {
  runId: number;
  ruleSet: { id: string; kind: string; version: string };
  asOf: string;
  scopeCode: string;
  counts: AssessmentCounts;
  /** What the write did to the stored results (a repeated run leaves them unchanged). */
  results: UpsertSummary & { deleted: number };
};

const RUN_KEY = ['rule_set_id', 'rule_set_version', 'as_of', 'scope_code'] as const;
const RESULT_KEY = ['run_id', 'uscc'] as const;

/** The scope of a run: the actor's own 区县 for a district editor, else the option or 'all'. */
function scopeOf(actor: Actor, regionCode: string | undefined): string {
  if (actor.role !== 'districtEditor') return regionCode ?? 'all';
  if (regionCode && regionCode !== actor.regionCode) {
    throw new PermissionError(
      `区县填报员只能评估本区县（${actor.regionCode ?? '未指定'}）的企业，不能评估 ${regionCode}`,
      `A district editor assesses only her own region's enterprises (${actor.regionCode ?? 'none'}), not ${regionCode}`,
    );
  }
  return actor.regionCode ?? 'none';
}

type Outcome = {
  registry: RegistryProfile;
  profile?: Profile;
  assessment?: Assessment;
  issues?: ProfileError['issues'];
};

/**
 * Assess every enterprise in the registry (or in one 区县) with `ruleSet` on `asOf`, rank the
 * candidates (smallest total gap first) and store the run; see the module comment.
 */
export async function assessRegistry(
  db: Db,
  actor: Actor,
  ruleSet: RuleSet,
  options: AssessRegistryOptions,
): Promise<AssessRegistryResult> {
  assertCanReadUnpublished(actor);
  const scopeCode = scopeOf(actor, options.regionCode);
  return db.transaction(async (tx) => {
    const registry = await loadEnterpriseProfiles(tx, {
      regionCode: scopeCode === 'all' ? undefined : scopeCode,
    });
    const outcomes: Outcome[] = registry.map((r) => {
      try {
        return { registry: r, profile: parseProfile(r.input) };
      } catch (error) {
        if (error instanceof ProfileError) return { registry: r, issues: error.issues };
        throw error;
      }
    });
    const valid = outcomes.filter((o) => o.profile);
    const assessments = assessMany(
      valid.map((o) => o.profile as Profile),
      ruleSet,
      { asOf: options.asOf },
    );
    valid.forEach((o, i) => {
      o.assessment = assessments[i];
    });
    const rank = new Map(rankCandidates(assessments).map((a, i) => [a.uscc, i + 1]));
    const counts: AssessmentCounts = {
      assessed: outcomes.length,
      passed: assessments.filter((a) => a.outcome === 'pass').length,
      needsReview: assessments.filter((a) => a.outcome === 'needsReview').length,
      failed: assessments.filter((a) => a.outcome === 'fail').length,
      invalid: outcomes.length - valid.length,
    };

    const run = await upsertRecord(tx, actor, 'assessment_runs', RUN_KEY, {
      rule_set_id: ruleSet.id,
      rule_set_kind: ruleSet.kind,
      rule_set_version: ruleSet.version,
      as_of: options.asOf,
      scope_code: scopeCode,
      assessed: counts.assessed,
      passed: counts.passed,
      needs_review: counts.needsReview,
      failed: counts.failed,
      invalid: counts.invalid,
    });
    const runId = Number(run.row.id);
    const results = outcomes.map((o) => {
      const a = o.assessment;
      return {
        run_id: runId,
        uscc: o.registry.uscc,
        name: o.registry.name,
        region_code: o.registry.regionCode,
        outcome: a ? a.outcome : 'invalid',
        score_min: a?.score?.min ?? null,
        score_max: a?.score?.max ?? null,
        total_gap: a ? a.totalGap : null,
        candidate_rank: a ? (rank.get(a.uscc) ?? null) : null,
        result: a
          ? { ...a, assumptions: o.registry.assumptions }
          : { issues: o.issues, assumptions: o.registry.assumptions },
        profile: o.profile ?? o.registry.input,
      };
    });
    const written = await upsertRecords(tx, actor, 'assessment_results', RESULT_KEY, results);
    // Enterprises gone from the registry (or from the scope) since the last run of this key.
    const current = results.map((r) => r.uscc);
    const { rows: stale } = await tx.query<{ uscc: string }>(
      'SELECT uscc FROM assessment_results WHERE run_id = $1 AND NOT (uscc = ANY($2::text[]))',
      [runId, current],
    );
    for (const s of stale) {
      await deleteRecord(tx, actor, 'assessment_results', RESULT_KEY, {
        run_id: runId,
        uscc: s.uscc,
      });
    }
    return {
      runId,
      ruleSet: { id: ruleSet.id, kind: ruleSet.kind, version: ruleSet.version },
      asOf: options.asOf,
      scopeCode,
      counts,
      results: { ...written, deleted: stale.length },
    };
  });
}
