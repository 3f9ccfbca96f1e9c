/**
 * 高新技术企业 (high-tech enterprise) rule set: 国科发火〔2016〕32号《高新技术企业认定管理办法》
 * 第十一条 (the eight conditions) with 国科发火〔2016〕195号《高新技术企业认定管理工作指引》 (year terms,
 * R&D collection scope, HTPS revenue, staff counting, the innovation-capability score and the
 * growth formula). Rules, sources and ⚠ uncertainties: `qualification-rules.md` §1 and §7 HT-01…HT-20.
 */
import type { Bilingual, IsoDate } from '@kechuang/domain';
import { atLeast, buildCriterion, EPSILON, scoredOutcome, scoreRange } from './buildCriterion.ts';
import { addDays, daysBetween } from './calendarDays.ts';
import {
  type DomesticArgs,
  type HtpsArgs,
  type IncidentArgs,
  type InnovationArgs,
  type IpArgs,
  type RdArgs,
  type RegisteredArgs,
  type StStaffArgs,
  HIGH_TECH_TEXTS as T,
} from './highTechEnterpriseTexts.ts';
import { lazyText, staticText } from './lazyText.ts';
import type { Profile, YearFigures } from './profile.ts';
import {
  countIp,
  findYear,
  incidentsBetween,
  netAssetsOf,
  windowYears,
  yearBefore,
} from './profileFacts.ts';
import { pointKey, ResultCache } from './resultCache.ts';
import type {
  CriterionDefinition,
  CriterionResult,
  Evaluation,
  Reading,
  RuleSet,
  ScoreRange,
} from './types.ts';

const BAN_FA = '国科发火〔2016〕32号';
const ZHI_YIN = '国科发火〔2016〕195号';
const URL_BANFA =
  'https://www.most.gov.cn/xxgk/xinxifenlei/fdzdgknr/fgzc/gfxwj/gfxwj2016/201602/t20160205_123998.html';
const URL_ZHIYIN =
  'https://www.most.gov.cn/xxgk/xinxifenlei/fdzdgknr/fgzc/gfxwj/gfxwj2016/201606/t20160629_126169.html';

/** Configurable thresholds of the 高企 rule set (defaults: the 2016 texts). */
export type HighTechEnterpriseParameters = {
  /** Days since registration (HT-01: 365, "以上" includes 365). */
  minRegisteredDays: number;
  /** S&T staff share of total staff (≥ 10 %). */
  stStaffShare: number;
  /** R&D ratio by the latest year's sales S (万元): S ≤ 5000 → 5 %, S ≤ 20000 → 4 %, else 3 %. */
  rdBands: readonly { maxSales: number; ratio: number }[];
  /** Domestic R&D share (≥ 60 %). */
  domesticShare: number;
  /** Share of 委托外部研发 that counts (80 %). */
  externalRate: number;
  /** Cap of 其他费用 as a share of total R&D (20 %). */
  otherCap: number;
  /** HTPS revenue share of 总收入 (≥ 60 %). */
  htpsShare: number;
  /** Lowest passing innovation score (> 70 on integer scoring → 71). */
  passScore: number;
};

/** The 2016 thresholds. */
export const HIGH_TECH_2016: HighTechEnterpriseParameters = {
  minRegisteredDays: 365,
  stStaffShare: 0.1,
  rdBands: [
    { maxSales: 5000, ratio: 0.05 },
    { maxSales: 20000, ratio: 0.04 },
    { maxSales: Number.POSITIVE_INFINITY, ratio: 0.03 },
  ],
  domesticShare: 0.6,
  externalRate: 0.8,
  otherCap: 0.2,
  htpsShare: 0.6,
  passScore: 71,
};

const INNOVATION = 'HT-C7-innovation';
const IP_SUBTOTAL = 'HT-C7a-ipSubtotal';

function def(
  id: string,
  zh: string,
  en: string,
  document: string,
  article: string,
  extra: Partial<CriterionDefinition> = {},
): CriterionDefinition {
  return {
    id,
    text: staticText(zh, en),
    source: Object.freeze({ document, article, url: document === BAN_FA ? URL_BANFA : URL_ZHIYIN }),
    expert: false,
    confidence: 'confirmed',
    ...extra,
  };
}

