/**
 * MIIT 优质中小企业梯度培育 under the 2026 办法 (工信部企业〔2026〕2号, in force from 2026-04-01):
 * 专精特新中小企业 and 专精特新"小巨人" (annex standards), and the first tier 科技和创新型中小企业, which
 * has no annex standard yet (the 2022 创新型 table applies in transition, ⚠). Every criterion here
 * comes from third-party summaries of the official text (`qualification-rules.md` §3.4, MI-07…MI-09):
 * they are marked `uncertain` and must be checked against the PDF.
 */
import type { Bilingual, IsoDate } from '@kechuang/domain';
import { formatPercent, formatWan } from './formatValue.ts';
import {
  evaluateInnovativeSme,
  INNOVATIVE_SME_2022_CRITERIA,
  type Miit2022Parameters,
} from './miit2022.ts';
import {
  debtRatioOf,
  factCriterion,
  lastYears,
  mainShareOf,
  miitDef,
  rdShareOf,
  thresholdCriterion,
} from './miitCriteria.ts';
import type { Profile } from './profile.ts';
import {
  countIp,
  equityWithin,
  holdsQualification,
  operatingRevenueOf,
  withinYears,
} from './profileFacts.ts';
import type {
  AssessOptions,
  CriterionDefinition,
  CriterionResult,
  Evaluation,
  RuleSet,
  SourceDocument,
} from './types.ts';

const DOC = '工信部企业〔2026〕2号';
const URL =
  'https://www.miit.gov.cn/jgsj/qyj/wjfb/art/2026/art_2aa4981e3c9248379bc210c62dbb0569.html';
const URL_SP = 'http://fyss.xiangzhan.com/p-article_detail/id-9584.html';
const URL_LG = 'http://www.ititit.cc/index.php/project/742.html?preview=1';

/** The 2026 办法 as a source; its criteria are known only from third-party summaries. */
export const MIIT_2026_SOURCE: SourceDocument = {
  document: DOC,
  title: {
    zh: '优质中小企业梯度培育管理办法',
    en: 'Measures for the Tiered Cultivation of High-quality SMEs',
  },
  url: URL,
  basis: 'thirdPartySummary',
};

/** Parameters of the 2026 rule sets. */
export type Miit2026Parameters = {
  /** Assess for 复核 (review of a held title): platform score in either of 2 years; no growth test for 小巨人. */
  review: boolean;
};

const d = (id: string, zh: string, en: string, article: string, url: string) =>
  miitDef(id, zh, en, DOC, article, url, { confidence: 'uncertain' });

const SP = {
  title: d(
    'MI26-SP-title',
    '持有科技和创新型中小企业称号',
    'Holds the tech-and-innovation SME title',
    '附件1（一）',
    URL_SP,
  ),
  niche: d(
    'MI26-SP-niche',
    '从事特定细分市场 3 年以上',
    'At least 3 years in a niche market',
    '附件1（一）',
    URL_SP,
  ),
  revenue: d(
    'MI26-SP-revenue',
    '上年度营业收入 ≥ 1500 万元（或近 2 年合格股权融资 ≥ 2000 万元）',
    'Revenue ≥ 15 million yuan (or ≥ 20 million equity in 2 years)',
    '附件1（二）',
    URL_SP,
  ),
  main: d(
    'MI26-SP-mainShare',
    '主营业务收入占营业收入比重 ≥ 80%',
    'Main-business share ≥ 80%',
    '附件1（二）',
    URL_SP,
  ),
  debt: d('MI26-SP-debt', '资产负债率 ≤ 80%', 'Debt ratio ≤ 80%', '附件1（二）', URL_SP),
  rd: d(
    'MI26-SP-rd',
    '近 2 年每年研发费用 ≥ 100 万元且占营业收入 ≥ 3%',
    'R&D ≥ 1 million yuan and ≥ 3% in each of the last 2 years',
    '附件1（三）',
    URL_SP,
  ),
  ip: d(
    'MI26-SP-ip',
    '拥有 ≥ 1 项与主导产品相关、已实施并产生效益的Ⅰ类知识产权（省部级以上奖励前三或省部级以上研发机构可豁免）',
    '≥ 1 applied class I IP on the main product (waived for a top-3 provincial award or a provincial R&D institution)',
    '附件1（四）',
    URL_SP,
  ),
  market: d(
    'MI26-SP-market',
    '细分市场占有率领先',
    'Leading niche market position',
    '附件1（五）',
    URL_SP,
  ),
  platform: d(
    'MI26-SP-platform',
    '专精特新发展评价得分 ≥ 50 分（平台计算；复核为近 2 年任一年 ≥ 50）',
    'Platform evaluation score ≥ 50 (复核: either of the last 2 years)',
    '附件1（六）；工信厅企业〔2024〕75号',
    URL_SP,
  ),
};

