import { describe, expect, test } from 'vitest';
import { AS_OF, makeProfile, yearOf } from '../test/makeProfile.ts';
import { assess } from './assess.ts';
import type { ProfileInput } from './profile.ts';
import {
  isSuperDeductionExcludedIndustry,
  techSmeIpPoints,
  techSmeRdCostPoints,
  techSmeRdSalesPoints,
  techSmeRuleSet,
  techSmeStaffPoints,
} from './techSme.ts';

const RULES = techSmeRuleSet();

/** A small firm that passes the tech-SME score (not a first-time applicant). */
function sme(edit?: (p: ProfileInput) => void) {
  return makeProfile((x) => {
    x.qualifications = [
      {
        kind: 'techSme',
        number: '20245001120A000123',
        issueDate: '2024-05-01',
        evaluationYear: 2024,
      },
    ];
    edit?.(x);
  });
}
function run(edit?: (p: ProfileInput) => void, asOf = AS_OF) {
  return assess(sme(edit), RULES, { asOf });
}
function outcomeOf(id: string, edit?: (p: ProfileInput) => void) {
  return run(edit).criteria.find((c) => c.id === id)?.outcome;
}

describe('the baseline small firm', () => {
  test('passes: base conditions met, score 20 + 40 (5.83 % of sales) + 30 = 90', () => {
    const a = run();
    expect(a.outcome).toBe('pass');
    expect(a.score).toEqual({ min: 90, max: 90 });
  });
});

describe('TS-01 … TS-04 base conditions', () => {
  test('TS-01: exactly 500 staff / 2亿 sales / 2亿 assets → met; any one over → unmet', () => {
    const at = run((x) => {
      const y = yearOf(x, 2024);
      y.totalStaff = 500;
      y.stStaff = 150;
      y.salesRevenue = 20000;
      y.totalAssets = 20000;
      y.totalLiabilities = 10000;
    });
    for (const id of ['TS-C2-staff', 'TS-C2-sales', 'TS-C2-assets'])
      expect(at.criteria.find((c) => c.id === id)?.outcome, id).toBe('met');
    expect(outcomeOf('TS-C2-staff', (x) => (yearOf(x, 2024).totalStaff = 500.5))).toBe('unmet');
    expect(outcomeOf('TS-C2-sales', (x) => (yearOf(x, 2024).salesRevenue = 20000.0001))).toBe(
      'unmet',
    );
    const over = run((x) => {
      yearOf(x, 2024).totalAssets = 20001;
    });
    expect(over.criteria.find((c) => c.id === 'TS-C2-assets')?.outcome).toBe('unmet');
    expect(over.outcome).toBe('fail');
  });

  test('TS-01: tech-SME staff counts, when given, take precedence over the 高企 counts', () => {
    expect(
      outcomeOf('TS-C2-staff', (x) => (yearOf(x, 2024).techSmeStaff = { total: 501, st: 100 })),
    ).toBe('unmet');
  });

  test('TS-02: 核定征收 → unmet; unknown accounting → needsReview', () => {
    expect(
      outcomeOf(
        'TS-C1-resident',
        (x) =>
          (x.taxation = {
            residentEnterprise: true,
            auditCollection: false,
            soundAccounting: true,
          }),
      ),
    ).toBe('unmet');
    expect(
      outcomeOf(
        'TS-C1-resident',
        (x) => (x.taxation = { residentEnterprise: true, auditCollection: true }),
      ),
    ).toBe('needsReview');
  });

  test('TS-03: restricted industry or a 财税〔2015〕119号 exclusion (e.g. 批发零售 F, 房地产 K) → unmet', () => {
    expect(
      outcomeOf('TS-C3-industry', (x) => (x.industryFlags = { restrictedOrEliminated: true })),
    ).toBe('unmet');
    expect(outcomeOf('TS-C3-industry', (x) => (x.industryCode = 'F5191'))).toBe('unmet');
    expect(outcomeOf('TS-C3-industry', (x) => (x.industryCode = 'K7010'))).toBe('unmet');
    expect(outcomeOf('TS-C3-industry')).toBe('met');
    expect(isSuperDeductionExcludedIndustry('C1610')).toBe(true);
    expect(isSuperDeductionExcludedIndustry('C1710')).toBe(false);
    expect(isSuperDeductionExcludedIndustry('R9011')).toBe(true);
    expect(isSuperDeductionExcludedIndustry('R8810')).toBe(false);
  });

  test('TS-04: an incident in the previous or current year → unmet; two years back → met', () => {
    expect(
      outcomeOf(
        'TS-C4-incidents',
        (x) => (x.incidents = [{ kind: 'abnormalOperationsList', date: '2024-01-01' }]),
      ),
    ).toBe('unmet');
    expect(
      outcomeOf(
        'TS-C4-incidents',
        (x) => (x.incidents = [{ kind: 'majorQualityAccident', date: '2025-03-01' }]),
      ),
    ).toBe('unmet');
    expect(
      outcomeOf(
        'TS-C4-incidents',
        (x) => (x.incidents = [{ kind: 'majorQualityAccident', date: '2023-12-31' }]),
      ),
    ).toBe('met');
  });
});