/** The criteria of the 高企 rule set, in the order of 第十一条. */
export const HIGH_TECH_CRITERIA = {
  registered: def(
    'HT-C1-registered',
    '注册成立 365 个日历天数以上',
    'Registered for at least 365 calendar days',
    ZHI_YIN,
    '认定条件（一）年限；办法第十一条（一）',
  ),
  ip: def(
    'HT-C2-ip',
    '拥有对主要产品（服务）发挥核心支持作用的知识产权所有权',
    'Owns IP giving core technical support to the main products',
    BAN_FA,
    '第十一条（二）',
    { expert: true },
  ),
  field: def(
    'HT-C3-field',
    '核心技术属于《国家重点支持的高新技术领域》',
    'Core technology within the supported high-tech fields',
    BAN_FA,
    '第十一条（三）及附件',
    { expert: true },
  ),
  stStaff: def(
    'HT-C4-stStaff',
    '科技人员占当年职工总数的比例不低于 10%',
    'S&T staff at least 10% of total staff in the year',
    BAN_FA,
    '第十一条（四）；指引 科技人员与职工总数（全年月平均）',
  ),
  rdRatio: def(
    'HT-C5-rdRatio',
    '近三个会计年度研究开发费用总额占销售收入总额的比例符合要求（5% / 4% / 3%）',
    'R&D over sales in the last three accounting years meets the band (5% / 4% / 3%)',
    BAN_FA,
    '第十一条（五）；指引 研究开发费用归集范围（委托外部按 80%，其他费用不超过 20%）',
  ),
  domestic: def(
    'HT-C5-domestic',
    '在中国境内发生的研究开发费用占全部研究开发费用总额的比例不低于 60%',
    'Domestic R&D at least 60% of total R&D',
    BAN_FA,
    '第十一条（五）',
  ),
  htps: def(
    'HT-C6-htps',
    '近一年高新技术产品（服务）收入占同期总收入的比例不低于 60%',
    'High-tech product/service revenue at least 60% of total revenue in the last year',
    BAN_FA,
    '第十一条（六）；指引 总收入 = 收入总额 − 不征税收入',
  ),
  innovation: def(
    INNOVATION,
    '企业创新能力评价应达到相应要求（总分 70 分以上，即 ≥ 71 分）',
    'Innovation-capability score above 70 (≥ 71)',
    BAN_FA,
    '第十一条（七）；指引 企业创新能力评价',
  ),
  advancement: def(
    'HT-C7a-advancement',
    '技术的先进程度（≤ 8 分）',
    'Technology advancement (≤ 8)',
    ZHI_YIN,
    '企业创新能力评价 知识产权（A）',
    { expert: true, partOf: IP_SUBTOTAL },
  ),
  coreSupport: def(
    'HT-C7a-coreSupport',
    '对主要产品（服务）在技术上发挥核心支持作用（≤ 8 分）',
    'Core support to the main products (≤ 8)',
    ZHI_YIN,
    '企业创新能力评价 知识产权（B）',
    { expert: true, partOf: IP_SUBTOTAL },
  ),
  ipCount: def(
    'HT-C7a-ipCount',
    '知识产权数量（≤ 8 分）',
    'Number of IP items (≤ 8)',
    ZHI_YIN,
    '企业创新能力评价 知识产权（C）',
    { partOf: IP_SUBTOTAL },
  ),
  acquisition: def(
    'HT-C7a-acquisition',
    '知识产权获得方式（≤ 6 分）',
    'IP acquisition route (≤ 6)',
    ZHI_YIN,
    '企业创新能力评价 知识产权（D）',
    { partOf: IP_SUBTOTAL },
  ),
  standards: def(
    'HT-C7a-standards',
    '参与编制国家标准、行业标准、检测方法、技术规范（加分 ≤ 2 分）',
    'Drafted national or industry standards (bonus ≤ 2)',
    ZHI_YIN,
    '企业创新能力评价 知识产权（E，加分项，知识产权总分不超过 30 分）',
    { partOf: IP_SUBTOTAL },
  ),
  ipSubtotal: def(
    IP_SUBTOTAL,
    '知识产权（≤ 30 分，含加分后封顶）',
    'Intellectual property (≤ 30, capped after the bonus)',
    ZHI_YIN,
    '企业创新能力评价 知识产权',
    { partOf: INNOVATION },
  ),
  conversion: def(
    'HT-C7b-conversion',
    '科技成果转化能力（近 3 年年均转化数，≤ 30 分）',
    'Conversion of S&T results (3-year annual average, ≤ 30)',
    ZHI_YIN,
    '企业创新能力评价 科技成果转化能力',
    { partOf: INNOVATION },
  ),
  management: [
    def(
      'HT-C7c-systems',
      '研发组织管理制度、研发投入核算体系、研发费用辅助账（≤ 6 分）',
      'R&D management system, cost accounting and auxiliary ledger (≤ 6)',
      ZHI_YIN,
      '企业创新能力评价 研究开发组织管理水平（1）',
      { expert: true, partOf: INNOVATION },
    ),
    def(
      'HT-C7c-organisation',
      '内部研究开发机构、科研条件与产学研合作（≤ 6 分）',
      'Internal R&D organisation, research conditions and cooperation (≤ 6)',
      ZHI_YIN,
      '企业创新能力评价 研究开发组织管理水平（2）',
      { expert: true, partOf: INNOVATION },
    ),
    def(
      'HT-C7c-transfer',
      '成果转化组织实施与激励奖励制度、开放式创新创业平台（≤ 4 分）',
      'Transfer incentives and open innovation platform (≤ 4)',
      ZHI_YIN,
      '企业创新能力评价 研究开发组织管理水平（3）',
      { expert: true, partOf: INNOVATION },
    ),
    def(
      'HT-C7c-talent',
      '科技人员培养进修、人才引进、绩效评价与奖励制度（≤ 4 分）',
      'Training, recruitment, performance evaluation and rewards (≤ 4)',
      ZHI_YIN,
      '企业创新能力评价 研究开发组织管理水平（4）',
      { expert: true, partOf: INNOVATION },
    ),
  ],
  netAssetGrowth: def(
    'HT-C7d-netAssetGrowth',
    '净资产增长率（≤ 10 分）',
    'Net-asset growth (≤ 10)',
    ZHI_YIN,
    '企业创新能力评价 企业成长性',
    { partOf: INNOVATION },
  ),
  salesGrowth: def(
    'HT-C7d-salesGrowth',
    '销售收入增长率（≤ 10 分）',
    'Sales growth (≤ 10)',
    ZHI_YIN,
    '企业创新能力评价 企业成长性',
    { partOf: INNOVATION },
  ),
  incidents: def(
    'HT-C8-incidents',
    '申请认定前一年内（365 天）未发生重大安全、重大质量事故或严重环境违法行为',
    'No major safety or quality accident or serious environmental violation in the 365 days before applying',
    BAN_FA,
    '第十一条（八）；指引 “申请前的365天之内”',
  ),
} as const;

const C = HIGH_TECH_CRITERIA;
const MANAGEMENT_CAPS = [6, 6, 4, 4] as const;
const MANAGEMENT_KEYS = ['systems', 'organisation', 'transfer', 'talent'] as const;

/** R&D of one year on the 高企 basis: 委托外部 at `externalRate`, 其他费用 capped at `otherCap` of the total. */
export function highTechRdOfYear(
  y: YearFigures,
  p: HighTechEnterpriseParameters = HIGH_TECH_2016,
): { amount: number | undefined; categorised: boolean; otherCut: number; externalCut: number } {
  const c = y.rdExpenseByCategory;
  if (!c) return { amount: y.rdExpense, categorised: false, otherCut: 0, externalCut: 0 };
  const external = c.externalCommissioned ?? 0;
  const rest =
    (c.personnel ?? 0) +
    (c.directInputs ?? 0) +
    (c.depreciation ?? 0) +
    (c.amortisation ?? 0) +
    (c.design ?? 0) +
    (c.equipmentTrials ?? 0) +
    external * p.externalRate;
  const other = c.other ?? 0;
  // other ≤ cap × (rest + other) ⇔ other ≤ rest × cap / (1 − cap)
  const otherAllowed = Math.min(other, (rest * p.otherCap) / (1 - p.otherCap));
  return {
    amount: rest + otherAllowed,
    categorised: true,
    otherCut: other - otherAllowed,
    externalCut: external * (1 - p.externalRate),
  };
}

/** The R&D threshold set by the latest year's sales (HT-05; bounds inclusive). */
export function rdThresholdFor(
  latestSales: number,
  p: HighTechEnterpriseParameters = HIGH_TECH_2016,
): number {
  for (const b of p.rdBands) if (latestSales <= b.maxSales) return b.ratio;
  return p.rdBands[p.rdBands.length - 1]?.ratio ?? 0.03;
}

