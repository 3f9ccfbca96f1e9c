/**
 * 科技型中小企业 (technology-based SME) evaluation: 办法 国科发政〔2017〕115号 with the 2022
 * 《科技型中小企业评价服务工作指引》 国科火字〔2022〕67号 (tightened base conditions): base conditions,
 * the 100-point table (科技人员 20, 研发投入 50 on the better of two options, 科技成果 30), the
 * "≥ 60 and 科技人员 > 0" rule and the four direct routes; on-site-check triggers raise review.
 * Rules, sources and ⚠ uncertainties: `qualification-rules.md` §2 and §7 TS-01…TS-14.
 */
import type { Bilingual, IsoDate } from '@kechuang/domain';
import { buildCriterion, defineCriterion, points } from './buildCriterion.ts';
import { addYears } from './calendarDays.ts';
import { formatNumber, formatPercent, formatWan } from './formatValue.ts';
import type { Profile } from './profile.ts';
import {
  countIp,
  findYear,
  holdsQualification,
  INCIDENT_LABELS,
  withinYears,
} from './profileFacts.ts';
import { pointsByTier, type TierTable } from './scoreTiers.ts';
import type {
  AssessOptions,
  CriterionDefinition,
  CriterionResult,
  Evaluation,
  RuleSet,
} from './types.ts';

const BAN_FA = '国科发政〔2017〕115号';
const ZHI_YIN = '国科火字〔2022〕67号';
const URL_BANFA =
  'https://www.most.gov.cn/xxgk/xinxifenlei/fdzdgknr/fgzc/gfxwj/gfxwj2017/201705/t20170510_132709.html';
const URL_ZHIYIN =
  'https://kjt.guizhou.gov.cn/wzzt/kjxqypy_5939804/kjxzxqy_5939820/zcwj_5939821/202306/t20230612_80172566.html';
const URL_SCORE = 'http://www.matteomarkusbok.com/api/PolicyDetail/PolicyInfo/27751';
const URL_DIRECT = 'http://xiweikeji.com/zxqyfw/wtjd/201603/1209f19185de491b851e8d8ccbadeed7.shtml';

const ROUTE = 'TS-C5-route';
const SCORE = 'TS-C5-score';

const def = defineCriterion;