describe('TS-05 … TS-09 scoring', () => {
  test.each([
    [0.3, 20],
    [0.2999, 16],
    [0.25, 16],
    [0.2, 12],
    [0.15, 8],
    [0.1, 4],
    [0.0999, 0],
  ])('TS-05: S&T staff share %d → %d points', (share, pts) => {
    expect(techSmeStaffPoints(share)).toBe(pts);
  });

  test.each([
    [0.06, 50],
    [0.0599, 40],
    [0.05, 40],
    [0.04, 30],
    [0.03, 20],
    [0.02, 10],
    [0.0199, 0],
  ])('TS-06: R&D / sales %d → %d points', (r, pts) => {
    expect(techSmeRdSalesPoints(r)).toBe(pts);
  });

  test.each([
    [0.3, 50],
    [0.2999, 40],
    [0.25, 40],
    [0.2, 30],
    [0.15, 20],
    [0.1, 10],
    [0.0999, 0],
  ])('TS-07: R&D / total costs %d → %d points', (r, pts) => {
    expect(techSmeRdCostPoints(r)).toBe(pts);
  });

  test('TS-07: the enterprise picks one option; the higher one counts and both are shown', () => {
    const a = run((x) => {
      const y = yearOf(x, 2024);
      y.salesRevenue = 10000;
      y.rdExpense = 250; // 2.5 % of sales → 10
      y.rdExpenseDomestic = 250;
      y.rdExpenseByCategory = { personnel: 250 };
      y.totalCost = 1000; // 25 % of costs → 40
    });
    const sales = a.criteria.find((c) => c.id === 'TS-S2-rdSales');
    const cost = a.criteria.find((c) => c.id === 'TS-S2-rdCost');
    expect(sales?.score).toEqual({ min: 10, max: 10 });
    expect(sales?.outcome).toBe('notApplicable');
    expect(cost?.score).toEqual({ min: 40, max: 40 });
    expect(cost?.outcome).toBe('met');
    expect(a.score).toEqual({ min: 90, max: 90 });
  });

  test('TS-08: ≥ 1 Ⅰ类 → 30; Ⅱ类 4 → 24, 3 → 18, 2 → 12, 1 → 6, 0 → 0; disputed IP excluded', () => {
    expect([techSmeIpPoints(1, 0), techSmeIpPoints(0, 5), techSmeIpPoints(0, 4)]).toEqual([
      30, 24, 24,
    ]);
    expect([3, 2, 1, 0].map((n) => techSmeIpPoints(0, n))).toEqual([18, 12, 6, 0]);
    const a = run((x) => {
      for (const i of x.ip ?? []) i.disputed = true;
    });
    expect(a.criteria.find((c) => c.id === 'TS-S3-ip')?.score).toEqual({ min: 0, max: 0 });
  });

  test('TS-09: 0 + 50 + 30 = 80 fails because the S&T-staff score is 0', () => {
    const a = run((x) => {
      const y = yearOf(x, 2024);
      y.stStaff = 9;
      y.rdExpense = 720; // 6 % of 12,000 → 50
      y.rdExpenseDomestic = 720;
      y.rdExpenseByCategory = { personnel: 720 };
    });
    expect(a.score).toEqual({ min: 80, max: 80 });
    const score = a.criteria.find((c) => c.id === 'TS-C5-score');
    expect(score?.outcome).toBe('unmet');
    expect(score?.gap?.text.zh).toContain('科技人员指标得 0 分');
    expect(a.outcome).toBe('fail');
  });

  test('TS-09: exactly 60 with a non-zero staff score passes; 58 fails by 2 points', () => {
    const um = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `UM${i}`,
        type: 'utilityModel' as const,
        acquisition: 'ownRd' as const,
        grantDate: '2021-01-01',
      }));
    const withScore = (st: number, utilityModels: number) =>
      run((x) => {
        const y = yearOf(x, 2024);
        y.stStaff = st;
        y.rdExpense = 480; // 4 % of 12,000 → 30
        y.rdExpenseDomestic = 480;
        y.rdExpenseByCategory = { personnel: 480 };
        y.totalCost = 100_000; // the cost option scores 0
        x.ip = um(utilityModels);
      });
    const at = withScore(20, 3); // 12 + 30 + 18
    expect(at.score).toEqual({ min: 60, max: 60 });
    expect(at.outcome).toBe('pass');
    const below = withScore(25, 2); // 16 + 30 + 12
    expect(below.score).toEqual({ min: 58, max: 58 });
    expect(below.outcome).toBe('fail');
    expect(below.criteria.find((c) => c.id === 'TS-C5-route')?.gap?.amount).toBe(2);
  });
});

