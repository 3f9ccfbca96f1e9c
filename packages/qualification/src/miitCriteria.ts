/**
 * Building blocks shared by the MIIT 优质中小企业 rule sets (2022 and 2026): the figures they read
 * (营业收入, 主营业务收入 share and growth, 资产负债率, R&D ratio) and criterion builders for yes/no
 * thresholds and table-scored items.
 */
import type { Bilingual, IsoDate } from '@kechuang/domain';
import {
  atLeast,
  buildCriterion,
  defineCriterion,
  points,
  scoredOutcome,
} from './buildCriterion.ts';
import { formatNumber, formatPercent, formatWan } from './formatValue.ts';
import type { Profile, YearFigures } from './profile.ts';
import { countIp, debtRatioOf, findYear, operatingRevenueOf } from './profileFacts.ts';
import type {
  CriterionDefinition,
  CriterionOutcome,
  CriterionResult,
  ScoreRange,
  ValueUnit,
} from './types.ts';

/** A criterion definition with its source (the shared builder, under the name MIIT rule sets use). */
export const miitDef = defineCriterion;

/** The figures of the last accounting years, newest last: `years(1)` = [y−1]. */
export function lastYears(profile: Profile, asOf: IsoDate, n: number): (YearFigures | undefined)[] {
  const year = Number(asOf.slice(0, 4));
  const out: (YearFigures | undefined)[] = [];
  for (let y = year - n; y < year; y++) out.push(findYear(profile, y));
  return out;
}

/** 主营业务收入 / 营业收入 of a year. */
export function mainShareOf(y: YearFigures | undefined): number | undefined {
  const op = operatingRevenueOf(y);
  if (!y || y.mainBusinessRevenue === undefined || op === undefined || op <= 0) return undefined;
  return y.mainBusinessRevenue / op;
}

/** R&D / 营业收入 of a year (R&D as reported). */
export function rdShareOf(y: YearFigures | undefined): number | undefined {
  const op = operatingRevenueOf(y);
  if (!y || y.rdExpense === undefined || op === undefined || op <= 0) return undefined;
  return y.rdExpense / op;
}

/** One-year growth b/a − 1, undefined when a is missing or ≤ 0. */
export function growthOf(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || a <= 0) return undefined;
  return b / a - 1;
}

/** 近 2 年主营业务收入平均增长率: the mean of the two one-year growth rates over three year ends. */
export function twoYearAverageGrowth(values: (number | undefined)[]): number | undefined {
  const [a, b, c] = values;
  const g1 = growthOf(a, b);
  const g2 = growthOf(b, c);
  return g1 === undefined || g2 === undefined ? undefined : (g1 + g2) / 2;
}

/** 资产负债率 of the last year. */
export { debtRatioOf };

/** Unknown value detail. */
export function unknown(zh: string, en: string): Bilingual {
  return { zh: `缺少${zh}`, en: `${en} missing` };
}

/** A yes/no threshold criterion: value ≥ threshold (or ≤ when `atMost`). */
export function thresholdCriterion(
  d: CriterionDefinition,
  value: number | undefined,
  threshold: number,
  unit: ValueUnit,
  label: Bilingual,
  options: { atMost?: boolean; gapText?: (value: number) => Bilingual } = {},
): CriterionResult {
  if (value === undefined) {
    return buildCriterion(d, {
      outcome: 'needsReview',
      value: null,
      threshold,
      unit,
      detail: unknown(label.zh, label.en),
    });
  }
  const ok = options.atMost ? value <= threshold + 1e-12 : atLeast(value, threshold);
  const show = (v: number) =>
    unit === 'ratio' ? formatPercent(v) : unit === '万元' ? `${formatWan(v)} 万` : formatNumber(v);
  const short = options.atMost ? value - threshold : threshold - value;
  return buildCriterion(d, {
    outcome: ok ? 'met' : 'unmet',
    value,
    threshold,
    unit,
    detail: {
      zh: `${label.zh} ${show(value)}，要求${options.atMost ? '不超过' : '不低于'} ${show(threshold)}`,
      en: `${label.en} ${show(value)}; required ${options.atMost ? '≤' : '≥'} ${show(threshold)}`,
    },
    ...(ok
      ? {}
      : {
          gap: {
            amount: short,
            unit,
            normalised: Math.min(1, Math.abs(short / (threshold === 0 ? 1 : threshold))),
            text: options.gapText?.(value) ?? {
              zh: `${label.zh}还差 ${show(short)}`,
              en: `${label.en} short by ${show(short)}`,
            },
          },
        }),
  });
}

/** A yes/no fact given by the profile (undefined → review). */
export function factCriterion(
  d: CriterionDefinition,
  fact: boolean | undefined,
  label: Bilingual,
  gap: Bilingual,
): CriterionResult {
  return buildCriterion(d, {
    outcome: fact === undefined ? 'needsReview' : fact ? 'met' : 'unmet',
    value: fact ?? null,
    threshold: true,
    unit: 'boolean',
    needsExpert: fact === undefined && d.expert,
    detail: {
      zh: `${label.zh}：${fact === undefined ? '不清楚' : fact ? '是' : '否'}`,
      en: `${label.en}: ${fact === undefined ? 'unknown' : fact ? 'yes' : 'no'}`,
    },
    ...(fact === false
      ? { gap: { amount: 1, unit: 'boolean' as const, normalised: 1, text: gap } }
      : {}),
  });
}