/** Growth points tiers (HT-17): g ≥ 35 % → 9–10 … 0 < g < 5 % → 1–2; g ≤ 0 → 0 (shared, frozen ranges). */
export function growthTier(g: number): ScoreRange {
  if (atLeast(g, 0.35)) return scoreRange(9, 10);
  if (atLeast(g, 0.25)) return scoreRange(7, 8);
  if (atLeast(g, 0.15)) return scoreRange(5, 6);
  if (atLeast(g, 0.05)) return scoreRange(3, 4);
  if (g > EPSILON) return scoreRange(1, 2);
  return scoreRange(0, 0);
}

/** The notes {@link growthRate} attaches: shared by every result, hence frozen. */
const GROWTH_NOTES = {
  oneYear: staticText(
    '⚠ 只有一年数据，无法计算增长率，按 0 分（实务做法，指引未明文规定）',
    '⚠ One year of data: no growth rate, 0 points (practitioner reading, not in the 指引)',
  ),
  negativeDenominator: staticText(
    '⚠ 分母为负（如净资产为负），指引未规定：按 0 分并提请人工复核；两种实务读法见下',
    '⚠ A negative denominator (e.g. negative net assets) is not covered by the 指引: 0 points and manual review; two practitioner readings below',
  ),
  firstYearZero: staticText(
    '第一年为 0，无法计算增长率，按 0 分',
    'Year 1 is 0: no growth rate, 0 points',
  ),
  secondYearZero: staticText(
    '第二年末为 0，按指引计 0 分',
    'Year 2 is 0: 0 points as the 指引 says',
  ),
  firstYearEndZero: staticText(
    '第一年末为 0，按指引用后两年计算',
    'Year 1 is 0: computed from the last two years as the 指引 says',
  ),
  twoYears: staticText('只有两年数据：X2/X1 − 1', 'Two years of data: X2/X1 − 1'),
};

/** Result of {@link growthRate}. */
export type GrowthResult = {
  rate: number | null;
  score: ScoreRange;
  review: boolean;
  note?: Bilingual;
  readings?: Reading[];
};

/**
 * The 指引 growth rate of a series X1…Xn (oldest first, n ≤ 3) and its points: ½(X2/X1 + X3/X2) − 1;
 * X1 = 0 → X3/X2 − 1; X2 = 0 → 0 points; negative rate → 0 points (HT-16, HT-18); two years →
 * X2/X1 − 1, one year → 0 ⚠ (HT-19). A negative denominator (negative net assets) is not covered
 * by the 指引: 0 points, `review`, and both readings (HT-20).
 */
export function growthRate(series: readonly number[]): GrowthResult {
  const n = series.length;
  if (n <= 1) {
    return {
      rate: null,
      score: scoreRange(0, 0),
      review: false,
      note: GROWTH_NOTES.oneYear,
    };
  }
  const [x1 = 0, x2 = 0, x3 = 0] = series;
  if (x1 < 0 || (n === 3 && x2 < 0)) {
    const abs = (a: number, b: number) => a / Math.abs(b);
    const absRate =
      n === 3
        ? x1 === 0
          ? abs(x3, x2) - 1
          : 0.5 * (abs(x2, x1) + abs(x3, x2)) - 1
        : abs(x2, x1) - 1;
    const zeroed = n === 3 ? [Math.max(0, x1), Math.max(0, x2), x3] : [Math.max(0, x1), x2];
    const zeroResult = growthRate(zeroed);
    const zeroRate = zeroResult.rate;
    return {
      rate: null,
      score: scoreRange(0, 0),
      review: true,
      note: GROWTH_NOTES.negativeDenominator,
      readings: [
        {
          label: { zh: '按绝对值作分母', en: 'Absolute value as denominator' },
          value: absRate,
          score: growthTier(absRate),
          note: {
            zh: '一位辅导老师的做法',
            en: 'One tutor divides by the absolute value',
          },
        },
        {
          label: { zh: '负值按 0 处理', en: 'Negative values treated as 0' },
          value: zeroRate,
          score: zeroResult.score,
          note: {
            zh: '一篇转载文章的说法，再套用指引的为 0 规则',
            en: 'A reposted article; then the 指引 zero rules apply',
          },
        },
      ],
    };
  }
  let rate: number | null;
  if (n === 2) {
    rate = x1 === 0 ? null : x2 / x1 - 1;
  } else if (x2 === 0) {
    rate = null;
  } else if (x1 === 0) {
    rate = x3 / x2 - 1;
  } else {
    rate = 0.5 * (x2 / x1 + x3 / x2) - 1;
  }
  if (rate === null) {
    return {
      rate: null,
      score: scoreRange(0, 0),
      review: false,
      note: n === 2 ? GROWTH_NOTES.firstYearZero : GROWTH_NOTES.secondYearZero,
    };
  }
  const result: GrowthResult = { rate, score: growthTier(rate), review: false };
  if (n === 3 && x1 === 0) {
    result.note = GROWTH_NOTES.firstYearEndZero;
  }
  if (n === 2) result.note = GROWTH_NOTES.twoYears;
  return result;
}

/** IP count tiers (HT-11; shared, frozen ranges). */
export function ipCountTier(class1: number, class2: number): ScoreRange {
  if (class1 >= 1) return scoreRange(7, 8);
  if (class2 >= 5) return scoreRange(5, 6);
  if (class2 >= 3) return scoreRange(3, 4);
  if (class2 >= 1) return scoreRange(1, 2);
  return scoreRange(0, 0);
}

/** Conversion tiers on the annual average (HT-14; shared, frozen ranges). */
export function conversionTier(average: number): ScoreRange {
  if (atLeast(average, 5)) return scoreRange(25, 30);
  if (atLeast(average, 4)) return scoreRange(19, 24);
  if (atLeast(average, 3)) return scoreRange(13, 18);
  if (atLeast(average, 2)) return scoreRange(7, 12);
  if (atLeast(average, 1)) return scoreRange(1, 6);
  return scoreRange(0, 0);
}

/** Whether an expert's point lies in the computed range (a point outside it is ignored and noted). */
function inRange(range: ScoreRange, point: number): boolean {
  return point >= range.min && point <= range.max;
}

/** Whether `n` is an integer in 0 … `limit` − 1 (so it can be a digit of a cache key). */
function isSmallInt(n: number, limit: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < limit;
}

/**
 * The shared results of one rule set (see `resultCache.ts`): one cache per criterion whose result
 * depends on a few small numbers only. `registered` and `incident` also depend on the date and
 * are cleared when it changes.
 */
