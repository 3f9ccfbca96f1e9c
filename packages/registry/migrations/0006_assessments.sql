-- Qualification pre-assessments of registry enterprises (资质预评估), stored with the rule set's
-- id and version and the profile that was assessed, so a run can be repeated and compared with
-- another year's. A run is identified by rule set, version, date and scope (a 区县 or 'all');
-- running it again updates its results in place (changes are audited like every write).
CREATE TABLE assessment_runs (
  id bigserial PRIMARY KEY,
  rule_set_id text NOT NULL,
  rule_set_kind text NOT NULL,
  rule_set_version text NOT NULL,
  as_of date NOT NULL,
  -- A region code for a district's run, 'all' for the whole city.
  scope_code text NOT NULL,
  assessed int NOT NULL,
  passed int NOT NULL,
  needs_review int NOT NULL,
  failed int NOT NULL,
  -- Enterprises whose registry records do not make a valid profile (e.g. no registration date).
  invalid int NOT NULL,
  UNIQUE (rule_set_id, rule_set_version, as_of, scope_code)
);

CREATE TABLE assessment_results (
  run_id bigint NOT NULL REFERENCES assessment_runs (id),
  uscc text NOT NULL,
  name text NOT NULL,
  region_code text REFERENCES regions (code),
  outcome text NOT NULL CHECK (outcome IN ('pass', 'fail', 'needsReview', 'invalid')),
  score_min int,
  score_max int,
  total_gap double precision,
  -- Position in the candidate list (closest first); null for passes and invalid profiles.
  candidate_rank int,
  -- The Assessment as computed (or the profile's issues for an invalid one).
  result jsonb NOT NULL,
  -- The profile as assessed (the registry's figures at the time of the run).
  profile jsonb NOT NULL,
  PRIMARY KEY (run_id, uscc)
);
CREATE INDEX assessment_results_region_idx ON assessment_results (run_id, region_code, candidate_rank);
