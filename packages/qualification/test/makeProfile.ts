/**
 * A synthetic profile that passes the 高企 rules on {@link AS_OF} with room to spare (score 83),
 * for tests that change one fact at a time. All figures are invented (万元).
 */
import { type Profile, type ProfileInput, parseProfile } from '../src/profile.ts';

/** The assessment date of the baseline: the application year is 2025, data years 2022–2024. */
export const AS_OF = '2025-06-01';

type YearInput = ProfileInput['years'][number];

function year(
  y: number,
  sales: number,
  rd: number,
  netAssets: number,
  extra: Partial<YearInput> = {},
): YearInput {
  return {
    year: y,
    salesRevenue: sales,
    mainBusinessRevenue: sales * 0.9,
    totalRevenue: sales + 100,
    nonTaxableRevenue: 100,
    highTechProductRevenue: sales * 0.75,
    rdExpense: rd,
    rdExpenseDomestic: rd * 0.9,
    rdExpenseByCategory: { personnel: rd * 0.6, directInputs: rd * 0.3, other: rd * 0.1 },
    totalCost: sales * 0.8,
    totalStaff: 100,
    stStaff: 30,
    rdStaff: 25,
    totalAssets: netAssets * 2,
    totalLiabilities: netAssets,
    netProfit: sales * 0.09,
    conversions: 5,
    ...extra,
  };
}

/** The baseline profile as JSON input (a fresh object on every call). */
export function baseInput(): ProfileInput {
  return {
    note: '合成测试数据 / synthetic test data',
    uscc: '91500112MA5U00011J',
    name: '测试科技有限公司',
    registrationDate: '2018-03-01',
    region: '500112',
    highTechField: '101',
    industryCode: 'I6513',
    size: 'small',
    taxation: { residentEnterprise: true, auditCollection: true, soundAccounting: true },
    industryFlags: { restrictedOrEliminated: false, strategicEmerging: true },
    years: [
      year(2022, 8000, 500, 3000),
      year(2023, 10000, 600, 4000),
      year(2024, 12000, 700, 5400, { conversions: 6 }),
    ],
    ip: [
      { id: 'ZL202010000001.1', type: 'invention', acquisition: 'ownRd', grantDate: '2021-05-01' },
      { id: 'ZL202010000002.X', type: 'invention', acquisition: 'ownRd', grantDate: '2022-05-01' },
    ],
    expert: {
      ipCoreSupport: true,
      fieldFit: true,
      technologyAdvancement: 7,
      coreSupport: 7,
      ipCount: 8,
      ipAcquisition: 5,
      conversions: 27,
      rdManagement: [5, 5, 3, 3],
      netAssetGrowth: 8,
      salesGrowth: 5,
    },
    incidentScreening: true,
  };
}

/** The baseline, changed by `edit`, parsed. */
export function makeProfile(edit?: (p: ProfileInput) => void): Profile {
  const input = baseInput();
  edit?.(input);
  return parseProfile(input);
}

/** The figures of one year of an input, for edits. */
export function yearOf(p: ProfileInput, y: number): YearInput {
  const found = p.years.find((x) => x.year === y);
  if (!found) throw new Error(`no year ${y}`);
  return found;
}

/** Sets a year's R&D: total, all as personnel costs, 90 % domestic. */
export function setRd(y: YearInput, rd: number): YearInput {
  y.rdExpense = rd;
  y.rdExpenseDomestic = rd * 0.9;
  y.rdExpenseByCategory = { personnel: rd };
  return y;
}
