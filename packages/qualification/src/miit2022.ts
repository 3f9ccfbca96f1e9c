/**
 * MIIT 优质中小企业梯度培育 under the 2022 暂行办法 (工信部企业〔2022〕63号): 创新型中小企业 (100-point
 * table with group minimums, or a direct condition), 专精特新中小企业 (hard conditions plus the
 * 13-indicator table or a direct condition) and 专精特新"小巨人" (专业化, 精细化, 特色化 and the
 * innovation routes). Range boundaries like "3%–5%" are lower-inclusive by default (⚠ configurable).
 * Rules, sources and ⚠ uncertainties: `qualification-rules.md` §3.1–§3.3 and §7 MI-01…MI-05.
 */
import type { Bilingual, IsoDate } from '@kechuang/domain';
import { points } from './buildCriterion.ts';
import { formatPercent, formatWan } from './formatValue.ts';
import {
  debtRatioOf,
  directCriterion,
  factCriterion,
  growthOf,
  lastYears,
  mainShareOf,
  miitDef,
  miitIpPoints,
  rangeRule,
  rangeText,
  rdShareOf,
  routeCriterion,
  scoredItem,
  tableItem,
  thresholdCriterion,
  twoYearAverageGrowth,
} from './miitCriteria.ts';
import type { Profile } from './profile.ts';
import {
  bestInstitutionLevel,
  countIp,
  equityWithin,
  holdsQualification,
  operatingRevenueOf,
  withinYears,
} from './profileFacts.ts';
import {
  type BoundaryConvention,
  pointsByTier,
  pointsByTierDescending,
  type TierTable,
} from './scoreTiers.ts';
import type {
  AssessOptions,
  CriterionResult,
  Evaluation,
  RuleSet,
  ScoreRange,
  SourceDocument,
} from './types.ts';

const DOC = '工信部企业〔2022〕63号';
const URL_IN = 'https://gqrdw.cn/zixun/232.html';
const URL_SP = 'http://nomecha.com/view/449.html';
const URL_SP_TABLE = 'http://m.delacour.com.cn/ask/78162.html';
const URL_LG = 'http://www.qdjlsl.com/s5123274.html';

/** The 2022 暂行办法 as a source document. */
export const MIIT_2022_SOURCE: SourceDocument = {
  document: DOC,
  title: {
    zh: '优质中小企业梯度培育管理暂行办法',
    en: 'Interim Measures for the Tiered Cultivation of High-quality SMEs',
  },
  url: URL_IN,
  basis: 'official',
};

/** Parameters of the MIIT 2022 rule sets. */
export type Miit2022Parameters = {
  /** Which end of "3%–5%" ranges is inclusive (⚠ not stated; default lower-inclusive). */
  boundary: BoundaryConvention;
};

const t = (rows: [number, number][], otherwise = 0): TierTable => ({ rows, otherwise });

// 创新型中小企业 tables (§3.1)
const IN_RD = t([
  [0.05, 20],
  [0.03, 15],
  [0.02, 10],
  [0.01, 5],
]);
const IN_GROWTH = t([
  [0.15, 20],
  [0.1, 15],
  [0.05, 10],
  [0, 5],
]);
const IN_DEBT = t([
  [0.55, 10],
  [0.75, 5],
]);
const IN_MAIN = t([
  [0.7, 20],
  [0.6, 15],
  [0.55, 10],
  [0.5, 5],
]);

const IN = {
  route: miitDef(
    'MI22-IN-route',
    '评价得分 ≥ 60 分且创新能力 ≥ 20、成长性 ≥ 15、专业化 ≥ 15，或符合直通条件之一',
    'Score ≥ 60 with innovation ≥ 20, growth ≥ 15, specialisation ≥ 15, or a direct condition',
    DOC,
    '附件1 创新型中小企业评价标准',
    URL_IN,
  ),
  score: miitDef(
    'MI22-IN-score',
    '创新型中小企业评价得分',
    'Innovative-SME score',
    DOC,
    '附件1 评价指标',
    URL_IN,
    { partOf: 'MI22-IN-route' },
  ),
  ip: miitDef(
    'MI22-IN-ip',
    '与主导产品相关的有效知识产权数量（20 分）',
    'IP on the main products (20)',
    DOC,
    '附件1 创新能力（1）',
    URL_IN,
    { partOf: 'MI22-IN-score' },
  ),
  rd: miitDef(
    'MI22-IN-rd',
    '上年度研发费用占营业收入比重（20 分）',
    'Last year’s R&D / operating revenue (20)',
    DOC,
    '附件1 创新能力（2）',
    URL_IN,
    { partOf: 'MI22-IN-score' },
  ),
  growth: miitDef(
    'MI22-IN-growth',
    '上年度主营业务收入增长率（20 分）',
    'Last year’s main-business growth (20)',
    DOC,
    '附件1 成长性（1）',
    URL_IN,
    { partOf: 'MI22-IN-score' },
  ),
  debt: miitDef(
    'MI22-IN-debt',
    '上年度资产负债率（10 分）',
    'Last year’s debt ratio (10)',
    DOC,
    '附件1 成长性（2）',
    URL_IN,
    { partOf: 'MI22-IN-score' },
  ),
  field: miitDef(
    'MI22-IN-field',
    '主导产品所属领域（10 分）',
    'Field of the main product (10)',
    DOC,
    '附件1 专业化（1）',
    URL_IN,
    { partOf: 'MI22-IN-score' },
  ),
  main: miitDef(
    'MI22-IN-mainShare',
    '上年度主营业务收入占营业收入比重（20 分）',
    'Main-business share of operating revenue (20)',
    DOC,
    '附件1 专业化（2）',
    URL_IN,
    { partOf: 'MI22-IN-score' },
  ),
  dAward: miitDef(
    'MI22-IN-D1-award',
    '直通：近三年获得国家级、省级科技奖励',
    'Direct: national or provincial S&T award in 3 years',
    DOC,
    '附件1 直通条件（1）',
    URL_IN,
    { partOf: 'MI22-IN-route' },
  ),
  dTitle: miitDef(
    'MI22-IN-D2-title',
    '直通：有效的高新技术企业、国家级技术创新示范企业、知识产权优势企业或示范企业',
    'Direct: valid 高企, national technology-innovation demonstration, or IP advantage/demonstration enterprise',
    DOC,
    '附件1 直通条件（2）',
    URL_IN,
    { partOf: 'MI22-IN-route' },
  ),
  dInstitution: miitDef(
    'MI22-IN-D3-institution',
    '直通：拥有经认定的省部级以上研发机构',
    'Direct: provincial or higher R&D institution',
    DOC,
    '附件1 直通条件（3）',
    URL_IN,
    { partOf: 'MI22-IN-route' },
  ),
  dEquity: miitDef(
    'MI22-IN-D4-equity',
    '直通：近三年新增股权融资总额（合格机构投资者实缴）500 万元以上',
    'Direct: ≥ 5 million yuan new qualified equity in 3 years',
    DOC,
    '附件1 直通条件（4）',
    URL_IN,
    { partOf: 'MI22-IN-route' },
  ),
};