const LG = {
  title: d(
    'MI26-LG-title',
    '持有专精特新中小企业称号，从事细分市场 3 年以上',
    'Holds the specialised-SME title, ≥ 3 years in the niche',
    '附件2（一）',
    URL_LG,
  ),
  revenue: d(
    'MI26-LG-revenue',
    '上年度营业收入 ≥ 5000 万元',
    'Revenue ≥ 50 million yuan',
    '附件2（二）',
    URL_LG,
  ),
  main: d(
    'MI26-LG-mainShare',
    '主营业务收入占比 ≥ 90%',
    'Main-business share ≥ 90%',
    '附件2（二）',
    URL_LG,
  ),
  growth: d(
    'MI26-LG-growth',
    '近 2 年营业收入复合增长率 ≥ 5%（复核不要求）',
    '2-year compound revenue growth ≥ 5% (not for 复核)',
    '附件2（二）',
    URL_LG,
  ),
  debt: d('MI26-LG-debt', '资产负债率 ≤ 75%', 'Debt ratio ≤ 75%', '附件2（二）', URL_LG),
  rd: d(
    'MI26-LG-rd',
    '近 2 年研发费用合计 ≥ 1200 万元，且每年占营业收入 ≥ 3%',
    'R&D ≥ 12 million yuan over 2 years and ≥ 3% each year',
    '附件2（三）',
    URL_LG,
  ),
  ip: d(
    'MI26-LG-ip',
    '拥有 ≥ 4 项自主研发的Ⅰ类知识产权（权利人前三；国家级科技奖励前三可豁免）',
    '≥ 4 self-developed class I IP (top-3 right-holder; waived for a top-3 national award)',
    '附件2（四）',
    URL_LG,
  ),
  market: d(
    'MI26-LG-market',
    '细分市场全国占有率 ≥ 10% 或全国前三',
    'National share ≥ 10% or top 3',
    '附件2（五）',
    URL_LG,
  ),
  chain: d(
    'MI26-LG-chain',
    '属于工业“六基”或产业链关键环节',
    'Industrial foundation (六基) or key chain link',
    '附件2（五）',
    URL_LG,
  ),
  platform: d(
    'MI26-LG-platform',
    '评价得分 ≥ 60 分（复核为近 2 年任一年 ≥ 60）',
    'Evaluation score ≥ 60 (复核: either of the last 2 years)',
    '附件2（六）',
    URL_LG,
  ),
};

function platformCriterion(
  def: CriterionDefinition,
  profile: Profile,
  asOf: IsoDate,
  need: number,
  review: boolean,
): CriterionResult {
  const year = Number(asOf.slice(0, 4));
  const scores = profile.miit.platformScores.filter(
    (s) => s.year < year + 1 && s.year >= year - (review ? 2 : 1),
  );
  const best = scores.length === 0 ? undefined : Math.max(...scores.map((s) => s.score));
  const c = thresholdCriterion(def, best, need, 'points', {
    zh: review ? '近 2 年最高平台评价得分' : '平台评价得分',
    en: review ? 'Best platform score in 2 years' : 'Platform score',
  });
  if (best === undefined) {
    c.note = {
      zh: '平台得分由工信部平台计算，本工具不重算：请填写平台显示的得分',
      en: 'The MIIT platform computes this score; Kechuang never recomputes it: enter the platform’s score',
    };
  }
  return c;
}

function eachYear(
  profile: Profile,
  asOf: IsoDate,
  test: (rd: number, share: number) => boolean,
): boolean | undefined {
  const years = lastYears(profile, asOf, 2);
  let unknown = false;
  for (const y of years) {
    const share = rdShareOf(y);
    if (y?.rdExpense === undefined || share === undefined) unknown = true;
    else if (!test(y.rdExpense, share)) return false;
  }
  return unknown ? undefined : true;
}

function class1Items(profile: Profile, asOf: IsoDate) {
  return countIp(profile, asOf, { mainProductOnly: true, excludeDisputed: true }).items.filter(
    (i) =>
      i.type !== 'utilityModel' &&
      i.type !== 'design' &&
      i.type !== 'softwareCopyright' &&
      i.type !== 'otherClass2',
  );
}