/** The criteria of the 科技型中小企业 rule set. */
export const TECH_SME_CRITERIA = {
  resident: def(
    'TS-C1-resident',
    '居民企业，会计核算健全、实行查账征收，能准确归集研发费用',
    'Resident enterprise with sound accounting, taxed on audited books (查账征收)',
    ZHI_YIN,
    '评价条件（一）',
    URL_ZHIYIN,
  ),
  staff: def(
    'TS-C2-staff',
    '职工总数不超过 500 人',
    'At most 500 staff',
    BAN_FA,
    '第六条（二）',
    URL_BANFA,
  ),
  sales: def(
    'TS-C2-sales',
    '年销售收入不超过 2 亿元',
    'Annual sales at most 200 million yuan',
    BAN_FA,
    '第六条（二）',
    URL_BANFA,
  ),
  assets: def(
    'TS-C2-assets',
    '资产总额不超过 2 亿元',
    'Total assets at most 200 million yuan',
    BAN_FA,
    '第六条（二）',
    URL_BANFA,
  ),
  industry: def(
    'TS-C3-industry',
    '不属于《产业结构调整指导目录》限制类、淘汰类，也不属于财税〔2015〕119号不适用加计扣除的行业',
    'Not a restricted/eliminated industry nor excluded from the R&D super-deduction (财税〔2015〕119号)',
    ZHI_YIN,
    '评价条件（三）',
    URL_ZHIYIN,
  ),
  incidents: def(
    'TS-C4-incidents',
    '上一会计年度及当年未发生重大安全、质量事故，严重环境违法，严重弄虚作假，科研严重失信，未列入经营异常名录和严重违法失信名单',
    'No major accident, environmental violation, fraud or misconduct, and not on the abnormal or dishonesty lists, in the previous and current year',
    ZHI_YIN,
    '评价条件（四）',
    'http://nbchenda.com/bjmtg/c102946/202211/e12e600140604e88838677c029dcd9f0.shtml',
  ),
  barred: def(
    'TS-C4-barred',
    '未因弄虚作假被禁止参评（3 年），当年未被撤销登记编号',
    'Not barred for fraud (3 years) and no registration revoked this year',
    '工信部中小企业局 2025 年评价工作通知；广西 2025 年通知',
    '弄虚作假取消当年资格并 3 年内不得参评；被撤销者当年不得再参评',
    'http://www.91pronsree.com/nnews.asp?vid=45346',
  ),
  route: def(
    ROUTE,
    '综合评分 ≥ 60 分且科技人员指标得分不为 0，或符合直通条件之一',
    'Score ≥ 60 with a non-zero S&T-staff score, or one direct condition',
    BAN_FA,
    '第六条（五）、第七条',
    URL_BANFA,
  ),
  score: def(
    SCORE,
    '综合评分（科技人员 20 + 研发投入 50 + 科技成果 30）≥ 60 分，且科技人员指标得分不为 0',
    'Score (S&T staff 20 + R&D 50 + IP 30) ≥ 60 with a non-zero S&T-staff score',
    BAN_FA,
    '附件 评价指标',
    URL_SCORE,
    { partOf: ROUTE },
  ),
  stStaff: def(
    'TS-S1-stStaff',
    '科技人员占职工总数比例（20 分）',
    'S&T staff share (20 points)',
    BAN_FA,
    '附件 评价指标（一）',
    URL_SCORE,
    { partOf: SCORE },
  ),
  rdSales: def(
    'TS-S2-rdSales',
    '研发投入：研发费用占销售收入比例（50 分，与成本费用比二选一）',
    'R&D over sales (50 points, or the cost option)',
    BAN_FA,
    '附件 评价指标（二）1',
    URL_SCORE,
    { partOf: SCORE },
  ),
  rdCost: def(
    'TS-S2-rdCost',
    '研发投入：研发费用占成本费用支出总额比例（50 分，与销售收入比二选一）',
    'R&D over total costs (50 points, or the sales option)',
    BAN_FA,
    '附件 评价指标（二）2',
    URL_SCORE,
    { partOf: SCORE },
  ),
  ip: def(
    'TS-S3-ip',
    '科技成果：与主营产品相关、无争议的有效知识产权（30 分）',
    'Valid undisputed IP related to the main products (30 points)',
    BAN_FA,
    '附件 评价指标（三）',
    URL_SCORE,
    { partOf: SCORE },
  ),
  directHighTech: def(
    'TS-D1-highTech',
    '直通：拥有有效期内的高新技术企业资格证书',
    'Direct: a valid 高企 certificate',
    BAN_FA,
    '第七条（一）',
    URL_DIRECT,
    { partOf: ROUTE },
  ),
  directAward: def(
    'TS-D2-award',
    '直通：近五年内获得过国家级科技奖励，并在获奖单位中排在前三名',
    'Direct: a national S&T award in the last 5 years, ranked in the top 3',
    BAN_FA,
    '第七条（二）',
    URL_DIRECT,
    { partOf: ROUTE },
  ),
  directInstitution: def(
    'TS-D3-institution',
    '直通：拥有经认定的省部级以上研发机构',
    'Direct: a recognised provincial/ministerial or higher R&D institution',
    BAN_FA,
    '第七条（三）',
    URL_DIRECT,
    { partOf: ROUTE },
  ),
  directStandard: def(
    'TS-D4-standard',
    '直通：近五年内主导制定过国际标准、国家标准或行业标准（起草单位前五名）',
    'Direct: led an international, national or industry standard in the last 5 years (top 5 drafters)',
    BAN_FA,
    '第七条（四）；评价指标说明 第 6 条',
    'https://blog.11467.com/b6760769.htm',
    { partOf: ROUTE },
  ),
  onSiteCheck: def(
    'TS-C6-onSiteCheck',
    '不触发实地核查情形（触发时须人工复核，不等于不合格）',
    'No on-site-check trigger (a trigger means review, not failure)',
    '苏州 2025 年问答；2026 年产品需求文档',
    '职工 ≤ 5 人、首次申报、科技人员 ≥ 90% 且职工 ≥ 50 人、近 3 年失信或被撤销；⚠ 无知识产权、研发费用 < 10 万（2026，PRD）',
    'http://www.zsclsc.com/szgyyq/jycy/202508/9c3941058c494ef68699fe8625bdbc88.shtml',
  ),
} as const;

const C = TECH_SME_CRITERIA;