/** The criteria of the 2022 创新型中小企业 table. */
export const INNOVATIVE_SME_2022_CRITERIA = IN;

/** 创新型中小企业 evaluation (2022 table); reused by the 2026 transitional rule set. */
export function evaluateInnovativeSme(
  profile: Profile,
  { asOf }: AssessOptions,
  p: Miit2022Parameters,
): Evaluation {
  const [prev, last] = lastYears(profile, asOf, 2);
  const b = p.boundary;
  const ip = miitIpPoints(profile, asOf, { top: 20, own: 15, class1: 10, class2: 5 });
  const subs: CriterionResult[] = [
    scoredItem(IN.ip, points(ip.points), ip.points, 'points', ip.detail),
    tableItem(IN.rd, rdShareOf(last), 20, (v) => pointsByTier(v, IN_RD, b), {
      zh: '研发费用占营业收入比重',
      en: 'R&D share',
    }),
    tableItem(
      IN.growth,
      growthOf(prev?.mainBusinessRevenue, last?.mainBusinessRevenue),
      20,
      (v) => pointsByTier(v, IN_GROWTH, b),
      { zh: '主营业务收入增长率', en: 'Main-business growth' },
    ),
    tableItem(IN.debt, debtRatioOf(last), 10, (v) => pointsByTierDescending(v, IN_DEBT, b), {
      zh: '资产负债率',
      en: 'Debt ratio',
    }),
    scoredItem(
      IN.field,
      profile.industryFlags.strategicEmerging === undefined
        ? { min: 5, max: 10 }
        : points(profile.industryFlags.strategicEmerging ? 10 : 5),
      profile.industryFlags.strategicEmerging ?? null,
      'boolean',
      {
        zh: `主导产品${profile.industryFlags.strategicEmerging === undefined ? '是否属于战略性新兴产业不清楚' : profile.industryFlags.strategicEmerging ? '属于战略性新兴产业' : '不属于战略性新兴产业'}`,
        en: 'Strategic emerging industry',
      },
    ),
    tableItem(IN.main, mainShareOf(last), 20, (v) => pointsByTier(v, IN_MAIN, b), {
      zh: '主营业务收入占比',
      en: 'Main-business share',
    }),
  ];
  const sum = (from: number, to: number): ScoreRange => {
    const s = { min: 0, max: 0 };
    for (let i = from; i < to; i++) {
      s.min += subs[i]?.score?.min ?? 0;
      s.max += subs[i]?.score?.max ?? 0;
    }
    return s;
  };
  const innovation = sum(0, 2);
  const growth = sum(2, 4);
  const special = sum(4, 6);
  const total = sum(0, 6);
  const outcome = rangeRule([
    { ...total, need: 60 },
    { ...innovation, need: 20 },
    { ...growth, need: 15 },
    { ...special, need: 15 },
  ]);
  const detail: Bilingual = {
    zh: `总分 ${rangeText(total)}（≥ 60）：创新能力 ${rangeText(innovation)}（≥ 20）、成长性 ${rangeText(growth)}（≥ 15）、专业化 ${rangeText(special)}（≥ 15）`,
    en: `Total ${rangeText(total)} (≥ 60): innovation ${rangeText(innovation)} (≥ 20), growth ${rangeText(growth)} (≥ 15), specialisation ${rangeText(special)} (≥ 15)`,
  };
  const short = Math.max(60 - total.max, 20 - innovation.max, 15 - growth.max, 15 - special.max, 0);
  const gap =
    outcome === 'unmet'
      ? {
          amount: short,
          unit: 'points' as const,
          normalised: Math.min(1, short / 60),
          text: { zh: `评分未达标：${detail.zh}`, en: `Score short: ${detail.en}` },
        }
      : undefined;
  const score = scoredItem(IN.score, total, null, 'points', detail);
  score.outcome = outcome;
  if (gap) score.gap = gap;
  const three = (d: IsoDate) => withinYears(d, asOf, 3);
  const award = profile.awards.find(
    (a) => (a.level === 'national' || a.level === 'provincial') && three(a.date),
  );
  const title =
    holdsQualification(profile, 'highTechEnterprise', asOf, 3) ||
    profile.designations.some(
      (d) => d.date <= asOf && (d.expiryDate === undefined || asOf < d.expiryDate),
    );
  const level = bestInstitutionLevel(profile, asOf);
  const equity = equityWithin(profile, asOf, 3);
  const directs = [
    directCriterion(IN.dAward, award !== undefined, {
      zh: award ? `${award.date} 获奖` : '近三年无国家级、省级科技奖励',
      en: award ? `Award on ${award.date}` : 'No award in 3 years',
    }),
    directCriterion(IN.dTitle, title, {
      zh: title ? '持有有效称号' : '无有效称号',
      en: title ? 'Holds a valid title' : 'No valid title',
    }),
    directCriterion(IN.dInstitution, level === 'national' || level === 'provincial', {
      zh: `最高研发机构级别：${level ?? '无'}`,
      en: `Best R&D institution: ${level ?? 'none'}`,
    }),
    directCriterion(IN.dEquity, equity >= 500, {
      zh: `近三年合格股权融资 ${formatWan(equity)} 万`,
      en: `Qualified equity in 3 years: ${formatWan(equity)}万`,
    }),
  ];
  const route = routeCriterion(IN.route, outcome, directs, total, gap, detail);
  return { criteria: [route, score, ...subs, ...directs], score: total };
}

