import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeProfile, yearOf } from '../test/makeProfile.ts';
import { assess, assessMany } from './assess.ts';
import { chongqingTechEnterpriseRuleSet } from './chongqingTechEnterprise.ts';
import { parseProfile } from './profile.ts';
import { rankCandidates } from './rankCandidates.ts';
import { RULE_SETS, ruleSetFor, ruleSetNamed } from './ruleSets.ts';

const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const example = (name: string) =>
  parseProfile(JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as unknown);
const AS_OF = '2025-06-01';

describe('MI-07 version gate', () => {
  test('MI-07: 专精特新 / 小巨人 use the 2022 rules on 2026-03-31 and the 2026 rules from 2026-04-01', () => {
    for (const kind of ['specialisedSme', 'littleGiant'] as const) {
      expect(ruleSetFor(kind, '2026-03-31').version).toBe('2022');
      expect(ruleSetFor(kind, '2026-04-01').version).toBe('2026');
    }
    expect(ruleSetFor('innovativeSme', '2026-04-01').version).toBe('2026-transitional');
  });

  test('MI-07: a 2026 小巨人 复核 still uses the 2022 (63号) standard', () => {
    expect(ruleSetFor('littleGiant', '2026-06-01', { review: true }).id).toBe('littleGiant-2022');
    expect(ruleSetFor('specialisedSme', '2026-06-01', { review: true }).id).toBe(
      'specialisedSme-2026-review',
    );
  });

  test('MI-07: no rule set before the 2022 measures; every rule set cites sources and dates', () => {
    expect(() => ruleSetFor('specialisedSme', '2021-01-01')).toThrow(RangeError);
    for (const r of RULE_SETS) {
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      expect(r.criteria.length, r.id).toBeGreaterThan(0);
      for (const c of r.criteria) expect(c.source.document, c.id).toMatch(/\S/);
    }
  });

  test('MI-07: an assessment outside the rule set’s period carries a ⚠ note', () => {
    const a = assess(makeProfile(), ruleSetFor('specialisedSme', '2025-01-01'), {
      asOf: '2026-06-01',
    });
    expect(a.notes.some((n) => n.zh.includes('不在规则版本'))).toBe(true);
  });
});

describe('CQ-02 重庆市科技型企业: two configurable versions', () => {
  test('CQ-02: version a needs review (truncated source); version b applies the size-tiered ratios', () => {
    const profile = makeProfile();
    const a = assess(profile, ruleSetFor('chongqingTechEnterprise', AS_OF), { asOf: AS_OF });
    expect(a.ruleSet.version).toBe('a');
    expect(a.outcome).toBe('needsReview');
    const b = assess(
      profile,
      ruleSetFor('chongqingTechEnterprise', AS_OF, { chongqingVersion: 'b' }),
      { asOf: AS_OF },
    );
    expect(b.ruleSet.version).toBe('b');
    // small firm: R&D staff 25 % ≥ 5 %, R&D 700 / 10,800 main revenue ≥ 2 %
    expect(b.outcome).toBe('pass');
    const micro = makeProfile((x) => {
      x.size = 'micro';
      yearOf(x, 2024).rdStaff = 9; // 9 % < 10 %
    });
    expect(assess(micro, chongqingTechEnterpriseRuleSet('b'), { asOf: AS_OF }).outcome).toBe(
      'fail',
    );
    for (const c of b.criteria) expect(c.note?.zh).toContain('⚠');
  });
});