describe('TS-10 direct routes (base conditions still required)', () => {
  const weak = (x: ProfileInput) => {
    yearOf(x, 2024).stStaff = 5; // staff score 0 → the score route fails
  };
  test('TS-10: a valid 高企 certificate passes despite the score', () => {
    const a = run((x) => {
      weak(x);
      x.qualifications?.push({
        kind: 'highTechEnterprise',
        number: 'GR202350001234',
        issueDate: '2023-11-01',
      });
    });
    expect(a.criteria.find((c) => c.id === 'TS-D1-highTech')?.outcome).toBe('met');
    expect(a.criteria.find((c) => c.id === 'TS-C5-route')?.outcome).toBe('met');
    expect(a.outcome).toBe('pass');
  });

  test('TS-10: national award top 3 within 5 years → met; rank 4 or 6 years ago → not', () => {
    const award = (rank: number, date: string) =>
      run((x) => {
        weak(x);
        x.awards = [{ level: 'national', rank, date }];
      }).criteria.find((c) => c.id === 'TS-D2-award')?.outcome;
    expect(award(3, '2020-06-02')).toBe('met');
    expect(award(4, '2023-01-01')).toBe('notApplicable');
    expect(award(1, '2020-06-01')).toBe('notApplicable');
  });

  test('TS-10: provincial R&D institution → met; municipal → not', () => {
    const inst = (level: 'provincial' | 'municipal') =>
      run((x) => {
        weak(x);
        x.rdInstitutions = [{ level, recognisedOn: '2022-01-01' }];
      }).outcome;
    expect(inst('provincial')).toBe('pass');
    expect(inst('municipal')).toBe('fail');
  });

  test('TS-10: led a national standard (drafter 5 of the first five) → met; 6th → not', () => {
    const std = (rank: number) =>
      run((x) => {
        weak(x);
        x.standards = [{ level: 'national', publishedOn: '2023-01-01', draftingRank: rank }];
      }).outcome;
    expect(std(5)).toBe('pass');
    expect(std(6)).toBe('fail');
  });

  test('TS-10: a direct route does not override a failed base condition', () => {
    const a = run((x) => {
      x.qualifications?.push({
        kind: 'highTechEnterprise',
        number: 'GR202350001234',
        issueDate: '2023-11-01',
      });
      yearOf(x, 2024).totalStaff = 600;
      yearOf(x, 2024).stStaff = 100;
    });
    expect(a.outcome).toBe('fail');
  });
});

describe('TS-13 / TS-14', () => {
  test('TS-13: fraud within 3 years bars the firm; a revoked registration bars it for the year', () => {
    expect(
      outcomeOf(
        'TS-C4-barred',
        (x) => (x.incidents = [{ kind: 'seriousFraud', date: '2022-06-02' }]),
      ),
    ).toBe('unmet');
    expect(
      outcomeOf(
        'TS-C4-barred',
        (x) => (x.incidents = [{ kind: 'seriousFraud', date: '2022-06-01' }]),
      ),
    ).toBe('met');
    expect(
      outcomeOf('TS-C4-barred', (x) => {
        x.qualifications = [
          {
            kind: 'techSme',
            number: '20255001120A000001',
            issueDate: '2025-02-01',
            evaluationYear: 2025,
            status: 'revoked',
            revokedOn: '2025-04-01',
          },
        ];
      }),
    ).toBe('unmet');
  });

  test('TS-14: on-site-check triggers (first-time applicant, ≤ 5 staff) → needsReview, not unmet', () => {
    const first = assess(makeProfile(), RULES, { asOf: AS_OF });
    const c = first.criteria.find((x) => x.id === 'TS-C6-onSiteCheck');
    expect(c?.outcome).toBe('needsReview');
    expect(c?.detail.zh).toContain('首次申报');
    expect(first.outcome).toBe('needsReview');
    const tiny = run((x) => {
      const y = yearOf(x, 2024);
      y.totalStaff = 5;
      y.stStaff = 2;
    });
    expect(tiny.criteria.find((x) => x.id === 'TS-C6-onSiteCheck')?.outcome).toBe('needsReview');
    expect(tiny.outcome).toBe('needsReview');
  });
});