// 专精特新中小企业 tables (§3.2)
const SP_MAIN = t([
  [0.8, 5],
  [0.7, 3],
  [0.6, 1],
]);
const SP_GROWTH = t([
  [0.1, 10],
  [0.08, 8],
  [0.06, 6],
  [0.04, 4],
  [0, 2],
]);
const SP_MARGIN = t([
  [0.1, 10],
  [0.08, 8],
  [0.06, 6],
  [0.04, 4],
  [0.02, 2],
]);
const SP_DEBT = t([
  [0.5, 5],
  [0.6, 3],
  [0.7, 1],
]);
const SP_RD_AMOUNT = t([
  [500, 10],
  [400, 8],
  [300, 6],
  [200, 4],
  [100, 2],
]);
const SP_RD_RATIO = t([
  [0.1, 10],
  [0.08, 8],
  [0.06, 6],
  [0.04, 4],
  [0.03, 2],
]);
const SP_RD_STAFF = t([
  [0.2, 5],
  [0.1, 3],
  [0.05, 1],
]);
const INSTITUTION_POINTS = {
  national: 10,
  provincial: 8,
  municipal: 4,
  district: 2,
  internal: 2,
} as const;

const sp = (id: string, zh: string, en: string, article: string, extra = {}) =>
  miitDef(`MI22-SP-${id}`, zh, en, DOC, article, URL_SP_TABLE, {
    partOf: 'MI22-SP-score',
    ...extra,
  });

const SP = {
  prerequisite: miitDef(
    'MI22-SP-prerequisite',
    '持有有效的创新型中小企业称号（实务中作为前提）',
    'Holds a valid innovative-SME title (a prerequisite in practice)',
    DOC,
    '第十条；⚠ 广东工具的做法',
    URL_SP,
    { confidence: 'uncertain' },
  ),
  niche: miitDef(
    'MI22-SP-niche',
    '从事特定细分市场时间达到 2 年以上',
    'At least 2 years in a niche market',
    DOC,
    '附件2 认定条件（一）',
    URL_SP,
  ),
  rd: miitDef(
    'MI22-SP-rd',
    '上年度研发费用总额不低于 100 万元，且占营业收入比重不低于 3%',
    'Last year’s R&D ≥ 1 million yuan and ≥ 3% of operating revenue',
    DOC,
    '附件2 认定条件（二）',
    URL_SP,
  ),
  revenue: miitDef(
    'MI22-SP-revenue',
    '上年度营业收入不低于 1000 万元，或近 2 年新增股权融资总额（合格机构投资者实缴）达到 2000 万元以上',
    'Operating revenue ≥ 10 million yuan, or ≥ 20 million yuan new equity in 2 years',
    DOC,
    '附件2 认定条件（三）',
    URL_SP,
  ),
  route: miitDef(
    'MI22-SP-route',
    '评价得分达到 60 分以上，或符合直通条件之一',
    'Score ≥ 60, or a direct condition',
    DOC,
    '附件2 认定条件（四）',
    URL_SP,
  ),
  score: miitDef(
    'MI22-SP-score',
    '专精特新中小企业评价得分（13 项指标，100 分）',
    'Specialised-SME score (13 indicators, 100 points)',
    DOC,
    '附件2 评价指标',
    URL_SP_TABLE,
    { partOf: 'MI22-SP-route' },
  ),
  main: sp(
    'mainShare',
    '上年度主营业务收入占营业收入比重（5 分）',
    'Main-business share (5)',
    '专业化（1）',
  ),
  growth: sp(
    'growth',
    '近 2 年主营业务收入平均增长率（10 分）',
    '2-year average main-business growth (10)',
    '专业化（2）',
  ),
  nicheYears: sp(
    'nicheYears',
    '从事特定细分市场年限（5 分，每满 2 年得 1 分）',
    'Years in the niche (5: 1 per full 2 years)',
    '专业化（3）',
  ),
  field: sp('field', '主导产品所属领域（5 分）', 'Field of the main product (5)', '专业化（4）', {
    expert: true,
  }),
  digital: sp('digital', '数字化水平（5 分）', 'Digitalisation level (5)', '精细化（1）'),
  quality: sp(
    'quality',
    '质量管理水平（5 分，每项 3 分）',
    'Quality management (5: 3 per item)',
    '精细化（2）',
  ),
  margin: sp('netMargin', '上年度净利润率（10 分）', 'Last year’s net margin (10)', '精细化（3）'),
  debt: sp('debt', '上年度资产负债率（5 分）', 'Last year’s debt ratio (5)', '精细化（4）'),
  local: sp(
    'local',
    '特色化指标（15 分，由省级设定）',
    'Local indicators (15, set by the province)',
    '特色化；⚠ 重庆指标未确认',
    { confidence: 'uncertain' },
  ),
  ip: sp(
    'ip',
    '与主导产品相关的有效知识产权（10 分）',
    'IP on the main products (10)',
    '创新能力（1）',
  ),
  rdInput: sp(
    'rdInput',
    '上年度研发费用投入（10 分，金额与比重取高）',
    'Last year’s R&D input (10: better of amount and ratio)',
    '创新能力（2）',
  ),
  rdStaff: sp(
    'rdStaff',
    '上年度研发人员占比（5 分）',
    'Last year’s R&D staff share (5)',
    '创新能力（3）',
  ),
  institution: sp(
    'institution',
    '建立研发机构级别（10 分）',
    'Level of R&D institution (10)',
    '创新能力（4）',
  ),
  dAward: miitDef(
    'MI22-SP-D1-award',
    '直通：近三年获得省级科技奖励并排名前三，或国家级科技奖励并排名前五',
    'Direct: provincial award top 3 or national award top 5 in 3 years',
    DOC,
    '附件2 直通条件（1）',
    URL_SP,
    { partOf: 'MI22-SP-route' },
  ),
  dRd: miitDef(
    'MI22-SP-D2-rd',
    '直通：近 2 年研发费用总额均值在 1000 万元以上',
    'Direct: average R&D ≥ 10 million yuan over 2 years',
    DOC,
    '附件2 直通条件（2）',
    URL_SP,
    { partOf: 'MI22-SP-route' },
  ),
  dEquity: miitDef(
    'MI22-SP-D3-equity',
    '直通：近 2 年新增股权融资总额 6000 万元以上',
    'Direct: ≥ 60 million yuan new equity in 2 years',
    DOC,
    '附件2 直通条件（3）',
    URL_SP,
    { partOf: 'MI22-SP-route' },
  ),
  dMaker: miitDef(
    'MI22-SP-D4-maker',
    '直通：近三年进入“创客中国”全国 500 强名单',
    'Direct: Maker China national top 500 in 3 years',
    DOC,
    '附件2 直通条件（4）',
    URL_SP,
    { partOf: 'MI22-SP-route' },
  ),
};

