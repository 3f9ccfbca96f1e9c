/**
 * 高新技术企业 (high-tech enterprise) rule set: 国科发火〔2016〕32号《高新技术企业认定管理办法》
 * 第十一条 (the eight conditions) with 国科发火〔2016〕195号《高新技术企业认定管理工作指引》 (year terms,
 * R&D collection scope, HTPS revenue, staff counting, the innovation-capability score and the
 * growth formula). Rules, sources and ⚠ uncertainties: `qualification-rules.md` §1 and §7 HT-01…HT-20.
 */
import type { Bilingual, IsoDate } from '@kechuang/domain';
import {
  atLeast,
  buildCriterion,
  EPSILON,
  points,
  scoredOutcome,
  yearsZh,
} from './buildCriterion.ts';
import { addDays, daysBetween } from './calendarDays.ts';
import { formatNumber, formatPercent, formatWan, formatWanUp } from './formatValue.ts';
import type { Profile, YearFigures } from './profile.ts';
import {
  countIp,
  findYear,
  INCIDENT_LABELS,
  incidentsBetween,
  netAssetsOf,
  windowYears,
  yearBefore,
} from './profileFacts.ts';
import type {
  AssessOptions,
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
    text: { zh, en },
    source: { document, article, url: document === BAN_FA ? URL_BANFA : URL_ZHIYIN },
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

const REVIEW_NOTE_UNCATEGORISED: Bilingual = {
  zh: '研发费用未分类填报，无法核对委托外部研发按 80% 计入和其他费用不超过 20% 的规定',
  en: 'R&D is not broken down by category, so the 80 % external and 20 % other-cost rules cannot be checked',
};

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

/** Growth points tiers (HT-17): g ≥ 35 % → 9–10 … 0 < g < 5 % → 1–2; g ≤ 0 → 0. */
export function growthTier(g: number): ScoreRange {
  if (atLeast(g, 0.35)) return { min: 9, max: 10 };
  if (atLeast(g, 0.25)) return { min: 7, max: 8 };
  if (atLeast(g, 0.15)) return { min: 5, max: 6 };
  if (atLeast(g, 0.05)) return { min: 3, max: 4 };
  if (g > EPSILON) return { min: 1, max: 2 };
  return points(0);
}

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
      score: points(0),
      review: false,
      note: {
        zh: '⚠ 只有一年数据，无法计算增长率，按 0 分（实务做法，指引未明文规定）',
        en: '⚠ One year of data: no growth rate, 0 points (practitioner reading, not in the 指引)',
      },
    };
  }
  const [x1 = 0, x2 = 0, x3 = 0] = series;
  const denominators = n === 3 ? [x1, x2] : [x1];
  if (denominators.some((d) => d < 0)) {
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
      score: points(0),
      review: true,
      note: {
        zh: '⚠ 分母为负（如净资产为负），指引未规定：按 0 分并提请人工复核；两种实务读法见下',
        en: '⚠ A negative denominator (e.g. negative net assets) is not covered by the 指引: 0 points and manual review; two practitioner readings below',
      },
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
      score: points(0),
      review: false,
      note: {
        zh: n === 2 ? '第一年为 0，无法计算增长率，按 0 分' : '第二年末为 0，按指引计 0 分',
        en:
          n === 2
            ? 'Year 1 is 0: no growth rate, 0 points'
            : 'Year 2 is 0: 0 points as the 指引 says',
      },
    };
  }
  const result: GrowthResult = { rate, score: growthTier(rate), review: false };
  if (n === 3 && x1 === 0) {
    result.note = {
      zh: '第一年末为 0，按指引用后两年计算',
      en: 'Year 1 is 0: computed from the last two years as the 指引 says',
    };
  }
  if (n === 2) result.note = { zh: '只有两年数据：X2/X1 − 1', en: 'Two years of data: X2/X1 − 1' };
  return result;
}

/** IP count tiers (HT-11). */
export function ipCountTier(class1: number, class2: number): ScoreRange {
  if (class1 >= 1) return { min: 7, max: 8 };
  if (class2 >= 5) return { min: 5, max: 6 };
  if (class2 >= 3) return { min: 3, max: 4 };
  if (class2 >= 1) return { min: 1, max: 2 };
  return points(0);
}