type HighTechCaches = {
  registered: ResultCache<IsoDate>;
  ip: ResultCache<number>;
  /** By the expert's view of the fit ({@link coreKey}), then by field code. */
  field: readonly ResultCache<string>[];
  /** Technology advancement, core support, IP count, acquisition, standards (in that order). */
  scored: readonly ResultCache<number>[];
  ipSubtotal: ResultCache<number>;
  conversion: ResultCache<number>;
  management: ResultCache<number>;
  innovation: ResultCache<number>;
  incident: ResultCache<number>;
};

function highTechCaches(): HighTechCaches {
  return {
    registered: new ResultCache(),
    ip: new ResultCache(),
    field: [new ResultCache<string>(), new ResultCache<string>(), new ResultCache<string>()],
    scored: [
      new ResultCache<number>(),
      new ResultCache<number>(),
      new ResultCache<number>(),
      new ResultCache<number>(),
      new ResultCache<number>(),
    ],
    ipSubtotal: new ResultCache(),
    conversion: new ResultCache(),
    management: new ResultCache(),
    innovation: new ResultCache(),
    incident: new ResultCache(),
  };
}

/** Evaluates the eight conditions and the innovation score; pure (the caches only share results). */
function evaluateHighTech(
  profile: Profile,
  asOf: IsoDate,
  accidentsFrom: IsoDate,
  p: HighTechEnterpriseParameters,
  caches: HighTechCaches,
): Evaluation {
  const out: CriterionResult[] = [];
  const years = windowYears(profile, asOf, 3);
  const figures: (YearFigures | undefined)[] = new Array(years.length);
  for (let i = 0; i < years.length; i++) figures[i] = findYear(profile, years[i] as number);
  const lastYear = Number(asOf.slice(0, 4)) - 1;
  const last = findYear(profile, lastYear);

  // (一) registered ≥ 365 days
  const date = profile.registrationDate;
  out.push(
    caches.registered.get(date) ?? caches.registered.keep(date, registeredCriterion(date, asOf, p)),
  );

  // (二) IP owned; core support is expert judgement
  const ip = countIp(profile, asOf, { excludeUsedClass2: true });
  const ipTotal = ip.class1 + ip.class2;
  const core = profile.expert.ipCoreSupport;
  const ipArgs: IpArgs = { class1: ip.class1, class2: ip.class2, core };
  const ipKey =
    isSmallInt(ip.class1, 256) && isSmallInt(ip.class2, 256)
      ? (ip.class1 * 256 + ip.class2) * 3 + coreKey(core)
      : undefined;
  out.push(caches.ip.get(ipKey) ?? caches.ip.keep(ipKey, ipCriterion(ipTotal, core, ipArgs)));

  // (三) field (one cache per expert view, keyed by the field; '' for none)
  const field = profile.highTechField;
  const fit = profile.expert.fieldFit;
  const fieldCache = caches.field[coreKey(fit)] as ResultCache<string>;
  const fieldKey = field ?? '';
  out.push(fieldCache.get(fieldKey) ?? fieldCache.keep(fieldKey, fieldCriterion(field, fit)));

  // (四) S&T staff ≥ 10 % of last year's total staff
  out.push(stStaffCriterion(last, lastYear, p));

  // (五) R&D ratio and domestic share
  rdCriteria(out, years, figures, p);

  // (六) HTPS ≥ 60 % of last year's 总收入
  out.push(htpsCriterion(last, lastYear, p));

  // (七) innovation score
  const total = innovationCriteria(out, profile, asOf, years, figures, ip, ipArgs, p, caches);

  // (八) no major accident in the 365 days before the application
  out.push(incidentCriterion(profile, asOf, accidentsFrom, caches.incident));

  // An array of exactly 22 (pushing and the splice left room for ≈ 40) is kept with the result.
  return { criteria: out.slice(), score: total };
}

function ipCriterion(ipTotal: number, core: boolean | undefined, ipArgs: IpArgs): CriterionResult {
  return buildCriterion(C.ip, {
    outcome: ipTotal === 0 ? 'unmet' : core === undefined ? 'needsReview' : core ? 'met' : 'unmet',
    value: ipTotal,
    threshold: 1,
    unit: 'count',
    needsExpert: ipTotal > 0 && core === undefined,
    detail: lazyText(T.ipDetail, ipArgs),
    gap:
      ipTotal === 0
        ? { amount: 1, unit: 'count' as const, normalised: 1, text: T.ipGap }
        : undefined,
  });
}

function fieldCriterion(field: string | undefined, fit: boolean | undefined): CriterionResult {
  return buildCriterion(C.field, {
    outcome: field === undefined || fit === undefined ? 'needsReview' : fit ? 'met' : 'unmet',
    value: field ?? null,
    threshold: null,
    unit: 'code',
    needsExpert: field !== undefined && fit === undefined,
    detail: field === undefined ? T.noField : lazyText(T.fieldDetail, { field, fit }),
  });
}

/** 0 for an unknown yes/no, 1 for yes, 2 for no (a digit of cache keys). */
function coreKey(b: boolean | undefined): number {
  return b === undefined ? 0 : b ? 1 : 2;
}

function registeredCriterion(
  date: IsoDate,
  asOf: IsoDate,
  p: HighTechEnterpriseParameters,
): CriterionResult {
  const days = daysBetween(date, asOf);
  const regOk = days >= p.minRegisteredDays;
  const regArgs: RegisteredArgs = { date, asOf, days, minDays: p.minRegisteredDays };
  return buildCriterion(C.registered, {
    outcome: regOk ? 'met' : 'unmet',
    value: days,
    threshold: p.minRegisteredDays,
    unit: 'days',
    detail: lazyText(T.registeredDetail, regArgs),
    gap: regOk
      ? undefined
      : {
          amount: p.minRegisteredDays - days,
          unit: 'days' as const,
          normalised: Math.min(1, (p.minRegisteredDays - days) / p.minRegisteredDays),
          text: lazyText(T.registeredGap, regArgs),
        },
  });
}