/** A scored item with a computed range and a one-line explanation. */
export function scoredItem(
  d: CriterionDefinition,
  score: ScoreRange,
  value: number | boolean | string | null,
  unit: ValueUnit,
  detail: Bilingual,
): CriterionResult {
  const review = score.min !== score.max;
  return buildCriterion(d, {
    outcome: scoredOutcome(score, review),
    value,
    threshold: null,
    unit,
    score,
    needsExpert: review && d.expert,
    detail: {
      zh: `${detail.zh}：${rangeText(score)} 分`,
      en: `${detail.en}: ${rangeText(score)} points`,
    },
  });
}

/** "7" or "7–8". */
export function rangeText(s: ScoreRange): string {
  return s.min === s.max ? `${s.min}` : `${s.min}–${s.max}`;
}

/** A scored item from a value that may be unknown: unknown → [0, max] and review. */
export function tableItem(
  d: CriterionDefinition,
  value: number | undefined,
  max: number,
  toPoints: (v: number) => number,
  label: Bilingual,
  unit: ValueUnit = 'ratio',
): CriterionResult {
  if (value === undefined)
    return scoredItem(d, { min: 0, max }, null, unit, unknown(label.zh, label.en));
  const shown =
    unit === 'ratio'
      ? formatPercent(value)
      : unit === '万元'
        ? `${formatWan(value)} 万`
        : formatNumber(value);
  return scoredItem(d, points(toPoints(value)), value, unit, {
    zh: `${label.zh} ${shown}`,
    en: `${label.en} ${shown}`,
  });
}

/**
 * MIIT IP tiers on the main products: high-value Ⅰ类 → `top`, self-developed Ⅰ类 → `own`,
 * any Ⅰ类 → `class1`, Ⅱ类 → `class2`, none → 0.
 */
export function miitIpPoints(
  profile: Profile,
  asOf: IsoDate,
  tiers: { top: number; own: number; class1: number; class2: number },
): { points: number; detail: Bilingual } {
  const ip = countIp(profile, asOf, { mainProductOnly: true, excludeDisputed: true });
  const class1 = ip.items.filter((i) => i.type !== undefined && isClass1(i.type));
  let pts = 0;
  let zh = '无与主导产品相关的知识产权';
  let en = 'No IP on the main products';
  if (class1.some((i) => i.highValue)) {
    pts = tiers.top;
    zh = '有Ⅰ类高价值知识产权';
    en = 'High-value class I IP';
  } else if (class1.some((i) => i.acquisition === 'ownRd')) {
    pts = tiers.own;
    zh = '有自主研发的Ⅰ类知识产权';
    en = 'Self-developed class I IP';
  } else if (class1.length > 0) {
    pts = tiers.class1;
    zh = '有Ⅰ类知识产权';
    en = 'Class I IP';
  } else if (ip.class2 > 0) {
    pts = tiers.class2;
    zh = '有Ⅱ类知识产权';
    en = 'Class II IP';
  }
  return { points: pts, detail: { zh, en } };
}

function isClass1(type: string): boolean {
  return (
    type === 'invention' ||
    type === 'defencePatent' ||
    type === 'plantVariety' ||
    type === 'nationalCropVariety' ||
    type === 'nationalNewDrug' ||
    type === 'tcmFirstClassProtection' ||
    type === 'icLayoutDesign'
  );
}

/** Outcome of a "score ≥ pass and group minimums" rule over ranges. */
export function rangeRule(checks: { min: number; max: number; need: number }[]): CriterionOutcome {
  if (checks.every((c) => c.min >= c.need)) return 'met';
  if (checks.some((c) => c.max < c.need)) return 'unmet';
  return 'needsReview';
}

/** The route criterion: met if the score route or any direct condition is met. */
export function routeCriterion(
  d: CriterionDefinition,
  scoreOutcome: CriterionOutcome,
  directs: CriterionResult[],
  score: ScoreRange | undefined,
  scoreGap: CriterionResult['gap'],
  detail: Bilingual,
): CriterionResult {
  const direct = directs.find((x) => x.outcome === 'met');
  const directReview = directs.some((x) => x.outcome === 'needsReview');
  const outcome: CriterionOutcome = direct
    ? 'met'
    : scoreOutcome === 'unmet' && directReview
      ? 'needsReview'
      : scoreOutcome;
  return buildCriterion(d, {
    outcome,
    value: direct ? 'direct' : 'score',
    threshold: null,
    unit: 'code',
    ...(score ? { score } : {}),
    detail: direct
      ? { zh: `符合直通条件：${direct.text.zh}`, en: `Direct condition met: ${direct.text.en}` }
      : detail,
    ...(outcome === 'unmet' && scoreGap ? { gap: scoreGap } : {}),
  });
}

/** A direct condition (met / notApplicable). */
export function directCriterion(
  d: CriterionDefinition,
  ok: boolean,
  detail: Bilingual,
): CriterionResult {
  return buildCriterion(d, {
    outcome: ok ? 'met' : 'notApplicable',
    value: ok,
    threshold: true,
    unit: 'boolean',
    detail,
  });
}