/** MI-04: niche-year points, 1 per full 2 years, at most 5. */
export function nicheYearPoints(years: number): number {
  return Math.min(5, Math.floor(years / 2));
}

function evaluateSpecialisedSme(
  profile: Profile,
  { asOf }: AssessOptions,
  p: Miit2022Parameters,
): Evaluation {
  const b = p.boundary;
  const [y3, y2, y1] = lastYears(profile, asOf, 3);
  const last = y1;
  const m = profile.miit;
  const out: CriterionResult[] = [];
  const innovative = holdsQualification(profile, 'innovativeSme', asOf, 3);
  out.push(
    factCriterion(
      SP.prerequisite,
      innovative ? true : undefined,
      { zh: '持有有效的创新型中小企业称号', en: 'Holds a valid innovative-SME title' },
      { zh: '先申请创新型中小企业', en: 'Apply for the innovative-SME title first' },
    ),
  );
  out.push(
    thresholdCriterion(SP.niche, m.nicheYears, 2, 'years', {
      zh: '细分市场年限',
      en: 'Years in the niche',
    }),
  );
  const rd = last?.rdExpense;
  const rdShare = rdShareOf(last);
  const rdOk =
    rd !== undefined && rdShare !== undefined ? rd >= 100 && rdShare >= 0.03 - 1e-12 : undefined;
  out.push(
    factCriterion(
      SP.rd,
      rdOk,
      {
        zh: `研发费用 ${rd === undefined ? '—' : `${formatWan(rd)} 万`}，占营业收入 ${rdShare === undefined ? '—' : formatPercent(rdShare)}`,
        en: `R&D ${rd === undefined ? '—' : `${formatWan(rd)}万`}, ${rdShare === undefined ? '—' : formatPercent(rdShare)} of revenue`,
      },
      {
        zh: '研发费用须 ≥ 100 万且占营业收入 ≥ 3%',
        en: 'R&D must be ≥ 1 million yuan and ≥ 3% of revenue',
      },
    ),
  );
  const revenue = operatingRevenueOf(last);
  const equity2 = equityWithin(profile, asOf, 2);
  out.push(
    factCriterion(
      SP.revenue,
      revenue === undefined
        ? equity2 >= 2000
          ? true
          : undefined
        : revenue >= 1000 || equity2 >= 2000,
      {
        zh: `营业收入 ${revenue === undefined ? '—' : `${formatWan(revenue)} 万`}，近 2 年股权融资 ${formatWan(equity2)} 万`,
        en: `Revenue ${revenue === undefined ? '—' : `${formatWan(revenue)}万`}, equity in 2 years ${formatWan(equity2)}万`,
      },
      {
        zh: '营业收入须 ≥ 1000 万（或近 2 年股权融资 ≥ 2000 万）',
        en: 'Revenue must be ≥ 10 million yuan (or equity ≥ 20 million)',
      },
    ),
  );
  const margin =
    last?.netProfit !== undefined && revenue !== undefined && revenue > 0
      ? last.netProfit / revenue
      : undefined;
  const rdStaffShare =
    last?.rdStaff !== undefined && last.totalStaff !== undefined && last.totalStaff > 0
      ? last.rdStaff / last.totalStaff
      : undefined;
  const q = m.qualityItems;
  const qValues = q
    ? [q.qualityAward, q.managementCertification, q.ownBrand, q.standardsWork]
    : [undefined, undefined, undefined, undefined];
  const qTrue = qValues.filter((v) => v === true).length;
  const qUnknown = qValues.filter((v) => v === undefined).length;
  const ip = miitIpPoints(profile, asOf, { top: 10, own: 8, class1: 6, class2: 2 });
  const level = bestInstitutionLevel(profile, asOf);
  const subs: CriterionResult[] = [
    tableItem(SP.main, mainShareOf(last), 5, (v) => pointsByTier(v, SP_MAIN, b), {
      zh: '主营业务收入占比',
      en: 'Main-business share',
    }),
    tableItem(
      SP.growth,
      twoYearAverageGrowth([
        y3?.mainBusinessRevenue,
        y2?.mainBusinessRevenue,
        y1?.mainBusinessRevenue,
      ]),
      10,
      (v) => pointsByTier(v, SP_GROWTH, b),
      { zh: '近 2 年主营业务收入平均增长率', en: '2-year average growth' },
    ),
    tableItem(
      SP.nicheYears,
      m.nicheYears,
      5,
      nicheYearPoints,
      { zh: '细分市场年限', en: 'Years in the niche' },
      'years',
    ),
    scoredItem(
      SP.field,
      m.mainProductField === undefined
        ? { min: 0, max: 5 }
        : points({ gapFilling: 5, sixBasics: 3, other: 0 }[m.mainProductField]),
      m.mainProductField ?? null,
      'code',
      {
        zh: `主导产品领域 ${m.mainProductField ?? '不清楚'}`,
        en: `Main product field ${m.mainProductField ?? 'unknown'}`,
      },
    ),
    tableItem(
      SP.digital,
      m.digitalLevel,
      5,
      (v) => (v >= 3 ? 5 : v >= 2 ? 3 : 0),
      { zh: '数字化水平等级', en: 'Digitalisation level' },
      'count',
    ),
    scoredItem(
      SP.quality,
      { min: Math.min(5, 3 * qTrue), max: Math.min(5, 3 * (qTrue + qUnknown)) },
      qTrue,
      'count',
      { zh: `质量管理 ${qTrue} 项`, en: `${qTrue} quality items` },
    ),
    tableItem(SP.margin, margin, 10, (v) => pointsByTier(v, SP_MARGIN, b), {
      zh: '净利润率',
      en: 'Net margin',
    }),
    tableItem(SP.debt, debtRatioOf(last), 5, (v) => pointsByTierDescending(v, SP_DEBT, b), {
      zh: '资产负债率',
      en: 'Debt ratio',
    }),
    scoredItem(
      SP.local,
      m.localScore === undefined ? { min: 0, max: 15 } : points(m.localScore),
      m.localScore ?? null,
      'points',
      {
        zh:
          m.localScore === undefined ? '特色化指标由省级设定，未填得分' : '特色化指标（所填得分）',
        en: m.localScore === undefined ? 'Local indicators not scored' : 'Local indicators (given)',
      },
    ),
    scoredItem(SP.ip, points(ip.points), ip.points, 'points', ip.detail),
    tableItem(
      SP.rdInput,
      rd,
      10,
      (v) =>
        Math.max(
          pointsByTier(v, SP_RD_AMOUNT, b),
          rdShare === undefined ? 0 : pointsByTier(rdShare, SP_RD_RATIO, b),
        ),
      {
        zh: `研发费用（占比 ${rdShare === undefined ? '—' : formatPercent(rdShare)}）`,
        en: `R&D (share ${rdShare === undefined ? '—' : formatPercent(rdShare)})`,
      },
      '万元',
    ),
    tableItem(SP.rdStaff, rdStaffShare, 5, (v) => pointsByTier(v, SP_RD_STAFF, b), {
      zh: '研发人员占比',
      en: 'R&D staff share',
    }),
    scoredItem(
      SP.institution,
      points(level ? INSTITUTION_POINTS[level] : 0),
      level ?? null,
      'code',
      { zh: `研发机构级别 ${level ?? '无'}`, en: `R&D institution ${level ?? 'none'}` },
    ),
  ];
  const total = { min: 0, max: 0 };
  for (const s of subs) {
    total.min += s.score?.min ?? 0;
    total.max += s.score?.max ?? 0;
  }
  const outcome = rangeRule([{ ...total, need: 60 }]);
  const detail: Bilingual = {
    zh: `评价得分 ${rangeText(total)} 分，需 ≥ 60 分`,
    en: `Score ${rangeText(total)}; needs ≥ 60`,
  };
  const gap =
    outcome === 'unmet'
      ? {
          amount: 60 - total.max,
          unit: 'points' as const,
          normalised: (60 - total.max) / 60,
          text: {
            zh: `评价得分最高 ${total.max} 分，还差 ${60 - total.max} 分`,
            en: `Score at most ${total.max}: ${60 - total.max} points short`,
          },
        }
      : undefined;
  const score = scoredItem(SP.score, total, null, 'points', detail);
  score.outcome = outcome;
  if (gap) score.gap = gap;
  const award = profile.awards.find(
    (a) =>
      withinYears(a.date, asOf, 3) &&
      ((a.level === 'provincial' && a.rank <= 3) || (a.level === 'national' && a.rank <= 5)),
  );
  const rdAverage =
    y2?.rdExpense !== undefined && y1?.rdExpense !== undefined
      ? (y2.rdExpense + y1.rdExpense) / 2
      : undefined;
  const maker = m.makerChina.find((x) => x.nationalRank <= 500 && withinYears(x.date, asOf, 3));
  const directs = [
    directCriterion(SP.dAward, award !== undefined, {
      zh: award ? `${award.date} 获奖，排名第 ${award.rank}` : '无符合条件的科技奖励',
      en: award ? `Award on ${award.date}, rank ${award.rank}` : 'No qualifying award',
    }),
    directCriterion(SP.dRd, rdAverage !== undefined && rdAverage >= 1000, {
      zh: `近 2 年研发费用均值 ${rdAverage === undefined ? '—' : `${formatWan(rdAverage)} 万`}`,
      en: `2-year average R&D ${rdAverage === undefined ? '—' : `${formatWan(rdAverage)}万`}`,
    }),
    directCriterion(SP.dEquity, equity2 >= 6000, {
      zh: `近 2 年股权融资 ${formatWan(equity2)} 万`,
      en: `Equity in 2 years ${formatWan(equity2)}万`,
    }),
    directCriterion(SP.dMaker, maker !== undefined, {
      zh: maker ? `创客中国全国第 ${maker.nationalRank} 名` : '近三年未进入创客中国全国 500 强',
      en: maker ? `Maker China rank ${maker.nationalRank}` : 'Not in the Maker China top 500',
    }),
  ];
  out.push(
    routeCriterion(SP.route, outcome, directs, total, gap, detail),
    score,
    ...subs,
    ...directs,
  );
  return { criteria: out, score: total };
}