function stStaffCriterion(
  last: YearFigures | undefined,
  lastYear: number,
  p: HighTechEnterpriseParameters,
): CriterionResult {
  const st = last?.stStaff;
  const total = last?.totalStaff;
  if (st === undefined || total === undefined) {
    return buildCriterion(C.stStaff, {
      outcome: 'needsReview',
      value: null,
      threshold: p.stStaffShare,
      unit: 'ratio',
      detail: lazyText(T.stStaffMissing, lastYear),
    });
  }
  const ratio = total > 0 ? st / total : 0;
  const ok = total > 0 && atLeast(ratio, p.stStaffShare);
  const needed = Math.max(
    0,
    Math.ceil((p.stStaffShare * total - st) / (1 - p.stStaffShare) - 1e-9),
  );
  const args: StStaffArgs = { year: lastYear, st, total, ratio, share: p.stStaffShare, needed };
  return buildCriterion(C.stStaff, {
    outcome: ok ? 'met' : 'unmet',
    value: ratio,
    threshold: p.stStaffShare,
    unit: 'ratio',
    detail: lazyText(T.stStaffDetail, args),
    gap: ok
      ? undefined
      : {
          amount: needed,
          unit: 'persons' as const,
          normalised: (p.stStaffShare - ratio) / p.stStaffShare,
          text: lazyText(T.stStaffGap, args),
        },
  });
}

/** Pushes the R&D ratio and domestic-share criteria (条件（五）). */
function rdCriteria(
  out: CriterionResult[],
  years: number[],
  figures: (YearFigures | undefined)[],
  p: HighTechEnterpriseParameters,
): void {
  let missing: number[] | undefined;
  let rd = 0;
  let sales = 0;
  let reported = 0;
  let domestic = 0;
  let domesticKnown = true;
  let categorised = true;
  let otherCut = 0;
  let externalCut = 0;
  for (let i = 0; i < years.length; i++) {
    const f = figures[i];
    const adj = f ? highTechRdOfYear(f, p) : undefined;
    if (!f || adj?.amount === undefined || f.salesRevenue === undefined) {
      if (missing === undefined) missing = [];
      missing.push(years[i] as number);
      continue;
    }
    rd += adj.amount;
    sales += f.salesRevenue;
    otherCut += adj.otherCut;
    externalCut += adj.externalCut;
    if (!adj.categorised) categorised = false;
    const total = f.rdExpense ?? adj.amount + adj.otherCut + adj.externalCut;
    reported += total;
    if (f.rdExpenseDomestic === undefined) domesticKnown = false;
    else domestic += f.rdExpenseDomestic;
  }
  const latestSales = figures[figures.length - 1]?.salesRevenue;
  const n = years.length;
  if (n === 0 || missing !== undefined || latestSales === undefined) {
    const detail =
      n === 0 ? T.noAccountingYear : lazyText(T.missingYears, missing ?? years.slice(-1));
    out.push(
      buildCriterion(C.rdRatio, {
        outcome: n === 0 ? 'unmet' : 'needsReview',
        value: null,
        threshold: null,
        unit: 'ratio',
        detail,
        gap:
          n === 0
            ? {
                amount: 1,
                unit: 'years' as const,
                normalised: 1,
                text: T.noAccountingYearGap,
              }
            : undefined,
      }),
      buildCriterion(C.domestic, {
        outcome: 'needsReview',
        value: null,
        threshold: p.domesticShare,
        unit: 'ratio',
        detail,
      }),
    );
    return;
  }
  const threshold = rdThresholdFor(latestSales, p);
  const first = years[0] as number;
  const lastOfSpan = years[n - 1] as number;
  if (sales <= 0) {
    out.push(
      buildCriterion(C.rdRatio, {
        outcome: 'unmet',
        value: null,
        threshold,
        unit: 'ratio',
        detail: lazyText(T.rdNoSales, { first, last: lastOfSpan }),
        gap: { amount: 0, unit: '万元', normalised: 1, text: T.rdNoSalesGap },
      }),
    );
  } else {
    const ratio = rd / sales;
    const ok = atLeast(ratio, threshold);
    const shortfall = threshold * sales - rd;
    const args: RdArgs = {
      first,
      last: lastOfSpan,
      n,
      rd,
      sales,
      ratio,
      threshold,
      latestSales,
      otherCut,
      externalCut,
      shortfall,
    };
    out.push(
      buildCriterion(C.rdRatio, {
        outcome: ok ? (categorised ? 'met' : 'needsReview') : 'unmet',
        value: ratio,
        threshold,
        unit: 'ratio',
        detail: lazyText(T.rdDetail, args),
        note: ok && !categorised ? T.rdUncategorised : undefined,
        gap: ok
          ? undefined
          : {
              amount: shortfall,
              unit: '万元' as const,
              normalised: (threshold - ratio) / threshold,
              text: lazyText(T.rdGap, args),
            },
      }),
    );
  }
  if (!domesticKnown || reported <= 0) {
    out.push(
      buildCriterion(C.domestic, {
        outcome: reported <= 0 && domesticKnown ? 'unmet' : 'needsReview',
        value: null,
        threshold: p.domesticShare,
        unit: 'ratio',
        detail: domesticKnown ? T.rdZero : lazyText(T.domesticMissing, { first, last: lastOfSpan }),
      }),
    );
    return;
  }
  const share = domestic / reported;
  const ok = atLeast(share, p.domesticShare);
  const needed = (p.domesticShare * reported - domestic) / (1 - p.domesticShare);
  const args: DomesticArgs = {
    first,
    last: lastOfSpan,
    domestic,
    reported,
    share,
    required: p.domesticShare,
    needed,
  };
  out.push(
    buildCriterion(C.domestic, {
      outcome: ok ? 'met' : 'unmet',
      value: share,
      threshold: p.domesticShare,
      unit: 'ratio',
      detail: lazyText(T.domesticDetail, args),
      gap: ok
        ? undefined
        : {
            amount: needed,
            unit: '万元' as const,
            normalised: (p.domesticShare - share) / p.domesticShare,
            text: lazyText(T.domesticGap, args),
          },
    }),
  );
}

/** 高新技术产品（服务）收入 of a year: products/services + 技术转让 + 技术服务 + 接受委托研发 (not 技术承包, HT-09). */
export function htpsRevenueOf(y: YearFigures): number | undefined {
  const t = y.technicalIncome;
  if (y.highTechProductRevenue === undefined && t === undefined) return undefined;
  return (
    (y.highTechProductRevenue ?? 0) +
    (t?.transfer ?? 0) +
    (t?.services ?? 0) +
    (t?.commissionedRd ?? 0)
  );
}