const ST_TABLE: TierTable = {
  rows: [
    [0.3, 20],
    [0.25, 16],
    [0.2, 12],
    [0.15, 8],
    [0.1, 4],
  ],
  otherwise: 0,
};
const RD_SALES_TABLE: TierTable = {
  rows: [
    [0.06, 50],
    [0.05, 40],
    [0.04, 30],
    [0.03, 20],
    [0.02, 10],
  ],
  otherwise: 0,
};
const RD_COST_TABLE: TierTable = {
  rows: [
    [0.3, 50],
    [0.25, 40],
    [0.2, 30],
    [0.15, 20],
    [0.1, 10],
  ],
  otherwise: 0,
};

/** TS-05: points of the S&T staff share. */
export function techSmeStaffPoints(share: number): number {
  return pointsByTier(share, ST_TABLE);
}
/** TS-06: points of R&D / sales. */
export function techSmeRdSalesPoints(ratio: number): number {
  return pointsByTier(ratio, RD_SALES_TABLE);
}
/** TS-07: points of R&D / total costs. */
export function techSmeRdCostPoints(ratio: number): number {
  return pointsByTier(ratio, RD_COST_TABLE);
}
/** TS-08: points of IP (≥ 1 Ⅰ类 → 30; Ⅱ类 ≥ 4 → 24, 3 → 18, 2 → 12, 1 → 6). */
export function techSmeIpPoints(class1: number, class2: number): number {
  if (class1 >= 1) return 30;
  if (class2 >= 4) return 24;
  return [0, 6, 12, 18][class2] ?? 0;
}

/**
 * Industries excluded from the R&D super-deduction by 财税〔2015〕119号 (烟草制造业, 住宿和餐饮业,
 * 批发和零售业, 房地产业, 租赁和商务服务业, 娱乐业) as GB/T 4754 codes: C16, H, F, K, L, R90.
 * ⚠ The mapping to GB/T 4754 codes is ours; an explicit profile flag wins.
 */
export function isSuperDeductionExcludedIndustry(industryCode: string): boolean {
  return /^(C16|H|F|K|L|R90)/.test(industryCode);
}

const SME_STAFF = 500;
const SME_MONEY = 20000;

/** Parameters of the 科技型中小企业 rule set. */
export type TechSmeParameters = {
  /** Score needed (60). */
  passScore: number;
  /**
   * Which R&D option counts when the enterprise has not chosen: the higher one (default, what a
   * firm would pick) — ⚠ one public PRD instead refuses to choose; a product decision (§2.2).
   */
  rdOption: 'higher' | 'sales' | 'cost';
};