const lg = (id: string, zh: string, en: string, article: string, extra = {}) =>
  miitDef(`MI22-LG-${id}`, zh, en, DOC, article, URL_LG, extra);

const LG = {
  prerequisite: lg(
    'prerequisite',
    '持有有效的专精特新中小企业称号',
    'Holds a valid specialised-SME title',
    '附件3 前提',
  ),
  niche: lg(
    'niche',
    '从事特定细分市场时间达到 3 年以上',
    'At least 3 years in a niche market',
    '附件3 专业化（1）',
  ),
  main: lg(
    'mainShare',
    '主营业务收入占营业收入比重不低于 70%',
    'Main-business share ≥ 70%',
    '附件3 专业化（2）',
  ),
  growth: lg(
    'growth',
    '近 2 年主营业务收入平均增长率不低于 5%',
    '2-year average main-business growth ≥ 5%',
    '附件3 专业化（3）',
  ),
  infoSystem: lg(
    'infoSystem',
    '至少 1 项核心业务采用信息系统支撑',
    'At least one core business supported by an information system',
    '附件3 精细化（1）',
  ),
  certification: lg(
    'certification',
    '取得相关管理体系认证，或产品通过发达国家和地区产品认证',
    'Management-system certification or a developed-country product certification',
    '附件3 精细化（2）',
  ),
  debt: lg(
    'debt',
    '上年度资产负债率不高于 70%',
    'Last year’s debt ratio ≤ 70%',
    '附件3 精细化（3）',
  ),
  share: lg(
    'marketShare',
    '主导产品在全国细分市场占有率达到 10% 以上',
    'National niche market share ≥ 10%',
    '附件3 特色化（1）',
  ),
  brand: lg(
    'brand',
    '拥有直接面向市场并具有竞争优势的自主品牌',
    'Own competitive brand',
    '附件3 特色化（2）',
  ),
  innovation: lg(
    'innovation',
    '创新能力：一般性条件（三项同时满足）或创新直通条件（满足一项）',
    'Innovation: the general route (all three) or a direct route (one)',
    '附件3 创新能力',
  ),
  rdBand: lg(
    'rdBand',
    '近 2 年研发费用占营业收入比重按营业收入分档达标',
    'R&D ratio in each of the last 2 years by revenue band',
    '附件3 创新能力 一般性条件（1）',
    { partOf: 'MI22-LG-innovation' },
  ),
  institution: lg(
    'institution',
    '自建或与高校、科研机构联合建立研发机构',
    'Own or joint R&D institution',
    '附件3 创新能力 一般性条件（2）',
    { partOf: 'MI22-LG-innovation' },
  ),
  ip: lg(
    'ip',
    '拥有 2 项以上与主导产品相关的Ⅰ类知识产权，并实际应用、已产生经济效益',
    '≥ 2 class I IP on the main products, applied and profitable',
    '附件3 创新能力 一般性条件（3）',
    { partOf: 'MI22-LG-innovation' },
  ),
  dAward: lg(
    'D1-award',
    '直通：近三年获得国家级科技奖励，并在获奖单位中排名前三',
    'Direct: national award ranked top 3 in 3 years',
    '附件3 创新直通条件（1）',
    { partOf: 'MI22-LG-innovation' },
  ),
  dMaker: lg(
    'D2-maker',
    '直通：近三年进入“创客中国”全国 50 强',
    'Direct: Maker China national top 50 in 3 years',
    '附件3 创新直通条件（2）',
    { partOf: 'MI22-LG-innovation' },
  ),
  chain: lg(
    'chain',
    '产业链配套与主导产品所属领域（重点领域、关键环节）',
    'Industry-chain role and main-product field (key fields)',
    '附件3 产业链配套、主导产品所属领域',
    { expert: true },
  ),
};

