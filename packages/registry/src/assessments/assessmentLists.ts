/**
 * The lists district bureaus work from (精准服务): candidates of a stored assessment run (closest
 * first), certificates expiring this year or soon, yearly registrations not renewed, and how
 * each enterprise moved between two runs (e.g. last year's and this year's).
 */
import type { Db } from '../db.ts';
import { type Actor, assertCanReadUnpublished } from '../permissions.ts';

/** A stored assessment run. */
export type AssessmentRun = {
  id: number;
  ruleSetId: string;
  ruleSetKind: string;
  ruleSetVersion: string;
  asOf: string;
  scopeCode: string;
  assessed: number;
  passed: number;
  needsReview: number;
  failed: number;
  invalid: number;
};

/** One row of a candidate list: an enterprise, how close it is, and what it lacks. */
export type Candidate = {
  rank: number;
  uscc: string;
  name: string;
  regionCode: string | null;
  outcome: 'fail' | 'needsReview';
  scoreMin: number | null;
  scoreMax: number | null;
  totalGap: number;
  /** The unmet criteria's gaps in the user's terms, largest first. */
  gaps: { id: string; zh: string; en: string }[];
  /** Criteria waiting for an expert or a fact the registry lacks. */
  needsReview: string[];
};

type RunRow = {
  id: number;
  rule_set_id: string;
  rule_set_kind: string;
  rule_set_version: string;
  as_of: string;
  scope_code: string;
  assessed: number;
  passed: number;
  needs_review: number;
  failed: number;
  invalid: number;
};

function runOf(r: RunRow): AssessmentRun {
  return {
    id: Number(r.id),
    ruleSetId: r.rule_set_id,
    ruleSetKind: r.rule_set_kind,
    ruleSetVersion: r.rule_set_version,
    asOf: r.as_of,
    scopeCode: r.scope_code,
    assessed: r.assessed,
    passed: r.passed,
    needsReview: r.needs_review,
    failed: r.failed,
    invalid: r.invalid,
  };
}

/** Stored runs, newest date first. */
export async function listAssessmentRuns(db: Db, actor: Actor): Promise<AssessmentRun[]> {
  assertCanReadUnpublished(actor);
  const { rows } = await db.query<RunRow>(
    'SELECT * FROM assessment_runs ORDER BY as_of DESC, rule_set_id, scope_code',
  );
  return rows.map(runOf);
}

/** One stored run, or undefined. */
export async function getAssessmentRun(
  db: Db,
  actor: Actor,
  runId: number,
): Promise<AssessmentRun | undefined> {
  assertCanReadUnpublished(actor);
  const { rows } = await db.query<RunRow>('SELECT * FROM assessment_runs WHERE id = $1', [runId]);
  return rows[0] ? runOf(rows[0]) : undefined;
}

/** ` AND <column> = $n` for a 区县 filter (the value appended to params), or nothing. */
function andRegion(params: unknown[], column: string, regionCode: string | undefined): string {
  if (!regionCode) return '';
  params.push(regionCode);
  return ` AND ${column} = $${params.length}`;
}

type StoredCriterion = {
  id: string;
  outcome: string;
  partOf?: string;
  gap?: { text: { zh: string; en: string }; normalised: number };
};

/** A run's candidates (not passing, valid profile), closest first, optionally for one 区县. */
export async function readCandidates(
  db: Db,
  actor: Actor,
  options: { runId: number; regionCode?: string; limit?: number },
): Promise<Candidate[]> {
  assertCanReadUnpublished(actor);
  const params: unknown[] = [options.runId];
  let sql = `SELECT candidate_rank, uscc, name, region_code, outcome, score_min, score_max,
      total_gap, result->'criteria' AS criteria
    FROM assessment_results WHERE run_id = $1 AND candidate_rank IS NOT NULL`;
  sql += andRegion(params, 'region_code', options.regionCode);
  sql += ' ORDER BY candidate_rank';
  if (options.limit) {
    params.push(options.limit);
    sql += ` LIMIT $${params.length}`;
  }
  const { rows } = await db.query<{
    candidate_rank: number;
    uscc: string;
    name: string;
    region_code: string | null;
    outcome: 'fail' | 'needsReview';
    score_min: number | null;
    score_max: number | null;
    total_gap: number;
    criteria: StoredCriterion[] | null;
  }>(sql, params);
  return rows.map((r) => {
    const criteria = r.criteria ?? [];
    const gaps = criteria
      .filter((c) => c.outcome === 'unmet' && !c.partOf && c.gap)
      .sort((a, b) => (b.gap?.normalised ?? 0) - (a.gap?.normalised ?? 0))
      .map((c) => ({ id: c.id, zh: c.gap?.text.zh ?? '', en: c.gap?.text.en ?? '' }));
    return {
      rank: r.candidate_rank,
      uscc: r.uscc,
      name: r.name,
      regionCode: r.region_code,
      outcome: r.outcome,
      scoreMin: r.score_min,
      scoreMax: r.score_max,
      totalGap: Number(r.total_gap),
      gaps,
      needsReview: criteria.filter((c) => c.outcome === 'needsReview').map((c) => c.id),
    };
  });
}

/** A qualification that ends soon. */
export type ExpiringQualification = {
  uscc: string;
  name: string;
  regionCode: string | null;
  kind: string;
  number: string;
  issuedOn: string | null;
  expiresOn: string;
  daysLeft: number;
  /** `withinDays`: ends within the window; `thisYear`: ends later in the same calendar year. */
  reason: 'withinDays' | 'thisYear';
};