/** Conversion tiers on the annual average (HT-14). */
export function conversionTier(average: number): ScoreRange {
  if (atLeast(average, 5)) return { min: 25, max: 30 };
  if (atLeast(average, 4)) return { min: 19, max: 24 };
  if (atLeast(average, 3)) return { min: 13, max: 18 };
  if (atLeast(average, 2)) return { min: 7, max: 12 };
  if (atLeast(average, 1)) return { min: 1, max: 6 };
  return points(0);
}

/** An expert's point, used only when it lies in the computed range. */
function withExpert(
  range: ScoreRange,
  point: number | undefined,
): { score: ScoreRange; fromExpert: boolean; rejected: boolean } {
  if (point === undefined) return { score: range, fromExpert: false, rejected: false };
  if (point < range.min || point > range.max)
    return { score: range, fromExpert: false, rejected: true };
  return { score: points(point), fromExpert: true, rejected: false };
}

const REJECTED: Bilingual = {
  zh: '所填专家分不在计算所得档次内，未采用',
  en: 'The expert point lies outside the computed tier and was ignored',
};

function rangeText(s: ScoreRange): string {
  return s.min === s.max ? `${s.min}` : `${s.min}–${s.max}`;
}

function missingYearsDetail(years: number[]): Bilingual {
  return {
    zh: `缺少 ${years.join('、')} 年数据`,
    en: `Figures missing for ${years.join(', ')}`,
  };
}