function evaluateTechSme(
  profile: Profile,
  { asOf }: AssessOptions,
  p: TechSmeParameters,
): Evaluation {
  const out: CriterionResult[] = [];
  const year = Number(asOf.slice(0, 4));
  const last = findYear(profile, year - 1);
  const missingLast: Bilingual = {
    zh: `缺少 ${year - 1} 年数据`,
    en: `Figures missing for ${year - 1}`,
  };

  // 1 resident, 查账征收, sound accounting
  const t = profile.taxation;
  const taxValues = [t.residentEnterprise, t.auditCollection, t.soundAccounting];
  const taxFalse = taxValues.some((v) => v === false);
  const taxUnknown = taxValues.some((v) => v === undefined);
  out.push(
    buildCriterion(C.resident, {
      outcome: taxFalse ? 'unmet' : taxUnknown ? 'needsReview' : 'met',
      value: taxFalse ? false : taxUnknown ? null : true,
      threshold: true,
      unit: 'boolean',
      detail: {
        zh: `居民企业：${yn(t.residentEnterprise)}；查账征收：${yn(t.auditCollection)}；会计核算健全：${yn(t.soundAccounting)}`,
        en: `Resident: ${ynEn(t.residentEnterprise)}; audited-books taxation: ${ynEn(t.auditCollection)}; sound accounting: ${ynEn(t.soundAccounting)}`,
      },
      ...(taxFalse
        ? {
            gap: {
              amount: 1,
              unit: 'boolean' as const,
              normalised: 1,
              text: {
                zh: '须为居民企业并实行查账征收（核定征收企业不能参评）',
                en: 'Must be a resident enterprise taxed on audited books (deemed-profit taxation excluded)',
              },
            },
          }
        : {}),
    }),
  );

  // 2 size limits, last year's figures
  const staffTotal = last?.techSmeStaff?.total ?? last?.totalStaff;
  const size = (
    d: CriterionDefinition,
    value: number | undefined,
    limit: number,
    unit: 'persons' | '万元',
    zh: string,
    en: string,
  ) => {
    if (value === undefined) {
      out.push(
        buildCriterion(d, {
          outcome: 'needsReview',
          value: null,
          threshold: limit,
          unit,
          detail: missingLast,
        }),
      );
      return;
    }
    const ok = value <= limit;
    const shown = unit === '万元' ? `${formatWan(value)} 万` : `${formatNumber(value)} 人`;
    const shownEn = unit === '万元' ? `${formatWan(value)}万` : `${formatNumber(value)}`;
    out.push(
      buildCriterion(d, {
        outcome: ok ? 'met' : 'unmet',
        value,
        threshold: limit,
        unit,
        detail: {
          zh: `${year - 1} 年${zh} ${shown}，上限 ${unit === '万元' ? '2 亿元' : '500 人'}`,
          en: `${year - 1}: ${en} ${shownEn}, limit ${unit === '万元' ? '200 million yuan' : '500'}`,
        },
        ...(ok
          ? {}
          : {
              gap: {
                amount: value - limit,
                unit,
                normalised: 1,
                text: {
                  zh: `${zh}超出上限，不属于中小企业，不能参评`,
                  en: `${en} over the limit: not an SME, cannot be evaluated`,
                },
              },
            }),
      }),
    );
  };
  size(C.staff, staffTotal, SME_STAFF, 'persons', '职工总数', 'staff');
  size(C.sales, last?.salesRevenue, SME_MONEY, '万元', '销售收入', 'sales');
  size(C.assets, last?.totalAssets, SME_MONEY, '万元', '资产总额', 'total assets');

  // 3 industry
  const f = profile.industryFlags;
  const excluded =
    f.superDeductionExcluded ??
    (profile.industryCode !== undefined
      ? isSuperDeductionExcludedIndustry(profile.industryCode)
      : undefined);
  const industryBad = f.restrictedOrEliminated === true || excluded === true;
  const industryUnknown = f.restrictedOrEliminated === undefined || excluded === undefined;
  out.push(
    buildCriterion(C.industry, {
      outcome: industryBad ? 'unmet' : industryUnknown ? 'needsReview' : 'met',
      value: industryBad ? false : industryUnknown ? null : true,
      threshold: true,
      unit: 'boolean',
      detail: {
        zh: `限制类/淘汰类：${yn(f.restrictedOrEliminated)}；不适用加计扣除行业：${yn(excluded)}${f.superDeductionExcluded === undefined && excluded !== undefined ? `（按行业代码 ${profile.industryCode} 判断）` : ''}`,
        en: `Restricted/eliminated: ${ynEn(f.restrictedOrEliminated)}; super-deduction excluded: ${ynEn(excluded)}${f.superDeductionExcluded === undefined && excluded !== undefined ? ` (from industry code ${profile.industryCode})` : ''}`,
      },
      ...(industryBad
        ? {
            gap: {
              amount: 1,
              unit: 'boolean' as const,
              normalised: 1,
              text: { zh: '所属行业不能参评', en: 'The industry is excluded' },
            },
          }
        : {}),
    }),
  );

  // 4 incidents in the previous accounting year and the current year
  const from = `${year - 1}-01-01`;
  const found = profile.incidents.filter((i) => i.date >= from && i.date <= asOf);
  out.push(
    buildCriterion(C.incidents, {
      outcome: found.length > 0 ? 'unmet' : profile.incidentScreening ? 'met' : 'needsReview',
      value: found.length > 0 ? false : profile.incidentScreening ? true : null,
      threshold: true,
      unit: 'boolean',
      detail:
        found.length > 0
          ? {
              zh: found.map((i) => `${i.date} ${INCIDENT_LABELS[i.kind].zh}`).join('；'),
              en: found.map((i) => `${INCIDENT_LABELS[i.kind].en} on ${i.date}`).join('; '),
            }
          : profile.incidentScreening
            ? { zh: `${from} 至 ${asOf} 无记录（已核查）`, en: `None ${from} … ${asOf} (checked)` }
            : { zh: '未核查信用与监管记录', en: 'Credit and regulatory records not checked' },
      ...(found.length > 0
        ? {
            gap: {
              amount: 1,
              unit: 'boolean' as const,
              normalised: 1,
              text: {
                zh: `须待 ${year + 2} 年（事件所在年度的次年之后）再参评`,
                en: `Wait until ${year + 2}, when the event is outside the previous and current year`,
              },
            },
          }
        : {}),
    }),
  );

  // TS-13: barred after fraud (3 years) or revoked this year
  const fraud = profile.incidents.find(
    (i) => i.kind === 'seriousFraud' && withinYears(i.date, asOf, 3),
  );
  const revoked = profile.qualifications.some(
    (q) =>
      q.kind === 'techSme' &&
      q.status === 'revoked' &&
      (q.revokedOn ?? q.issueDate).slice(0, 4) === String(year),
  );
  out.push(
    buildCriterion(C.barred, {
      outcome: fraud || revoked ? 'unmet' : 'met',
      value: !(fraud || revoked),
      threshold: true,
      unit: 'boolean',
      detail: fraud
        ? {
            zh: `${fraud.date} 弄虚作假：${addYears(fraud.date, 3)} 前不得参评`,
            en: `Fraud on ${fraud.date}: barred until ${addYears(fraud.date, 3)}`,
          }
        : revoked
          ? {
              zh: '本年度登记编号已被撤销，当年不得再参评',
              en: 'Registration revoked this year: no new evaluation this year',
            }
          : { zh: '无禁止参评情形', en: 'Not barred' },
      ...(fraud || revoked
        ? {
            gap: {
              amount: 1,
              unit: 'boolean' as const,
              normalised: 1,
              text: fraud
                ? {
                    zh: `${addYears(fraud.date, 3)} 起方可参评`,
                    en: `Eligible again from ${addYears(fraud.date, 3)}`,
                  }
                : { zh: `${year + 1} 年起方可参评`, en: `Eligible again from ${year + 1}` },
            },
          }
        : {}),
    }),
  );

  // 5 score and direct routes
  out.push(...routeCriteria(profile, asOf, year, p));

  // on-site-check triggers (TS-14)
  out.push(onSiteCheck(profile, asOf, year));

  const score = out.find((c) => c.id === SCORE)?.score;
  return score ? { criteria: out, score } : { criteria: out };
}

