/**
 * The shapes of rule sets and assessments (资质预评估). A rule set is versioned by the dates it is
 * in force and cites its sources; an assessment keeps the rule-set id and version it used, every
 * criterion with its source, value, threshold and gap, and the overall outcome.
 */
import type { Bilingual, IsoDate } from '@kechuang/domain';
import type { Profile } from './profile.ts';

/** The qualification families Kechuang pre-assesses (codes as in `@kechuang/domain` QUALIFICATION_KINDS). */
export type RuleSetKind =
  | 'highTechEnterprise'
  | 'techSme'
  | 'innovativeSme'
  | 'specialisedSme'
  | 'littleGiant'
  | 'chongqingTechEnterprise';

/** A source document: number (文号) such as 国科发火〔2016〕32号, title and address. */
export type SourceDocument = {
  document: string;
  title: Bilingual;
  url: string;
  /** How the text was seen: the official text, or only third-party summaries (⚠). */
  basis: 'official' | 'thirdPartySummary';
};

/** Where a criterion comes from: a document number and its article or table. */
export type CriterionSource = { document: string; article: string; url?: string };

/** How sure the rule itself is: `confirmed` by the cited text, or ⚠ `uncertain` (see the note). */
export type RuleConfidence = 'confirmed' | 'uncertain';

/** A criterion as the rule set declares it (before any profile is seen). */
export type CriterionDefinition = {
  /** Stable id, e.g. `HT-C5-rdRatio`; sub-items of a score name their parent in `partOf`. */
  id: string;
  text: Bilingual;
  source: CriterionSource;
  /** The criterion is judged by experts (a score range or `needsReview` unless an expert input is given). */
  expert: boolean;
  confidence: RuleConfidence;
  /** The scored total this item belongs to (its gap is counted there, not here). */
  partOf?: string;
};

/**
 * Outcome of one criterion: `met` / `unmet`; `needsReview` when an expert or a missing fact
 * decides it; `notApplicable` when it does not apply (e.g. a direct route not taken). Scored
 * sub-items are `unmet` when they can score nothing, `met` when they score.
 */
export type CriterionOutcome = 'met' | 'unmet' | 'needsReview' | 'notApplicable';

/** An integer score range: equal bounds when the score is fixed, wider when an expert decides. */
export type ScoreRange = { min: number; max: number };

/** Units of values, thresholds and gaps. Money is in 万元 (10,000 yuan) as everywhere in Kechuang. */
export type ValueUnit =
  | 'ratio'
  | '万元'
  | 'days'
  | 'years'
  | 'persons'
  | 'count'
  | 'points'
  | 'boolean'
  | 'code';

/**
 * How far a criterion is from being met, in the user's terms ("三年合计还需增加研发投入 ¥26.8 万").
 * `normalised` is the shortfall as a share of the threshold (0–1; 1 for yes/no conditions), the
 * unit {@link Assessment.totalGap} sums.
 */
export type Gap = { amount: number; unit: ValueUnit; text: Bilingual; normalised: number };

/** One way of reading a rule where the sources disagree, with its result. */
export type Reading = {
  label: Bilingual;
  value: number | null;
  score?: ScoreRange;
  note: Bilingual;
};

/** The result of one criterion for one profile. */
export type CriterionResult = {
  id: string;
  text: Bilingual;
  source: CriterionSource;
  outcome: CriterionOutcome;
  /** The computed or declared value (ratio as a fraction, money in 万元); null when unknown. */
  value: number | boolean | string | null;
  threshold: number | boolean | string | null;
  unit: ValueUnit;
  /** The value in words, with the figures it was computed from. */
  detail: Bilingual;
  /** Points of a scored item (min–max when an expert picks the point). */
  score?: ScoreRange;
  /** The outcome still depends on an expert judgement that the profile does not supply. */
  needsExpert: boolean;
  gap?: Gap;
  /** Alternative readings where the sources disagree (the outcome follows the recommended one). */
  readings?: Reading[];
  /** Uncertainty or data caveat worth showing next to the result. */
  note?: Bilingual;
  partOf?: string;
};

/** Severity of a lifecycle alert. */
export type AlertSeverity = 'info' | 'warning' | 'critical';

/** A dated reminder or risk about a qualification already held (certificate expiry, annual report …). */
export type LifecycleAlert = {
  code: string;
  kind: RuleSetKind;
  severity: AlertSeverity;
  message: Bilingual;
  /** The deadline the alert is about, if any. */
  dueDate?: IsoDate;
  source: CriterionSource;
};

/** The overall outcome of an assessment. */
export type AssessmentOutcome = 'pass' | 'fail' | 'needsReview';

/** The result of assessing one profile against one rule set on one date. */
export type Assessment = {
  ruleSet: { id: string; kind: RuleSetKind; version: string };
  asOf: IsoDate;
  uscc: string;
  name: string;
  /** `fail` if any criterion is unmet, else `needsReview` if any needs review, else `pass`. */
  outcome: AssessmentOutcome;
  /** Total score range where the rule set has a score (高企 innovation score, MIIT points …). */
  score?: ScoreRange;
  criteria: CriterionResult[];
  alerts: LifecycleAlert[];
  /**
   * A number for sorting candidates: the sum of `gap.normalised` over the unmet top-level
   * criteria (scored sub-items excluded), 1 for an unmet criterion without a measurable gap, and
   * 0 for a pass. Criteria that need review add nothing.
   */
  totalGap: number;
  /** Ids of the criteria still waiting for an expert. */
  needsExpert: string[];
  notes: Bilingual[];
};

/** Options of {@link RuleSet.evaluate} and `assess`. */
export type AssessOptions = {
  /** The assessment (application) date `YYYY-MM-DD`; never read from the clock. */
  asOf: IsoDate;
};

/** What a rule set's evaluation returns before the shared roll-up. */
export type Evaluation = { criteria: CriterionResult[]; score?: ScoreRange; notes?: Bilingual[] };

/**
 * A versioned rule set: the rules of one qualification as in force from `validFrom` until the
 * day before `validTo` (null = still in force), with its sources and criteria. `evaluate` is pure.
 */
export type RuleSet = {
  id: string;
  kind: RuleSetKind;
  version: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  title: Bilingual;
  sources: SourceDocument[];
  criteria: CriterionDefinition[];
  /** Notes on uncertainty shown with every assessment of this rule set. */
  notes: Bilingual[];
  evaluate: (profile: Profile, options: AssessOptions) => Evaluation;
};