/** MI-05: the R&D rule of 小巨人 by the last year's 营业收入 band (万元). */
export function littleGiantRdBand(
  revenue: number,
  shares: [number | undefined, number | undefined],
  context: {
    equity2Years: number;
    rdTwoYears: number | undefined;
    rdStaffShare: number | undefined;
  },
): boolean | undefined {
  if (revenue >= 5000) {
    const need = revenue >= 10000 ? 0.03 : 0.06;
    if (shares.some((s) => s === undefined)) return undefined;
    return shares.every((s) => (s as number) >= need - 1e-12);
  }
  if (context.rdTwoYears === undefined || context.rdStaffShare === undefined) return undefined;
  return (
    context.equity2Years >= 8000 &&
    context.rdTwoYears >= 3000 &&
    context.rdStaffShare >= 0.5 - 1e-12
  );
}

function evaluateLittleGiant(profile: Profile, { asOf }: AssessOptions): Evaluation {
  const [y3, y2, y1] = lastYears(profile, asOf, 3);
  const m = profile.miit;
  const out: CriterionResult[] = [];
  const held = holdsQualification(profile, 'specialisedSme', asOf, 3);
  out.push(
    factCriterion(
      LG.prerequisite,
      held,
      { zh: '持有有效的专精特新中小企业称号', en: 'Holds a valid specialised-SME title' },
      { zh: '先取得专精特新中小企业称号', en: 'Obtain the specialised-SME title first' },
    ),
  );
  out.push(
    thresholdCriterion(LG.niche, m.nicheYears, 3, 'years', {
      zh: '细分市场年限',
      en: 'Years in the niche',
    }),
  );
  out.push(
    thresholdCriterion(LG.main, mainShareOf(y1), 0.7, 'ratio', {
      zh: '主营业务收入占比',
      en: 'Main-business share',
    }),
  );
  out.push(
    thresholdCriterion(
      LG.growth,
      twoYearAverageGrowth([
        y3?.mainBusinessRevenue,
        y2?.mainBusinessRevenue,
        y1?.mainBusinessRevenue,
      ]),
      0.05,
      'ratio',
      { zh: '近 2 年主营业务收入平均增长率', en: '2-year average growth' },
    ),
  );
  out.push(
    factCriterion(
      LG.infoSystem,
      m.informationSystem,
      { zh: '核心业务信息系统支撑', en: 'Information system' },
      { zh: '须有核心业务信息系统', en: 'Needs an information system for a core business' },
    ),
  );
  out.push(
    factCriterion(
      LG.certification,
      m.certification,
      { zh: '管理体系或产品认证', en: 'Certification' },
      { zh: '须取得管理体系或产品认证', en: 'Needs a certification' },
    ),
  );
  out.push(
    thresholdCriterion(
      LG.debt,
      debtRatioOf(y1),
      0.7,
      'ratio',
      { zh: '资产负债率', en: 'Debt ratio' },
      { atMost: true },
    ),
  );
  out.push(
    thresholdCriterion(LG.share, m.nationalMarketShare, 0.1, 'ratio', {
      zh: '全国细分市场占有率',
      en: 'National market share',
    }),
  );
  out.push(
    factCriterion(
      LG.brand,
      m.ownBrand,
      { zh: '自主品牌', en: 'Own brand' },
      { zh: '须有自主品牌', en: 'Needs an own brand' },
    ),
  );
  const revenue = operatingRevenueOf(y1);
  const rdTwo =
    y2?.rdExpense !== undefined && y1?.rdExpense !== undefined
      ? y2.rdExpense + y1.rdExpense
      : undefined;
  const rdStaffShare =
    y1?.rdStaff !== undefined && y1.totalStaff ? y1.rdStaff / y1.totalStaff : undefined;
  const band =
    revenue === undefined
      ? undefined
      : littleGiantRdBand(revenue, [rdShareOf(y2), rdShareOf(y1)], {
          equity2Years: equityWithin(profile, asOf, 2),
          rdTwoYears: rdTwo,
          rdStaffShare,
        });
  const bandText =
    revenue === undefined
      ? { zh: '营业收入', en: 'Revenue' }
      : revenue >= 10000
        ? {
            zh: '营业收入 ≥ 1 亿：近 2 年研发费用占比均 ≥ 3%',
            en: 'Revenue ≥ 100 million: R&D ≥ 3% in each of 2 years',
          }
        : revenue >= 5000
          ? {
              zh: '营业收入 5000 万–1 亿：近 2 年研发费用占比均 ≥ 6%',
              en: 'Revenue 50–100 million: R&D ≥ 6% in each of 2 years',
            }
          : {
              zh: '营业收入 < 5000 万：近 2 年股权融资 ≥ 8000 万、研发费用 ≥ 3000 万、研发人员 ≥ 50%',
              en: 'Revenue < 50 million: equity ≥ 80 million, R&D ≥ 30 million, R&D staff ≥ 50%',
            };
  const ipItems = countIp(profile, asOf, {
    mainProductOnly: true,
    excludeDisputed: true,
  }).items.filter(
    (i) =>
      i.type === 'invention' ||
      i.type === 'defencePatent' ||
      i.type === 'plantVariety' ||
      i.type === 'nationalCropVariety' ||
      i.type === 'nationalNewDrug' ||
      i.type === 'tcmFirstClassProtection' ||
      i.type === 'icLayoutDesign',
  );
  const inUse = ipItems.filter((i) => i.inUse === true).length;
  const useUnknown = ipItems.filter((i) => i.inUse === undefined).length;
  const general = [
    factCriterion(LG.rdBand, band, bandText, {
      zh: `研发投入未达分档要求（${bandText.zh}）`,
      en: `R&D below the band (${bandText.en})`,
    }),
    factCriterion(
      LG.institution,
      profile.rdInstitutions.some((r) => r.recognisedOn <= asOf),
      { zh: '研发机构', en: 'R&D institution' },
      { zh: '须自建或联合建立研发机构', en: 'Needs an own or joint R&D institution' },
    ),
    factCriterion(
      LG.ip,
      inUse >= 2 ? true : inUse + useUnknown >= 2 ? undefined : false,
      {
        zh: `已应用的Ⅰ类知识产权 ${inUse} 项（应用情况不清楚 ${useUnknown} 项）`,
        en: `${inUse} applied class I IP (${useUnknown} unknown)`,
      },
      { zh: '须有 2 项以上已应用的Ⅰ类知识产权', en: 'Needs ≥ 2 applied class I IP' },
    ),
  ];
  const award = profile.awards.find(
    (a) => a.level === 'national' && a.rank <= 3 && withinYears(a.date, asOf, 3),
  );
  const maker = m.makerChina.find((x) => x.nationalRank <= 50 && withinYears(x.date, asOf, 3));
  const directs = [
    directCriterion(LG.dAward, award !== undefined, {
      zh: award ? `${award.date} 国家级奖励第 ${award.rank}` : '无',
      en: award ? `National award rank ${award.rank}` : 'None',
    }),
    directCriterion(LG.dMaker, maker !== undefined, {
      zh: maker ? `创客中国第 ${maker.nationalRank}` : '无',
      en: maker ? `Maker China rank ${maker.nationalRank}` : 'None',
    }),
  ];
  const generalOutcome = general.some((g) => g.outcome === 'unmet')
    ? 'unmet'
    : general.some((g) => g.outcome === 'needsReview')
      ? 'needsReview'
      : 'met';
  const firstGap = general.find((g) => g.outcome === 'unmet')?.gap;
  out.push(
    routeCriterion(LG.innovation, generalOutcome, directs, undefined, firstGap, {
      zh: `一般性条件：研发投入 ${MARK[general[0]?.outcome ?? 'needsReview']}、研发机构 ${MARK[general[1]?.outcome ?? 'needsReview']}、Ⅰ类知识产权 ${MARK[general[2]?.outcome ?? 'needsReview']}`,
      en: `General route: R&D ${MARK[general[0]?.outcome ?? 'needsReview']}, institution ${MARK[general[1]?.outcome ?? 'needsReview']}, class I IP ${MARK[general[2]?.outcome ?? 'needsReview']}`,
    }),
    ...general,
    ...directs,
  );
  out.push(
    factCriterion(
      LG.chain,
      m.industryChainKeyLink,
      { zh: '属于重点领域、产业链关键环节', en: 'Key field or industry-chain link' },
      {
        zh: '主导产品须属于重点领域或产业链关键环节',
        en: 'The main product must be in a key field or chain link',
      },
    ),
  );
  return { criteria: out };
}