function routeCriteria(
  profile: Profile,
  asOf: IsoDate,
  year: number,
  p: TechSmeParameters,
): CriterionResult[] {
  const last = findYear(profile, year - 1);
  const subs: CriterionResult[] = [];
  const st = last?.techSmeStaff?.st ?? last?.stStaff;
  const total = last?.techSmeStaff?.total ?? last?.totalStaff;
  let stPoints: number | null = null;
  if (st === undefined || total === undefined) {
    subs.push(
      buildCriterion(C.stStaff, {
        outcome: 'needsReview',
        value: null,
        threshold: null,
        unit: 'ratio',
        score: { min: 0, max: 20 },
        detail: { zh: `缺少 ${year - 1} 年人数`, en: `Staff missing for ${year - 1}` },
      }),
    );
  } else {
    const share = total > 0 ? st / total : 0;
    stPoints = techSmeStaffPoints(share);
    subs.push(
      buildCriterion(C.stStaff, {
        outcome: stPoints > 0 ? 'met' : 'unmet',
        value: share,
        threshold: 0.1,
        unit: 'ratio',
        score: points(stPoints),
        detail: {
          zh: `科技人员 ${formatNumber(st)} / 职工 ${formatNumber(total)} = ${formatPercent(share)}：${stPoints} 分${last?.techSmeStaff ? '' : '（按高企口径人数，科技型口径为工作满 6 个月）'}`,
          en: `${formatNumber(st)} / ${formatNumber(total)} = ${formatPercent(share)}: ${stPoints} points${last?.techSmeStaff ? '' : ' (高企 counts used; the tech-SME rule counts ≥ 6 months)'}`,
        },
      }),
    );
  }
  const rd = last?.rdExpenseSuperDeduction ?? last?.rdExpense;
  const sales = last?.salesRevenue;
  const cost = last?.totalCost;
  const salesRatio = rd !== undefined && sales !== undefined && sales > 0 ? rd / sales : undefined;
  const costRatio = rd !== undefined && cost !== undefined && cost > 0 ? rd / cost : undefined;
  const salesPts = salesRatio === undefined ? null : techSmeRdSalesPoints(salesRatio);
  const costPts = costRatio === undefined ? null : techSmeRdCostPoints(costRatio);
  const chosen: 'sales' | 'cost' | null =
    p.rdOption !== 'higher'
      ? p.rdOption
      : salesPts === null && costPts === null
        ? null
        : (costPts ?? -1) > (salesPts ?? -1)
          ? 'cost'
          : 'sales';
  const rdItem = (
    d: CriterionDefinition,
    ratio: number | undefined,
    pts: number | null,
    option: 'sales' | 'cost',
    zh: string,
    en: string,
  ) =>
    subs.push(
      buildCriterion(d, {
        outcome:
          pts === null
            ? 'needsReview'
            : chosen !== option
              ? 'notApplicable'
              : pts > 0
                ? 'met'
                : 'unmet',
        value: ratio ?? null,
        threshold: null,
        unit: 'ratio',
        score: pts === null ? { min: 0, max: 50 } : points(pts),
        detail:
          ratio === undefined
            ? {
                zh: `缺少 ${year - 1} 年研发费用或${zh}`,
                en: `R&D or ${en} missing for ${year - 1}`,
              }
            : {
                zh: `研发费用 ${formatWan(rd as number)} 万 / ${zh} = ${formatPercent(ratio)}：${pts} 分${chosen === option ? '（计入：企业会选择的较高选项）' : '（未计入）'}`,
                en: `R&D ${formatWan(rd as number)}万 / ${en} = ${formatPercent(ratio)}: ${pts} points${chosen === option ? ' (counted: the option the firm would choose)' : ' (not counted)'}`,
              },
      }),
    );
  rdItem(C.rdSales, salesRatio, salesPts, 'sales', '销售收入', 'sales');
  rdItem(C.rdCost, costRatio, costPts, 'cost', '成本费用支出总额', 'total costs');
  const ip = countIp(profile, asOf, { excludeDisputed: true, mainProductOnly: true });
  const ipPts = techSmeIpPoints(ip.class1, ip.class2);
  subs.push(
    buildCriterion(C.ip, {
      outcome: ipPts > 0 ? 'met' : 'unmet',
      value: ip.class1 + ip.class2,
      threshold: null,
      unit: 'count',
      score: points(ipPts),
      detail: {
        zh: `与主营产品相关、无争议的有效知识产权 Ⅰ类 ${ip.class1} 项、Ⅱ类 ${ip.class2} 项：${ipPts} 分`,
        en: `${ip.class1} class I and ${ip.class2} class II valid undisputed IP on the main products: ${ipPts} points`,
      },
    }),
  );
  const rdPts = chosen === 'cost' ? costPts : chosen === 'sales' ? salesPts : null;
  // With one option unknown, the other might still be the higher one.
  const rdRange =
    p.rdOption === 'higher' && (salesPts === null || costPts === null)
      ? { min: Math.max(salesPts ?? 0, costPts ?? 0), max: 50 }
      : rdPts === null
        ? { min: 0, max: 50 }
        : points(rdPts);
  const rdText = rdRange.min === rdRange.max ? `${rdRange.min}` : `${rdRange.min}–${rdRange.max}`;
  const score = {
    min: (stPoints ?? 0) + rdRange.min + ipPts,
    max: (stPoints ?? 20) + rdRange.max + ipPts,
  };
  const stZero = stPoints === 0;
  const scoreOutcome =
    stZero || score.max < p.passScore
      ? 'unmet'
      : score.min >= p.passScore && stPoints !== null
        ? 'met'
        : 'needsReview';
  const neededStaff =
    st !== undefined && total !== undefined
      ? Math.max(0, Math.ceil((0.1 * total - st) / 0.9 - 1e-9))
      : 0;
  const scoreResult = buildCriterion(C.score, {
    outcome: scoreOutcome,
    value: null,
    threshold: p.passScore,
    unit: 'points',
    score,
    detail: {
      zh: `科技人员 ${stPoints ?? '0–20'} + 研发投入 ${rdText} + 科技成果 ${ipPts} = ${score.min === score.max ? score.min : `${score.min}–${score.max}`} 分；需 ≥ ${p.passScore} 分且科技人员得分不为 0`,
      en: `S&T staff ${stPoints ?? '0–20'} + R&D ${rdText} + IP ${ipPts} = ${score.min === score.max ? score.min : `${score.min}–${score.max}`}; needs ≥ ${p.passScore} and a non-zero S&T-staff score`,
    },
    ...(scoreOutcome === 'unmet'
      ? {
          gap: stZero
            ? {
                amount: neededStaff,
                unit: 'persons' as const,
                normalised: 1,
                text: {
                  zh: `科技人员指标得 0 分，总分再高也不通过：科技人员占比须达到 10%，还需增加 ${neededStaff} 人`,
                  en: `The S&T-staff score is 0, which fails whatever the total: reach a 10 % share, ${neededStaff} more S&T staff`,
                },
              }
            : {
                amount: p.passScore - score.max,
                unit: 'points' as const,
                normalised: (p.passScore - score.max) / p.passScore,
                text: {
                  zh: `综合评分 ${score.max} 分，还差 ${p.passScore - score.max} 分`,
                  en: `Score ${score.max}: ${p.passScore - score.max} points short`,
                },
              },
        }
      : {}),
  });

  // Direct routes (TS-10)
  const five = (d: IsoDate) => withinYears(d, asOf, 5);
  const hte = holdsQualification(profile, 'highTechEnterprise', asOf, 3);
  const award = profile.awards.find((a) => a.level === 'national' && a.rank <= 3 && five(a.date));
  const inst = profile.rdInstitutions.find(
    (r) => (r.level === 'national' || r.level === 'provincial') && r.recognisedOn <= asOf,
  );
  const standard = profile.standards.find(
    (s) => s.level !== 'local' && s.level !== 'group' && s.draftingRank <= 5 && five(s.publishedOn),
  );
  const direct = (d: CriterionDefinition, ok: boolean, zh: string, en: string) =>
    buildCriterion(d, {
      outcome: ok ? 'met' : 'notApplicable',
      value: ok,
      threshold: true,
      unit: 'boolean',
      detail: { zh, en },
    });
  const directs = [
    direct(
      C.directHighTech,
      hte,
      hte ? '持有有效高企证书' : '无有效高企证书',
      hte ? 'Holds a valid 高企 certificate' : 'No valid 高企 certificate',
    ),
    direct(
      C.directAward,
      award !== undefined,
      award
        ? `${award.date} 国家级科技奖励，排名第 ${award.rank}`
        : '近五年无排名前三的国家级科技奖励',
      award
        ? `National award on ${award.date}, rank ${award.rank}`
        : 'No national award ranked top 3 in 5 years',
    ),
    direct(
      C.directInstitution,
      inst !== undefined,
      inst
        ? `拥有${inst.level === 'national' ? '国家级' : '省部级'}研发机构`
        : '无省部级以上研发机构',
      inst ? `Holds a ${inst.level} R&D institution` : 'No provincial or higher R&D institution',
    ),
    direct(
      C.directStandard,
      standard !== undefined,
      standard
        ? `${standard.publishedOn} 主导制定标准（起草单位第 ${standard.draftingRank}）`
        : '近五年未主导制定国际、国家或行业标准',
      standard
        ? `Led a standard published ${standard.publishedOn} (drafter ${standard.draftingRank})`
        : 'No led standard in 5 years',
    ),
  ];
  const directMet = directs.some((d) => d.outcome === 'met');
  const routeOutcome = directMet || scoreOutcome === 'met' ? 'met' : scoreOutcome;
  const route = buildCriterion(C.route, {
    outcome: routeOutcome,
    value: directMet ? 'direct' : 'score',
    threshold: null,
    unit: 'code',
    score,
    detail: directMet
      ? {
          zh: `符合直通条件${scoreOutcome === 'met' ? '，评分也达标' : '（评分未达标，不影响）'}`,
          en: `Direct route met${scoreOutcome === 'met' ? '; the score also passes' : ' (the score does not pass, which does not matter)'}`,
        }
      : scoreResult.detail,
    ...(routeOutcome === 'unmet' && scoreResult.gap ? { gap: scoreResult.gap } : {}),
  });
  return [route, scoreResult, ...subs, ...directs];
}