/** Evaluates the eight conditions and the innovation score; pure. */
function evaluateHighTech(
  profile: Profile,
  { asOf }: AssessOptions,
  p: HighTechEnterpriseParameters,
): Evaluation {
  const out: CriterionResult[] = [];
  const years = windowYears(profile, asOf, 3);
  const figures: (YearFigures | undefined)[] = years.map((y) => findYear(profile, y));
  const lastYear = Number(asOf.slice(0, 4)) - 1;
  const last = findYear(profile, lastYear);

  // (一) registered ≥ 365 days
  const days = daysBetween(profile.registrationDate, asOf);
  const regOk = days >= p.minRegisteredDays;
  out.push(
    buildCriterion(C.registered, {
      outcome: regOk ? 'met' : 'unmet',
      value: days,
      threshold: p.minRegisteredDays,
      unit: 'days',
      detail: {
        zh: `注册于 ${profile.registrationDate}，至 ${asOf} 共 ${days} 天`,
        en: `Registered on ${profile.registrationDate}: ${days} days by ${asOf}`,
      },
      ...(regOk
        ? {}
        : {
            gap: {
              amount: p.minRegisteredDays - days,
              unit: 'days' as const,
              normalised: Math.min(1, (p.minRegisteredDays - days) / p.minRegisteredDays),
              text: {
                zh: `还差 ${p.minRegisteredDays - days} 天，${addDays(profile.registrationDate, p.minRegisteredDays)} 起满 365 天`,
                en: `${p.minRegisteredDays - days} more days; 365 days reached on ${addDays(profile.registrationDate, p.minRegisteredDays)}`,
              },
            },
          }),
    }),
  );

  // (二) IP owned; core support is expert judgement
  const ip = countIp(profile, asOf, { excludeUsedClass2: true });
  const ipTotal = ip.class1 + ip.class2;
  const core = profile.expert.ipCoreSupport;
  out.push(
    buildCriterion(C.ip, {
      outcome:
        ipTotal === 0 ? 'unmet' : core === undefined ? 'needsReview' : core ? 'met' : 'unmet',
      value: ipTotal,
      threshold: 1,
      unit: 'count',
      needsExpert: ipTotal > 0 && core === undefined,
      detail: {
        zh: `可用知识产权 Ⅰ类 ${ip.class1} 项、Ⅱ类 ${ip.class2} 项（已用于以前认定的Ⅱ类和商标不计）${
          ipTotal > 0
            ? core === undefined
              ? '；是否发挥核心支持作用须专家判断'
              : core
                ? '；专家认定发挥核心支持作用'
                : '；专家认定未发挥核心支持作用'
            : ''
        }`,
        en: `Usable IP: ${ip.class1} class I, ${ip.class2} class II (class II already used and trademarks excluded)${
          ipTotal > 0
            ? core === undefined
              ? '; core support needs an expert'
              : core
                ? '; an expert confirmed core support'
                : '; an expert found no core support'
            : ''
        }`,
      },
      ...(ipTotal === 0
        ? {
            gap: {
              amount: 1,
              unit: 'count' as const,
              normalised: 1,
              text: {
                zh: '需至少 1 项有效的自有知识产权（发明专利、实用新型、软件著作权等）',
                en: 'Needs at least one valid owned IP item (invention, utility model, software copyright …)',
              },
            },
          }
        : {}),
    }),
  );

  // (三) field
  const field = profile.highTechField;
  const fit = profile.expert.fieldFit;
  out.push(
    buildCriterion(C.field, {
      outcome: field === undefined || fit === undefined ? 'needsReview' : fit ? 'met' : 'unmet',
      value: field ?? null,
      threshold: null,
      unit: 'code',
      needsExpert: field !== undefined && fit === undefined,
      detail:
        field === undefined
          ? { zh: '未选择高新技术领域', en: 'No high-tech field chosen' }
          : {
              zh: `所选领域 ${field}${fit === undefined ? '；是否属于该领域须专家判断' : fit ? '；专家认定属于该领域' : '；专家认定不属于该领域'}`,
              en: `Chosen field ${field}${fit === undefined ? '; the fit needs an expert' : fit ? '; an expert confirmed the fit' : '; an expert found it outside the field'}`,
            },
    }),
  );

  // (四) S&T staff ≥ 10 % of last year's total staff
  out.push(stStaffCriterion(last, lastYear, p));

  // (五) R&D ratio and domestic share
  out.push(...rdCriteria(years, figures, p));

  // (六) HTPS ≥ 60 % of last year's 总收入
  out.push(htpsCriterion(last, lastYear, p));

  // (七) innovation score
  const innovation = innovationCriteria(profile, asOf, years, figures, ip, p);
  out.push(...innovation.criteria);

  // (八) no major accident in the 365 days before the application
  out.push(incidentCriterion(profile, asOf));

  return { criteria: out, score: innovation.total };
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
      detail: {
        zh: `缺少 ${lastYear} 年科技人员或职工总数（全年月平均）`,
        en: `S&T staff or total staff (annual monthly average) missing for ${lastYear}`,
      },
    });
  }
  const ratio = total > 0 ? st / total : 0;
  const ok = total > 0 && atLeast(ratio, p.stStaffShare);
  const needed = Math.max(
    0,
    Math.ceil((p.stStaffShare * total - st) / (1 - p.stStaffShare) - 1e-9),
  );
  return buildCriterion(C.stStaff, {
    outcome: ok ? 'met' : 'unmet',
    value: ratio,
    threshold: p.stStaffShare,
    unit: 'ratio',
    detail: {
      zh: `${lastYear} 年科技人员 ${formatNumber(st)} 人 / 职工总数 ${formatNumber(total)} 人 = ${formatPercent(ratio)}`,
      en: `${lastYear}: ${formatNumber(st)} S&T staff / ${formatNumber(total)} staff = ${formatPercent(ratio)}`,
    },
    ...(ok
      ? {}
      : {
          gap: {
            amount: needed,
            unit: 'persons' as const,
            normalised: (p.stStaffShare - ratio) / p.stStaffShare,
            text: {
              zh: `科技人员占比 ${formatPercent(ratio)}，需达到 ${formatPercent(p.stStaffShare)}：还需增加科技人员 ${needed} 人（全年月平均）`,
              en: `S&T staff share ${formatPercent(ratio)}, needs ${formatPercent(p.stStaffShare)}: ${needed} more S&T staff (annual monthly average)`,
            },
          },
        }),
  });
}

