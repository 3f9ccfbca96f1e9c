/**
 * Generate Kechuang's Chongqing demo data set (data/demo/), in COINr's iMeta/iData conventions:
 *
 * - chongqing-iMeta.csv    the demo framework (a reduced form of chongqing-district-2023)
 * - chongqing-iData.csv    38 区县 + the city (reference unit) × 2019–2023
 * - chongqing-sources.csv  one row per value: real (with URL) or synthetic (with generator + seed)
 * - chongqing-spec.json    the pipeline the demo runs
 *
 * Real published figures (GDP and census population by 区县, city S&T totals, a few district
 * values) come from shared/reference/chongqing.md and carry their URL. Everything else is
 * SYNTHETIC: drawn from a seeded PRNG (mulberry32), scaled by district GDP/population, shaped
 * by the published 2022 tier lists (so 中心城区 are stronger), trending over the years, and
 * calibrated so that district totals add up to the published city totals and group aggregates
 * where those exist. Synthetic values are illustrative only; never publish them as facts.
 *
 * Deterministic: no clock, no locale, fixed iteration order.
 * Run: npx tsx scripts/generateDemoData.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './seededRandom.ts';

const SEED = 20231220;
const YEARS = [2019, 2020, 2021, 2022, 2023] as const;
type Year = (typeof YEARS)[number];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'data', 'demo');
const FRAMEWORK_FILE = join(ROOT, 'data', 'frameworks', 'chongqing-district-2023.json');
const GENERATOR = `generator:scripts/generateDemoData.ts seed=${SEED}`;

// ---------------------------------------------------------------------------------------------
// Sources (URLs as given in shared/reference/chongqing.md; mostly reposts, see data/demo/README.md)
// ---------------------------------------------------------------------------------------------

const SRC = {
  gdpDistricts: 'https://maigoo.com/news/661116.html',
  gdpCity2022: 'https://cq.gov.cn/zwgk/zfxxgkml/sjfb_120853/tjgb/202303/t20230320_11785098.html',
  gdpCity2023:
    'https://cq.gov.cn/zwgk/zfxxgkml/zdlyxxgk/ghjh/gmjjhshfzjh/202402/t20240229_12972925.html',
  census2020: 'https://smilingsouls.net/zh/population_313235',
  pop2021: 'http://m.xyx234.com/dadabdcv/bdcbvcrvb',
  popFuling2022: 'http://sjzyihang.com/forum.php?extra=page%3D147&mod=viewthread&tid=74757',
  popCity: 'http://s.www.hbzqbyyxgs.com/news/702935.html',
  rd2020: 'http://liaoningxiaochi.com/n2/2021/1012/c365402-34951546.html',
  rd2021: 'http://www.dddwg.com/article/13780.html',
  city2021b: 'http://bbs.jdcq.net/forum.php?goto=nextoldset&mod=redirect&tid=5651232',
  rd2022: 'http://m.gardenoffriendship.org/Article/ShowArticle.asp?ArticleID=26727',
  cqnews2022:
    'https://news.cqnews.net/1/detail/1091312366563893248/web/content_1091312366563893248.html',
  tjfz2022: 'http://tjfz.org.cn/show-6751.html',
  fuling2020: 'http://fl.gov.cn/zfxxgk_206/fdzdgknr/ghxx/zxgh/202112/t20211231_10268475.html',
  dadukou2020:
    'https://www.ddk.gov.cn/zwgk_271/zfxxgk/fdzdgknr/ghxx/zxgh/202111/t20211123_10014506.html',
  index2023: 'http://www.te-ch.tech/news/show-323196.html',
  groups2020: 'https://lingla.com/jingyan/shenghuo/11487_2.html',
  groups2024: 'https://jrcq.cn/Release/txtlist_i33646v.html',
  codes: 'https://github.com/modood/Administrative-divisions-of-China',
  doublePlan: 'https://www.cqqiye.cn/cqqiye/vip_doc/27454472.html',
  predecessor: 'https://www.renrendoc.com/paper/215569296.html',
} as const;

// ---------------------------------------------------------------------------------------------
// Seeded PRNG
// ---------------------------------------------------------------------------------------------

const uniform = mulberry32(SEED);

/** Standard normal draw (Box–Muller, one value per call). */
function normal(): number {
  const u = 1 - uniform();
  const v = uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

// ---------------------------------------------------------------------------------------------
// Units: the 38 区县 as of 2024 (before the Nov 2025 两江新区 reform), GB/T 2260 codes
// ---------------------------------------------------------------------------------------------

type Area = '中心城区' | '主城新区' | '渝东北' | '渝东南';

type UnitDef = {
  code: string;
  zh: string;
  en: string;
  /** 一区两群 group as fixed in 2020 (see areaOf for dated changes). */
  area: Area;
  /** Latent innovation strength (illustrative). */
  strength: number;
  /** 2020 census population in persons (real) or null (synthetic estimate below). */
  census: number | null;
  /** Synthetic 2020 population (万人) for units without a census figure in our notes. */
  popEstimate?: number;
  /** Real GDP 2019–2022 (亿元), or null. */
  gdp: [number, number, number, number] | null;
  /** Synthetic relative GDP size (亿元, about 2022) for units without a published figure. */
  gdpEstimate?: number;
  /** Illustrative energy-intensity bump (heavy industry), log scale. */
  energyBump?: number;
};

// Columns: code, name, English name, 一区两群 group (2020), latent strength, 2020 census
// population (persons; null = not in our notes), synthetic estimates for figures missing from our
// notes (pop: 2020 population in 万人; gdp: relative size, about 2022 GDP in 亿元).
// GDP: SRC.gdpDistricts (a compilation; 渝中/江北 2022 unverified). Census: SRC.census2020 (a
// repost). Strength is illustrative, ordered by the published 2023-edition tiers (data year 2022;
// chongqing.md §2.2): 第一梯队 high, 第三梯队 low.
type UnitRow = [
  code: string,
  zh: string,
  en: string,
  area: Area,
  strength: number,
  census: number | null,
  estimate?: { pop?: number; gdp?: number },
];

const UNIT_ROWS: UnitRow[] = [
  ['500101', '万州区', 'Wanzhou District', '渝东北', 0.1, 1564449],
  ['500102', '涪陵区', 'Fuling District', '主城新区', 0.5, 1115016],
  ['500103', '渝中区', 'Yuzhong District', '中心城区', 0.5, 588717],
  ['500104', '大渡口区', 'Dadukou District', '中心城区', 0.95, 421904, { gdp: 290 }],
  ['500105', '江北区', 'Jiangbei District', '中心城区', 1.0, 925800],
  ['500106', '沙坪坝区', 'Shapingba District', '中心城区', 0.85, 1477345],
  ['500107', '九龙坡区', 'Jiulongpo District', '中心城区', 1.1, 1526821],
  ['500108', '南岸区', "Nan'an District", '中心城区', 1.0, 1197639],
  ['500109', '北碚区', 'Beibei District', '中心城区', 1.2, 834887],
  ['500110', '綦江区', 'Qijiang District', '主城新区', 0.15, 1011334],
  ['500111', '大足区', 'Dazu District', '主城新区', 0.3, 834592],
  ['500112', '渝北区', 'Yubei District', '中心城区', 1.2, 2191493],
  ['500113', '巴南区', 'Banan District', '中心城区', 0.8, 1178856],
  ['500114', '黔江区', 'Qianjiang District', '渝东南', -0.35, 487281, { gdp: 270 }],
  ['500115', '长寿区', 'Changshou District', '主城新区', 0.45, 692960],
  ['500116', '江津区', 'Jiangjin District', '主城新区', 0.4, 1359611],
  ['500117', '合川区', 'Hechuan District', '主城新区', 0.2, 1245294],
  ['500118', '永川区', 'Yongchuan District', '主城新区', 0.45, 1148896],
  ['500119', '南川区', 'Nanchuan District', '主城新区', 0.0, 572362, { gdp: 380 }],
  ['500120', '璧山区', 'Bishan District', '主城新区', 0.8, 756022],
  ['500151', '铜梁区', 'Tongliang District', '主城新区', 0.35, 685729],
  ['500152', '潼南区', 'Tongnan District', '主城新区', 0.1, 688115],
  ['500153', '荣昌区', 'Rongchang District', '主城新区', 0.7, 668977],
  ['500154', '开州区', 'Kaizhou District', '渝东北', -0.2, 1203306],
  ['500155', '梁平区', 'Liangping District', '渝东北', -0.2, 645315],
  ['500156', '武隆区', 'Wulong District', '渝东南', -0.6, 356748, { gdp: 250 }],
  ['500229', '城口县', 'Chengkou County', '渝东北', -0.85, null, { pop: 19.9, gdp: 60 }],
  ['500230', '丰都县', 'Fengdu County', '渝东北', -0.65, null, { pop: 55.7, gdp: 360 }],
  ['500231', '垫江县', 'Dianjiang County', '渝东北', -0.25, null, { pop: 65.5, gdp: 570 }],
  ['500233', '忠县', 'Zhong County', '渝东北', -0.3, null, { pop: 72.1, gdp: 520 }],
  ['500235', '云阳县', 'Yunyang County', '渝东北', -0.6, null, { pop: 92.9, gdp: 540 }],
  ['500236', '奉节县', 'Fengjie County', '渝东北', -0.35, null, { pop: 74.5, gdp: 410 }],
  ['500237', '巫山县', 'Wushan County', '渝东北', -0.7, null, { pop: 46.2, gdp: 210 }],
  ['500238', '巫溪县', 'Wuxi County', '渝东北', -0.45, null, { pop: 38.8, gdp: 130 }],
  [
    '500240',
    '石柱土家族自治县',
    'Shizhu Tujia Autonomous County',
    '渝东南',
    -0.3,
    null,
    { pop: 38.9, gdp: 200 },
  ],
  [
    '500241',
    '秀山土家族苗族自治县',
    'Xiushan Tujia and Miao Autonomous County',
    '渝东南',
    -0.3,
    null,
    { pop: 48.6, gdp: 300 },
  ],
  [
    '500242',
    '酉阳土家族苗族自治县',
    'Youyang Tujia and Miao Autonomous County',
    '渝东南',
    -0.8,
    null,
    { pop: 61.0, gdp: 230 },
  ],
  [
    '500243',
    '彭水苗族土家族自治县',
    'Pengshui Miao and Tujia Autonomous County',
    '渝东南',
    -0.75,
    null,
    { pop: 49.5, gdp: 200 },
  ],
];

/** Real GDP 2019, 2020, 2021, 2022 (亿元) of 22 区县 (SRC.gdpDistricts). */
const GDP_REAL: Record<string, [number, number, number, number]> = {
  '500101': [920.91, 970.68, 1087.94, 1118.43],
  '500102': [1151.79, 1221.01, 1402.74, 1504.37],
  '500103': [1291.6, 1357.6, 1517.7, 1602.76],
  '500105': [1240.07, 1325.4, 1507.07, 1560.91],
  '500106': [976.8, 1013.9, 1058.3, 1106.73],
  '500107': [1462.88, 1533.16, 1736.38, 1763.94],
  '500108': [770.58, 813.25, 880.98, 922.13],
  '500109': [599.44, 641.59, 717.87, 742.01],
  '500110': [682.73, 714.27, 742.33, 770.79],
  '500111': [645.83, 700.54, 800.3, 817.21],
  '500112': [1908.74, 2002.34, 2235.61, 2297.11],
  '500113': [874.8, 865.5, 963.4, 1000.28],
  '500115': [690.65, 741.08, 866.26, 918.63],
  '500116': [1036.74, 1114.23, 1257.96, 1330.02],
  '500117': [915.37, 940.82, 973.88, 1021.99],
  '500118': [955.67, 1012.35, 1144.17, 1202.84],
  '500120': [681.0, 747.1, 874.5, 920.95],
  '500151': [616.56, 629.99, 704.5, 733.63],
  '500152': [441.46, 476.78, 539.35, 558.51],
  '500153': [655.77, 716.32, 813.47, 817.3],
  '500154': [500.73, 530.94, 600.27, 662.03],
  '500155': [464.15, 493.24, 549.44, 577.16],
};

const ENERGY_BUMP: Record<string, number> = {
  '500102': 0.5,
  '500103': -0.4,
  '500110': 0.4,
  '500115': 0.8,
  '500119': 0.2,
  '500240': 0.2,
};

const UNITS: UnitDef[] = UNIT_ROWS.map(([code, zh, en, area, strength, census, est]) => ({
  code,
  zh,
  en,
  area,
  strength,
  census,
  popEstimate: est?.pop,
  gdp: GDP_REAL[code] ?? null,
  gdpEstimate: est?.gdp,
  energyBump: ENERGY_BUMP[code],
}));

const CITY = { code: '500000', zh: '重庆市', en: 'Chongqing Municipality' } as const;

/**
 * Dated group changes after the 2020 一区两群 baseline. 垫江 joined 主城都市区 on 2024-02-21
 * (国土空间总体规划; SRC.groups2024); mapping it to the 主城新区 label is an inference, and whether
 * statistical series moved it is unverified. Not reached by YEARS (2019–2023), kept so that
 * extending the years applies it.
 */
const AREA_CHANGES: { code: string; fromYear: number; area: Area }[] = [
  { code: '500231', fromYear: 2024, area: '主城新区' },
];

/**
 * Area group of a unit in a data year. 一区两群 dates from 2020; data year 2019 is also given
 * the 2020 grouping (the reports on 2019 data were published in late 2020): an assumption.
 */
function areaOf(unit: UnitDef, year: number): Area {
  let area = unit.area;
  for (const change of AREA_CHANGES) {
    if (change.code === unit.code && year >= change.fromYear) area = change.area;
  }
  return area;
}

// ---------------------------------------------------------------------------------------------
// Value store: every generated number with its provenance
// ---------------------------------------------------------------------------------------------

type Cell = { value: number; real: boolean; source: string };
/** key: `${unitCode}|${year}|${column}` */
const cells = new Map<string, Cell>();
const key = (unit: string, year: number, column: string): string => `${unit}|${year}|${column}`;

function setCell(unit: string, year: number, column: string, value: number, source?: string): void {
  if (!Number.isFinite(value)) throw new Error(`non-finite value for ${key(unit, year, column)}`);
  cells.set(key(unit, year, column), {
    value,
    real: source !== undefined,
    source: source ?? GENERATOR,
  });
}

function getValue(unit: string, year: number, column: string): number {
  const cell = cells.get(key(unit, year, column));
  if (!cell) throw new Error(`missing value ${key(unit, year, column)}`);
  return cell.value;
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/**
 * Round `values` to `decimals` so that they add up to `total` (largest-remainder method);
 * entries flagged in `fixed` are kept as they are.
 */
function roundToTotal(
  values: readonly number[],
  decimals: number,
  total: number,
  fixed: readonly boolean[],
): number[] {
  const f = 10 ** decimals;
  const floors = values.map((v, i) => (fixed[i] ? v : Math.floor(v * f) / f));
  let remaining = Math.round((total - sum(floors)) * f);
  const order = values
    .map((v, i) => ({ i, rem: fixed[i] ? -1 : v * f - Math.floor(v * f) }))
    .filter((e) => e.rem >= 0)
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  const out = [...floors];
  for (let k = 0; remaining !== 0 && order.length > 0; k++) {
    const e = order[k % order.length];
    if (!e) break;
    const step = remaining > 0 ? 1 : -1;
    out[e.i] = round((out[e.i] ?? 0) + step / f, decimals);
    remaining -= step;
  }
  return out;
}

/** Scale the non-fixed entries so that the whole vector adds up to `total`. */
function scaleToTotal(
  values: readonly number[],
  total: number,
  fixed: readonly boolean[],
): number[] {
  const fixedSum = sum(values.filter((_, i) => fixed[i]));
  const freeSum = sum(values.filter((_, i) => !fixed[i]));
  const k = (total - fixedSum) / freeSum;
  if (!(k > 0)) throw new Error(`cannot scale to total ${total}`);
  return values.map((v, i) => (fixed[i] ? v : v * k));
}

const yearIndex = (year: Year): number => YEARS.indexOf(year);

// ---------------------------------------------------------------------------------------------
// Denominators: population (万人) and GDP (亿元)
// ---------------------------------------------------------------------------------------------

const POP_GROWTH: Record<Area, number> = {
  中心城区: 0.009,
  主城新区: 0.002,
  渝东北: -0.007,
  渝东南: -0.006,
};

/** Published city resident population (万人), end of year (SRC.popCity). */
const CITY_POP: Partial<Record<Year, number>> = { 2022: 3213.34, 2023: 3191.43 };

/** Real district population overrides (万人). */
const POP_REAL: { code: string; year: Year; value: number; source: string }[] = [
  { code: '500112', year: 2021, value: 220.58, source: SRC.pop2021 },
  { code: '500229', year: 2021, value: 19.8, source: SRC.pop2021 },
  { code: '500102', year: 2022, value: 111.52, source: SRC.popFuling2022 },
];

function generatePopulation(): void {
  const growth = UNITS.map((u) => POP_GROWTH[u.area] + 0.002 * normal());
  for (const year of YEARS) {
    const values: number[] = [];
    const fixed: boolean[] = [];
    const sources: (string | undefined)[] = [];
    UNITS.forEach((u, i) => {
      const real = POP_REAL.find((r) => r.code === u.code && r.year === year);
      if (real) {
        values.push(real.value);
        fixed.push(true);
        sources.push(real.source);
      } else if (year === 2020 && u.census !== null) {
        values.push(u.census / 10000);
        fixed.push(true);
        sources.push(SRC.census2020);
      } else {
        const base = u.census !== null ? u.census / 10000 : (u.popEstimate ?? 0);
        values.push(base * (1 + (growth[i] ?? 0)) ** (year - 2020));
        fixed.push(false);
        sources.push(undefined);
      }
    });
    const cityPop = CITY_POP[year];
    const total = cityPop ?? round(sum(values), 2);
    const rounded = roundToTotal(scaleToTotal(values, total, fixed), 2, total, fixed);
    UNITS.forEach((u, i) => {
      setCell(u.code, year, 'Population', rounded[i] ?? Number.NaN, sources[i]);
    });
    // Without a published total, the city is the sum of its 区县 (synthetic where any part is).
    const cityValue = cityPop ?? round(sum(rounded), 4);
    setCell(
      CITY.code,
      year,
      'Population',
      cityValue,
      cityPop === undefined ? undefined : SRC.popCity,
    );
  }
}

/** Published city GDP (亿元): 2019–2021 revised values (SRC.gdpDistricts), 2022–2023 official. */
const CITY_GDP: Record<Year, { value: number; source: string }> = {
  2019: { value: 23605.77, source: SRC.gdpDistricts },
  2020: { value: 25041.43, source: SRC.gdpDistricts },
  2021: { value: 27894.02, source: SRC.gdpDistricts },
  2022: { value: 29129.03, source: SRC.gdpCity2022 },
  2023: { value: 30145.79, source: SRC.gdpCity2023 },
};

function generateGdp(): void {
  const drift = UNITS.map(() => 0.06 + 0.02 * normal());
  for (const year of YEARS) {
    const city = CITY_GDP[year];
    const values: number[] = [];
    const fixed: boolean[] = [];
    UNITS.forEach((u, i) => {
      const real = year <= 2022 && u.gdp ? u.gdp[yearIndex(year)] : undefined;
      if (real !== undefined) {
        values.push(real);
        fixed.push(true);
      } else if (year <= 2022) {
        // The units without a published figure share the city total minus the published ones.
        values.push((u.gdpEstimate ?? 100) * (1 + (drift[i] ?? 0)) ** (year - 2022));
        fixed.push(false);
      } else {
        // 2023: no district figures in our notes; grow 2022 and calibrate to the city total.
        values.push(getValue(u.code, 2022, 'GDP') * (1.035 + 0.015 * normal()));
        fixed.push(false);
      }
    });
    const rounded = roundToTotal(scaleToTotal(values, city.value, fixed), 2, city.value, fixed);
    UNITS.forEach((u, i) => {
      setCell(
        u.code,
        year,
        'GDP',
        rounded[i] ?? Number.NaN,
        fixed[i] ? SRC.gdpDistricts : undefined,
      );
    });
    setCell(CITY.code, year, 'GDP', city.value, city.source);
  }
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

/**
 * How an indicator's iData column is made and how the city value is formed.
 * - perPop: the column holds a count (numerator); `denominate` divides it by Population (万人).
 *   City value = the city total (sum of districts, calibrated to published totals).
 * - perGdp: the column holds a quantity; `denominate` divides it by GDP (亿元).
 * - count:  the column holds a count with no denominator; the city value is the mean per 区县
 *   (sum of numerators / sum of "one per 区县" denominators), so the city is a fair tier line.
 * - ratio:  the column holds the ratio itself; the city value = Σ(ratio × weight) / Σ weight,
 *   i.e. sum of numerators / sum of denominators with the named weight as the denominator.
 */
type Kind = 'perPop' | 'perGdp' | 'count' | 'ratio';

type IndicatorDef = {
  code: string;
  parent: string;
  kind: Kind;
  /** City totals (perPop/perGdp/count) or city ratios (ratio), by year. */
  city: Record<Year, number>;
  /** Published city values: year → source URL (the city row then carries that value). */
  cityReal?: Partial<Record<Year, string>>;
  /** Elasticity to the latent strength. */
  beta: number;
  /** Spread of the district-specific effect (log scale). */
  sigma: number;
  decimals: number;
  /** ratio kind: the weight column used for the city aggregate. */
  weightBy?: 'GDP' | 'CQ_RD_PERSONNEL_PER_10K' | 'CQ_X_TECH_SME_PER_10K';
  /** Bounds for ratio values. */
  clamp?: [number, number];
  /** Definition of a stand-in indicator (not in the published framework). */
  standIn?: {
    zh: string;
    en: string;
    unit: string;
    standard: number;
    direction: 1 | -1;
    source: string;
    note: string;
  };
  /** iData column unit before denominate. */
  rawUnit: string;
};

/** Real district values fixed before calibration: code → year → unit → value + source. */
const REAL_DISTRICT: { code: string; year: Year; unit: string; value: number; source: string }[] = [
  // 涪陵 2020 R&D intensity 2.4%, 大渡口 end of 十三五 (2020) 3.98%.
  { code: 'CQ_RD_INTENSITY', year: 2020, unit: '500102', value: 2.4, source: SRC.fuling2020 },
  { code: 'CQ_RD_INTENSITY', year: 2020, unit: '500104', value: 3.98, source: SRC.dadukou2020 },
  // 涪陵 2020 高新技术产业产值 = 30.1% of 规上 output.
  {
    code: 'CQ_X_HIGHTECH_OUTPUT_SHARE',
    year: 2020,
    unit: '500102',
    value: 30.1,
    source: SRC.fuling2020,
  },
];

/**
 * Published group aggregates used to calibrate synthetic district values (the district values
 * stay synthetic). share: fraction of the city total held by the group's members.
 */
const GROUP_CALIBRATION: {
  code: string;
  year: Year;
  members: (u: UnitDef, year: number) => boolean;
  share?: number;
  perPop?: number;
  note: string;
}[] = [
  {
    code: 'CQ_RD_INTENSITY',
    year: 2020,
    members: (u, y) => areaOf(u, y) === '渝东北',
    share: 26.35 / 526.79,
    note: '2020 R&D by region: 渝东北 26.35亿 (SRC.rd2020)',
  },
  {
    code: 'CQ_RD_INTENSITY',
    year: 2020,
    members: (u, y) => areaOf(u, y) === '渝东南',
    share: 4.9 / 526.79,
    note: '2020 R&D by region: 渝东南 4.9亿 (SRC.rd2020)',
  },
  {
    code: 'CQ_RD_INTENSITY',
    year: 2022,
    members: (u, y) => areaOf(u, y) === '中心城区',
    share: 0.612,
    note: '2022: 中心城区 hold 61.20% of R&D spending (SRC.index2023)',
  },
  {
    code: 'CQ_RD_FTE_PER_10K',
    year: 2022,
    members: (u, y) => areaOf(u, y) === '中心城区',
    perPop: 75.09,
    note: '2022: 中心城区 75.09 R&D FTE per 10,000 (SRC.index2023)',
  },
  {
    code: 'CQ_HV_PATENTS_PER_10K',
    year: 2022,
    members: (u, y) => areaOf(u, y) === '中心城区',
    perPop: 14.02,
    note: '2022: 中心城区 14.02 high-value invention patents per 10,000 (SRC.index2023)',
  },
];

const INDICATORS: IndicatorDef[] = [
  {
    code: 'CQ_RD_PERSONNEL_PER_10K',
    parent: 'CQ_ENV_BASE',
    kind: 'perPop',
    city: { 2019: 162000, 2020: 170000, 2021: 178000, 2022: 186000, 2023: 196000 },
    beta: 1.1,
    sigma: 0.2,
    decimals: 0,
    rawUnit: '人',
  },
  {
    code: 'CQ_SRTS_ENTITIES',
    parent: 'CQ_ENV_BASE',
    kind: 'count',
    city: { 2019: 20000, 2020: 21500, 2021: 22800, 2022: 24000, 2023: 25500 },
    beta: 0.6,
    sigma: 0.2,
    decimals: 0,
    rawUnit: '个',
  },
  {
    code: 'CQ_RD_PLATFORMS',
    parent: 'CQ_ENV_BASE',
    kind: 'count',
    city: { 2019: 820, 2020: 870, 2021: 920, 2022: 960, 2023: 1030 },
    beta: 0.7,
    sigma: 0.25,
    decimals: 0,
    rawUnit: '个',
  },
  {
    code: 'CQ_RD_EQUIP_PER_RD_STAFF',
    parent: 'CQ_ENV_BASE',
    kind: 'ratio',
    city: { 2019: 4.1, 2020: 4.4, 2021: 4.8, 2022: 5.1, 2023: 5.4 },
    beta: 0.35,
    sigma: 0.2,
    decimals: 2,
    weightBy: 'CQ_RD_PERSONNEL_PER_10K',
    rawUnit: '万元/人',
  },
  {
    code: 'CQ_KVC_LOAN_PER_FIRM',
    parent: 'CQ_ENV_BASE',
    kind: 'ratio',
    city: { 2019: 160, 2020: 185, 2021: 205, 2022: 220, 2023: 235 },
    beta: 0.35,
    sigma: 0.2,
    decimals: 1,
    weightBy: 'CQ_X_TECH_SME_PER_10K',
    rawUnit: '万元/家',
  },
  {
    code: 'CQ_INCUBATED_PER_10K',
    parent: 'CQ_ENV_BASE',
    kind: 'perPop',
    city: { 2019: 8500, 2020: 9300, 2021: 10200, 2022: 11000, 2023: 12000 },
    beta: 0.9,
    sigma: 0.25,
    decimals: 0,
    rawUnit: '家',
  },
  {
    code: 'CQ_X_TECH_SME_PER_10K',
    parent: 'CQ_ENV_AWARE',
    kind: 'perPop',
    city: { 2019: 21000, 2020: 27000, 2021: 36900, 2022: 42989, 2023: 54000 },
    cityReal: {
      2021: `${SRC.rd2021} ; ${SRC.city2021b}`,
      2022: SRC.cqnews2022,
    },
    beta: 0.9,
    sigma: 0.2,
    decimals: 0,
    rawUnit: '家',
    standIn: {
      zh: '万人科技型企业数',
      en: 'Registered S&T-based enterprises per 10,000 population',
      unit: '家/万人',
      standard: 20,
      direction: 1,
      source: SRC.doublePlan,
      note:
        'STAND-IN, not a confirmed indicator of the district report: fills the 科技意识 二级, whose 三级 ' +
        'indicators are unknown. 科技型企业 (入库) counts are a core Chongqing target (双倍增). City ' +
        '2021 ≈36,900 ("3.69万") and 2022 42,989 are published; 2020 27,000 ≈ 75,600 / 2.8 (十四五 ' +
        'multiple) and other years are synthetic. Standard 20 is a documented placeholder.',
    },
  },
  {
    code: 'CQ_RD_FTE_PER_10K',
    parent: 'CQ_INPUT_HR',
    kind: 'perPop',
    // 2022 = 75.09 / 1.87 × 3213.34 (city FTE implied by the published 中心城区 ratio).
    city: { 2019: 98000, 2020: 106000, 2021: 118000, 2022: 129030, 2023: 139000 },
    beta: 1.2,
    sigma: 0.2,
    decimals: 0,
    rawUnit: '人年',
  },
  {
    code: 'CQ_RD_INTENSITY',
    parent: 'CQ_INPUT_FIN',
    kind: 'ratio',
    // City R&D spend (亿元): 2020 526.79, 2021 603.8, 2022 686.6 published; 2019, 2023 synthetic.
    city: { 2019: 470, 2020: 526.79, 2021: 603.8, 2022: 686.6, 2023: 740 },
    cityReal: {
      2020: SRC.rd2020,
      2021: `${SRC.rd2021} ; ${SRC.gdpDistricts}`,
      2022: SRC.rd2022,
    },
    beta: 1.5,
    sigma: 0.25,
    decimals: 2,
    weightBy: 'GDP',
    rawUnit: '%',
  },
  {
    code: 'CQ_HV_PATENTS_PER_10K',
    parent: 'CQ_OUTPUT_LEVEL',
    kind: 'perPop',
    // 2022 = 14.02 / 2.56 × 3213.34 (city stock implied by the published 中心城区 ratio).
    city: { 2019: 12000, 2020: 14000, 2021: 16000, 2022: 17598, 2023: 20000 },
    beta: 1.5,
    sigma: 0.25,
    decimals: 0,
    rawUnit: '件',
  },
  {
    code: 'CQ_X_TECH_CONTRACT_PER_10K',
    parent: 'CQ_OUTPUT_MKT',
    kind: 'perPop',
    city: { 2019: 3600000, 2020: 4300000, 2021: 5300000, 2022: 6304000, 2023: 7100000 },
    cityReal: { 2022: SRC.tjfz2022 },
    beta: 1.6,
    sigma: 0.35,
    decimals: 0,
    rawUnit: '万元',
    standIn: {
      zh: '万人技术合同成交额',
      en: 'Technology-contract turnover per 10,000 population',
      unit: '万元/万人',
      standard: 2500,
      direction: 1,
      source: SRC.tjfz2022,
      note:
        'STAND-IN for an unconfirmed 技术成果市场化 indicator (national analogue 万人输出技术成交额). ' +
        'City 2022 技术合同成交额 630.4亿 is published; district values and other years are ' +
        'synthetic. Standard 2500 is a documented placeholder: the predecessor standard (万人技术成果' +
        '成交额, 200) is obsolete (the 2022 city value is ≈1962).',
    },
  },
  {
    code: 'CQ_X_HTE_PER_10K',
    parent: 'CQ_HTIND_LEVEL',
    kind: 'perPop',
    city: { 2019: 3150, 2020: 4344, 2021: 5108, 2022: 6348, 2023: 7560 },
    cityReal: {
      2021: `${SRC.rd2021} ; ${SRC.city2021b}`,
      2022: `${SRC.rd2022} ; ${SRC.cqnews2022}`,
    },
    beta: 1.1,
    sigma: 0.2,
    decimals: 0,
    rawUnit: '家',
    standIn: {
      zh: '万人高新技术企业数',
      en: 'High-tech enterprises per 10,000 population',
      unit: '家/万人',
      standard: 3,
      direction: 1,
      source: SRC.doublePlan,
      note:
        'STAND-IN for an unconfirmed 高新技术产业化 indicator. 高新技术企业 counts are a core Chongqing ' +
        'target (双倍增). City 2021 5,108 and 2022 6,348 are published; 2020 4,344 ≈ 9,123 / 2.1 ' +
        '(十四五 multiple) and other years are synthetic. Standard 3 is a documented placeholder.',
    },
  },
  {
    code: 'CQ_X_HIGHTECH_OUTPUT_SHARE',
    parent: 'CQ_HTIND_LEVEL',
    kind: 'ratio',
    city: { 2019: 24, 2020: 25.5, 2021: 27, 2022: 28.5, 2023: 30 },
    beta: 0.6,
    sigma: 0.3,
    decimals: 1,
    weightBy: 'GDP',
    clamp: [2, 70],
    rawUnit: '%',
    standIn: {
      zh: '高新技术产业产值占规上工业总产值比重',
      en: 'High-tech industry share of above-scale industrial output',
      unit: '%',
      standard: 30,
      direction: 1,
      source: SRC.fuling2020,
      note:
        'STAND-IN for an unconfirmed 高新技术产业化水平 indicator (used by 涪陵, 2020: 30.1%). ' +
        'Standard 30 = predecessor standard of the related 高技术产业增加值占工业增加值比重 ' +
        `(${SRC.predecessor}); not confirmed for this indicator. City value: GDP-weighted mean ` +
        '(GDP as a proxy for 规上工业总产值).',
    },
  },
  {
    code: 'CQ_X_GDP_PER_CAPITA',
    parent: 'CQ_ECON_MODE',
    kind: 'perPop',
    city: { 2019: 0, 2020: 0, 2021: 0, 2022: 0, 2023: 0 },
    beta: 0,
    sigma: 0,
    decimals: 2,
    rawUnit: '亿元',
    standIn: {
      zh: '人均地区生产总值',
      en: 'GDP per capita',
      unit: '万元/人',
      standard: 15,
      direction: 1,
      source: SRC.gdpDistricts,
      note:
        'STAND-IN for an unconfirmed 经济发展方式转变 indicator (national analogue 劳动生产率). The ' +
        'iData column repeats GDP (亿元); denominate by Population (万人) gives 万元/人. Real where ' +
        'GDP is real. Standard 15 is a documented placeholder.',
    },
  },
  {
    code: 'CQ_X_ENERGY_PER_GDP',
    parent: 'CQ_ECON_MODE',
    kind: 'perGdp',
    // City intensity (吨标准煤/万元) × city GDP (亿元) = energy use (万吨标准煤).
    city: { 2019: 0.36, 2020: 0.35, 2021: 0.34, 2022: 0.33, 2023: 0.32 },
    beta: -0.35,
    sigma: 0.15,
    decimals: 2,
    rawUnit: '万吨标准煤',
    standIn: {
      zh: '单位地区生产总值能耗',
      en: 'Energy consumption per unit of GDP',
      unit: '吨标准煤/万元',
      standard: 0.25,
      direction: -1,
      source: SRC.predecessor,
      note:
        'STAND-IN, a negative indicator (higher is worse), for an unconfirmed 经济发展方式转变 ' +
        'indicator (national analogue 综合能耗产出率, its inverse). All values synthetic; heavy-' +
        'industry districts (长寿, 涪陵, 綦江 …) are given higher intensities for illustration. ' +
        'Standard 0.25 is a documented placeholder; ratioToStandard scores it as standard / value.',
    },
  },
];

/** Cells deliberately left empty (not reported), to exercise imputation. */
const MISSING: { code: string; unit: string; year: Year }[] = [
  { code: 'CQ_KVC_LOAN_PER_FIRM', unit: '500229', year: 2019 },
  { code: 'CQ_KVC_LOAN_PER_FIRM', unit: '500238', year: 2019 },
  { code: 'CQ_KVC_LOAN_PER_FIRM', unit: '500242', year: 2019 },
  { code: 'CQ_INCUBATED_PER_10K', unit: '500229', year: 2019 },
  { code: 'CQ_INCUBATED_PER_10K', unit: '500238', year: 2020 },
  { code: 'CQ_X_HIGHTECH_OUTPUT_SHARE', unit: '500103', year: 2019 },
  { code: 'CQ_X_HIGHTECH_OUTPUT_SHARE', unit: '500103', year: 2020 },
  { code: 'CQ_RD_EQUIP_PER_RD_STAFF', unit: '500237', year: 2021 },
];

/** Weight column of a district for the city aggregate of a ratio indicator. */
function weightOf(def: IndicatorDef, unit: string, year: Year): number {
  if (def.weightBy === undefined) throw new Error(`${def.code}: ratio without weightBy`);
  return getValue(unit, year, def.weightBy);
}

function generateIndicator(def: IndicatorDef): void {
  // District-specific level and trend, fixed across years (drawn in unit order).
  const effect = UNITS.map(() => def.sigma * normal());
  const trend = UNITS.map(() => 0.03 * normal());
  for (const year of YEARS) {
    const t = year - 2021;
    const rel = UNITS.map((u, i) => {
      const bump = def.code === 'CQ_X_ENERGY_PER_GDP' ? (u.energyBump ?? 0) : 0;
      const noise = (def.sigma / 3) * normal();
      return Math.exp(
        def.beta * u.strength + bump + (effect[i] ?? 0) + (trend[i] ?? 0) * t + noise,
      );
    });
    if (def.code === 'CQ_X_GDP_PER_CAPITA') {
      UNITS.forEach((u) => {
        const gdp = cells.get(key(u.code, year, 'GDP'));
        if (!gdp) throw new Error('GDP missing');
        setCell(u.code, year, def.code, gdp.value, gdp.real ? gdp.source : undefined);
      });
      const city = cells.get(key(CITY.code, year, 'GDP'));
      if (!city) throw new Error('city GDP missing');
      setCell(CITY.code, year, def.code, city.value, city.source);
      continue;
    }
    // perGdp: the city figure is an intensity; the total is intensity × city GDP.
    const cityTarget =
      def.kind === 'perGdp'
        ? round(def.city[year] * getValue(CITY.code, year, 'GDP'), def.decimals)
        : def.city[year];
    const citySource = def.cityReal?.[year];
    const fixed = UNITS.map((u) =>
      REAL_DISTRICT.some((r) => r.code === def.code && r.year === year && r.unit === u.code),
    );
    if (def.kind === 'ratio') {
      generateRatio(def, year, rel, fixed, cityTarget, citySource);
    } else {
      generateTotal(def, year, rel, cityTarget, citySource);
    }
  }
}

/** perPop, perGdp and count indicators: distribute a city total over the districts. */
function generateTotal(
  def: IndicatorDef,
  year: Year,
  rel: readonly number[],
  cityTotal: number,
  citySource: string | undefined,
): void {
  const base = (u: UnitDef): number =>
    def.kind === 'perPop' ? getValue(u.code, year, 'Population') : getValue(u.code, year, 'GDP');
  let values = UNITS.map((u, i) => base(u) * (rel[i] ?? 0));
  const noneFixed = UNITS.map(() => false);
  const calibrations = GROUP_CALIBRATION.filter((c) => c.code === def.code && c.year === year);
  if (calibrations.length > 0) {
    const inAny = UNITS.map((u) => calibrations.some((c) => c.members(u, year)));
    for (const c of calibrations) {
      const members = UNITS.map((u) => c.members(u, year));
      const groupTotal =
        c.perPop !== undefined
          ? c.perPop * sum(UNITS.filter((_, i) => members[i]).map((u) => base(u)))
          : (c.share ?? 0) * cityTotal;
      const groupValues = values.filter((_, i) => members[i]);
      const k = groupTotal / sum(groupValues);
      values = values.map((v, i) => (members[i] ? v * k : v));
    }
    const groupSum = sum(values.filter((_, i) => inAny[i]));
    const restSum = sum(values.filter((_, i) => !inAny[i]));
    const k = (cityTotal - groupSum) / restSum;
    values = values.map((v, i) => (inAny[i] ? v : v * k));
  } else {
    values = scaleToTotal(values, cityTotal, noneFixed);
  }
  const rounded = roundToTotal(values, def.decimals, round(cityTotal, def.decimals), noneFixed);
  UNITS.forEach((u, i) => {
    setCell(u.code, year, def.code, rounded[i] ?? Number.NaN);
  });
  // Counts without a denominator: the city row holds the mean per 区县.
  const cityValue = def.kind === 'count' ? round(cityTotal / UNITS.length, 2) : cityTotal;
  setCell(CITY.code, year, def.code, cityValue, citySource);
}

/** ratio indicators: district ratios whose weighted city aggregate matches the city target. */
function generateRatio(
  def: IndicatorDef,
  year: Year,
  rel: readonly number[],
  fixed: readonly boolean[],
  cityTarget: number,
  citySource: string | undefined,
): void {
  const weights = UNITS.map((u) => weightOf(def, u.code, year));
  // R&D intensity is calibrated on spending (亿元), the others on ratio × weight.
  const isRd = def.code === 'CQ_RD_INTENSITY';
  const cityNumerator = isRd ? cityTarget : cityTarget * sum(weights);
  let numer = UNITS.map((u, i) => {
    const real = REAL_DISTRICT.find(
      (r) => r.code === def.code && r.year === year && r.unit === u.code,
    );
    const w = weights[i] ?? 0;
    if (real) return isRd ? (real.value / 100) * w : real.value * w;
    const ratio = isRd ? (cityTarget / sum(weights)) * (rel[i] ?? 0) : cityTarget * (rel[i] ?? 0);
    return ratio * w;
  });
  const calibrations = GROUP_CALIBRATION.filter((c) => c.code === def.code && c.year === year);
  const inAny = UNITS.map((u) => calibrations.some((c) => c.members(u, year)));
  for (const c of calibrations) {
    const members = UNITS.map((u) => c.members(u, year));
    const target = (c.share ?? 0) * cityNumerator;
    const fixedSum = sum(numer.filter((_, i) => members[i] && fixed[i]));
    const freeSum = sum(numer.filter((_, i) => members[i] && !fixed[i]));
    const k = (target - fixedSum) / freeSum;
    numer = numer.map((v, i) => (members[i] && !fixed[i] ? v * k : v));
  }
  const lockedSum = sum(numer.filter((_, i) => inAny[i] || fixed[i]));
  const freeSum = sum(numer.filter((_, i) => !inAny[i] && !fixed[i]));
  const k = (cityNumerator - lockedSum) / freeSum;
  numer = numer.map((v, i) => (inAny[i] || fixed[i] ? v : v * k));
  let ratios = numer.map((v, i) => (v / (weights[i] ?? 1)) * (isRd ? 100 : 1));
  if (def.clamp) {
    const [lo, hi] = def.clamp;
    ratios = ratios.map((r, i) => (fixed[i] ? r : Math.min(Math.max(r, lo), hi)));
  }
  UNITS.forEach((u, i) => {
    const real = REAL_DISTRICT.find(
      (r) => r.code === def.code && r.year === year && r.unit === u.code,
    );
    setCell(u.code, year, def.code, round(ratios[i] ?? Number.NaN, def.decimals), real?.source);
  });
  // City = Σ numerators / Σ denominators (published value where one exists).
  const computed = sum(ratios.map((r, i) => r * (weights[i] ?? 0))) / sum(weights);
  const decimals = isRd ? 2 : def.decimals;
  const published = isRd && citySource ? PUBLISHED_RD_INTENSITY[year] : undefined;
  setCell(CITY.code, year, def.code, published ?? round(computed, decimals), citySource);
}

/** Published city R&D intensity (%): 2020 2.11, 2022 2.36; 2021 = 603.8 / 27894.02 (derived). */
const PUBLISHED_RD_INTENSITY: Partial<Record<Year, number>> = {
  2020: 2.11,
  2021: 2.16,
  2022: 2.36,
};

// ---------------------------------------------------------------------------------------------
// Framework (read from data/frameworks/chongqing-district-2023.json)
// ---------------------------------------------------------------------------------------------

type FwNode = {
  code: string;
  names: { zh?: string; en?: string };
  level: number;
  parent: string | null;
  direction: number;
  weight: number;
  unit?: string;
  standard?: number;
  denominator?: string;
  provenance?: { source?: string; confirmed?: boolean; note?: string };
};

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function readFramework(): Map<string, FwNode> {
  const parsed: unknown = JSON.parse(readFileSync(FRAMEWORK_FILE, 'utf8'));
  if (!isRecord(parsed) || !Array.isArray(parsed.nodes)) throw new Error('bad framework file');
  const out = new Map<string, FwNode>();
  for (const n of parsed.nodes as unknown[]) {
    if (!isRecord(n) || typeof n.code !== 'string' || typeof n.level !== 'number') {
      throw new Error('bad framework node');
    }
    out.set(n.code, n as unknown as FwNode);
  }
  return out;
}

type MetaRow = {
  level: number | '';
  code: string;
  en: string;
  zh: string;
  direction: number | '';
  weight: number | '';
  unit: string;
  target: number | '';
  denominator: string;
  parent: string;
  type: 'Indicator' | 'Aggregate' | 'Group' | 'Denominator';
  standard: number | '';
  source: string;
  confirmed: boolean | '';
  rawUnit: string;
};

function buildMeta(framework: Map<string, FwNode>): MetaRow[] {
  const rows: MetaRow[] = [];
  const used = new Set<string>();
  for (const def of INDICATORS) {
    const denominator = def.kind === 'perPop' ? 'Population' : def.kind === 'perGdp' ? 'GDP' : '';
    if (def.standIn) {
      const s = def.standIn;
      rows.push({
        level: 1,
        code: def.code,
        en: s.en,
        zh: s.zh,
        direction: s.direction,
        weight: 1,
        unit: s.unit,
        target: s.standard,
        denominator,
        parent: def.parent,
        type: 'Indicator',
        standard: s.standard,
        source: s.source,
        confirmed: false,
        rawUnit: def.rawUnit,
      });
    } else {
      const n = framework.get(def.code);
      if (n?.level !== 1 || n.standard === undefined) {
        throw new Error(`${def.code} is not an indicator with a standard in the framework file`);
      }
      if (n.parent !== def.parent) throw new Error(`${def.code}: parent differs from framework`);
      if ((n.denominator ?? '') !== denominator)
        throw new Error(`${def.code}: denominator differs`);
      rows.push({
        level: 1,
        code: def.code,
        en: n.names.en ?? '',
        zh: n.names.zh ?? '',
        direction: n.direction,
        weight: n.weight,
        unit: n.unit ?? '',
        target: n.standard,
        denominator,
        parent: def.parent,
        type: 'Indicator',
        standard: n.standard,
        source: n.provenance?.source ?? '',
        confirmed: n.provenance?.confirmed ?? false,
        rawUnit: def.rawUnit,
      });
    }
    used.add(def.parent);
  }
  // Aggregates: the ancestors of the demo indicators, level by level, in framework order.
  for (let level = 2; level <= 4; level++) {
    for (const n of framework.values()) {
      if (n.level !== level || !used.has(n.code)) continue;
      rows.push({
        level,
        code: n.code,
        en: n.names.en ?? '',
        zh: n.names.zh ?? '',
        direction: n.direction,
        weight: n.weight,
        unit: n.unit ?? '',
        target: '',
        denominator: '',
        parent: n.parent ?? '',
        type: 'Aggregate',
        standard: '',
        source: n.provenance?.source ?? '',
        confirmed: n.provenance?.confirmed ?? false,
        rawUnit: '',
      });
      if (n.parent) used.add(n.parent);
    }
  }
  const blank = {
    level: '',
    direction: '',
    weight: '',
    target: '',
    denominator: '',
    parent: '',
    standard: '',
    rawUnit: '',
  } as const;
  rows.push({
    ...blank,
    code: 'Area',
    en: 'Area group (one area, two clusters)',
    zh: '区域（一区两群）',
    unit: '',
    type: 'Group',
    source: SRC.groups2020,
    confirmed: true,
  });
  rows.push({
    ...blank,
    code: 'Population',
    en: 'Resident population',
    zh: '常住人口',
    unit: '万人',
    type: 'Denominator',
    source: SRC.census2020,
    confirmed: true,
  });
  rows.push({
    ...blank,
    code: 'GDP',
    en: 'Gross regional product',
    zh: '地区生产总值',
    unit: '亿元',
    type: 'Denominator',
    source: SRC.gdpDistricts,
    confirmed: true,
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// CSV output
// ---------------------------------------------------------------------------------------------

function csvField(x: string | number | boolean): string {
  const s = typeof x === 'number' ? formatNumber(x) : String(x);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Plain decimal notation, no exponent, no trailing zeros. */
function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  const s = round(x, 6).toFixed(6);
  return s.replace(/\.?0+$/, '');
}

function csv(rows: readonly (readonly (string | number | boolean)[])[]): string {
  return `${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}

function isMissing(code: string, unit: string, year: Year): boolean {
  return MISSING.some((m) => m.code === code && m.unit === unit && m.year === year);
}

function main(): void {
  const framework = readFramework();
  generatePopulation();
  generateGdp();
  // Order matters: ratio indicators weight by columns generated before them.
  const order = [
    'CQ_RD_PERSONNEL_PER_10K',
    'CQ_X_TECH_SME_PER_10K',
    ...INDICATORS.map((d) => d.code).filter(
      (c) => c !== 'CQ_RD_PERSONNEL_PER_10K' && c !== 'CQ_X_TECH_SME_PER_10K',
    ),
  ];
  for (const code of order) {
    const def = INDICATORS.find((d) => d.code === code);
    if (def) generateIndicator(def);
  }

  mkdirSync(OUT_DIR, { recursive: true });
  const meta = buildMeta(framework);
  const metaHeader = [
    'Level',
    'iCode',
    'iName',
    'Direction',
    'Weight',
    'Unit',
    'Target',
    'Denominator',
    'Parent',
    'Type',
    'iNameZh',
    'Standard',
    'Source',
    'Confirmed',
    'RawUnit',
  ];
  writeFileSync(
    join(OUT_DIR, 'chongqing-iMeta.csv'),
    csv([
      metaHeader,
      ...meta.map((r) => [
        r.level,
        r.code,
        r.en,
        r.direction,
        r.weight,
        r.unit,
        r.target,
        r.denominator,
        r.parent,
        r.type,
        r.zh,
        r.standard,
        r.source,
        r.confirmed,
        r.rawUnit,
      ]),
    ]),
  );

  const columns = ['Population', 'GDP', ...INDICATORS.map((d) => d.code)];
  const dataRows: (string | number)[][] = [];
  const sourceRows: (string | number)[][] = [];
  let real = 0;
  let synthetic = 0;
  let missing = 0;
  for (const year of YEARS) {
    const units = [
      { code: CITY.code, zh: CITY.zh, en: CITY.en, area: '', reference: 1 },
      ...UNITS.map((u) => ({
        code: u.code,
        zh: u.zh,
        en: u.en,
        area: areaOf(u, year),
        reference: 0,
      })),
    ];
    for (const u of units) {
      const row: (string | number)[] = [u.code, u.zh, u.en, u.area, u.reference, year];
      for (const column of columns) {
        if (isMissing(column, u.code, year)) {
          row.push('');
          missing++;
          continue;
        }
        const cell = cells.get(key(u.code, year, column));
        if (!cell) throw new Error(`no value for ${key(u.code, year, column)}`);
        row.push(cell.value);
        sourceRows.push([u.code, year, column, cell.value, cell.real ? 0 : 1, cell.source]);
        if (cell.real) real++;
        else synthetic++;
      }
      dataRows.push(row);
    }
  }
  writeFileSync(
    join(OUT_DIR, 'chongqing-iData.csv'),
    csv([['uCode', 'uName', 'uNameEn', 'Area', 'Reference', 'Time', ...columns], ...dataRows]),
  );
  writeFileSync(
    join(OUT_DIR, 'chongqing-sources.csv'),
    csv([['uCode', 'Time', 'iCode', 'value', 'synthetic', 'source'], ...sourceRows]),
  );
  const spec = {
    steps: [
      { step: 'denominate' },
      { step: 'impute', method: 'groupMean', group: 'Area' },
      { step: 'normalise', method: 'ratioToStandard' },
      { step: 'aggregate', method: 'arithmeticMean' },
    ],
    tiers: { rule: 'chongqing' },
  };
  writeFileSync(join(OUT_DIR, 'chongqing-spec.json'), `${JSON.stringify(spec, null, 2)}\n`);

  const indicators = meta.filter((r) => r.type === 'Indicator').length;
  const aggregates = meta.filter((r) => r.type === 'Aggregate').map((r) => r.level);
  console.log(
    `wrote ${OUT_DIR}: ${indicators} indicators, aggregates by level ` +
      `${[2, 3, 4].map((l) => `${l}:${aggregates.filter((a) => a === l).length}`).join(' ')}; ` +
      `${dataRows.length} rows; values real ${real}, synthetic ${synthetic}, empty ${missing}`,
  );
}

main();
