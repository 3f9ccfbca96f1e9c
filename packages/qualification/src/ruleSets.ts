/**
 * The catalogue of rule sets (`RULE_SETS`) and the version gate `ruleSetFor(kind, asOf)`: the rule
 * set whose period `[validFrom, validTo)` contains the date. MI-07: from 2026-04-01 the 专精特新 and
 * 小巨人 criteria of 工信部企业〔2026〕2号 apply; the 2026 小巨人 复核 still used the 2022 (63号) standard
 * (工信厅企业函〔2026〕117号, ⚠ verify), selected with `{ review: true }`.
 */
import type { IsoDate } from '@kechuang/domain';
import { assertIsoDate } from '@kechuang/domain';
import {
  type ChongqingTechEnterpriseVersion,
  chongqingTechEnterpriseRuleSet,
} from './chongqingTechEnterprise.ts';
import { highTechEnterpriseRuleSet } from './highTechEnterprise.ts';
import {
  innovativeSme2022RuleSet,
  littleGiant2022RuleSet,
  specialisedSme2022RuleSet,
} from './miit2022.ts';
import {
  innovativeSme2026RuleSet,
  littleGiant2026RuleSet,
  specialisedSme2026RuleSet,
} from './miit2026.ts';
import { techSmeRuleSet } from './techSme.ts';
import type { RuleSet, RuleSetKind } from './types.ts';

/** Every rule set with its default parameters, oldest version first within a kind. */
export const RULE_SETS: readonly RuleSet[] = [
  highTechEnterpriseRuleSet(),
  techSmeRuleSet(),
  innovativeSme2022RuleSet(),
  innovativeSme2026RuleSet(),
  specialisedSme2022RuleSet(),
  specialisedSme2026RuleSet(),
  littleGiant2022RuleSet(),
  littleGiant2026RuleSet(),
  chongqingTechEnterpriseRuleSet('a'),
  chongqingTechEnterpriseRuleSet('b'),
];

/** Options of {@link ruleSetFor}. */
export type RuleSetForOptions = {
  /** Assess a 复核 (review of a title held): 2026 小巨人 复核 uses the 2022 standard; 2026 专精特新 复核 accepts either year's platform score. */
  review?: boolean;
  /** Which 重庆市科技型企业 version (default `a`). */
  chongqingVersion?: ChongqingTechEnterpriseVersion;
};

/** The rule set of `kind` in force on `asOf`; throws a `RangeError` when none is. */
export function ruleSetFor(
  kind: RuleSetKind,
  asOf: IsoDate,
  options: RuleSetForOptions = {},
): RuleSet {
  assertIsoDate(asOf, 'asOf');
  if (kind === 'chongqingTechEnterprise')
    return chongqingTechEnterpriseRuleSet(options.chongqingVersion ?? 'a');
  if (options.review && asOf >= '2026-04-01') {
    if (kind === 'littleGiant' && asOf < '2027-01-01') return littleGiant2022RuleSet();
    if (kind === 'specialisedSme') return specialisedSme2026RuleSet({ review: true });
    if (kind === 'littleGiant') return littleGiant2026RuleSet({ review: true });
  }
  const found = RULE_SETS.find(
    (r) => r.kind === kind && r.validFrom <= asOf && (r.validTo === null || asOf < r.validTo),
  );
  if (!found) {
    throw new RangeError(
      `没有 ${asOf} 适用的 ${kind} 规则 / No ${kind} rule set in force on ${asOf}`,
    );
  }
  return found;
}

/**
 * The rule set a user names: its id (`highTechEnterprise-2016`), or its kind (`highTechEnterprise`),
 * which takes the version in force on `asOf` (see {@link ruleSetFor}). `undefined` when the name is
 * neither; a `RangeError` when the kind has no version in force on `asOf`.
 */
export function ruleSetNamed(
  name: string,
  asOf: IsoDate,
  options: RuleSetForOptions = {},
): RuleSet | undefined {
  const byId = RULE_SETS.find((r) => r.id === name);
  if (byId) return byId;
  if (!RULE_SETS.some((r) => r.kind === name)) return undefined;
  return ruleSetFor(name as RuleSetKind, asOf, options);
}