function evaluateSpecialised2026(
  profile: Profile,
  { asOf }: AssessOptions,
  p: Miit2026Parameters,
): Evaluation {
  const [, last] = lastYears(profile, asOf, 2);
  const m = profile.miit;
  const out: CriterionResult[] = [];
  const innovative = holdsQualification(profile, 'innovativeSme', asOf, 3);
  const techSme = holdsQualification(profile, 'techSme', asOf);
  const title = factCriterion(
    SP.title,
    innovative ? true : techSme ? undefined : false,
    {
      zh: innovative
        ? '持有创新型（科技和创新型）中小企业称号'
        : techSme
          ? '仅持有科技型中小企业入库登记'
          : '无相应称号',
      en: innovative
        ? 'Holds the innovative-SME title'
        : techSme
          ? 'Only a tech-SME registration'
          : 'No title',
    },
    { zh: '先取得科技和创新型中小企业称号', en: 'Obtain the tech-and-innovation SME title first' },
  );
  if (!innovative && techSme)
    title.note = {
      zh: '⚠ 一家咨询机构称科技型中小企业入库即视同科技和创新型称号，未证实',
      en: '⚠ One consultancy says a tech-SME registration counts as the title; unconfirmed',
    };
  out.push(title);
  out.push(
    thresholdCriterion(SP.niche, m.nicheYears, 3, 'years', {
      zh: '细分市场年限',
      en: 'Years in the niche',
    }),
  );
  const revenue = operatingRevenueOf(last);
  const equity = equityWithin(profile, asOf, 2);
  out.push(
    factCriterion(
      SP.revenue,
      revenue === undefined
        ? equity >= 2000
          ? true
          : undefined
        : revenue >= 1500 || equity >= 2000,
      {
        zh: `营业收入 ${revenue === undefined ? '—' : `${formatWan(revenue)} 万`}，近 2 年股权融资 ${formatWan(equity)} 万`,
        en: `Revenue ${revenue === undefined ? '—' : `${formatWan(revenue)}万`}, equity ${formatWan(equity)}万`,
      },
      { zh: '营业收入须 ≥ 1500 万', en: 'Revenue must be ≥ 15 million yuan' },
    ),
  );
  out.push(
    thresholdCriterion(SP.main, mainShareOf(last), 0.8, 'ratio', {
      zh: '主营业务收入占比',
      en: 'Main-business share',
    }),
  );
  out.push(
    thresholdCriterion(
      SP.debt,
      debtRatioOf(last),
      0.8,
      'ratio',
      { zh: '资产负债率', en: 'Debt ratio' },
      { atMost: true },
    ),
  );
  out.push(
    factCriterion(
      SP.rd,
      eachYear(profile, asOf, (rd, share) => rd >= 100 && share >= 0.03 - 1e-12),
      {
        zh: '近 2 年每年研发费用 ≥ 100 万且占比 ≥ 3%',
        en: 'R&D ≥ 1 million and ≥ 3% in each of 2 years',
      },
      { zh: '两年中有一年研发投入未达标', en: 'R&D short in at least one of the 2 years' },
    ),
  );
  const items = class1Items(profile, asOf);
  const applied = items.filter((i) => i.inUse !== false);
  const waiver =
    profile.awards.some(
      (a) => a.level !== 'municipal' && a.rank <= 3 && withinYears(a.date, asOf, 3),
    ) ||
    profile.rdInstitutions.some(
      (r) => (r.level === 'national' || r.level === 'provincial') && r.recognisedOn <= asOf,
    );
  const ipCriterion = factCriterion(
    SP.ip,
    applied.length >= 1 || waiver
      ? applied.some((i) => i.inUse === true) || waiver
        ? true
        : undefined
      : false,
    {
      zh: `Ⅰ类知识产权 ${items.length} 项${waiver ? '（另有奖励或研发机构可豁免）' : ''}`,
      en: `${items.length} class I IP${waiver ? ' (a waiver applies)' : ''}`,
    },
    { zh: '须有 1 项已实施的Ⅰ类知识产权', en: 'Needs one applied class I IP' },
  );
  if (applied.length > 0 && !applied.some((i) => i.acquisition === 'ownRd'))
    ipCriterion.note = {
      zh: '⚠ 一家咨询机构称须自主研发（受让不计）',
      en: '⚠ One consultancy says the IP must be self-developed',
    };
  out.push(ipCriterion);
  out.push(
    factCriterion(
      SP.market,
      m.leadingMarketPosition,
      { zh: '细分市场占有率领先', en: 'Leading niche position' },
      { zh: '须在细分市场领先', en: 'Needs a leading niche position' },
    ),
  );
  out.push(platformCriterion(SP.platform, profile, asOf, 50, p.review));
  return { criteria: out };
}