function htpsCriterion(
  last: YearFigures | undefined,
  lastYear: number,
  p: HighTechEnterpriseParameters,
): CriterionResult {
  const htps = last ? htpsRevenueOf(last) : undefined;
  if (!last || htps === undefined || last.totalRevenue === undefined) {
    return buildCriterion(C.htps, {
      outcome: 'needsReview',
      value: null,
      threshold: p.htpsShare,
      unit: 'ratio',
      detail: lazyText(T.htpsMissing, lastYear),
    });
  }
  const base = last.totalRevenue - (last.nonTaxableRevenue ?? 0);
  const share = base > 0 ? htps / base : 0;
  const ok = base > 0 && atLeast(share, p.htpsShare);
  const needed = p.htpsShare * base - htps;
  const args: HtpsArgs = {
    year: lastYear,
    htps,
    base,
    share,
    required: p.htpsShare,
    needed,
    noNonTaxable: last.nonTaxableRevenue === undefined,
    contracting: last.technicalIncome?.contracting ?? 0,
  };
  return buildCriterion(C.htps, {
    outcome: ok ? 'met' : 'unmet',
    value: share,
    threshold: p.htpsShare,
    unit: 'ratio',
    detail: lazyText(T.htpsDetail, args),
    note: args.noNonTaxable || args.contracting > 0 ? lazyText(T.htpsNote, args) : undefined,
    gap: ok
      ? undefined
      : {
          amount: needed,
          unit: '万元' as const,
          normalised: (p.htpsShare - share) / p.htpsShare,
          text: lazyText(T.htpsGap, args),
        },
  });
}

/** The range an R&D management item can score from its evidence (all false → 0, some true → 1–cap). */
function managementRange(
  item: Record<string, boolean | undefined> | undefined,
  cap: number,
): ScoreRange {
  if (!item) return scoreRange(0, cap);
  let any = false;
  let unknown = false;
  let keys = 0;
  for (const key in item) {
    keys++;
    const v = item[key];
    if (v === true) any = true;
    else if (v === undefined) unknown = true;
  }
  if (any) return scoreRange(1, cap);
  return unknown || keys === 0 ? scoreRange(0, cap) : scoreRange(0, 0);
}

/**
 * Pushes a scored item whose point an expert may give (within the computed range) and returns its
 * score. `label` names the figures the range was computed from; `labelKey` (0–8191) determines it
 * given the range, or is undefined when it cannot, and then the result is not shared.
 */
function pushScoredItem(
  out: CriterionResult[],
  d: CriterionDefinition,
  range: ScoreRange,
  point: number | undefined,
  label: Bilingual,
  cache: ResultCache<number>,
  labelKey: number | undefined,
): ScoreRange {
  const fromExpert = point !== undefined && inRange(range, point);
  const score = fromExpert ? scoreRange(point, point) : range;
  const pk = pointKey(point);
  const key =
    labelKey !== undefined &&
    pk !== undefined &&
    isSmallInt(range.min, 31) &&
    isSmallInt(range.max, 31)
      ? ((range.min * 31 + range.max) * 32 + pk) * 8192 + labelKey
      : undefined;
  out.push(
    cache.get(key) ?? cache.keep(key, scoredItem(d, range, point, label, fromExpert, score)),
  );
  return score;
}

function scoredItem(
  d: CriterionDefinition,
  range: ScoreRange,
  point: number | undefined,
  label: Bilingual,
  fromExpert: boolean,
  score: ScoreRange,
): CriterionResult {
  const review = range.min !== range.max && !fromExpert;
  return buildCriterion(d, {
    outcome: scoredOutcome(score, review),
    value: fromExpert ? (point ?? null) : null,
    threshold: null,
    unit: 'points',
    score,
    needsExpert: review && d.expert,
    detail: lazyText(T.scoredItem, {
      label,
      score,
      mark: fromExpert ? 'expert' : review ? 'awaiting' : 'computed',
    }),
    note: point !== undefined && !fromExpert ? T.expertRejected : undefined,
  });
}

/** Pushes a growth item (成长性) and returns its score. */
function pushGrowthItem(
  out: CriterionResult[],
  d: CriterionDefinition,
  years: readonly number[],
  values: (number | undefined)[],
  point: number | undefined,
  label: Bilingual,
): ScoreRange {
  let missing: number[] | undefined;
  for (let i = 0; i < years.length; i++) {
    if (values[i] !== undefined) continue;
    if (missing === undefined) missing = [];
    missing.push(years[i] as number);
  }
  if (missing !== undefined) {
    const score = scoreRange(0, 10);
    out.push(
      buildCriterion(d, {
        outcome: 'needsReview',
        value: null,
        threshold: null,
        unit: 'ratio',
        score,
        detail: lazyText(T.growthMissing, { label, missing }),
      }),
    );
    return score;
  }
  const series = values as number[];
  const g = growthRate(series);
  const expertPoint = g.review ? undefined : point;
  const fromExpert = expertPoint !== undefined && inRange(g.score, expertPoint);
  const rejected = expertPoint !== undefined && !fromExpert;
  const score = fromExpert ? scoreRange(expertPoint, expertPoint) : g.score;
  out.push(
    buildCriterion(d, {
      outcome: scoredOutcome(score, g.review),
      value: g.rate,
      threshold: null,
      unit: 'ratio',
      score,
      detail: lazyText(T.growth, { label, values: series, rate: g.rate, score }),
      readings: g.readings,
      note: rejected ? T.expertRejected : g.note,
    }),
  );
  return score;
}