function rdCriteria(
  years: number[],
  figures: (YearFigures | undefined)[],
  p: HighTechEnterpriseParameters,
): CriterionResult[] {
  const missing: number[] = [];
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
  if (n === 0 || missing.length > 0 || latestSales === undefined) {
    const detail =
      n === 0
        ? {
            zh: '申请年度之前没有完整的会计年度',
            en: 'No accounting year before the application year',
          }
        : missingYearsDetail(missing.length > 0 ? missing : years.slice(-1));
    return [
      buildCriterion(C.rdRatio, {
        outcome: n === 0 ? 'unmet' : 'needsReview',
        value: null,
        threshold: null,
        unit: 'ratio',
        detail,
        ...(n === 0
          ? {
              gap: {
                amount: 1,
                unit: 'years' as const,
                normalised: 1,
                text: {
                  zh: '至少需要一个会计年度的数据',
                  en: 'Needs at least one accounting year',
                },
              },
            }
          : {}),
      }),
      buildCriterion(C.domestic, {
        outcome: 'needsReview',
        value: null,
        threshold: p.domesticShare,
        unit: 'ratio',
        detail,
      }),
    ];
  }
  const threshold = rdThresholdFor(latestSales, p);
  const span = `${years[0]}–${years[n - 1]}`;
  const nZh = yearsZh(n);
  let rdResult: CriterionResult;
  if (sales <= 0) {
    rdResult = buildCriterion(C.rdRatio, {
      outcome: 'unmet',
      value: null,
      threshold,
      unit: 'ratio',
      detail: {
        zh: `${span} 年销售收入合计为 0，研发费用占比无法计算`,
        en: `Sales over ${span} total 0: the R&D ratio is undefined`,
      },
      gap: {
        amount: 0,
        unit: '万元',
        normalised: 1,
        text: { zh: '须有销售收入', en: 'Needs sales revenue' },
      },
    });
  } else {
    const ratio = rd / sales;
    const ok = atLeast(ratio, threshold);
    const shortfall = threshold * sales - rd;
    const cuts =
      otherCut > 0 || externalCut > 0
        ? {
            zh: `（已按规定扣减：委托外部 20% ${formatWan(externalCut)} 万，其他费用超限 ${formatWan(otherCut)} 万）`,
            en: ` (deducted: 20 % of external R&D ${formatWan(externalCut)}万, other costs over the cap ${formatWan(otherCut)}万)`,
          }
        : { zh: '', en: '' };
    rdResult = buildCriterion(C.rdRatio, {
      outcome: ok ? (categorised ? 'met' : 'needsReview') : 'unmet',
      value: ratio,
      threshold,
      unit: 'ratio',
      detail: {
        zh: `${span} 年研发费用 ${formatWan(rd)} 万 / 销售收入 ${formatWan(sales)} 万 = ${formatPercent(ratio)}${cuts.zh}；最近一年销售收入 ${formatWan(latestSales)} 万，门槛 ${formatPercent(threshold)}`,
        en: `R&D ${formatWan(rd)}万 / sales ${formatWan(sales)}万 over ${span} = ${formatPercent(ratio)}${cuts.en}; latest sales ${formatWan(latestSales)}万 set the threshold ${formatPercent(threshold)}`,
      },
      ...(ok && !categorised ? { note: REVIEW_NOTE_UNCATEGORISED } : {}),
      ...(ok
        ? {}
        : {
            gap: {
              amount: shortfall,
              unit: '万元' as const,
              normalised: (threshold - ratio) / threshold,
              text: {
                zh: `研发费用占比 ${formatPercent(ratio)}，需达到 ${formatPercent(threshold)}：${nZh}年合计还需增加研发投入 ¥${formatWanUp(shortfall)} 万`,
                en: `R&D ratio ${formatPercent(ratio)}, needs ${formatPercent(threshold)}: another ¥${formatWanUp(shortfall)}万 of R&D over the ${n === 1 ? 'year' : `${n} years`}`,
              },
            },
          }),
    });
  }
  let domesticResult: CriterionResult;
  if (!domesticKnown || reported <= 0) {
    domesticResult = buildCriterion(C.domestic, {
      outcome: reported <= 0 && domesticKnown ? 'unmet' : 'needsReview',
      value: null,
      threshold: p.domesticShare,
      unit: 'ratio',
      detail: domesticKnown
        ? { zh: '研发费用为 0', en: 'R&D expense is 0' }
        : { zh: `缺少 ${span} 年境内研发费用`, en: `Domestic R&D missing for ${span}` },
    });
  } else {
    const share = domestic / reported;
    const ok = atLeast(share, p.domesticShare);
    const needed = (p.domesticShare * reported - domestic) / (1 - p.domesticShare);
    domesticResult = buildCriterion(C.domestic, {
      outcome: ok ? 'met' : 'unmet',
      value: share,
      threshold: p.domesticShare,
      unit: 'ratio',
      detail: {
        zh: `${span} 年境内研发费用 ${formatWan(domestic)} 万 / 研发费用总额 ${formatWan(reported)} 万 = ${formatPercent(share)}`,
        en: `Domestic R&D ${formatWan(domestic)}万 / total ${formatWan(reported)}万 over ${span} = ${formatPercent(share)}`,
      },
      ...(ok
        ? {}
        : {
            gap: {
              amount: needed,
              unit: '万元' as const,
              normalised: (p.domesticShare - share) / p.domesticShare,
              text: {
                zh: `境内研发费用占比 ${formatPercent(share)}，需达到 ${formatPercent(p.domesticShare)}：还需增加境内研发投入 ¥${formatWanUp(needed)} 万`,
                en: `Domestic share ${formatPercent(share)}, needs ${formatPercent(p.domesticShare)}: another ¥${formatWanUp(needed)}万 of domestic R&D`,
              },
            },
          }),
    });
  }
  return [rdResult, domesticResult];
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
      detail: {
        zh: `缺少 ${lastYear} 年高新技术产品（服务）收入或收入总额`,
        en: `High-tech revenue or total revenue missing for ${lastYear}`,
      },
    });
  }
  const base = last.totalRevenue - (last.nonTaxableRevenue ?? 0);
  const share = base > 0 ? htps / base : 0;
  const ok = base > 0 && atLeast(share, p.htpsShare);
  const needed = p.htpsShare * base - htps;
  const contracting = last.technicalIncome?.contracting ?? 0;
  const notes: string[][] = [];
  if (last.nonTaxableRevenue === undefined)
    notes.push(['未填不征税收入，按 0 计', 'Non-taxable revenue not given: taken as 0']);
  if (contracting > 0)
    notes.push([
      `技术承包收入 ${formatWan(contracting)} 万不计入（2016 年指引）`,
      `Technology contracting income ${formatWan(contracting)}万 not counted (2016 指引)`,
    ]);
  return buildCriterion(C.htps, {
    outcome: ok ? 'met' : 'unmet',
    value: share,
    threshold: p.htpsShare,
    unit: 'ratio',
    detail: {
      zh: `${lastYear} 年高新技术产品（服务）收入 ${formatWan(htps)} 万 / 总收入 ${formatWan(base)} 万（收入总额 − 不征税收入）= ${formatPercent(share)}`,
      en: `${lastYear}: high-tech revenue ${formatWan(htps)}万 / total revenue ${formatWan(base)}万 (less non-taxable) = ${formatPercent(share)}`,
    },
    ...(notes.length > 0
      ? {
          note: {
            zh: notes.map((n) => n[0]).join('；'),
            en: notes.map((n) => n[1]).join('; '),
          },
        }
      : {}),
    ...(ok
      ? {}
      : {
          gap: {
            amount: needed,
            unit: '万元' as const,
            normalised: (p.htpsShare - share) / p.htpsShare,
            text: {
              zh: `高新技术产品（服务）收入占比 ${formatPercent(share)}，需达到 ${formatPercent(p.htpsShare)}：同期还需 ¥${formatWanUp(needed)} 万收入来自高新技术产品（服务）`,
              en: `High-tech revenue share ${formatPercent(share)}, needs ${formatPercent(p.htpsShare)}: ¥${formatWanUp(needed)}万 more of the year's revenue must come from high-tech products or services`,
            },
          },
        }),
  });
}