describe('example profiles (packages/qualification/examples)', () => {
  test('every example parses and is marked synthetic', () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(5);
    for (const f of files) expect(example(f).note, f).toMatch(/合成|synthetic/i);
  });

  test('high-tech-pass.json passes 高企', () => {
    const a = assess(example('high-tech-pass.json'), ruleSetFor('highTechEnterprise', AS_OF), {
      asOf: AS_OF,
    });
    expect(a.outcome).toBe('pass');
  });

  test('high-tech-rd-gap.json fails only on the R&D ratio, with the gap in the user’s terms', () => {
    const a = assess(example('high-tech-rd-gap.json'), ruleSetFor('highTechEnterprise', AS_OF), {
      asOf: AS_OF,
    });
    expect(a.outcome).toBe('fail');
    const unmet = a.criteria.filter((c) => c.outcome === 'unmet' && !c.partOf);
    expect(unmet.map((c) => c.id)).toEqual(['HT-C5-rdRatio']);
    expect(unmet[0]?.gap?.text.zh).toBe(
      '研发费用占比 4.8%，需达到 5%：三年合计还需增加研发投入 ¥26.8 万',
    );
  });

  test('young-firm-two-years.json is assessed on two years and needs expert review', () => {
    const a = assess(
      example('young-firm-two-years.json'),
      ruleSetFor('highTechEnterprise', AS_OF),
      { asOf: AS_OF },
    );
    expect(a.criteria.find((c) => c.id === 'HT-C5-rdRatio')?.detail.zh).toContain('2023–2024');
    expect(a.outcome).toBe('needsReview');
  });

  test('tech-sme-direct-route.json passes the tech-SME evaluation only through the direct route', () => {
    const a = assess(example('tech-sme-direct-route.json'), ruleSetFor('techSme', AS_OF), {
      asOf: AS_OF,
    });
    expect(a.outcome).toBe('pass');
    expect(a.criteria.find((c) => c.id === 'TS-C5-score')?.outcome).toBe('unmet');
    expect(a.criteria.find((c) => c.id === 'TS-D3-institution')?.outcome).toBe('met');
  });

  test('specialised-sme.json passes the 2022 专精特新 rules but not 小巨人', () => {
    const p = example('specialised-sme.json');
    expect(assess(p, ruleSetFor('specialisedSme', AS_OF), { asOf: AS_OF }).outcome).toBe('pass');
    expect(assess(p, ruleSetFor('littleGiant', AS_OF), { asOf: AS_OF }).outcome).toBe('fail');
  });
});

describe('assessMany and rankCandidates', () => {
  test('candidates come smallest gap first; passes are excluded unless asked for', () => {
    const profiles = [
      example('high-tech-pass.json'),
      example('high-tech-rd-gap.json'),
      example('young-firm-two-years.json'),
      makeProfile((x) => {
        x.uscc = '91500112MA5U00062T';
        const y = yearOf(x, 2024);
        y.stStaff = 5; // 5 % against 10 %: normalised gap 0.5
      }),
    ];
    const all = assessMany(profiles, ruleSetFor('highTechEnterprise', AS_OF), { asOf: AS_OF });
    expect(all.map((a) => a.outcome)).toEqual(['pass', 'fail', 'needsReview', 'fail']);
    expect(all[1]?.totalGap).toBeCloseTo(0.04, 9);
    expect(all[3]?.totalGap).toBeCloseTo(0.5, 9);
    const ranked = rankCandidates(all);
    expect(ranked.map((a) => a.name)).toEqual([all[2]?.name, all[1]?.name, all[3]?.name]);
    expect(rankCandidates(all, { passes: 'first' })[0]?.outcome).toBe('pass');
  });

  test('assess rejects a malformed date', () => {
    expect(() =>
      assess(makeProfile(), ruleSetFor('highTechEnterprise', AS_OF), { asOf: '2025-6-1' }),
    ).toThrow(RangeError);
  });

  test('ruleSetNamed: an id names that version, a kind the version in force, anything else nothing', () => {
    const id = RULE_SETS[0]?.id as string;
    expect(ruleSetNamed(id, '1990-01-01')?.id).toBe(id);
    expect(ruleSetNamed('specialisedSme', '2026-05-01')).toBe(
      ruleSetFor('specialisedSme', '2026-05-01'),
    );
    expect(ruleSetNamed('specialisedSme', '2026-05-01')?.id).not.toBe(
      ruleSetNamed('specialisedSme', '2025-05-01')?.id,
    );
    expect(ruleSetNamed('nobelPrize', AS_OF)).toBeUndefined();
    expect(() => ruleSetNamed('innovativeSme', '2010-01-01')).toThrow(RangeError);
  });
});