/** Pushes the innovation score and its items (条件（七）); returns the total range. */
function innovationCriteria(
  out: CriterionResult[],
  profile: Profile,
  asOf: IsoDate,
  years: number[],
  figures: (YearFigures | undefined)[],
  ip: ReturnType<typeof countIp>,
  ipArgs: IpArgs,
  p: HighTechEnterpriseParameters,
  caches: HighTechCaches,
): ScoreRange {
  const ex = profile.expert;
  const hasIp = ip.class1 + ip.class2 > 0;
  // The total comes first in the results, before its items (inserted there at the end).
  const totalIndex = out.length;

  // (a) 知识产权
  const a1 = pushScoredItem(
    out,
    C.advancement,
    hasIp ? scoreRange(0, 8) : scoreRange(0, 0),
    hasIp ? ex.technologyAdvancement : undefined,
    hasIp ? T.advancementLabel : T.noUsableIp,
    caches.scored[0] as ResultCache<number>,
    0,
  );
  const a2 = pushScoredItem(
    out,
    C.coreSupport,
    hasIp ? scoreRange(0, 8) : scoreRange(0, 0),
    hasIp ? ex.coreSupport : undefined,
    hasIp ? T.coreSupportLabel : T.noUsableIp,
    caches.scored[1] as ResultCache<number>,
    0,
  );
  const a3 = pushScoredItem(
    out,
    C.ipCount,
    ipCountTier(ip.class1, ip.class2),
    ex.ipCount,
    lazyText(T.ipCountLabel, ipArgs),
    caches.scored[2] as ResultCache<number>,
    isSmallInt(ip.class1, 64) && isSmallInt(ip.class2, 64) ? ip.class1 * 64 + ip.class2 : undefined,
  );
  const a4 = pushScoredItem(
    out,
    C.acquisition,
    !hasIp ? scoreRange(0, 0) : ip.ownRd ? scoreRange(1, 6) : scoreRange(1, 3),
    ex.ipAcquisition,
    !hasIp ? T.noUsableIp : ip.ownRd ? T.ownRdLabel : T.acquiredOnlyLabel,
    caches.scored[3] as ResultCache<number>,
    0,
  );
  let standardsCount = 0;
  for (const s of profile.standards)
    if ((s.level === 'national' || s.level === 'industry') && s.publishedOn <= asOf)
      standardsCount++;
  const a5 = pushScoredItem(
    out,
    C.standards,
    standardsCount > 0 ? scoreRange(1, 2) : scoreRange(0, 0),
    ex.standardsBonus,
    lazyText(T.standardsLabel, standardsCount),
    caches.scored[4] as ResultCache<number>,
    isSmallInt(standardsCount, 8192) ? standardsCount : undefined,
  );
  const rawMin = a1.min + a2.min + a3.min + a4.min + a5.min;
  const rawMax = a1.max + a2.max + a3.max + a4.max + a5.max;
  const ipScore = scoreRange(Math.min(30, rawMin), Math.min(30, rawMax));
  // The capped score follows from the raw sums, so they alone are the key.
  const ipKey = isSmallInt(rawMin, 64) && isSmallInt(rawMax, 64) ? rawMin * 64 + rawMax : undefined;
  out.push(
    caches.ipSubtotal.get(ipKey) ??
      caches.ipSubtotal.keep(ipKey, ipSubtotalCriterion(ipScore, rawMin, rawMax)),
  );

  // (b) 科技成果转化: annual average over the window years
  let conversions = 0;
  let convMissing: number[] | undefined;
  for (let i = 0; i < years.length; i++) {
    const c = figures[i]?.conversions;
    if (c !== undefined) conversions += c;
    else if (convMissing === undefined) convMissing = [years[i] as number];
    else convMissing.push(years[i] as number);
  }
  const average = years.length > 0 ? conversions / years.length : 0;
  const convTier = conversionTier(average);
  const convReview = convMissing !== undefined;
  const convRange = convReview ? scoreRange(convTier.min, 30) : convTier;
  const convPoint = convReview ? undefined : ex.conversions;
  const convFromExpert = convPoint !== undefined && inRange(convRange, convPoint);
  const convScore = convFromExpert ? scoreRange(convPoint, convPoint) : convRange;
  const convRejected = convPoint !== undefined && !convFromExpert;
  // Without missing years the result follows from the count of years and of conversions, the
  // score and whether an expert point was rejected.
  const convKey =
    convMissing === undefined &&
    isSmallInt(conversions, 1024) &&
    isSmallInt(convScore.min, 31) &&
    isSmallInt(convScore.max, 31)
      ? (((years.length * 1024 + conversions) * 31 + convScore.min) * 31 + convScore.max) * 2 +
        (convRejected ? 1 : 0)
      : undefined;
  out.push(
    caches.conversion.get(convKey) ??
      caches.conversion.keep(
        convKey,
        buildCriterion(C.conversion, {
          outcome: scoredOutcome(convScore, convReview),
          value: average,
          threshold: null,
          unit: 'count',
          score: convScore,
          detail: lazyText(T.conversion, {
            n: years.length,
            conversions,
            average,
            score: convScore,
            missing: convMissing ?? NO_YEARS,
          }),
          note: convRejected ? T.expertRejected : undefined,
        }),
      ),
  );

  // (c) 研究开发组织管理水平: expert ranges from the evidence
  let mgmtMin = 0;
  let mgmtMax = 0;
  for (let i = 0; i < 4; i++) {
    const cap = MANAGEMENT_CAPS[i] as number;
    const key = MANAGEMENT_KEYS[i] as (typeof MANAGEMENT_KEYS)[number];
    const evidence = profile.rdManagement[key] as Record<string, boolean | undefined> | undefined;
    const range = managementRange(evidence, cap);
    const point = ex.rdManagement?.[i];
    const fromExpert = point !== undefined && inRange(range, point);
    const score = fromExpert ? scoreRange(point, point) : range;
    const review = score.min !== score.max;
    mgmtMin += score.min;
    mgmtMax += score.max;
    const mark = fromExpert ? 'expert' : evidence ? 'evidence' : 'none';
    const rejected = point !== undefined && !fromExpert;
    // An expert's point is the score itself, so the item, score, mark and rejection are the key.
    const mKey =
      isSmallInt(score.min, 31) && isSmallInt(score.max, 31)
        ? (((i * 31 + score.min) * 31 + score.max) * 3 + (fromExpert ? 0 : evidence ? 1 : 2)) * 2 +
          (rejected ? 1 : 0)
        : undefined;
    out.push(
      caches.management.get(mKey) ??
        caches.management.keep(
          mKey,
          buildCriterion(C.management[i] as CriterionDefinition, {
            outcome: scoredOutcome(score, review),
            value: fromExpert ? point : null,
            threshold: cap,
            unit: 'points',
            score,
            needsExpert: review,
            detail: lazyText(T.management, { score, mark }),
            note: rejected ? T.expertRejected : undefined,
          }),
        ),
    );
  }

  const mgmt = scoreRange(mgmtMin, mgmtMax);

  // (d) 成长性: net assets and sales
  const netAssets: (number | undefined)[] = new Array(figures.length);
  const salesSeries: (number | undefined)[] = new Array(figures.length);
  for (let i = 0; i < figures.length; i++) {
    netAssets[i] = netAssetsOf(figures[i]);
    salesSeries[i] = figures[i]?.salesRevenue;
  }
  const d1 = pushGrowthItem(
    out,
    C.netAssetGrowth,
    years,
    netAssets,
    ex.netAssetGrowth,
    T.netAssetsLabel,
  );
  const d2 = pushGrowthItem(out, C.salesGrowth, years, salesSeries, ex.salesGrowth, T.salesLabel);

  const total: ScoreRange = {
    min: ipScore.min + convScore.min + mgmt.min + d1.min + d2.min,
    max: ipScore.max + convScore.max + mgmt.max + d1.max + d2.max,
  };
  const pass = p.passScore;
  const outcome = total.min >= pass ? 'met' : total.max < pass ? 'unmet' : 'needsReview';
  let expertItems = 0;
  for (let i = totalIndex; i < out.length; i++) if (out[i]?.needsExpert) expertItems++;
  // Every figure of the total is a small integer unless an expert gave a fractional point.
  let key = expertItems > 0 ? 1 : 0;
  key = keyDigits(key, ipScore);
  key = keyDigits(key, convScore);
  key = keyDigits(key, mgmt);
  key = keyDigits(key, d1);
  key = keyDigits(key, d2);
  const totalKey = key >= 0 ? key : undefined;
  const totalResult =
    caches.innovation.get(totalKey) ??
    caches.innovation.keep(
      totalKey,
      innovationTotal(
        {
          ip: ipScore,
          conversion: convScore,
          management: mgmt,
          growthMin: d1.min + d2.min,
          growthMax: d1.max + d2.max,
          total,
          pass,
        },
        outcome,
        expertItems > 0,
      ),
    );
  out.splice(totalIndex, 0, totalResult);
  return totalResult.score ?? total;
}

