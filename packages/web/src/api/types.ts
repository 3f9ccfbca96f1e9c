/**
 * Response shapes of the Kechuang HTTP API as the dashboard reads them (contract:
 * `docs/API.md`). Only types: the web package talks to the API over HTTP and imports nothing
 * from the server side but `@kechuang/domain`'s vocabulary.
 */
import type { Bilingual, Role } from '@kechuang/domain';

export type { Bilingual, Role };

/** The error body every failing API call returns. */
export type ApiErrorBody = {
  error: { code: string; message: Bilingual; details?: unknown };
};

/** A page of a list: `?page=&pageSize=`. */
export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

/** The logged-in user (null when anonymous). */
export type SessionUser = {
  id: string | number;
  username: string;
  role: Role;
  regionCode?: string | null;
  uscc?: string | null;
  /** A one-time password must be changed before anything else (`POST /api/session/password`). */
  mustChangePassword?: boolean;
};

/** `GET /api/session` and `POST /api/session/login`. */
export type Session = { user: SessionUser | null; csrfToken: string | null };

/** A named group (区域分组) such as 主城新区. */
export type GroupRef = { code: string; nameZh: string; nameEn: string };

/** `GET /api/regions`: a 区县 in force at a date. */
export type RegionInfo = {
  code: string;
  nameZh: string;
  nameEn: string;
  shortZh?: string;
  type: string;
  active: boolean;
  groups: GroupRef[];
};

/** `GET /api/groups`. */
export type GroupInfo = GroupRef & {
  members: { regionCode: string; from: string | null; to: string | null }[];
};

/** `GET /api/indicators`: an indicator definition. */
export type IndicatorInfo = {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string | null;
  direction: number;
  derived: boolean;
  frameworks?: string[];
};

/** `GET /api/indicators/:code/values`. */
export type IndicatorValueRow = {
  regionCode: string;
  year: number;
  value: number | null;
  unit?: string | null;
  /** Source URL, `derived:<code>` or `synthetic`. */
  source: string | null;
  synthetic?: boolean;
  edition?: string | null;
};

/** `GET /api/index-runs`. */
export type IndexRunInfo = {
  id: string | number;
  edition: string;
  year: number;
  frameworkId?: string;
  createdAt?: string;
  inputHash?: string;
  published?: boolean;
};

/** A tier (梯队) with its label. */
export type Tier = { code: string; tier?: number; nameZh: string; nameEn: string };

/** One sub-index score of a district. */
export type SubIndexScore = {
  code: string;
  nameZh: string;
  nameEn: string;
  score: number | null;
  rank: number | null;
};

/** One row of `GET /api/rankings`. */
export type RankingItem = {
  regionCode: string;
  nameZh: string;
  nameEn: string;
  groupCodes: string[];
  score: number | null;
  rank: number | null;
  groupRank?: number | null;
  /** The 一区两群 group of the district (中心城区 …), used for the rank within the group. */
  areaGroup?: string | null;
  tier: Tier | null;
  rankChange: number | null;
  scoreChange: number | null;
  subIndices: SubIndexScore[];
};

/** A tier threshold: the lower bound of a tier. */
export type TierThreshold = {
  code?: string;
  nameZh?: string;
  nameEn?: string;
  min?: number | null;
  value?: number;
  inclusive?: boolean;
};

/** `GET /api/rankings`. */
export type Rankings = {
  run: { id: string | number; edition: string; year: number; published?: boolean };
  previousRun?: { id: number; year: number } | null;
  index?: { code: string; nameZh: string; nameEn: string };
  city: { score: number | null; tierThresholds: (TierThreshold | number)[] };
  items: RankingItem[];
};

/** One row of `POST /api/index-runs/preview`: a ranking row plus the published figures. */
export type PreviewItem = RankingItem & {
  publishedScore: number | null;
  publishedRank: number | null;
  /** Published rank − preview rank (positive = higher in the preview). */
  rankShift: number | null;
};

/** `POST /api/index-runs/preview` (recomputed, not stored). */
export type PreviewRankings = Omit<Rankings, 'items'> & {
  items: PreviewItem[];
  preview: {
    stored: false;
    weights: Record<string, number>;
    normalisation: string | null;
    aggregation: string | null;
    rerunFrom: string | null;
    previousNote: string | null;
  };
};

/** `GET /api/index-runs/:id`: the run with its framework and pipeline. */
export type IndexRunDetail = {
  id: number;
  edition: string;
  year: number;
  spec: { weights?: Record<string, number> };
  framework: { nodes: { code: string; weight: number }[] };
};

/** `TargetProgress` of the contract. */
export type TargetProgress = {
  indicator: string;
  nameZh: string;
  nameEn: string;
  scope: { kind: 'region' | 'group' | 'city'; code: string };
  year: number;
  target: number;
  current: { year: number; value: number } | null;
  baseline: { year: number; value: number } | null;
  progress: number | null;
  projected: { year: number; value: number } | null;
  onTrack: boolean | null;
  document?: string | null;
};