function onSiteCheck(profile: Profile, asOf: IsoDate, year: number): CriterionResult {
  const last = findYear(profile, year - 1);
  const total = last?.techSmeStaff?.total ?? last?.totalStaff;
  const st = last?.techSmeStaff?.st ?? last?.stStaff;
  const triggers: [string, string][] = [];
  if (total !== undefined && total <= 5) triggers.push(['职工 ≤ 5 人', '≤ 5 staff']);
  if (total !== undefined && st !== undefined && total >= 50 && st / total >= 0.9)
    triggers.push(['科技人员 ≥ 90% 且职工 ≥ 50 人', 'S&T staff ≥ 90 % with ≥ 50 staff']);
  if (!profile.qualifications.some((q) => q.kind === 'techSme' && q.issueDate <= asOf))
    triggers.push(['首次申报', 'first-time applicant']);
  if (
    profile.incidents.some(
      (i) =>
        (i.kind === 'seriousDishonestyList' || i.kind === 'seriousFraud') &&
        withinYears(i.date, asOf, 3),
    ) ||
    profile.qualifications.some(
      (q) =>
        q.kind === 'techSme' &&
        q.status === 'revoked' &&
        withinYears(q.revokedOn ?? q.issueDate, asOf, 3),
    )
  )
    triggers.push(['近 3 年严重失信或被撤销', 'serious dishonesty or revocation in 3 years']);
  if (countIp(profile, asOf, {}).items.length === 0)
    triggers.push(['⚠ 无知识产权（2026）', '⚠ no IP (2026)']);
  const rd = last?.rdExpenseSuperDeduction ?? last?.rdExpense;
  if (rd !== undefined && rd < 10)
    triggers.push(['⚠ 研发费用 < 10 万（2026）', '⚠ R&D < 100,000 yuan (2026)']);
  return buildCriterion(C.onSiteCheck, {
    outcome: triggers.length > 0 ? 'needsReview' : 'met',
    value: triggers.length,
    threshold: 0,
    unit: 'count',
    detail:
      triggers.length > 0
        ? {
            zh: `可能被实地核查：${triggers.map((x) => x[0]).join('、')}（须备齐材料，不影响是否符合条件）`,
            en: `May be checked on site: ${triggers.map((x) => x[1]).join(', ')} (prepare evidence; eligibility unaffected)`,
          }
        : { zh: '未触发实地核查情形', en: 'No on-site-check trigger' },
  });
}

