import { describe, expect, test } from 'vitest';
import { AS_OF, makeProfile, setRd, yearOf } from '../test/makeProfile.ts';
import { assess } from './assess.ts';
import { countsAsStaff, monthlyHeadcountAverage } from './headcount.ts';
import {
  conversionTier,
  growthRate,
  growthTier,
  highTechEnterpriseRuleSet,
  highTechRdOfYear,
  ipCountTier,
  rdThresholdFor,
} from './highTechEnterprise.ts';
import type { Profile } from './profile.ts';
import type { CriterionResult } from './types.ts';

const RULES = highTechEnterpriseRuleSet();

function run(profile: Profile, asOf = AS_OF) {
  return assess(profile, RULES, { asOf });
}
function criterion(profile: Profile, id: string, asOf = AS_OF): CriterionResult {
  const c = run(profile, asOf).criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no criterion ${id}`);
  return c;
}

describe('the baseline profile', () => {
  test('passes with score 83 and no expert item open', () => {
    const a = run(makeProfile());
    expect(a.outcome).toBe('pass');
    expect(a.score).toEqual({ min: 83, max: 83 });
    expect(a.needsExpert).toEqual([]);
    expect(a.totalGap).toBe(0);
  });
});

describe('HT-01 registration ≥ 365 days; accidents within the 365 days before applying', () => {
  test('HT-01: 365 days → met, 364 days → unmet with the date it becomes eligible', () => {
    const p = makeProfile((x) => {
      x.registrationDate = '2024-06-01';
    });
    expect(criterion(p, 'HT-C1-registered', '2025-06-01').outcome).toBe('met');
    const c = criterion(p, 'HT-C1-registered', '2025-05-31');
    expect(c.outcome).toBe('unmet');
    expect(c.value).toBe(364);
    expect(c.gap?.amount).toBe(1);
    expect(c.gap?.text.zh).toContain('2025-06-01');
  });

  test('HT-01: an accident 365 days before the application → unmet; 366 days before → met', () => {
    const within = makeProfile((x) => {
      x.incidents = [{ kind: 'majorSafetyAccident', date: '2024-06-01' }];
    });
    expect(criterion(within, 'HT-C8-incidents').outcome).toBe('unmet');
    const outside = makeProfile((x) => {
      x.incidents = [{ kind: 'majorSafetyAccident', date: '2024-05-31' }];
    });
    expect(criterion(outside, 'HT-C8-incidents').outcome).toBe('met');
  });

  test('HT-01: no incident but records not checked → needsReview', () => {
    const p = makeProfile((x) => {
      x.incidentScreening = false;
    });
    expect(criterion(p, 'HT-C8-incidents').outcome).toBe('needsReview');
  });
});

describe('HT-02 IP owned; core support is expert judgement', () => {
  test('HT-02: no valid IP → unmet; a trademark or a lapsed patent does not count', () => {
    const p = makeProfile((x) => {
      x.ip = [
        { id: 'TM1', type: 'trademark', acquisition: 'ownRd', grantDate: '2020-01-01' },
        {
          id: 'ZL1',
          type: 'invention',
          acquisition: 'ownRd',
          grantDate: '2020-01-01',
          expiryDate: '2025-01-01',
        },
      ];
    });
    const c = criterion(p, 'HT-C2-ip');
    expect(c.outcome).toBe('unmet');
    expect(c.value).toBe(0);
  });

  test('HT-02: ≥ 1 IP without an expert opinion → needsReview and needsExpert', () => {
    const p = makeProfile((x) => {
      x.expert = {};
    });
    const c = criterion(p, 'HT-C2-ip');
    expect(c.outcome).toBe('needsReview');
    expect(c.needsExpert).toBe(true);
  });

  test('HT-02: an IP granted after the application date does not count', () => {
    const p = makeProfile((x) => {
      x.ip = [{ id: 'ZL1', type: 'invention', acquisition: 'ownRd', grantDate: '2025-06-02' }];
    });
    expect(criterion(p, 'HT-C2-ip').outcome).toBe('unmet');
  });
});

describe('HT-04 S&T staff ≥ 10 % (annual monthly averages, 183 days)', () => {
  test('HT-04: 10 / 100 → met; 9.99 / 100 → unmet with the staff to add', () => {
    const at = makeProfile((x) => {
      yearOf(x, 2024).stStaff = 10;
    });
    expect(criterion(at, 'HT-C4-stStaff').outcome).toBe('met');
    const below = makeProfile((x) => {
      yearOf(x, 2024).stStaff = 9.99;
    });
    const c = criterion(below, 'HT-C4-stStaff');
    expect(c.outcome).toBe('unmet');
    // (10 − 9.99) / 0.9 → 1 more person (who also raises the total)
    expect(c.gap?.amount).toBe(1);
  });

  test('HT-04: the annual average of (start + end) / 2 over the months operated', () => {
    const months = Array.from({ length: 12 }, (_, i) => ({ start: 10 + i, end: 11 + i }));
    // Σ (10.5 … 21.5) / 12 = 16
    expect(monthlyHeadcountAverage(months)).toBe(16);
    // opened in July: 6 operating months count as the year
    expect(monthlyHeadcountAverage(months.slice(6))).toBe(19);
  });

  test('HT-04: staff with < 183 days are excluded; in-post staff count toward the total', () => {
    expect(countsAsStaff({ inPost: false, daysWorked: 183 }, 'highTechSt')).toBe(true);
    expect(countsAsStaff({ inPost: true, daysWorked: 182 }, 'highTechSt')).toBe(false);
    expect(countsAsStaff({ inPost: true, daysWorked: 30 }, 'highTechTotal')).toBe(true);
    expect(countsAsStaff({ inPost: false, daysWorked: 182 }, 'highTechTotal')).toBe(false);
  });
});

describe('HT-05 / HT-06 R&D ratio', () => {
  test('HT-05: 5000万 exactly → 5%; 5000万 + 1 yuan → 4%; 2亿 → 4%; 2亿 + 1 yuan → 3%', () => {
    expect(rdThresholdFor(5000)).toBe(0.05);
    expect(rdThresholdFor(5000.0001)).toBe(0.04);
    expect(rdThresholdFor(20000)).toBe(0.04);
    expect(rdThresholdFor(20000.0001)).toBe(0.03);
  });

  test('HT-05: 4.5 % fails when last-year sales are exactly 5000万 and passes at 5000万 + 1 yuan', () => {
    const withSales = (s: number) =>
      makeProfile((x) => {
        x.years = x.years.map((y) => setRd({ ...y, salesRevenue: s }, 225));
      });
    expect(criterion(withSales(5000), 'HT-C5-rdRatio').outcome).toBe('unmet');
    const c = criterion(withSales(5000.0001), 'HT-C5-rdRatio');
    expect(c.outcome).toBe('met');
    expect(c.threshold).toBe(0.04);
  });

  test('HT-05: the ratio at the boundary (5.00 % with S ≤ 5000万) is met', () => {
    const p = makeProfile((x) => {
      x.years = x.years.map((y) => setRd({ ...y, salesRevenue: 3000 }, 150));
    });
    const c = criterion(p, 'HT-C5-rdRatio');
    expect(c.value).toBeCloseTo(0.05, 12);
    expect(c.outcome).toBe('met');
  });

  test('HT-06: the three accounting years before the application year; the application year is ignored', () => {
    const p = makeProfile((x) => {
      x.years.push({ year: 2025, salesRevenue: 1, rdExpense: 0 });
      x.years.push({ year: 2021, salesRevenue: 1_000_000, rdExpense: 0 });
    });
    const c = criterion(p, 'HT-C5-rdRatio');
    expect(c.value).toBeCloseTo(1800 / 30000, 12);
    expect(c.detail.zh).toContain('2022–2024');
  });

  test('HT-06: a firm registered in 2023 uses 2023–2024 only ("三年" becomes "两年")', () => {
    const p = makeProfile((x) => {
      x.registrationDate = '2023-02-01';
      x.years = x.years.filter((y) => y.year >= 2023);
      for (const y of x.years) setRd(y, (y.salesRevenue ?? 0) * 0.03);
    });
    const c = criterion(p, 'HT-C5-rdRatio');
    expect(c.detail.zh).toContain('2023–2024');
    expect(c.outcome).toBe('unmet');
    expect(c.gap?.text.zh).toMatch(/两年合计还需增加研发投入 ¥220 万/);
  });

  test('HT-06: a gap in the user’s terms: 4.8 % of 13,400万 against 5 % → ¥26.8 万 over three years', () => {
    const p = makeProfile((x) => {
      const sales = [4000, 4500, 4900];
      const rd = [200, 215, 228.2];
      x.years = x.years.map((y, i) => setRd({ ...y, salesRevenue: sales[i] }, rd[i] ?? 0));
    });
    const c = criterion(p, 'HT-C5-rdRatio');
    expect(c.outcome).toBe('unmet');
    expect(c.gap?.text.zh).toBe('研发费用占比 4.8%，需达到 5%：三年合计还需增加研发投入 ¥26.8 万');
    expect(c.gap?.amount).toBeCloseTo(26.8, 9);
  });

  test('HT-06: zero sales → unmet with an explanation, not a division by zero', () => {
    const p = makeProfile((x) => {
      for (const y of x.years) y.salesRevenue = 0;
    });
    const c = criterion(p, 'HT-C5-rdRatio');
    expect(c.outcome).toBe('unmet');
    expect(c.detail.zh).toContain('无法计算');
  });

  test('HT-06: R&D not broken down by category passes only as needsReview', () => {
    const p = makeProfile((x) => {
      for (const y of x.years) y.rdExpenseByCategory = undefined;
    });
    const c = criterion(p, 'HT-C5-rdRatio');
    expect(c.outcome).toBe('needsReview');
    expect(c.note?.zh).toContain('80%');
  });
});

describe('HT-07 domestic R&D ≥ 60 %', () => {
  test('HT-07: 60 % → met; 59.9 % → unmet', () => {
    const share = (s: number) =>
      makeProfile((x) => {
        for (const y of x.years) y.rdExpenseDomestic = (y.rdExpense ?? 0) * s;
      });
    expect(criterion(share(0.6), 'HT-C5-domestic').outcome).toBe('met');
    const c = criterion(share(0.599), 'HT-C5-domestic');
    expect(c.outcome).toBe('unmet');
    // (0.6 × 1800 − 1078.2) / 0.4 = 4.5万 of extra domestic R&D
    expect(c.gap?.amount).toBeCloseTo(4.5, 9);
  });
});

describe('HT-08 委托外部 at 80 %, 其他费用 capped at 20 %', () => {
  test('HT-08: 100万 of external R&D counts as 80万', () => {
    const r = highTechRdOfYear({ year: 2024, rdExpenseByCategory: { externalCommissioned: 100 } });
    expect(r.amount).toBe(80);
    expect(r.externalCut).toBeCloseTo(20, 12);
  });

  test('HT-08: other costs at exactly 20 % of the total stay; above it they are cut to 20 %', () => {
    const at = highTechRdOfYear({ year: 2024, rdExpenseByCategory: { personnel: 80, other: 20 } });
    expect(at.amount).toBe(100);
    expect(at.otherCut).toBe(0);
    const over = highTechRdOfYear({
      year: 2024,
      rdExpenseByCategory: { personnel: 80, other: 30 },
    });
    expect(over.amount).toBe(100);
    expect(over.otherCut).toBe(10);
  });

  test('HT-08: the cut can turn a pass into a fail', () => {
    const p = makeProfile((x) => {
      x.years = x.years.map((y) => ({
        ...setRd({ ...y, salesRevenue: 3000 }, 150),
        rdExpenseByCategory: { personnel: 100, externalCommissioned: 50 },
      }));
    });
    const c = criterion(p, 'HT-C5-rdRatio');
    expect(c.value).toBeCloseTo(140 / 3000, 12);
    expect(c.outcome).toBe('unmet');
    expect(c.detail.zh).toContain('委托外部');
  });
});

describe('HT-09 HTPS ≥ 60 % of (收入总额 − 不征税收入), last year only', () => {
  const htps = (product: number, extra: Record<string, number> = {}) =>
    makeProfile((x) => {
      const y = yearOf(x, 2024);
      y.totalRevenue = 10100;
      y.nonTaxableRevenue = 100;
      y.highTechProductRevenue = product;
      y.technicalIncome = extra;
    });

  test('HT-09: 6000 / (10100 − 100) → met; 5999 → unmet', () => {
    expect(criterion(htps(6000), 'HT-C6-htps').outcome).toBe('met');
    const c = criterion(htps(5999), 'HT-C6-htps');
    expect(c.outcome).toBe('unmet');
    expect(c.gap?.amount).toBeCloseTo(1, 9);
  });

  test('HT-09: 技术转让/服务/委托研发 count, 技术承包 does not', () => {
    expect(
      criterion(htps(5000, { transfer: 500, services: 300, commissionedRd: 200 }), 'HT-C6-htps')
        .outcome,
    ).toBe('met');
    const c = criterion(htps(5000, { contracting: 1000 }), 'HT-C6-htps');
    expect(c.outcome).toBe('unmet');
    expect(c.note?.zh).toContain('技术承包');
  });

  test('HT-09: only the last year counts (earlier years at 0 % do not matter)', () => {
    const p = makeProfile((x) => {
      yearOf(x, 2022).highTechProductRevenue = 0;
      yearOf(x, 2023).highTechProductRevenue = 0;
    });
    expect(criterion(p, 'HT-C6-htps').outcome).toBe('met');
  });
});

describe('HT-10 innovation score > 70', () => {
  const withManagement = (m: [number, number, number, number]) =>
    makeProfile((x) => {
      if (x.expert) x.expert.rdManagement = m;
    });
  test('HT-10: 71 → met (pass); 70 → unmet (fail) with 1 point short', () => {
    // baseline 83 with management 16: management 4 → 71, 3 → 70
    const pass = run(withManagement([1, 1, 1, 1]));
    expect(pass.score).toEqual({ min: 71, max: 71 });
    expect(pass.outcome).toBe('pass');
    const fail = run(withManagement([0, 1, 1, 1]));
    expect(fail.score).toEqual({ min: 70, max: 70 });
    expect(fail.outcome).toBe('fail');
    const c = fail.criteria.find((x) => x.id === 'HT-C7-innovation');
    expect(c?.gap?.amount).toBe(1);
  });

  test('HT-10: a range straddling 71 is needsReview; expert items are listed', () => {
    const a = run(
      makeProfile((x) => {
        x.expert = { ipCoreSupport: true, fieldFit: true };
      }),
    );
    expect(a.outcome).toBe('needsReview');
    expect(a.score?.min).toBeLessThan(71);
    expect(a.score?.max).toBeGreaterThanOrEqual(71);
    expect(a.needsExpert).toEqual(
      expect.arrayContaining(['HT-C7a-advancement', 'HT-C7a-coreSupport', 'HT-C7c-systems']),
    );
  });
});

describe('HT-11 … HT-13 知识产权 items', () => {
  test('HT-11: IP count tiers and trademarks ignored', () => {
    expect(ipCountTier(1, 0)).toEqual({ min: 7, max: 8 });
    expect(ipCountTier(0, 5)).toEqual({ min: 5, max: 6 });
    expect(ipCountTier(0, 4)).toEqual({ min: 3, max: 4 });
    expect(ipCountTier(0, 3)).toEqual({ min: 3, max: 4 });
    expect(ipCountTier(0, 2)).toEqual({ min: 1, max: 2 });
    expect(ipCountTier(0, 1)).toEqual({ min: 1, max: 2 });
    expect(ipCountTier(0, 0)).toEqual({ min: 0, max: 0 });
    const p = makeProfile((x) => {
      x.expert = {};
      x.ip = [
        ...Array.from({ length: 4 }, (_, i) => ({
          id: `SR${i}`,
          type: 'softwareCopyright' as const,
          acquisition: 'ownRd' as const,
          grantDate: '2023-01-01',
        })),
        { id: 'TM', type: 'trademark', acquisition: 'ownRd', grantDate: '2023-01-01' },
      ];
    });
    expect(criterion(p, 'HT-C7a-ipCount').score).toEqual({ min: 3, max: 4 });
  });

  test('HT-12: own R&D → [1, 6]; acquired only → [1, 3]; bonus ≤ 2 with the IP subtotal capped at 30', () => {
    const acquired = makeProfile((x) => {
      x.expert = {};
      for (const i of x.ip ?? []) i.acquisition = 'purchase';
    });
    expect(criterion(acquired, 'HT-C7a-acquisition').score).toEqual({ min: 1, max: 3 });
    const own = makeProfile((x) => {
      x.expert = {};
    });
    expect(criterion(own, 'HT-C7a-acquisition').score).toEqual({ min: 1, max: 6 });
    const capped = makeProfile((x) => {
      x.expert = {
        technologyAdvancement: 8,
        coreSupport: 8,
        ipCount: 8,
        ipAcquisition: 6,
        standardsBonus: 2,
      };
      x.standards = [{ level: 'national', publishedOn: '2023-01-01', draftingRank: 2 }];
    });
    expect(criterion(capped, 'HT-C7a-standards').score).toEqual({ min: 2, max: 2 });
    const sub = criterion(capped, 'HT-C7a-ipSubtotal');
    expect(sub.score).toEqual({ min: 30, max: 30 });
    expect(sub.detail.zh).toContain('封顶 30');
  });

  test('HT-13: a Ⅱ类 IP used in an earlier application is not counted again; Ⅰ类 may be reused', () => {
    const p = makeProfile((x) => {
      x.ip = [
        {
          id: 'SR1',
          type: 'softwareCopyright',
          acquisition: 'ownRd',
          grantDate: '2020-01-01',
          usedInEarlierHteApplication: true,
        },
      ];
    });
    expect(criterion(p, 'HT-C2-ip').outcome).toBe('unmet');
    const reused = makeProfile((x) => {
      for (const i of x.ip ?? []) i.usedInEarlierHteApplication = true;
    });
    expect(criterion(reused, 'HT-C2-ip').value).toBe(2);
  });
});

describe('HT-14 成果转化 on the 3-year average', () => {
  test.each([
    [5, 25, 30],
    [4.99, 19, 24],
    [4, 19, 24],
    [3.99, 13, 18],
    [3, 13, 18],
    [2, 7, 12],
    [1.99, 1, 6],
    [1, 1, 6],
    [0.99, 0, 0],
    [0, 0, 0],
  ])('HT-14: average %d → [%d, %d]', (avg, min, max) => {
    expect(conversionTier(avg)).toEqual({ min, max });
  });

  test('HT-14: 4 + 5 + 5 conversions → average 4.67 → [19, 24]', () => {
    const p = makeProfile((x) => {
      x.expert = {};
      yearOf(x, 2022).conversions = 4;
      yearOf(x, 2023).conversions = 5;
      yearOf(x, 2024).conversions = 5;
    });
    const c = criterion(p, 'HT-C7b-conversion');
    expect(c.value).toBeCloseTo(14 / 3, 12);
    expect(c.score).toEqual({ min: 19, max: 24 });
  });
});

describe('HT-15 研发组织管理 (expert → range)', () => {
  test('HT-15: caps 6/6/4/4 → 0–20 with no evidence; all-false evidence → 0; some evidence → 1–cap', () => {
    const none = run(makeProfile((x) => (x.expert = {})));
    const mgmt = none.criteria.filter((c) => c.id.startsWith('HT-C7c'));
    expect(mgmt.map((c) => c.score)).toEqual([
      { min: 0, max: 6 },
      { min: 0, max: 6 },
      { min: 0, max: 4 },
      { min: 0, max: 4 },
    ]);
    expect(mgmt.every((c) => c.needsExpert && c.outcome === 'needsReview')).toBe(true);
    const some = makeProfile((x) => {
      x.expert = {};
      x.rdManagement = {
        systems: { managementSystem: true, costAccounting: false },
        organisation: {
          internalRdOrganisation: false,
          researchConditions: false,
          industryUniversityCooperation: false,
        },
      };
    });
    expect(criterion(some, 'HT-C7c-systems').score).toEqual({ min: 1, max: 6 });
    expect(criterion(some, 'HT-C7c-organisation').score).toEqual({ min: 0, max: 0 });
  });

  test('HT-15: an expert point outside the item cap is rejected by the schema', () => {
    expect(() => makeProfile((x) => (x.expert = { rdManagement: [7, 0, 0, 0] }))).toThrow();
  });
});

describe('HT-16 … HT-20 成长性', () => {
  test('HT-16: ½(X2/X1 + X3/X2) − 1: 100 → 120 → 150 gives 22.5 %', () => {
    expect(growthRate([100, 120, 150]).rate).toBeCloseTo(0.225, 12);
  });

  test.each([
    [0.35, 9, 10],
    [0.3499, 7, 8],
    [0.25, 7, 8],
    [0.15, 5, 6],
    [0.1499, 3, 4],
    [0.05, 3, 4],
    [0.0499, 1, 2],
    [0.0001, 1, 2],
    [0, 0, 0],
    [-0.1, 0, 0],
  ])('HT-17: growth %d → [%d, %d]', (g, min, max) => {
    expect(growthTier(g)).toEqual({ min, max });
  });

  test('HT-18: X1 = 0 → X3/X2 − 1; X2 = 0 → 0 points; negative growth → 0 points', () => {
    const x1 = growthRate([0, 100, 140]);
    expect(x1.rate).toBeCloseTo(0.4, 12);
    expect(x1.score).toEqual({ min: 9, max: 10 });
    const x2 = growthRate([100, 0, 140]);
    expect(x2.rate).toBeNull();
    expect(x2.score).toEqual({ min: 0, max: 0 });
    const neg = growthRate([100, 90, 80]);
    expect(neg.rate).toBeLessThan(0);
    expect(neg.score).toEqual({ min: 0, max: 0 });
  });

  test('HT-19: two years → X2/X1 − 1; one year → 0 with a ⚠ note', () => {
    expect(growthRate([100, 110]).rate).toBeCloseTo(0.1, 12);
    expect(growthRate([100, 110]).score).toEqual({ min: 3, max: 4 });
    const one = growthRate([100]);
    expect(one.score).toEqual({ min: 0, max: 0 });
    expect(one.note?.zh).toContain('⚠');
  });

  test('HT-19: a young firm with two years is scored on X2/X1 − 1 in the assessment', () => {
    const p = makeProfile((x) => {
      x.registrationDate = '2023-01-10';
      x.years = x.years.filter((y) => y.year >= 2023);
      x.expert = {};
    });
    const c = criterion(p, 'HT-C7d-salesGrowth');
    expect(c.value).toBeCloseTo(0.2, 12);
    expect(c.score).toEqual({ min: 5, max: 6 });
  });

  test('HT-20: negative net assets → 0 points, needsReview, both readings shown', () => {
    const g = growthRate([-100, 50, 100]);
    expect(g.score).toEqual({ min: 0, max: 0 });
    expect(g.review).toBe(true);
    expect(g.readings).toHaveLength(2);
    // absolute value: ½(50/100 + 100/50) − 1 = 0.25
    expect(g.readings?.[0]?.value).toBeCloseTo(0.25, 12);
    expect(g.readings?.[0]?.score).toEqual({ min: 7, max: 8 });
    // treated as 0: X1 = 0 → X3/X2 − 1 = 1
    expect(g.readings?.[1]?.value).toBeCloseTo(1, 12);
    const p = makeProfile((x) => {
      yearOf(x, 2022).netAssets = -100;
    });
    const c = criterion(p, 'HT-C7d-netAssetGrowth');
    expect(c.outcome).toBe('needsReview');
    expect(c.readings).toHaveLength(2);
    expect(c.score).toEqual({ min: 0, max: 0 });
  });
});