/** A named indicator with a value and rank (strengths and weaknesses). */
export type IndicatorRank = {
  indicator: string;
  nameZh: string;
  nameEn: string;
  rank: number | null;
  value: number | null;
};

/** `GET /api/districts/:code/profile`. */
export type DistrictProfile = {
  region: { code: string; nameZh: string; nameEn: string; shortZh?: string; type?: string | null };
  year: number;
  edition: string;
  score: number | null;
  rank: number | null;
  rankOf: number;
  groupRank: {
    groupCode: string;
    nameZh: string;
    nameEn?: string;
    rank: number | null;
    of: number;
  } | null;
  tier: Tier | null;
  rankChange?: number | null;
  scoreChange?: number | null;
  /** The city's own composite (重庆市 as reference unit), beside the mean of the districts. */
  cityScore?: number | null;
  cityAverage: number | null;
  subIndices: (SubIndexScore & { cityAverage: number | null })[];
  history: { year: number; edition: string; score: number | null; rank: number | null }[];
  strengths: IndicatorRank[];
  weaknesses: IndicatorRank[];
  rankChangeAttribution: {
    indicator: string;
    nameZh: string;
    nameEn: string;
    contribution: number;
  }[];
  rankChangeAttributionNote?: string | null;
  targets: TargetProgress[];
  pools: { highTechEnterprises: number | null; techSmes: number | null; platforms: number | null };
};

/** `GET /api/index-runs/:id/uncertainty`. */
export type UncertaintyRow = {
  regionCode?: string;
  unit?: string;
  nominalRank: number;
  medianRank: number;
  q05: number;
  q95: number;
};

/** `GET /api/index-runs/:id/sensitivity`. */
export type SensitivityRow = {
  name: string;
  si: number;
  sti: number;
  siLow?: number;
  siHigh?: number;
  stiLow?: number;
  stiHigh?: number;
};

/** `GET /api/frameworks`. */
export type FrameworkInfo = {
  id: string;
  nameZh: string;
  nameEn: string;
  edition: string | null;
  levels?: number;
  indicators?: number;
  hasDefaultSpec?: boolean;
};

/** `GET /api/published-results`. */
export type PublishedResult = {
  regionCode: string;
  nameZh?: string;
  nameEn?: string;
  value: number | null;
  rank?: number | null;
  tier?: Tier | string | null;
  source?: string | null;
};

/** A registry record as the list endpoints return it: plain fields. */
export type RegistryRecord = Record<string, unknown>;

/** One issue of an import's row-level report. */
export type ImportIssue = {
  row: number;
  column?: string | null;
  value?: unknown;
  zh: string;
  en: string;
};

/** `POST /api/imports/:kind`: a checked upload, nothing written yet. */
export type ImportCheck = {
  id: string;
  kind: string;
  fileName: string;
  rows: number;
  report: { ok: boolean; issues: ImportIssue[] };
};

/** `GET /api/assessments/rule-sets`. */
export type RuleSetInfo = {
  id: string;
  kind: string;
  version: string;
  nameZh: string;
  nameEn: string;
  validFrom?: string | null;
  validTo?: string | null;
};

/** Outcome of one criterion (`@kechuang/qualification`). */
export type CriterionOutcome = 'met' | 'unmet' | 'needsReview' | 'notApplicable';

/** One criterion of an assessment: the rule, the enterprise's value, the threshold and the gap. */
export type CriterionResult = {
  id: string;
  text: Bilingual;
  source: { document: string; article: string; url?: string };
  outcome: CriterionOutcome;
  value: number | boolean | string | null;
  threshold: number | boolean | string | null;
  unit: string;
  detail: Bilingual;
  score?: { min: number; max: number };
  needsExpert: boolean;
  gap?: { amount: number; unit: string; text: Bilingual; normalised: number };
  note?: Bilingual;
  partOf?: string;
};

/** `POST /api/assessments`: the result for one profile and rule set. */
export type AssessmentResult = {
  ruleSet: { id: string; kind: string; version: string };
  asOf: string;
  uscc: string;
  name: string;
  outcome: 'pass' | 'fail' | 'needsReview';
  score?: { min: number; max: number };
  criteria: CriterionResult[];
  alerts: { code: string; severity: string; message: Bilingual; dueDate?: string }[];
  totalGap: number;
  needsExpert: string[];
  notes: Bilingual[];
};

/** `GET /api/audit`. */
export type AuditEntry = {
  id?: string | number;
  at?: string;
  createdAt?: string;
  actor?: string;
  table?: string;
  action?: string;
  key?: string;
  [key: string]: unknown;
};
