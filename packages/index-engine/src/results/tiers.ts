import { getColumn } from '../dataset.ts';
import { bilingual, IndexInputError } from '../errors.ts';
import { quantile } from '../statistics.ts';
import type { IndexBuild, Names } from '../types.ts';
import { unitRecords } from './ranks.ts';

/**
 * Tier (梯队 / performance group) rules.
 * - `chongqing` (《重庆科技创新指数报告》): 第一梯队 above the reference (the city value);
 *   第二梯队 from `floor` (30) up to the reference; 第三梯队 below `floor`.
 * - `china` (《中国区域科技创新评价报告》): 第一梯队 above the national value; 第二梯队 from
 *   `floor` (50) up to it; 第三梯队 below `floor`.
 * - `eis` (European Innovation Scoreboard 2021+): score relative to the reference (EU) × 100:
 *   Leaders > 125; Strong 100–125; Moderate 70–100; Emerging < 70.
 * - `thresholds`: custom descending cut points with labels; a score equal to a cut point falls
 *   in the upper tier.
 * - `quantiles`: n equal-count groups by type-7 quantiles (tier 1 = top).
 * "Above the reference" is strict: a unit exactly at the reference is in the second tier.
 */
export type TierRule =
  | { rule: 'chongqing'; reference?: number; floor?: number }
  | { rule: 'china'; reference?: number; floor?: number }
  | { rule: 'eis'; reference?: number }
  | { rule: 'thresholds'; thresholds: number[]; labels?: Names[] }
  | { rule: 'quantiles'; groups: number };

export type Tier = { tier: number; label: Names };

const CN_TIERS: Names[] = [
  { zh: '第一梯队', en: 'First tier' },
  { zh: '第二梯队', en: 'Second tier' },
  { zh: '第三梯队', en: 'Third tier' },
];

const EIS_TIERS: Names[] = [
  { zh: '创新领先者', en: 'Innovation Leaders' },
  { zh: '强创新者', en: 'Strong Innovators' },
  { zh: '中等创新者', en: 'Moderate Innovators' },
  { zh: '新兴创新者', en: 'Emerging Innovators' },
];

function needReference(rule: TierRule, reference: number | undefined): number {
  if (reference === undefined || !Number.isFinite(reference)) {
    throw new IndexInputError([
      {
        kind: 'invalidSpec',
        field: 'tiers.reference',
        message: bilingual(
          `分档规则 ${rule.rule} 需要参照值（参照单元的得分或给定数值）`,
          `tier rule ${rule.rule} needs a reference value (the reference unit's score or a number)`,
        ),
      },
    ]);
  }
  return reference;
}

/**
 * Assign a tier to each score. `reference` is the reference unit's score (city, nation, EU)
 * when the rule does not give a number itself. Missing scores get null.
 */
export function assignTiers(
  scores: ArrayLike<number>,
  rule: TierRule,
  reference?: number,
): (Tier | null)[] {
  const out: (Tier | null)[] = [];
  let cut: (v: number) => number;
  let labels: Names[];
  switch (rule.rule) {
    case 'chongqing':
    case 'china': {
      const ref = needReference(rule, rule.reference ?? reference);
      const floor = rule.floor ?? (rule.rule === 'chongqing' ? 30 : 50);
      cut = (v) => (v > ref ? 0 : v >= floor ? 1 : 2);
      labels = CN_TIERS;
      break;
    }
    case 'eis': {
      const ref = needReference(rule, rule.reference ?? reference);
      cut = (v) => {
        const r = (v / ref) * 100;
        return r > 125 ? 0 : r >= 100 ? 1 : r >= 70 ? 2 : 3;
      };
      labels = EIS_TIERS;
      break;
    }
    case 'thresholds': {
      const t = [...rule.thresholds].sort((a, b) => b - a);
      cut = (v) => {
        const i = t.findIndex((x) => v >= x);
        return i < 0 ? t.length : i;
      };
      labels = rule.labels ?? t.map((_, i) => ({ zh: `第${i + 1}档`, en: `Tier ${i + 1}` }));
      labels = [...labels, { zh: `第${t.length + 1}档`, en: `Tier ${t.length + 1}` }];
      break;
    }
    case 'quantiles': {
      const g = rule.groups;
      const cuts = Array.from({ length: g - 1 }, (_, i) => quantile(scores, 1 - (i + 1) / g));
      cut = (v) => {
        const i = cuts.findIndex((x) => v >= x);
        return i < 0 ? g - 1 : i;
      };
      labels = Array.from({ length: g }, (_, i) => ({ zh: `第${i + 1}组`, en: `Group ${i + 1}` }));
      break;
    }
  }
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i] as number;
    if (Number.isNaN(v)) {
      out.push(null);
      continue;
    }
    const k = cut(v);
    out.push({ tier: k + 1, label: labels[k] ?? { zh: `第${k + 1}档`, en: `Tier ${k + 1}` } });
  }
  return out;
}

/**
 * Tiers of every unit of a build on `code` (default the index). The reference value is the
 * rule's own number, else the score of the build's reference unit (e.g. 重庆市 as a whole);
 * the reference unit itself gets no tier.
 */
export function tiersOf(
  build: IndexBuild,
  rule: TierRule,
  code?: string,
): { unit: string; score: number; tier: Tier | null }[] {
  const dataset = build.datasets.Aggregated ?? build.states.at(-1)?.dataset ?? build.input.raw;
  const col = getColumn(dataset, code ?? build.input.ctx.tree.root);
  const units = unitRecords(build, dataset);
  const refRow = units.findIndex((u) => u.isReference);
  const reference = refRow >= 0 ? (col[refRow] as number) : undefined;
  const scores = col.map((v, i) => (units[i]?.isReference ? Number.NaN : v));
  const tiers =
    rule.rule === 'quantiles' || rule.rule === 'thresholds'
      ? assignTiers(scores, rule)
      : assignTiers(scores, rule, reference);
  return dataset.unitCodes.map((unit, i) => ({
    unit,
    score: col[i] as number,
    tier: tiers[i] ?? null,
  }));
}
