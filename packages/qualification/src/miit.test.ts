import { describe, expect, test } from 'vitest';
import { makeProfile, yearOf } from '../test/makeProfile.ts';
import { assess } from './assess.ts';
import {
  innovativeSme2022RuleSet,
  littleGiant2022RuleSet,
  littleGiantRdBand,
  nicheYearPoints,
  specialisedSme2022RuleSet,
} from './miit2022.ts';
import { littleGiant2026RuleSet, specialisedSme2026RuleSet } from './miit2026.ts';
import type { ProfileInput } from './profile.ts';
import type { Assessment, RuleSet } from './types.ts';

const AS_OF_2025 = '2025-06-01';
const AS_OF_2026 = '2026-06-01';

function run(rules: RuleSet, edit?: (p: ProfileInput) => void, asOf = AS_OF_2025): Assessment {
  return assess(makeProfile(edit), rules, { asOf });
}
function c(a: Assessment, id: string) {
  const found = a.criteria.find((x) => x.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

describe('MI-01 / MI-02 创新型中小企业 (2022)', () => {
  const rules = innovativeSme2022RuleSet();

  test('MI-02: tier tables (IP 20/15/10/5/0, R&D 20/15/10/5/0, growth, debt, field, main share)', () => {
    const a = run(rules);
    // own invention 15; R&D 700/12000 = 5.8 % → 20; main growth 20 % → 20; debt 50 % → 10;
    // strategic emerging → 10; main share 90 % → 20
    expect(
      ['ip', 'rd', 'growth', 'debt', 'field', 'mainShare'].map(
        (k) => c(a, `MI22-IN-${k}`).score?.min,
      ),
    ).toEqual([15, 20, 20, 10, 10, 20]);
    expect(a.score).toEqual({ min: 95, max: 95 });
    const high = run(rules, (x) => {
      for (const i of x.ip ?? []) i.highValue = true;
    });
    expect(c(high, 'MI22-IN-ip').score?.min).toBe(20);
  });

  test('MI-02: "3%–5%" boundaries: 5 % → 20 when lower-inclusive (default), 15 when upper-inclusive', () => {
    const at5 = (x: ProfileInput) => {
      const y = yearOf(x, 2024);
      y.rdExpense = 600;
      y.rdExpenseDomestic = 600;
      y.rdExpenseByCategory = { personnel: 600 };
    };
    expect(c(run(rules, at5), 'MI22-IN-rd').score?.min).toBe(20);
    expect(
      c(run(innovativeSme2022RuleSet({ boundary: 'upperInclusive' }), at5), 'MI22-IN-rd').score
        ?.min,
    ).toBe(15);
    const debt = (ratio: number) =>
      c(
        run(rules, (x) => {
          const y = yearOf(x, 2024);
          y.totalAssets = 1000;
          y.totalLiabilities = ratio * 1000;
        }),
        'MI22-IN-debt',
      ).score?.min;
    expect([debt(0.5499), debt(0.55), debt(0.75), debt(0.7501)]).toEqual([10, 5, 0, 0]);
  });

  test('MI-01: total ≥ 60 but a group below its minimum → fail unless a direct condition holds', () => {
    // growth group: main-business growth negative (0) + debt > 75 % (0) = 0 < 15
    const weak = (x: ProfileInput) => {
      const y = yearOf(x, 2024);
      y.mainBusinessRevenue = 8000;
      y.totalAssets = 10000;
      y.totalLiabilities = 8000;
    };
    const a = run(rules, weak);
    expect((a.score?.min ?? 0) >= 60).toBe(true);
    expect(a.outcome).toBe('fail');
    const direct = run(rules, (x) => {
      weak(x);
      x.awards = [{ level: 'provincial', rank: 9, date: '2023-01-01' }];
    });
    expect(c(direct, 'MI22-IN-D1-award').outcome).toBe('met');
    expect(direct.outcome).toBe('pass');
  });

  test('MI-01: direct conditions — valid 高企, provincial R&D institution, ≥ 500万 equity in 3 years', () => {
    const noScore = (x: ProfileInput) => {
      x.ip = [];
      const y = yearOf(x, 2024);
      y.mainBusinessRevenue = 1000;
    };
    expect(run(rules, noScore).outcome).toBe('fail');
    expect(
      run(rules, (x) => {
        noScore(x);
        x.qualifications = [
          { kind: 'highTechEnterprise', number: 'GR202350000001', issueDate: '2023-01-01' },
        ];
      }).outcome,
    ).toBe('pass');
    expect(
      run(rules, (x) => {
        noScore(x);
        x.equityFinancing = [{ date: '2023-01-01', amount: 500 }];
      }).outcome,
    ).toBe('pass');
    expect(
      run(rules, (x) => {
        noScore(x);
        x.equityFinancing = [{ date: '2023-01-01', amount: 499.99 }];
      }).outcome,
    ).toBe('fail');
  });
});

const specialistInput = (x: ProfileInput) => {
  x.qualifications = [{ kind: 'innovativeSme', number: 'CX2024-1', issueDate: '2024-03-01' }];
  x.miit = {
    nicheYears: 6,
    mainProductField: 'sixBasics',
    digitalLevel: 3,
    qualityItems: {
      managementCertification: true,
      ownBrand: false,
      qualityAward: false,
      standardsWork: false,
    },
    localScore: 10,
  };
  x.rdInstitutions = [{ level: 'municipal', recognisedOn: '2022-01-01' }];
};

describe('MI-03 / MI-04 专精特新中小企业 (2022)', () => {
  const rules = specialisedSme2022RuleSet();

  test('MI-03: niche ≥ 2 years; R&D ≥ 100万 and ≥ 3 %; revenue ≥ 1000万 or equity ≥ 2000万', () => {
    const a = run(rules, specialistInput);
    for (const id of ['MI22-SP-niche', 'MI22-SP-rd', 'MI22-SP-revenue', 'MI22-SP-route'])
      expect(c(a, id).outcome, id).toBe('met');
    expect(a.outcome).toBe('pass');
    expect(
      c(
        run(rules, (x) => {
          specialistInput(x);
          if (x.miit) x.miit.nicheYears = 1.9;
        }),
        'MI22-SP-niche',
      ).outcome,
    ).toBe('unmet');
    const smallRd = (rd: number, revenue: number) =>
      c(
        run(rules, (x) => {
          specialistInput(x);
          const y = yearOf(x, 2024);
          y.rdExpense = rd;
          y.rdExpenseDomestic = rd;
          y.rdExpenseByCategory = { personnel: rd };
          y.salesRevenue = revenue;
        }),
        'MI22-SP-rd',
      ).outcome;
    expect(smallRd(100, 3000)).toBe('met'); // 100万 and 3.33 %
    expect(smallRd(99.99, 3000)).toBe('unmet');
    expect(smallRd(120, 4000.1)).toBe('unmet'); // 2.99 %
    const revenue = (r: number, equity: number) =>
      c(
        run(rules, (x) => {
          specialistInput(x);
          yearOf(x, 2024).operatingRevenue = r;
          x.equityFinancing = equity > 0 ? [{ date: '2024-12-01', amount: equity }] : [];
        }),
        'MI22-SP-revenue',
      ).outcome;
    expect(revenue(1000, 0)).toBe('met');
    expect(revenue(999, 0)).toBe('unmet');
    expect(revenue(999, 2000)).toBe('met');
  });

  test('MI-04: niche years → floor(years / 2), max 5; quality items 3 each, max 5', () => {
    expect([0, 1, 2, 3, 9, 10, 11, 30].map(nicheYearPoints)).toEqual([0, 0, 1, 1, 4, 5, 5, 5]);
    const a = run(rules, specialistInput);
    expect(c(a, 'MI22-SP-nicheYears').score?.min).toBe(3);
    expect(c(a, 'MI22-SP-quality').score).toEqual({ min: 3, max: 3 });
    const two = run(rules, (x) => {
      specialistInput(x);
      if (x.miit)
        x.miit.qualityItems = {
          managementCertification: true,
          ownBrand: true,
          qualityAward: false,
          standardsWork: false,
        };
    });
    expect(c(two, 'MI22-SP-quality').score).toEqual({ min: 5, max: 5 });
  });

  test('MI-04: the 13 indicators sum to the score; R&D input takes the better of amount and ratio', () => {
    const a = run(rules, specialistInput);
    const subs = a.criteria.filter((x) => x.partOf === 'MI22-SP-score');
    expect(subs).toHaveLength(13);
    expect(a.score?.min).toBe(subs.reduce((s, x) => s + (x.score?.min ?? 0), 0));
    // 700万 → 10 by amount
    expect(c(a, 'MI22-SP-rdInput').score?.min).toBe(10);
    const low = run(rules, (x) => {
      specialistInput(x);
      const y = yearOf(x, 2024);
      y.rdExpense = 150; // amount → 2; ratio 150 / 1500 = 10 % → 10
      y.rdExpenseDomestic = 150;
      y.rdExpenseByCategory = { personnel: 150 };
      y.salesRevenue = 1500;
    });
    expect(c(low, 'MI22-SP-rdInput').score?.min).toBe(10);
  });

  test('MI-04: without the provincial 特色化 score the result is a range and needs review', () => {
    const a = run(rules, (x) => {
      specialistInput(x);
      if (x.miit) x.miit.localScore = undefined;
    });
    expect(c(a, 'MI22-SP-local').score).toEqual({ min: 0, max: 15 });
  });
});

describe('MI-05 小巨人 (2022)', () => {
  test('MI-05: R&D band by revenue: ≥ 1亿 → 3 % each year; 5000万–1亿 → 6 %; < 5000万 → equity + R&D + staff', () => {
    const ctx = { equity2Years: 0, rdTwoYears: 0, rdStaffShare: 0 };
    expect(littleGiantRdBand(10000, [0.03, 0.03], ctx)).toBe(true);
    expect(littleGiantRdBand(10000, [0.03, 0.0299], ctx)).toBe(false);
    expect(littleGiantRdBand(9999, [0.05, 0.05], ctx)).toBe(false);
    expect(littleGiantRdBand(5000, [0.06, 0.06], ctx)).toBe(true);
    expect(littleGiantRdBand(4999, [0.5, 0.5], ctx)).toBe(false);
    expect(
      littleGiantRdBand(4999, [0, 0], { equity2Years: 8000, rdTwoYears: 3000, rdStaffShare: 0.5 }),
    ).toBe(true);
    expect(
      littleGiantRdBand(4999, [0, 0], { equity2Years: 7999, rdTwoYears: 3000, rdStaffShare: 0.5 }),
    ).toBe(false);
  });

  test('MI-05: general route needs an R&D institution and ≥ 2 applied Ⅰ类 IP; a national award top 3 is a direct route', () => {
    const rules = littleGiant2022RuleSet();
    const base = (x: ProfileInput) => {
      x.qualifications = [{ kind: 'specialisedSme', number: 'ZJTX-1', issueDate: '2023-06-01' }];
      x.miit = {
        nicheYears: 5,
        informationSystem: true,
        certification: true,
        nationalMarketShare: 0.12,
        ownBrand: true,
        industryChainKeyLink: true,
      };
      x.rdInstitutions = [{ level: 'internal', recognisedOn: '2020-01-01' }];
      for (const i of x.ip ?? []) i.inUse = true;
    };
    const a = run(rules, base);
    expect(c(a, 'MI22-LG-rdBand').outcome).toBe('met'); // 12,000 ≥ 1亿, 5.8 % and 6 %
    expect(c(a, 'MI22-LG-innovation').outcome).toBe('met');
    expect(a.outcome).toBe('pass');
    const oneIp = run(rules, (x) => {
      base(x);
      x.ip = x.ip?.slice(0, 1);
    });
    expect(c(oneIp, 'MI22-LG-ip').outcome).toBe('unmet');
    expect(oneIp.outcome).toBe('fail');
    const award = run(rules, (x) => {
      base(x);
      x.ip = x.ip?.slice(0, 1);
      x.awards = [{ level: 'national', rank: 3, date: '2024-01-01' }];
    });
    expect(c(award, 'MI22-LG-innovation').outcome).toBe('met');
  });
});

describe('MI-08 / MI-09 the 2026 standards (⚠ third-party summaries)', () => {
  const sp = (x: ProfileInput) => {
    x.qualifications = [{ kind: 'innovativeSme', number: 'CX2025-1', issueDate: '2025-03-01' }];
    x.miit = {
      nicheYears: 3,
      leadingMarketPosition: true,
      platformScores: [{ year: 2026, score: 50 }],
    };
    x.years.push({
      ...yearOf(x, 2024),
      year: 2025,
      salesRevenue: 14000,
      mainBusinessRevenue: 12600,
    });
    for (const i of x.ip ?? []) i.inUse = true;
  };

  test('MI-08: 专精特新 2026 — 3 niche years, main share ≥ 80 %, debt ≤ 80 %, R&D in both years, platform ≥ 50', () => {
    const rules = specialisedSme2026RuleSet();
    const a = run(rules, sp, AS_OF_2026);
    expect(a.outcome).toBe('pass');
    expect(a.criteria.every((x) => x.note?.zh.includes('⚠'))).toBe(true);
    const withEdit = (edit: (x: ProfileInput) => void) =>
      run(
        rules,
        (x) => {
          sp(x);
          edit(x);
        },
        AS_OF_2026,
      );
    expect(
      c(
        withEdit((x) => {
          if (x.miit) x.miit.nicheYears = 2.9;
        }),
        'MI26-SP-niche',
      ).outcome,
    ).toBe('unmet');
    expect(
      c(
        withEdit((x) => (yearOf(x, 2025).mainBusinessRevenue = 11199)),
        'MI26-SP-mainShare',
      ).outcome,
    ).toBe('unmet');
    expect(
      c(
        withEdit((x) => (yearOf(x, 2025).mainBusinessRevenue = 11200)),
        'MI26-SP-mainShare',
      ).outcome,
    ).toBe('met');
    expect(
      c(
        withEdit((x) => {
          if (x.miit) x.miit.platformScores = [{ year: 2026, score: 49.9 }];
        }),
        'MI26-SP-platform',
      ).outcome,
    ).toBe('unmet');
    // R&D must hold in both years: 2024 at 2.9 % fails
    expect(
      c(
        withEdit((x) => {
          const y = yearOf(x, 2024);
          y.rdExpense = 348;
          y.rdExpenseDomestic = 348;
          y.rdExpenseByCategory = { personnel: 348 };
        }),
        'MI26-SP-rd',
      ).outcome,
    ).toBe('unmet');
    // platform score missing → needsReview, never recomputed
    const missing = withEdit((x) => {
      if (x.miit) x.miit.platformScores = [];
    });
    expect(c(missing, 'MI26-SP-platform').outcome).toBe('needsReview');
  });

  test('MI-08: 复核 accepts a score ≥ 50 in either of the last 2 years', () => {
    const review = specialisedSme2026RuleSet({ review: true });
    const a = run(
      review,
      (x) => {
        sp(x);
        if (x.miit)
          x.miit.platformScores = [
            { year: 2024, score: 55 },
            { year: 2025, score: 40 },
          ];
      },
      AS_OF_2026,
    );
    expect(c(a, 'MI26-SP-platform').outcome).toBe('met');
    const fresh = run(
      specialisedSme2026RuleSet(),
      (x) => {
        sp(x);
        if (x.miit) x.miit.platformScores = [{ year: 2024, score: 55 }];
      },
      AS_OF_2026,
    );
    expect(c(fresh, 'MI26-SP-platform').outcome).toBe('needsReview');
  });

  test('MI-09: 小巨人 2026 — revenue ≥ 5000万, main ≥ 90 %, growth ≥ 5 %, debt ≤ 75 %, R&D ≥ 1200万, ≥ 4 Ⅰ类 IP, platform ≥ 60', () => {
    const lg = (x: ProfileInput) => {
      sp(x);
      x.qualifications = [{ kind: 'specialisedSme', number: 'ZJTX-2', issueDate: '2024-06-01' }];
      x.miit = {
        nicheYears: 4,
        nationalMarketShare: 0.1,
        industryChainKeyLink: true,
        platformScores: [{ year: 2026, score: 60 }],
      };
      yearOf(x, 2025).mainBusinessRevenue = 12600;
      yearOf(x, 2024).mainBusinessRevenue = 11000;
      x.ip = Array.from({ length: 4 }, (_, i) => ({
        id: `INV${i}`,
        type: 'invention' as const,
        acquisition: 'ownRd' as const,
        grantDate: '2022-01-01',
        inUse: true,
      }));
    };
    const rules = littleGiant2026RuleSet();
    const a = run(rules, lg, AS_OF_2026);
    expect(c(a, 'MI26-LG-mainShare').outcome).toBe('met'); // 12600 / 14000 = 90 %
    expect(c(a, 'MI26-LG-growth').outcome).toBe('met'); // √(14000 / 10000) − 1 = 18 %
    expect(c(a, 'MI26-LG-rd').outcome).toBe('met');
    expect(c(a, 'MI26-LG-ip').outcome).toBe('met');
    expect(a.outcome).toBe('pass');
    const threeIp = run(
      rules,
      (x) => {
        lg(x);
        x.ip = x.ip?.slice(0, 3);
      },
      AS_OF_2026,
    );
    expect(c(threeIp, 'MI26-LG-ip').outcome).toBe('unmet');
    const bought = run(
      rules,
      (x) => {
        lg(x);
        const first = x.ip?.[0];
        if (first) first.acquisition = 'purchase';
      },
      AS_OF_2026,
    );
    expect(c(bought, 'MI26-LG-ip').outcome).toBe('unmet');
    const rank3 = run(
      rules,
      (x) => {
        lg(x);
        if (x.miit) {
          x.miit.nationalMarketShare = 0.05;
          x.miit.nationalMarketRank = 3;
        }
      },
      AS_OF_2026,
    );
    expect(c(rank3, 'MI26-LG-market').outcome).toBe('met');
    const review = run(
      littleGiant2026RuleSet({ review: true }),
      (x) => {
        lg(x);
        yearOf(x, 2023).salesRevenue = 20000;
      },
      AS_OF_2026,
    );
    expect(c(review, 'MI26-LG-growth').outcome).toBe('notApplicable');
  });
});