const NOTES_2022: Bilingual[] = [
  {
    zh: '⚠ “3%–5%”类区间未写明端点归属，默认“以上含本数”（下限含），可配置',
    en: '⚠ Ranges like "3%–5%" do not say which end is inclusive: lower-inclusive by default, configurable',
  },
  {
    zh: '⚠ 暂行办法施行日期按 2022-08-01 计，未在参考资料中核实',
    en: '⚠ The interim measures are taken to apply from 2022-08-01 (not verified in the reference)',
  },
];

const MARK = { met: '✓', unmet: '✗', needsReview: '?', notApplicable: '—' } as const;

const MIIT_2026_START = '2026-04-01';

/** The 2022 创新型中小企业 rule set. */
export function innovativeSme2022RuleSet(parameters: Partial<Miit2022Parameters> = {}): RuleSet {
  const p: Miit2022Parameters = { boundary: 'lowerInclusive', ...parameters };
  return {
    id: 'innovativeSme-2022',
    kind: 'innovativeSme',
    version: '2022',
    validFrom: '2022-08-01',
    validTo: MIIT_2026_START,
    title: {
      zh: '创新型中小企业（2022 年暂行办法）',
      en: 'Innovative SME (2022 interim measures)',
    },
    sources: [MIIT_2022_SOURCE],
    criteria: Object.values(IN),
    notes: NOTES_2022,
    evaluate: (profile, options) => evaluateInnovativeSme(profile, options, p),
  };
}