function evaluateLittleGiant2026(
  profile: Profile,
  { asOf }: AssessOptions,
  p: Miit2026Parameters,
): Evaluation {
  const [y3, y2, y1] = lastYears(profile, asOf, 3);
  const m = profile.miit;
  const out: CriterionResult[] = [];
  const held = holdsQualification(profile, 'specialisedSme', asOf, 3);
  const niche = m.nicheYears;
  out.push(
    factCriterion(
      LG.title,
      !held ? false : niche === undefined ? undefined : niche >= 3,
      {
        zh: `专精特新称号：${held ? '有' : '无'}；细分市场 ${niche ?? '—'} 年`,
        en: `Specialised-SME title: ${held ? 'yes' : 'no'}; ${niche ?? '—'} years in the niche`,
      },
      {
        zh: '须持有专精特新称号且细分市场满 3 年',
        en: 'Needs the specialised-SME title and 3 years in the niche',
      },
    ),
  );
  out.push(
    thresholdCriterion(LG.revenue, operatingRevenueOf(y1), 5000, '万元', {
      zh: '营业收入',
      en: 'Revenue',
    }),
  );
  out.push(
    thresholdCriterion(LG.main, mainShareOf(y1), 0.9, 'ratio', {
      zh: '主营业务收入占比',
      en: 'Main-business share',
    }),
  );
  if (p.review) {
    out.push(
      factCriterion(
        LG.growth,
        true,
        { zh: '复核不考核增长率', en: 'Not checked for 复核' },
        { zh: '', en: '' },
      ),
    );
    const last = out[out.length - 1] as CriterionResult;
    last.outcome = 'notApplicable';
  } else {
    const r1 = operatingRevenueOf(y3);
    const r3 = operatingRevenueOf(y1);
    const cagr =
      r1 !== undefined && r3 !== undefined && r1 > 0 ? Math.sqrt(r3 / r1) - 1 : undefined;
    out.push(
      thresholdCriterion(LG.growth, cagr, 0.05, 'ratio', {
        zh: '近 2 年营业收入复合增长率',
        en: '2-year compound growth',
      }),
    );
  }
  out.push(
    thresholdCriterion(
      LG.debt,
      debtRatioOf(y1),
      0.75,
      'ratio',
      { zh: '资产负债率', en: 'Debt ratio' },
      { atMost: true },
    ),
  );
  const rdTwo =
    y2?.rdExpense !== undefined && y1?.rdExpense !== undefined
      ? y2.rdExpense + y1.rdExpense
      : undefined;
  const each = eachYear(profile, asOf, (_rd, share) => share >= 0.03 - 1e-12);
  out.push(
    factCriterion(
      LG.rd,
      rdTwo === undefined || each === undefined
        ? each === false || (rdTwo !== undefined && rdTwo < 1200)
          ? false
          : undefined
        : rdTwo >= 1200 && each,
      {
        zh: `近 2 年研发费用合计 ${rdTwo === undefined ? '—' : `${formatWan(rdTwo)} 万`}；占比 ${[
          y2,
          y1,
        ]
          .map((y) => {
            const s = rdShareOf(y);
            return s === undefined ? '—' : formatPercent(s);
          })
          .join('、')}`,
        en: `R&D over 2 years ${rdTwo === undefined ? '—' : `${formatWan(rdTwo)}万`}`,
      },
      {
        zh: '研发费用须两年合计 ≥ 1200 万且每年占比 ≥ 3%',
        en: 'R&D must total ≥ 12 million over 2 years with ≥ 3% each year',
      },
    ),
  );
  const own = class1Items(profile, asOf).filter(
    (i) => i.acquisition === 'ownRd' && (i.rightHolderRank === undefined || i.rightHolderRank <= 3),
  );
  const waiver = profile.awards.some(
    (a) => a.level === 'national' && a.rank <= 3 && withinYears(a.date, asOf, 3),
  );
  out.push(
    factCriterion(
      LG.ip,
      own.length >= 4 || waiver,
      {
        zh: `自主研发Ⅰ类知识产权 ${own.length} 项${waiver ? '（国家级奖励豁免）' : ''}`,
        en: `${own.length} self-developed class I IP${waiver ? ' (national award waiver)' : ''}`,
      },
      {
        zh: `还需 ${Math.max(0, 4 - own.length)} 项自主研发Ⅰ类知识产权`,
        en: `${Math.max(0, 4 - own.length)} more self-developed class I IP`,
      },
    ),
  );
  const share = m.nationalMarketShare;
  const rank = m.nationalMarketRank;
  out.push(
    factCriterion(
      LG.market,
      (share !== undefined && share >= 0.1 - 1e-12) || (rank !== undefined && rank <= 3)
        ? true
        : share === undefined && rank === undefined
          ? undefined
          : false,
      {
        zh: `全国占有率 ${share === undefined ? '—' : formatPercent(share)}，排名 ${rank ?? '—'}`,
        en: `National share ${share === undefined ? '—' : formatPercent(share)}, rank ${rank ?? '—'}`,
      },
      { zh: '占有率须 ≥ 10% 或全国前三', en: 'Needs ≥ 10% share or a national top-3 rank' },
    ),
  );
  out.push(
    factCriterion(
      LG.chain,
      m.industryChainKeyLink,
      { zh: '六基或产业链关键环节', en: '六基 or key chain link' },
      { zh: '须属于六基或产业链关键环节', en: 'Needs a 六基 or key-chain role' },
    ),
  );
  out.push(platformCriterion(LG.platform, profile, asOf, 60, p.review));
  return { criteria: out };
}

