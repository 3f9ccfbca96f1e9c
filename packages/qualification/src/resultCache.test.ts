import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AS_OF, baseInput } from '../test/makeProfile.ts';
import { assess, assessMany } from './assess.ts';
import { highTechEnterpriseRuleSet } from './highTechEnterprise.ts';
import { LazyText, staticText, textTemplate } from './lazyText.ts';
import { type Profile, type ProfileInput, parseProfile } from './profile.ts';
import { ResultCache } from './resultCache.ts';
import type { CriterionResult } from './types.ts';

const EXAMPLES = join(import.meta.dirname, '..', 'examples');

/** The examples and variants of the baseline that reach every shared criterion's branches. */
function varied(): Profile[] {
  const out: Profile[] = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseProfile(JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8'))));
  const points = [undefined, 0, 1, 2, 5, 8];
  for (let k = 0; k < 48; k++) {
    const input: ProfileInput = baseInput();
    const p = points[k % points.length];
    const q = points[(k * 5 + 1) % points.length];
    input.registrationDate = k % 7 === 0 ? '2024-11-20' : `201${k % 10}-0${1 + (k % 9)}-15`;
    input.ip = (input.ip ?? []).slice(0, k % 4);
    if (k % 3 === 1) input.highTechField = undefined;
    input.incidentScreening = k % 2 === 0;
    if (k % 11 === 5)
      input.incidents = [{ kind: 'majorSafetyAccident', date: '2025-01-10', note: '测试' }];
    // No evidence → 0 points, so an expert's point there is rejected; some evidence → 1 and up.
    if (k % 5 === 3)
      input.rdManagement = {
        systems: { managementSystem: false, costAccounting: false, auxiliaryLedger: false },
        organisation: { internalRdOrganisation: true },
      };
    for (const [i, y] of input.years.entries()) {
      y.conversions = (k + i) % 7;
      if (k % 13 === 4 && i === 0) y.conversions = undefined;
    }
    input.expert = {
      ...(k % 4 === 0 ? {} : { ipCoreSupport: k % 4 === 1, fieldFit: k % 4 !== 2 }),
      ...(p === undefined
        ? {}
        : {
            technologyAdvancement: p,
            coreSupport: q ?? 0,
            ipCount: p,
            ipAcquisition: Math.min(6, p),
            standardsBonus: Math.min(2, p),
            conversions: p * 3,
            rdManagement: [Math.min(6, p), Math.min(6, q ?? 0), Math.min(4, p), 1],
            netAssetGrowth: p,
            salesGrowth: q ?? 0,
          }),
    };
    out.push(parseProfile(input));
  }
  return out;
}

describe('shared criterion results', () => {
  test('a rule set reused for many firms and two dates gives each the JSON a fresh rule set gives it', () => {
    const profiles = varied();
    const rules = highTechEnterpriseRuleSet();
    for (const asOf of [AS_OF, '2024-12-31', AS_OF]) {
      // Twice per date: the second batch is served from the caches the first one filled.
      for (let pass = 0; pass < 2; pass++) {
        const batch = assessMany(profiles, rules, { asOf });
        for (const [i, a] of batch.entries()) {
          const fresh = assess(profiles[i] as Profile, highTechEnterpriseRuleSet(), { asOf });
          expect(JSON.stringify(a), `${asOf} #${i}`).toBe(JSON.stringify(fresh));
        }
      }
    }
  });

  test('criteria shared by two firms are frozen with rendered texts; those of their own figures are not shared', () => {
    const rules = highTechEnterpriseRuleSet();
    const a = assess(parseProfile(baseInput()), rules, { asOf: AS_OF });
    const b = assess(parseProfile(baseInput()), rules, { asOf: AS_OF });
    let shared = 0;
    for (const [i, x] of a.criteria.entries()) {
      const y = b.criteria[i] as CriterionResult;
      if (x !== y) continue;
      shared++;
      expect(Object.isFrozen(x), x.id).toBe(true);
      expect(x.detail instanceof LazyText, x.id).toBe(false);
      expect(Object.isFrozen(x.detail), x.id).toBe(true);
      if (x.score) expect(Object.isFrozen(x.score), x.id).toBe(true);
      if (x.gap) expect(Object.isFrozen(x.gap) && Object.isFrozen(x.gap.text), x.id).toBe(true);
    }
    // Everything but S&T staff, R&D ratio, domestic share, HTPS share and the two growth items.
    expect(shared).toBe(a.criteria.length - 6);
    for (const id of ['HT-C4-stStaff', 'HT-C5-rdRatio', 'HT-C6-htps', 'HT-C7d-salesGrowth']) {
      const x = a.criteria.find((c) => c.id === id);
      expect(x, id).not.toBe(b.criteria.find((c) => c.id === id));
      expect(x?.detail, id).toBeInstanceOf(LazyText);
    }
  });

  test('ResultCache: keeps one frozen, rendered result per key; without a key or when full, results stay unshared and lazy', () => {
    const template = textTemplate<number>(
      (n) => `第 ${n} 项`,
      (n) => `item ${n}`,
    );
    let made = 0;
    const make = (n: number) => (): CriterionResult => {
      made++;
      return {
        id: 'x',
        text: staticText('文', 'text'),
        source: Object.freeze({ document: 'd', article: 'a' }),
        outcome: 'met',
        value: n,
        threshold: null,
        unit: 'count',
        detail: new LazyText(template, n),
        needsExpert: false,
        gap: { amount: n, unit: 'count', normalised: 1, text: new LazyText(template, n) },
      };
    };
    const cache = new ResultCache<number>(1);
    const through = (key: number | undefined) =>
      cache.get(key) ?? cache.keep(key, make(key ?? 0)());
    const first = through(1);
    expect(through(1)).toBe(first);
    expect(made).toBe(1);
    expect(Object.isFrozen(first) && Object.isFrozen(first.gap)).toBe(true);
    expect(first.detail).not.toBeInstanceOf(LazyText);
    expect(JSON.stringify(first)).toBe(JSON.stringify(make(1)()));
    expect(Object.keys(first.gap ?? {})).toEqual(['amount', 'unit', 'normalised', 'text']);
    // Full (limit 1), or no key: the result itself, unshared and still lazy.
    for (const key of [2, undefined]) {
      const own = through(key);
      expect(Object.isFrozen(own)).toBe(false);
      expect(own.detail).toBeInstanceOf(LazyText);
      expect(through(key)).not.toBe(own);
    }
    cache.clear();
    expect(through(1)).not.toBe(first);
  });
});