/** The 2022 专精特新中小企业 rule set. */
export function specialisedSme2022RuleSet(parameters: Partial<Miit2022Parameters> = {}): RuleSet {
  const p: Miit2022Parameters = { boundary: 'lowerInclusive', ...parameters };
  return {
    id: 'specialisedSme-2022',
    kind: 'specialisedSme',
    version: '2022',
    validFrom: '2022-08-01',
    validTo: MIIT_2026_START,
    title: {
      zh: '专精特新中小企业（2022 年暂行办法）',
      en: 'Specialised and sophisticated SME (2022)',
    },
    sources: [MIIT_2022_SOURCE],
    criteria: Object.values(SP),
    notes: [
      ...NOTES_2022,
      {
        zh: '⚠ 特色化指标（15 分）由各省设定，重庆的指标未确认：未填得分时按 0–15 分区间',
        en: '⚠ The 15 local points are set by each province; Chongqing’s are unconfirmed: 0–15 unless given',
      },
    ],
    evaluate: (profile, options) => evaluateSpecialisedSme(profile, options, p),
  };
}

/** The 2022 专精特新"小巨人" rule set (also used for the 2026 复核, 工信厅企业函〔2026〕117号). */
export function littleGiant2022RuleSet(): RuleSet {
  return {
    id: 'littleGiant-2022',
    kind: 'littleGiant',
    version: '2022',
    validFrom: '2022-08-01',
    validTo: MIIT_2026_START,
    title: { zh: '专精特新“小巨人”企业（2022 年暂行办法）', en: "'Little giant' (2022)" },
    sources: [MIIT_2022_SOURCE],
    criteria: Object.values(LG),
    notes: NOTES_2022,
    evaluate: (profile, options) => evaluateLittleGiant(profile, options),
  };
}
