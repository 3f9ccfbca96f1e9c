-- Targets, indicator values, published index results and reproducible index runs.
CREATE TABLE targets (
  scope_kind text NOT NULL CHECK (scope_kind IN ('region', 'group', 'city')),
  scope_code text NOT NULL,
  indicator_code text NOT NULL,
  year int NOT NULL,
  value numeric NOT NULL,
  document text,
  source text,
  UNIQUE (scope_kind, scope_code, indicator_code, year)
);

CREATE TABLE indicator_values (
  region_code text NOT NULL REFERENCES regions (code),
  year int NOT NULL,
  indicator_code text NOT NULL,
  value float8,
  unit text,
  source_url text,
  synthetic boolean NOT NULL DEFAULT false,
  edition text NOT NULL DEFAULT '',
  UNIQUE (region_code, year, indicator_code, edition)
);

CREATE TABLE published_results (
  edition text NOT NULL,
  region_code text NOT NULL REFERENCES regions (code),
  value float8,
  tier text,
  rank int,
  source text,
  UNIQUE (edition, region_code)
);

CREATE TABLE index_runs (
  id bigserial PRIMARY KEY,
  edition text NOT NULL,
  year int NOT NULL,
  spec jsonb NOT NULL,
  framework jsonb NOT NULL,
  framework_version text,
  inputs_hash text NOT NULL,
  results jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text
);