function managementRange(
  item: Record<string, boolean | undefined> | undefined,
  cap: number,
): ScoreRange {
  if (!item) return { min: 0, max: cap };
  let any = false;
  let unknown = false;
  for (const v of Object.values(item)) {
    if (v === true) any = true;
    else if (v === undefined) unknown = true;
  }
  if (any) return { min: 1, max: cap };
  return unknown || Object.keys(item).length === 0 ? { min: 0, max: cap } : points(0);
}

function innovationCriteria(
  profile: Profile,
  asOf: IsoDate,
  years: number[],
  figures: (YearFigures | undefined)[],
  ip: ReturnType<typeof countIp>,
  p: HighTechEnterpriseParameters,
): { criteria: CriterionResult[]; total: ScoreRange } {
  const out: CriterionResult[] = [];
  const ex = profile.expert;
  const hasIp = ip.class1 + ip.class2 > 0;

  // (a) 知识产权
  const expertItem = (
    d: CriterionDefinition,
    range: ScoreRange,
    point: number | undefined,
    zh: string,
    en: string,
  ) => {
    const e = withExpert(range, point);
    const review = range.min !== range.max && !e.fromExpert;
    out.push(
      buildCriterion(d, {
        outcome: scoredOutcome(e.score, review),
        value: e.fromExpert ? (point ?? null) : null,
        threshold: null,
        unit: 'points',
        score: e.score,
        needsExpert: review && d.expert,
        detail: {
          zh: `${zh}：${rangeText(e.score)} 分${e.fromExpert ? '（专家意见）' : review ? '（待专家评分）' : ''}`,
          en: `${en}: ${rangeText(e.score)} points${e.fromExpert ? ' (expert)' : review ? ' (awaiting an expert)' : ''}`,
        },
        ...(e.rejected ? { note: REJECTED } : {}),
      }),
    );
    return e.score;
  };
  const a1 = expertItem(
    C.advancement,
    hasIp ? { min: 0, max: 8 } : points(0),
    hasIp ? ex.technologyAdvancement : undefined,
    hasIp ? '由专家按 高/较高/一般/较低/无 评分' : '无可用知识产权',
    hasIp ? 'Scored by experts (high … none)' : 'No usable IP',
  );
  const a2 = expertItem(
    C.coreSupport,
    hasIp ? { min: 0, max: 8 } : points(0),
    hasIp ? ex.coreSupport : undefined,
    hasIp ? '由专家按 强/较强/一般/较弱/无 评分' : '无可用知识产权',
    hasIp ? 'Scored by experts (strong … none)' : 'No usable IP',
  );
  const a3 = expertItem(
    C.ipCount,
    ipCountTier(ip.class1, ip.class2),
    ex.ipCount,
    `Ⅰ类 ${ip.class1} 项、Ⅱ类 ${ip.class2} 项`,
    `${ip.class1} class I, ${ip.class2} class II`,
  );
  const a4 = expertItem(
    C.acquisition,
    !hasIp ? points(0) : ip.ownRd ? { min: 1, max: 6 } : { min: 1, max: 3 },
    ex.ipAcquisition,
    !hasIp ? '无可用知识产权' : ip.ownRd ? '有自主研发' : '仅受让、受赠或并购',
    !hasIp ? 'No usable IP' : ip.ownRd ? 'Own R&D' : 'Acquired only',
  );
  const standardsCount = profile.standards.filter(
    (s) => (s.level === 'national' || s.level === 'industry') && s.publishedOn <= asOf,
  ).length;
  const a5 = expertItem(
    C.standards,
    standardsCount > 0 ? { min: 1, max: 2 } : points(0),
    ex.standardsBonus,
    `参与国家或行业标准 ${standardsCount} 项`,
    `${standardsCount} national or industry standards`,
  );
  const rawMin = a1.min + a2.min + a3.min + a4.min + a5.min;
  const rawMax = a1.max + a2.max + a3.max + a4.max + a5.max;
  const ipScore = { min: Math.min(30, rawMin), max: Math.min(30, rawMax) };
  out.push(
    buildCriterion(C.ipSubtotal, {
      outcome: scoredOutcome(ipScore, ipScore.min !== ipScore.max),
      value: null,
      threshold: 30,
      unit: 'points',
      score: ipScore,
      detail: {
        zh: `知识产权 ${rangeText(ipScore)} 分${rawMax > 30 ? `（含加分合计 ${rangeText({ min: rawMin, max: rawMax })}，封顶 30）` : ''}`,
        en: `IP ${rangeText(ipScore)} points${rawMax > 30 ? ` (with the bonus ${rangeText({ min: rawMin, max: rawMax })}, capped at 30)` : ''}`,
      },
    }),
  );

  // (b) 科技成果转化: annual average over the window years
  let conversions = 0;
  const convMissing: number[] = [];
  for (let i = 0; i < years.length; i++) {
    const c = figures[i]?.conversions;
    if (c === undefined) convMissing.push(years[i] as number);
    else conversions += c;
  }
  const average = years.length > 0 ? conversions / years.length : 0;
  const convTier = conversionTier(average);
  const convReview = convMissing.length > 0;
  const convRange = convReview ? { min: convTier.min, max: 30 } : convTier;
  const conv = withExpert(convRange, convReview ? undefined : ex.conversions);
  out.push(
    buildCriterion(C.conversion, {
      outcome: scoredOutcome(conv.score, convReview),
      value: average,
      threshold: null,
      unit: 'count',
      score: conv.score,
      detail: {
        zh: `${years.length} 年共转化 ${conversions} 项，年均 ${formatNumber(average)} 项：${rangeText(conv.score)} 分${convReview ? `；${missingYearsDetail(convMissing).zh}` : ''}`,
        en: `${conversions} conversions over ${years.length} years, ${formatNumber(average)} a year: ${rangeText(conv.score)} points${convReview ? `; ${missingYearsDetail(convMissing).en}` : ''}`,
      },
      ...(conv.rejected ? { note: REJECTED } : {}),
    }),
  );

  // (c) 研究开发组织管理水平: expert ranges from the evidence
  const mgmt: ScoreRange = { min: 0, max: 0 };
  for (let i = 0; i < 4; i++) {
    const cap = MANAGEMENT_CAPS[i] as number;
    const key = MANAGEMENT_KEYS[i] as (typeof MANAGEMENT_KEYS)[number];
    const evidence = profile.rdManagement[key] as Record<string, boolean | undefined> | undefined;
    const range = managementRange(evidence, cap);
    const e = withExpert(range, ex.rdManagement?.[i]);
    const review = e.score.min !== e.score.max;
    mgmt.min += e.score.min;
    mgmt.max += e.score.max;
    out.push(
      buildCriterion(C.management[i] as CriterionDefinition, {
        outcome: scoredOutcome(e.score, review),
        value: e.fromExpert ? (ex.rdManagement?.[i] ?? null) : null,
        threshold: cap,
        unit: 'points',
        score: e.score,
        needsExpert: review,
        detail: {
          zh: `${rangeText(e.score)} 分${e.fromExpert ? '（专家意见）' : evidence ? '（依据所填制度材料，待专家评分）' : '（未填材料，待专家评分）'}`,
          en: `${rangeText(e.score)} points${e.fromExpert ? ' (expert)' : evidence ? ' (from the evidence given, awaiting an expert)' : ' (no evidence given, awaiting an expert)'}`,
        },
        ...(e.rejected ? { note: REJECTED } : {}),
      }),
    );
  }

  // (d) 成长性: net assets and sales
  const growth = (
    d: CriterionDefinition,
    values: (number | undefined)[],
    point: number | undefined,
    zh: string,
    en: string,
  ) => {
    const missing = years.filter((_, i) => values[i] === undefined);
    if (missing.length > 0) {
      const score = { min: 0, max: 10 };
      out.push(
        buildCriterion(d, {
          outcome: 'needsReview',
          value: null,
          threshold: null,
          unit: 'ratio',
          score,
          detail: {
            zh: `${zh}：${missingYearsDetail(missing).zh}`,
            en: `${en}: ${missingYearsDetail(missing).en}`,
          },
        }),
      );
      return score;
    }
    const g = growthRate(values as number[]);
    const e = withExpert(g.score, g.review ? undefined : point);
    out.push(
      buildCriterion(d, {
        outcome: scoredOutcome(e.score, g.review),
        value: g.rate,
        threshold: null,
        unit: 'ratio',
        score: e.score,
        detail: {
          zh: `${zh} ${values.map((v) => formatWan(v as number)).join(' → ')} 万：增长率 ${g.rate === null ? '—' : formatPercent(g.rate)}，${rangeText(e.score)} 分`,
          en: `${en} ${values.map((v) => formatWan(v as number)).join(' → ')}万: growth ${g.rate === null ? '—' : formatPercent(g.rate)}, ${rangeText(e.score)} points`,
        },
        ...(g.readings ? { readings: g.readings } : {}),
        ...(e.rejected ? { note: REJECTED } : g.note ? { note: g.note } : {}),
      }),
    );
    return e.score;
  };
  const d1 = growth(
    C.netAssetGrowth,
    figures.map((f) => netAssetsOf(f)),
    ex.netAssetGrowth,
    '净资产',
    'Net assets',
  );
  const d2 = growth(
    C.salesGrowth,
    figures.map((f) => f?.salesRevenue),
    ex.salesGrowth,
    '销售收入',
    'Sales',
  );

  const total: ScoreRange = {
    min: ipScore.min + conv.score.min + mgmt.min + d1.min + d2.min,
    max: ipScore.max + conv.score.max + mgmt.max + d1.max + d2.max,
  };
  const pass = p.passScore;
  const outcome = total.min >= pass ? 'met' : total.max < pass ? 'unmet' : 'needsReview';
  const expertIds = out.filter((c) => c.needsExpert).length;
  out.unshift(
    buildCriterion(C.innovation, {
      outcome,
      value: null,
      threshold: pass,
      unit: 'points',
      score: total,
      needsExpert: outcome === 'needsReview' && expertIds > 0,
      detail: {
        zh: `知识产权 ${rangeText(ipScore)} + 成果转化 ${rangeText(conv.score)} + 研发组织管理 ${rangeText(mgmt)} + 成长性 ${rangeText({ min: d1.min + d2.min, max: d1.max + d2.max })} = ${rangeText(total)} 分，需 ≥ ${pass} 分（70 分以上）`,
        en: `IP ${rangeText(ipScore)} + conversions ${rangeText(conv.score)} + R&D management ${rangeText(mgmt)} + growth ${rangeText({ min: d1.min + d2.min, max: d1.max + d2.max })} = ${rangeText(total)} points; needs ≥ ${pass} (above 70)`,
      },
      ...(outcome === 'unmet'
        ? {
            gap: {
              amount: pass - total.max,
              unit: 'points' as const,
              normalised: (pass - total.max) / pass,
              text: {
                zh: `创新能力评价最高 ${total.max} 分，至少还差 ${pass - total.max} 分`,
                en: `The innovation score reaches at most ${total.max}: at least ${pass - total.max} points short`,
              },
            },
          }
        : {}),
    }),
  );
  return { criteria: out, total };
}