/**
 * Valid qualifications ending on or after `asOf` and either within `withinDays` (default 90)
 * or in the same calendar year (the 高企 expiry-year rule: re-apply in the expiry year).
 */
export async function expiringQualifications(
  db: Db,
  actor: Actor,
  options: { asOf: string; withinDays?: number; regionCode?: string },
): Promise<ExpiringQualification[]> {
  assertCanReadUnpublished(actor);
  const within = options.withinDays ?? 90;
  const params: unknown[] = [options.asOf, within];
  let sql = `SELECT e.uscc, e.name, e.region_code, q.kind, q.number, q.issued_on, q.expires_on,
      (q.expires_on - $1::date)::int AS days_left
    FROM qualifications q JOIN enterprises e ON e.id = q.enterprise_id
    WHERE q.status = 'valid' AND q.expires_on >= $1::date
      AND (q.expires_on <= $1::date + $2::int
        OR extract(year FROM q.expires_on) = extract(year FROM $1::date))`;
  sql += andRegion(params, 'e.region_code', options.regionCode);
  sql += ' ORDER BY q.expires_on, e.uscc';
  const { rows } = await db.query<{
    uscc: string;
    name: string;
    region_code: string | null;
    kind: string;
    number: string;
    issued_on: string | null;
    expires_on: string;
    days_left: number;
  }>(sql, params);
  return rows.map((r) => ({
    uscc: r.uscc,
    name: r.name,
    regionCode: r.region_code,
    kind: r.kind,
    number: r.number,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
    daysLeft: r.days_left,
    reason: r.days_left <= within ? 'withinDays' : 'thisYear',
  }));
}

/** Qualifications registered every year (科技型中小企业; 重庆市科技型企业 updates yearly). */
export const YEARLY_QUALIFICATIONS = ['techSme', 'chongqingTechEnterprise'] as const;

/** An enterprise registered last year whose registration for `year` is missing. */
export type MissingAnnualUpdate = {
  uscc: string;
  name: string;
  regionCode: string | null;
  kind: string;
  lastYear: number;
};

/**
 * Enterprises holding a yearly qualification issued in `year − 1` and none of the same kind
 * issued in `year` (不再入库 / 未更新): the firms to remind.
 */
export async function missingAnnualUpdates(
  db: Db,
  actor: Actor,
  options: { year: number; regionCode?: string },
): Promise<MissingAnnualUpdate[]> {
  assertCanReadUnpublished(actor);
  const params: unknown[] = [options.year, [...YEARLY_QUALIFICATIONS]];
  let sql = `SELECT DISTINCT e.uscc, e.name, e.region_code, q.kind
    FROM qualifications q JOIN enterprises e ON e.id = q.enterprise_id
    WHERE q.kind = ANY($2::text[]) AND q.status IN ('valid', 'expired')
      AND extract(year FROM q.issued_on) = $1::int - 1
      AND NOT EXISTS (
        SELECT 1 FROM qualifications n
        WHERE n.enterprise_id = q.enterprise_id AND n.kind = q.kind
          AND extract(year FROM n.issued_on) = $1::int)`;
  sql += andRegion(params, 'e.region_code', options.regionCode);
  sql += ' ORDER BY e.region_code, e.uscc, q.kind';
  const { rows } = await db.query<{
    uscc: string;
    name: string;
    region_code: string | null;
    kind: string;
  }>(sql, params);
  return rows.map((r) => ({
    uscc: r.uscc,
    name: r.name,
    regionCode: r.region_code,
    kind: r.kind,
    lastYear: options.year - 1,
  }));
}

/** How one enterprise's result changed between two runs. */
export type AssessmentChange = {
  uscc: string;
  name: string;
  regionCode: string | null;
  from: { outcome: string; totalGap: number | null } | null;
  to: { outcome: string; totalGap: number | null } | null;
};

/** Results of two runs side by side (every enterprise in either), e.g. last year's and this year's. */
export async function compareAssessmentRuns(
  db: Db,
  actor: Actor,
  fromRunId: number,
  toRunId: number,
): Promise<AssessmentChange[]> {
  assertCanReadUnpublished(actor);
  const { rows } = await db.query<{
    uscc: string;
    name: string;
    region_code: string | null;
    from_outcome: string | null;
    from_gap: number | null;
    to_outcome: string | null;
    to_gap: number | null;
  }>(
    `SELECT coalesce(b.uscc, a.uscc) AS uscc, coalesce(b.name, a.name) AS name,
       coalesce(b.region_code, a.region_code) AS region_code,
       a.outcome AS from_outcome, a.total_gap AS from_gap, b.outcome AS to_outcome, b.total_gap AS to_gap
     FROM (SELECT * FROM assessment_results WHERE run_id = $1) a
     FULL JOIN (SELECT * FROM assessment_results WHERE run_id = $2) b ON a.uscc = b.uscc
     ORDER BY 1`,
    [fromRunId, toRunId],
  );
  return rows.map((r) => ({
    uscc: r.uscc,
    name: r.name,
    regionCode: r.region_code,
    from: r.from_outcome ? { outcome: r.from_outcome, totalGap: r.from_gap } : null,
    to: r.to_outcome ? { outcome: r.to_outcome, totalGap: r.to_gap } : null,
  }));
}