function yn(v: boolean | undefined): string {
  return v === undefined ? '不清楚' : v ? '是' : '否';
}
function ynEn(v: boolean | undefined): string {
  return v === undefined ? 'unknown' : v ? 'yes' : 'no';
}

/** The 科技型中小企业 rule set (2017 办法 + 2022 指引). */
export function techSmeRuleSet(parameters: Partial<TechSmeParameters> = {}): RuleSet {
  const p: TechSmeParameters = { passScore: 60, rdOption: 'higher', ...parameters };
  return {
    id: 'techSme-2022',
    kind: 'techSme',
    version: '2022',
    validFrom: '2022-01-01',
    validTo: null,
    title: {
      zh: '科技型中小企业评价（2017 年办法 + 2022 年工作指引）',
      en: 'Technology-based SME evaluation (2017 measures + 2022 guidelines)',
    },
    sources: [
      {
        document: BAN_FA,
        title: {
          zh: '科技型中小企业评价办法',
          en: 'Measures for the Evaluation of Technology-based SMEs',
        },
        url: URL_BANFA,
        basis: 'official',
      },
      {
        document: ZHI_YIN,
        title: {
          zh: '科技型中小企业评价服务工作指引',
          en: 'Service Guidelines for the Evaluation of Technology-based SMEs',
        },
        url: URL_ZHIYIN,
        basis: 'official',
      },
    ],
    criteria: Object.values(C),
    notes: [
      {
        zh: '⚠ 2022 年指引的施行日期未核实，规则版本按 2022-01-01 起算；2025 年起评价在工信部平台进行，条件未变',
        en: '⚠ The 2022 guidelines’ start date is unverified (taken as 2022-01-01); since 2025 the evaluation runs on the MIIT platform with the same conditions',
      },
      {
        zh: '⚠ 人数平均方法（季度或月度）两说不一：请按所选口径填写 techSmeStaff',
        en: '⚠ Headcount averaging (quarterly or monthly) is uncertain: fill techSmeStaff on the chosen basis',
      },
    ],
    evaluate: (profile, options) => evaluateTechSme(profile, options, p),
  };
}
