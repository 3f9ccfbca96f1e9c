-- Registers: enterprises with yearly figures and qualifications, platforms, talents, patents,
-- technology achievements, technology contracts and projects. Amounts are numeric (exact).
CREATE TABLE enterprises (
  id bigserial PRIMARY KEY,
  uscc text NOT NULL UNIQUE,
  name text NOT NULL,
  former_names text[] NOT NULL DEFAULT '{}',
  region_code text NOT NULL REFERENCES regions (code),
  zone_code text REFERENCES functional_zones (code),
  industry_code text,
  hightech_field_code text,
  registered_on date,
  uscc_warning text
);
CREATE INDEX enterprises_region_code_idx ON enterprises (region_code);

CREATE TABLE enterprise_year_figures (
  enterprise_id bigint NOT NULL REFERENCES enterprises (id),
  year int NOT NULL,
  sales_revenue numeric,
  total_revenue numeric,
  non_taxable_revenue numeric,
  hightech_revenue numeric,
  rd_expense numeric,
  rd_expense_domestic numeric,
  rd_expense_by_category jsonb,
  staff_total numeric,
  staff_st numeric,
  net_assets numeric,
  total_assets numeric,
  ip_class1 int,
  ip_class2 int,
  conversions int,
  UNIQUE (enterprise_id, year)
);
CREATE INDEX enterprise_year_figures_year_idx ON enterprise_year_figures (year);

CREATE TABLE qualifications (
  id bigserial PRIMARY KEY,
  enterprise_id bigint NOT NULL REFERENCES enterprises (id),
  kind text NOT NULL,
  number text NOT NULL,
  issuer text,
  issued_on date,
  expires_on date,
  status text NOT NULL DEFAULT 'valid',
  UNIQUE (kind, number)
);
CREATE INDEX qualifications_enterprise_id_idx ON qualifications (enterprise_id);

CREATE TABLE platforms (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  level text,
  host_uscc text,
  host_name text,
  region_code text REFERENCES regions (code),
  accredited_on date,
  evaluation text,
  UNIQUE (name, kind)
);

CREATE TABLE talents (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  category text NOT NULL,
  organisation text NOT NULL,
  region_code text REFERENCES regions (code),
  year int NOT NULL,
  UNIQUE (name, category, organisation, year)
);

CREATE TABLE patents (
  number text PRIMARY KEY,
  type text,
  status text,
  owner_uscc text,
  owner_name text,
  region_code text REFERENCES regions (code),
  applied_on date,
  granted_on date
);

-- Fields of the national 科技成果登记表 that the observatory uses.
CREATE TABLE achievements (
  registration_number char(12) PRIMARY KEY,
  name text NOT NULL,
  kind text,
  owner_name text,
  owner_uscc text,
  region_code text REFERENCES regions (code),
  registered_on date,
  completed_on date,
  evaluation_form text,
  maturity text,
  level text,
  discipline_code text,
  industry_code text,
  ip_status text,
  transfer_mode text,
  year int
);

CREATE TABLE contracts (
  contract_number text PRIMARY KEY,
  type text NOT NULL,
  amount numeric,
  seller_region_code text REFERENCES regions (code),
  buyer_region_code text REFERENCES regions (code),
  field text,
  signed_on date
);

CREATE TABLE projects (
  code text PRIMARY KEY,
  name text NOT NULL,
  level text,
  funding numeric,
  owner_name text,
  owner_uscc text,
  region_code text REFERENCES regions (code),
  year int
);
