-- Regions of Chongqing as dated reference data (GB/T 2260 codes, or a provisional key while a
-- new unit has no published code). Units are never deleted: a boundary change closes valid_to
-- and adds lineage rows. Periods are [valid_from, valid_to): valid_to is the first day the unit no
-- longer exists; NULL valid_from = since before the records, NULL valid_to = still in force. A code
-- reused over time (500110 万盛区 → 綦江区 in 2011) holds its latest meaning here; older meanings
-- live in @kechuang/domain's code crosswalk.
CREATE TABLE regions (
  code text PRIMARY KEY,
  name_zh text NOT NULL,
  name_en text,
  aliases text[] NOT NULL DEFAULT '{}',
  name_traditional text,
  type text NOT NULL,
  parent_code text REFERENCES regions (code),
  valid_from date,
  valid_to date,
  code_confirmed boolean NOT NULL DEFAULT true,
  source text,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);

-- Dated memberships of regional groups (中心城区, 主城新区, 渝东北, 渝东南, 主城都市区 …).
CREATE TABLE region_groups (
  region_code text NOT NULL REFERENCES regions (code),
  group_kind text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  source text,
  PRIMARY KEY (region_code, group_kind, valid_from)
);

-- Boundary changes: from_code's territory went (wholly or partly) to to_code on effective_on.
CREATE TABLE region_lineage (
  from_code text NOT NULL REFERENCES regions (code),
  to_code text NOT NULL REFERENCES regions (code),
  effective_on date NOT NULL,
  note text,
  source text,
  PRIMARY KEY (from_code, to_code, effective_on)
);

-- Functional zones are overlays on 区县; never summed into region totals.
CREATE TABLE functional_zones (
  code text PRIMARY KEY,
  name_zh text NOT NULL,
  name_en text,
  kind text NOT NULL,
  valid_from date,
  valid_to date,
  source text
);

CREATE TABLE zone_regions (
  zone_code text NOT NULL REFERENCES functional_zones (code),
  region_code text NOT NULL REFERENCES regions (code),
  PRIMARY KEY (zone_code, region_code)
);