/** `key` with two more base-31 digits, the bounds of `r`; −1 once a bound is not an integer 0–30. */
function keyDigits(key: number, r: ScoreRange): number {
  if (key < 0 || !isSmallInt(r.min, 31) || !isSmallInt(r.max, 31)) return -1;
  return (key * 31 + r.min) * 31 + r.max;
}

function ipSubtotalCriterion(ipScore: ScoreRange, rawMin: number, rawMax: number): CriterionResult {
  return buildCriterion(C.ipSubtotal, {
    outcome: scoredOutcome(ipScore, ipScore.min !== ipScore.max),
    value: null,
    threshold: 30,
    unit: 'points',
    score: ipScore,
    detail: lazyText(T.ipSubtotal, { score: ipScore, rawMin, rawMax }),
  });
}

function innovationTotal(
  args: InnovationArgs,
  outcome: CriterionResult['outcome'],
  expertItems: boolean,
): CriterionResult {
  const { total, pass } = args;
  return buildCriterion(C.innovation, {
    outcome,
    value: null,
    threshold: pass,
    unit: 'points',
    score: total,
    needsExpert: outcome === 'needsReview' && expertItems,
    detail: lazyText(T.innovation, args),
    gap:
      outcome === 'unmet'
        ? {
            amount: pass - total.max,
            unit: 'points' as const,
            normalised: (pass - total.max) / pass,
            text: lazyText(T.innovationGap, args),
          }
        : undefined,
  });
}

const NO_YEARS: readonly number[] = Object.freeze([]);

const ACCIDENT_KINDS = [
  'majorSafetyAccident',
  'majorQualityAccident',
  'seriousEnvironmentalViolation',
] as const;

function incidentCriterion(
  profile: Profile,
  asOf: IsoDate,
  from: IsoDate,
  cache: ResultCache<number>,
): CriterionResult {
  const found =
    profile.incidents.length > 0 ? incidentsBetween(profile, ACCIDENT_KINDS, from, asOf) : [];
  if (found.length > 0) {
    const latest = found.reduce((a, b) => (a.date >= b.date ? a : b));
    const clear = addDays(latest.date, 366);
    const args: IncidentArgs = { date: latest.date, kind: latest.kind, from, asOf, clear };
    return buildCriterion(C.incidents, {
      outcome: 'unmet',
      value: false,
      threshold: true,
      unit: 'boolean',
      detail: lazyText(T.incident, args),
      gap: {
        amount: daysBetween(asOf, clear),
        unit: 'days',
        normalised: 1,
        text: lazyText(T.incidentGap, args),
      },
    });
  }
  // Without an accident the result depends only on the screening and the date (the cache is
  // cleared when the date changes).
  const screened = profile.incidentScreening;
  const key = screened ? 1 : 0;
  return (
    cache.get(key) ??
    cache.keep(
      key,
      buildCriterion(C.incidents, {
        outcome: screened ? 'met' : 'needsReview',
        value: screened ? true : null,
        threshold: true,
        unit: 'boolean',
        detail: screened ? lazyText(T.screened, { from, asOf }) : T.notScreened,
      }),
    )
  );
}

/** The 高企 rule set (2016 texts), optionally with other thresholds. */
export function highTechEnterpriseRuleSet(
  parameters: Partial<HighTechEnterpriseParameters> = {},
): RuleSet {
  const p = { ...HIGH_TECH_2016, ...parameters };
  let windowFor = '';
  let accidentsFrom = '';
  const caches = highTechCaches();
  return {
    id: 'highTechEnterprise-2016',
    kind: 'highTechEnterprise',
    version: '2016',
    validFrom: '2016-01-01',
    validTo: null,
    title: {
      zh: '高新技术企业认定（2016 年办法与指引）',
      en: 'High-tech enterprise recognition (2016 measures and guidelines)',
    },
    sources: [
      {
        document: BAN_FA,
        title: {
          zh: '高新技术企业认定管理办法',
          en: 'Administrative Measures for the Recognition of High-tech Enterprises',
        },
        url: URL_BANFA,
        basis: 'official',
      },
      {
        document: ZHI_YIN,
        title: {
          zh: '高新技术企业认定管理工作指引',
          en: 'Working Guidelines for the Recognition of High-tech Enterprises',
        },
        url: URL_ZHIYIN,
        basis: 'official',
      },
    ],
    criteria: [
      C.registered,
      C.ip,
      C.field,
      C.stStaff,
      C.rdRatio,
      C.domestic,
      C.htps,
      C.innovation,
      C.advancement,
      C.coreSupport,
      C.ipCount,
      C.acquisition,
      C.standards,
      C.ipSubtotal,
      C.conversion,
      ...C.management,
      C.netAssetGrowth,
      C.salesGrowth,
      C.incidents,
    ],
    notes: [
      staticText(
        '创新能力评价大部分由专家打分：结果给出分数区间；最低分 ≥ 71 才判“通过”，最高分 ≤ 70 判“不通过”，其余须人工复核',
        'Most of the innovation score is expert-judged: the result is a range; pass only if the minimum ≥ 71, fail if the maximum ≤ 70, otherwise review',
      ),
    ],
    evaluate: (profile, { asOf }) => {
      // Every profile of a batch shares the date: compute the start of its 365-day window once.
      if (asOf !== windowFor) {
        windowFor = asOf;
        accidentsFrom = yearBefore(asOf);
        caches.registered.clear();
        caches.incident.clear();
      }
      return evaluateHighTech(profile, asOf, accidentsFrom, p, caches);
    },
  };
}