const NOTES_2026: Bilingual[] = [
  {
    zh: '⚠ 2026 年办法的条件取自第三方摘要，官方 PDF 未核对；结果仅供参考',
    en: '⚠ The 2026 criteria come from third-party summaries; the official PDF was not checked',
  },
];

/** 专精特新中小企业 under the 2026 办法 (from 2026-04-01). */
export function specialisedSme2026RuleSet(parameters: Partial<Miit2026Parameters> = {}): RuleSet {
  const p: Miit2026Parameters = { review: false, ...parameters };
  return {
    id: `specialisedSme-2026${p.review ? '-review' : ''}`,
    kind: 'specialisedSme',
    version: '2026',
    validFrom: '2026-04-01',
    validTo: null,
    title: {
      zh: '专精特新中小企业（2026 年办法）',
      en: 'Specialised and sophisticated SME (2026)',
    },
    sources: [MIIT_2026_SOURCE],
    criteria: Object.values(SP),
    notes: NOTES_2026,
    evaluate: (profile, options) => evaluateSpecialised2026(profile, options, p),
  };
}

/** 专精特新"小巨人" under the 2026 办法 (new applications from 2026-04-01). */
export function littleGiant2026RuleSet(parameters: Partial<Miit2026Parameters> = {}): RuleSet {
  const p: Miit2026Parameters = { review: false, ...parameters };
  return {
    id: `littleGiant-2026${p.review ? '-review' : ''}`,
    kind: 'littleGiant',
    version: '2026',
    validFrom: '2026-04-01',
    validTo: null,
    title: { zh: '专精特新“小巨人”企业（2026 年办法）', en: "'Little giant' (2026)" },
    sources: [MIIT_2026_SOURCE],
    criteria: Object.values(LG),
    notes: NOTES_2026,
    evaluate: (profile, options) => evaluateLittleGiant2026(profile, options, p),
  };
}

/** 科技和创新型中小企业 from 2026-04-01: no annex standard yet, so the 2022 创新型 table applies (⚠). */
export function innovativeSme2026RuleSet(parameters: Partial<Miit2022Parameters> = {}): RuleSet {
  const p: Miit2022Parameters = { boundary: 'lowerInclusive', ...parameters };
  return {
    id: 'innovativeSme-2026-transitional',
    kind: 'innovativeSme',
    version: '2026-transitional',
    validFrom: '2026-04-01',
    validTo: null,
    title: {
      zh: '科技和创新型中小企业（2026 年办法，过渡期沿用 2022 年创新型标准）',
      en: 'Tech-and-innovation SME (2026; the 2022 innovative-SME standard in transition)',
    },
    sources: [MIIT_2026_SOURCE],
    criteria: Object.values(INNOVATIVE_SME_2022_CRITERIA),
    notes: [
      {
        zh: '⚠ 2026 年办法没有该层级的附件标准；一个公开仓库称新标准发布前沿用 2022 年创新型标准，未证实',
        en: '⚠ The 2026 measures have no annex standard for this tier; one repository says the 2022 standard applies until a new one is published (unconfirmed)',
      },
    ],
    evaluate: (profile, options) => evaluateInnovativeSme(profile, options, p),
  };
}