const ACCIDENT_KINDS = [
  'majorSafetyAccident',
  'majorQualityAccident',
  'seriousEnvironmentalViolation',
] as const;

function incidentCriterion(profile: Profile, asOf: IsoDate): CriterionResult {
  const from = yearBefore(asOf);
  const found = incidentsBetween(profile, ACCIDENT_KINDS, from, asOf);
  if (found.length > 0) {
    const latest = found.reduce((a, b) => (a.date >= b.date ? a : b));
    const clear = addDays(latest.date, 366);
    return buildCriterion(C.incidents, {
      outcome: 'unmet',
      value: false,
      threshold: true,
      unit: 'boolean',
      detail: {
        zh: `${latest.date} 发生${INCIDENT_LABELS[latest.kind].zh}（在 ${from} 至 ${asOf} 之内）`,
        en: `${INCIDENT_LABELS[latest.kind].en} on ${latest.date} (within ${from} … ${asOf})`,
      },
      gap: {
        amount: daysBetween(asOf, clear),
        unit: 'days',
        normalised: 1,
        text: {
          zh: `须在该事件满 365 天后（${clear} 起）申请`,
          en: `Apply once 365 days have passed since the event (from ${clear})`,
        },
      },
    });
  }
  return buildCriterion(C.incidents, {
    outcome: profile.incidentScreening ? 'met' : 'needsReview',
    value: profile.incidentScreening ? true : null,
    threshold: true,
    unit: 'boolean',
    detail: profile.incidentScreening
      ? {
          zh: `${from} 至 ${asOf} 无记录（已核查）`,
          en: `None recorded ${from} … ${asOf} (checked)`,
        }
      : {
          zh: '未核查信用与监管记录，须人工确认',
          en: 'Credit and regulatory records not checked: confirm manually',
        },
  });
}

/** The 高企 rule set (2016 texts), optionally with other thresholds. */
export function highTechEnterpriseRuleSet(
  parameters: Partial<HighTechEnterpriseParameters> = {},
): RuleSet {
  const p = { ...HIGH_TECH_2016, ...parameters };
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
      {
        zh: '创新能力评价大部分由专家打分：结果给出分数区间；最低分 ≥ 71 才判“通过”，最高分 ≤ 70 判“不通过”，其余须人工复核',
        en: 'Most of the innovation score is expert-judged: the result is a range; pass only if the minimum ≥ 71, fail if the maximum ≤ 70, otherwise review',
      },
    ],
    evaluate: (profile, options) => evaluateHighTech(profile, options, p),
  };
}
