/**
 * The texts of 高新技术企业 assessments (details, gaps, notes), as templates over the figures of
 * one criterion: `highTechEnterprise.ts` decides and keeps the figures, these render them only when
 * a text is read or serialised (see `lazyText.ts`). Percentages are truncated and shortfalls rounded
 * up (`formatValue.ts`), so a text never shows a threshold as reached when it is not.
 */
import type { Bilingual, IsoDate } from '@kechuang/domain';
import { yearsZh } from './buildCriterion.ts';
import { addDays } from './calendarDays.ts';
import { formatNumber, formatPercent, formatWan, formatWanUp } from './formatValue.ts';
import { staticText, textTemplate } from './lazyText.ts';
import { rangeText } from './miitCriteria.ts';
import type { IncidentKind } from './profile.ts';
import { INCIDENT_LABELS } from './profileFacts.ts';
import type { ScoreRange } from './types.ts';

function rangeOf(min: number, max: number): string {
  return rangeText({ min, max });
}

function percentOrDash(rate: number | null): string {
  return rate === null ? '—' : formatPercent(rate);
}

/** Accounting years written as "2022–2024" (the first and last year of the window). */
export type SpanArgs = { first: number; last: number };

function span(a: SpanArgs): string {
  return `${a.first}–${a.last}`;
}

/** Figures of 条件（一）: registration date, assessment date, days between, days required. */
export type RegisteredArgs = { date: IsoDate; asOf: IsoDate; days: number; minDays: number };

/** Counted IP by class and the expert's view on core support (条件（二）, and the IP-count label). */
export type IpArgs = { class1: number; class2: number; core: boolean | undefined };

/** The chosen field and the expert's view on the fit (条件（三）). */
export type FieldArgs = { field: string; fit: boolean | undefined };

/** Figures of 条件（四）: last year's S&T and total staff, their ratio, the share required, the shortfall. */
export type StStaffArgs = {
  year: number;
  st: number;
  total: number;
  ratio: number;
  share: number;
  needed: number;
};

/** Figures of the R&D ratio (条件（五）) over the window, after the 80 % / 20 % rules. */
export type RdArgs = SpanArgs & {
  n: number;
  rd: number;
  sales: number;
  ratio: number;
  threshold: number;
  latestSales: number;
  otherCut: number;
  externalCut: number;
  shortfall: number;
};

/** Figures of the domestic R&D share (条件（五）). */
export type DomesticArgs = SpanArgs & {
  domestic: number;
  reported: number;
  share: number;
  required: number;
  needed: number;
};

/** Figures of the HTPS revenue share (条件（六）) and what its note must say. */
export type HtpsArgs = {
  year: number;
  htps: number;
  base: number;
  share: number;
  required: number;
  needed: number;
  noNonTaxable: boolean;
  contracting: number;
};

/** How a scored item's point was reached: from an expert, waiting for one, or computed. */
export type ScoreMark = 'expert' | 'awaiting' | 'computed';

/** A scored innovation item: its label, score and how it was reached. */
export type ScoredItemArgs = { label: Bilingual; score: ScoreRange; mark: ScoreMark };

/** The IP subtotal after the cap of 30, and the raw sum with the bonus. */
export type IpSubtotalArgs = { score: ScoreRange; rawMin: number; rawMax: number };

/** Conversions over the window, their annual average and score; years without figures. */
export type ConversionArgs = {
  n: number;
  conversions: number;
  average: number;
  score: ScoreRange;
  missing: readonly number[];
};

/** Evidence behind an R&D management item's range. */
export type ManagementMark = 'expert' | 'evidence' | 'none';

/** An R&D management item's score and its basis. */
export type ManagementArgs = { score: ScoreRange; mark: ManagementMark };

/** A growth item whose series has missing years. */
export type GrowthMissingArgs = { label: Bilingual; missing: readonly number[] };

/** A growth item: the series (oldest first), the rate and the points. */
export type GrowthArgs = {
  label: Bilingual;
  values: readonly number[];
  rate: number | null;
  score: ScoreRange;
};

/** The innovation score's parts, total and pass mark. */
export type InnovationArgs = {
  ip: ScoreRange;
  conversion: ScoreRange;
  management: ScoreRange;
  growthMin: number;
  growthMax: number;
  total: ScoreRange;
  pass: number;
};

/** The latest accident in the 365 days before applying (条件（八）). */
export type IncidentArgs = {
  date: IsoDate;
  kind: IncidentKind;
  from: IsoDate;
  asOf: IsoDate;
  clear: IsoDate;
};

/** The period checked for accidents. */
export type ScreeningArgs = { from: IsoDate; asOf: IsoDate };

const MISSING_YEARS = textTemplate<readonly number[]>(
  (years) => `缺少 ${years.join('、')} 年数据`,
  (years) => `Figures missing for ${years.join(', ')}`,
);

const EXPERT_MARK_ZH: Record<ScoreMark, string> = {
  expert: '（专家意见）',
  awaiting: '（待专家评分）',
  computed: '',
};
const EXPERT_MARK_EN: Record<ScoreMark, string> = {
  expert: ' (expert)',
  awaiting: ' (awaiting an expert)',
  computed: '',
};
const MANAGEMENT_MARK_ZH: Record<ManagementMark, string> = {
  expert: '（专家意见）',
  evidence: '（依据所填制度材料，待专家评分）',
  none: '（未填材料，待专家评分）',
};
const MANAGEMENT_MARK_EN: Record<ManagementMark, string> = {
  expert: ' (expert)',
  evidence: ' (from the evidence given, awaiting an expert)',
  none: ' (no evidence given, awaiting an expert)',
};

function coreZh(a: IpArgs): string {
  if (a.class1 + a.class2 === 0) return '';
  if (a.core === undefined) return '；是否发挥核心支持作用须专家判断';
  return a.core ? '；专家认定发挥核心支持作用' : '；专家认定未发挥核心支持作用';
}

function coreEn(a: IpArgs): string {
  if (a.class1 + a.class2 === 0) return '';
  if (a.core === undefined) return '; core support needs an expert';
  return a.core ? '; an expert confirmed core support' : '; an expert found no core support';
}

function cutsZh(a: RdArgs): string {
  return a.otherCut > 0 || a.externalCut > 0
    ? `（已按规定扣减：委托外部 20% ${formatWan(a.externalCut)} 万，其他费用超限 ${formatWan(a.otherCut)} 万）`
    : '';
}

function cutsEn(a: RdArgs): string {
  return a.otherCut > 0 || a.externalCut > 0
    ? ` (deducted: 20 % of external R&D ${formatWan(a.externalCut)}万, other costs over the cap ${formatWan(a.otherCut)}万)`
    : '';
}

function seriesWan(values: readonly number[]): string {
  let s = '';
  for (let i = 0; i < values.length; i++)
    s += (i > 0 ? ' → ' : '') + formatWan(values[i] as number);
  return s;
}

/** Every text of a 高企 assessment: templates, and static texts shared by every result. */
export const HIGH_TECH_TEXTS = {
  missingYears: MISSING_YEARS,
  registeredDetail: textTemplate<RegisteredArgs>(
    (a) => `注册于 ${a.date}，至 ${a.asOf} 共 ${a.days} 天`,
    (a) => `Registered on ${a.date}: ${a.days} days by ${a.asOf}`,
  ),
  registeredGap: textTemplate<RegisteredArgs>(
    (a) => `还差 ${a.minDays - a.days} 天，${addDays(a.date, a.minDays)} 起满 365 天`,
    (a) => `${a.minDays - a.days} more days; 365 days reached on ${addDays(a.date, a.minDays)}`,
  ),
  ipDetail: textTemplate<IpArgs>(
    (a) =>
      `可用知识产权 Ⅰ类 ${a.class1} 项、Ⅱ类 ${a.class2} 项（已用于以前认定的Ⅱ类和商标不计）${coreZh(a)}`,
    (a) =>
      `Usable IP: ${a.class1} class I, ${a.class2} class II (class II already used and trademarks excluded)${coreEn(a)}`,
  ),
  ipGap: staticText(
    '需至少 1 项有效的自有知识产权（发明专利、实用新型、软件著作权等）',
    'Needs at least one valid owned IP item (invention, utility model, software copyright …)',
  ),
  noField: staticText('未选择高新技术领域', 'No high-tech field chosen'),
  fieldDetail: textTemplate<FieldArgs>(
    (a) =>
      `所选领域 ${a.field}${a.fit === undefined ? '；是否属于该领域须专家判断' : a.fit ? '；专家认定属于该领域' : '；专家认定不属于该领域'}`,
    (a) =>
      `Chosen field ${a.field}${a.fit === undefined ? '; the fit needs an expert' : a.fit ? '; an expert confirmed the fit' : '; an expert found it outside the field'}`,
  ),
  stStaffMissing: textTemplate<number>(
    (year) => `缺少 ${year} 年科技人员或职工总数（全年月平均）`,
    (year) => `S&T staff or total staff (annual monthly average) missing for ${year}`,
  ),
  stStaffDetail: textTemplate<StStaffArgs>(
    (a) =>
      `${a.year} 年科技人员 ${formatNumber(a.st)} 人 / 职工总数 ${formatNumber(a.total)} 人 = ${formatPercent(a.ratio)}`,
    (a) =>
      `${a.year}: ${formatNumber(a.st)} S&T staff / ${formatNumber(a.total)} staff = ${formatPercent(a.ratio)}`,
  ),
  stStaffGap: textTemplate<StStaffArgs>(
    (a) =>
      `科技人员占比 ${formatPercent(a.ratio)}，需达到 ${formatPercent(a.share)}：还需增加科技人员 ${a.needed} 人（全年月平均）`,
    (a) =>
      `S&T staff share ${formatPercent(a.ratio)}, needs ${formatPercent(a.share)}: ${a.needed} more S&T staff (annual monthly average)`,
  ),
  noAccountingYear: staticText(
    '申请年度之前没有完整的会计年度',
    'No accounting year before the application year',
  ),
  noAccountingYearGap: staticText(
    '至少需要一个会计年度的数据',
    'Needs at least one accounting year',
  ),
  rdNoSales: textTemplate<SpanArgs>(
    (a) => `${span(a)} 年销售收入合计为 0，研发费用占比无法计算`,
    (a) => `Sales over ${span(a)} total 0: the R&D ratio is undefined`,
  ),
  rdNoSalesGap: staticText('须有销售收入', 'Needs sales revenue'),
  rdDetail: textTemplate<RdArgs>(
    (a) =>
      `${span(a)} 年研发费用 ${formatWan(a.rd)} 万 / 销售收入 ${formatWan(a.sales)} 万 = ${formatPercent(a.ratio)}${cutsZh(a)}；最近一年销售收入 ${formatWan(a.latestSales)} 万，门槛 ${formatPercent(a.threshold)}`,
    (a) =>
      `R&D ${formatWan(a.rd)}万 / sales ${formatWan(a.sales)}万 over ${span(a)} = ${formatPercent(a.ratio)}${cutsEn(a)}; latest sales ${formatWan(a.latestSales)}万 set the threshold ${formatPercent(a.threshold)}`,
  ),
  rdGap: textTemplate<RdArgs>(
    (a) =>
      `研发费用占比 ${formatPercent(a.ratio)}，需达到 ${formatPercent(a.threshold)}：${yearsZh(a.n)}年合计还需增加研发投入 ¥${formatWanUp(a.shortfall)} 万`,
    (a) =>
      `R&D ratio ${formatPercent(a.ratio)}, needs ${formatPercent(a.threshold)}: another ¥${formatWanUp(a.shortfall)}万 of R&D over the ${a.n === 1 ? 'year' : `${a.n} years`}`,
  ),
  rdUncategorised: staticText(
    '研发费用未分类填报，无法核对委托外部研发按 80% 计入和其他费用不超过 20% 的规定',
    'R&D is not broken down by category, so the 80 % external and 20 % other-cost rules cannot be checked',
  ),
  rdZero: staticText('研发费用为 0', 'R&D expense is 0'),
  domesticMissing: textTemplate<SpanArgs>(
    (a) => `缺少 ${span(a)} 年境内研发费用`,
    (a) => `Domestic R&D missing for ${span(a)}`,
  ),
  domesticDetail: textTemplate<DomesticArgs>(
    (a) =>
      `${span(a)} 年境内研发费用 ${formatWan(a.domestic)} 万 / 研发费用总额 ${formatWan(a.reported)} 万 = ${formatPercent(a.share)}`,
    (a) =>
      `Domestic R&D ${formatWan(a.domestic)}万 / total ${formatWan(a.reported)}万 over ${span(a)} = ${formatPercent(a.share)}`,
  ),
  domesticGap: textTemplate<DomesticArgs>(
    (a) =>
      `境内研发费用占比 ${formatPercent(a.share)}，需达到 ${formatPercent(a.required)}：还需增加境内研发投入 ¥${formatWanUp(a.needed)} 万`,
    (a) =>
      `Domestic share ${formatPercent(a.share)}, needs ${formatPercent(a.required)}: another ¥${formatWanUp(a.needed)}万 of domestic R&D`,
  ),
  htpsMissing: textTemplate<number>(
    (year) => `缺少 ${year} 年高新技术产品（服务）收入或收入总额`,
    (year) => `High-tech revenue or total revenue missing for ${year}`,
  ),
  htpsDetail: textTemplate<HtpsArgs>(
    (a) =>
      `${a.year} 年高新技术产品（服务）收入 ${formatWan(a.htps)} 万 / 总收入 ${formatWan(a.base)} 万（收入总额 − 不征税收入）= ${formatPercent(a.share)}`,
    (a) =>
      `${a.year}: high-tech revenue ${formatWan(a.htps)}万 / total revenue ${formatWan(a.base)}万 (less non-taxable) = ${formatPercent(a.share)}`,
  ),
  htpsNote: textTemplate<HtpsArgs>(
    (a) => {
      const parts: string[] = [];
      if (a.noNonTaxable) parts.push('未填不征税收入，按 0 计');
      if (a.contracting > 0)
        parts.push(`技术承包收入 ${formatWan(a.contracting)} 万不计入（2016 年指引）`);
      return parts.join('；');
    },
    (a) => {
      const parts: string[] = [];
      if (a.noNonTaxable) parts.push('Non-taxable revenue not given: taken as 0');
      if (a.contracting > 0)
        parts.push(
          `Technology contracting income ${formatWan(a.contracting)}万 not counted (2016 指引)`,
        );
      return parts.join('; ');
    },
  ),
  htpsGap: textTemplate<HtpsArgs>(
    (a) =>
      `高新技术产品（服务）收入占比 ${formatPercent(a.share)}，需达到 ${formatPercent(a.required)}：同期还需 ¥${formatWanUp(a.needed)} 万收入来自高新技术产品（服务）`,
    (a) =>
      `High-tech revenue share ${formatPercent(a.share)}, needs ${formatPercent(a.required)}: ¥${formatWanUp(a.needed)}万 more of the year's revenue must come from high-tech products or services`,
  ),
  scoredItem: textTemplate<ScoredItemArgs>(
    (a) => `${a.label.zh}：${rangeText(a.score)} 分${EXPERT_MARK_ZH[a.mark]}`,
    (a) => `${a.label.en}: ${rangeText(a.score)} points${EXPERT_MARK_EN[a.mark]}`,
  ),
  noUsableIp: staticText('无可用知识产权', 'No usable IP'),
  advancementLabel: staticText(
    '由专家按 高/较高/一般/较低/无 评分',
    'Scored by experts (high … none)',
  ),
  coreSupportLabel: staticText(
    '由专家按 强/较强/一般/较弱/无 评分',
    'Scored by experts (strong … none)',
  ),
  ipCountLabel: textTemplate<IpArgs>(
    (a) => `Ⅰ类 ${a.class1} 项、Ⅱ类 ${a.class2} 项`,
    (a) => `${a.class1} class I, ${a.class2} class II`,
  ),
  ownRdLabel: staticText('有自主研发', 'Own R&D'),
  acquiredOnlyLabel: staticText('仅受让、受赠或并购', 'Acquired only'),
  standardsLabel: textTemplate<number>(
    (n) => `参与国家或行业标准 ${n} 项`,
    (n) => `${n} national or industry standards`,
  ),
  ipSubtotal: textTemplate<IpSubtotalArgs>(
    (a) =>
      `知识产权 ${rangeText(a.score)} 分${a.rawMax > 30 ? `（含加分合计 ${rangeOf(a.rawMin, a.rawMax)}，封顶 30）` : ''}`,
    (a) =>
      `IP ${rangeText(a.score)} points${a.rawMax > 30 ? ` (with the bonus ${rangeOf(a.rawMin, a.rawMax)}, capped at 30)` : ''}`,
  ),
  conversion: textTemplate<ConversionArgs>(
    (a) =>
      `${a.n} 年共转化 ${a.conversions} 项，年均 ${formatNumber(a.average)} 项：${rangeText(a.score)} 分${a.missing.length > 0 ? `；${MISSING_YEARS.zh(a.missing)}` : ''}`,
    (a) =>
      `${a.conversions} conversions over ${a.n} years, ${formatNumber(a.average)} a year: ${rangeText(a.score)} points${a.missing.length > 0 ? `; ${MISSING_YEARS.en(a.missing)}` : ''}`,
  ),
  management: textTemplate<ManagementArgs>(
    (a) => `${rangeText(a.score)} 分${MANAGEMENT_MARK_ZH[a.mark]}`,
    (a) => `${rangeText(a.score)} points${MANAGEMENT_MARK_EN[a.mark]}`,
  ),
  netAssetsLabel: staticText('净资产', 'Net assets'),
  salesLabel: staticText('销售收入', 'Sales'),
  growthMissing: textTemplate<GrowthMissingArgs>(
    (a) => `${a.label.zh}：${MISSING_YEARS.zh(a.missing)}`,
    (a) => `${a.label.en}: ${MISSING_YEARS.en(a.missing)}`,
  ),
  growth: textTemplate<GrowthArgs>(
    (a) =>
      `${a.label.zh} ${seriesWan(a.values)} 万：增长率 ${percentOrDash(a.rate)}，${rangeText(a.score)} 分`,
    (a) =>
      `${a.label.en} ${seriesWan(a.values)}万: growth ${percentOrDash(a.rate)}, ${rangeText(a.score)} points`,
  ),
  innovation: textTemplate<InnovationArgs>(
    (a) =>
      `知识产权 ${rangeText(a.ip)} + 成果转化 ${rangeText(a.conversion)} + 研发组织管理 ${rangeText(a.management)} + 成长性 ${rangeOf(a.growthMin, a.growthMax)} = ${rangeText(a.total)} 分，需 ≥ ${a.pass} 分（70 分以上）`,
    (a) =>
      `IP ${rangeText(a.ip)} + conversions ${rangeText(a.conversion)} + R&D management ${rangeText(a.management)} + growth ${rangeOf(a.growthMin, a.growthMax)} = ${rangeText(a.total)} points; needs ≥ ${a.pass} (above 70)`,
  ),
  innovationGap: textTemplate<InnovationArgs>(
    (a) => `创新能力评价最高 ${a.total.max} 分，至少还差 ${a.pass - a.total.max} 分`,
    (a) =>
      `The innovation score reaches at most ${a.total.max}: at least ${a.pass - a.total.max} points short`,
  ),
  expertRejected: staticText(
    '所填专家分不在计算所得档次内，未采用',
    'The expert point lies outside the computed tier and was ignored',
  ),
  incident: textTemplate<IncidentArgs>(
    (a) => `${a.date} 发生${INCIDENT_LABELS[a.kind].zh}（在 ${a.from} 至 ${a.asOf} 之内）`,
    (a) => `${INCIDENT_LABELS[a.kind].en} on ${a.date} (within ${a.from} … ${a.asOf})`,
  ),
  incidentGap: textTemplate<IncidentArgs>(
    (a) => `须在该事件满 365 天后（${a.clear} 起）申请`,
    (a) => `Apply once 365 days have passed since the event (from ${a.clear})`,
  ),
  screened: textTemplate<ScreeningArgs>(
    (a) => `${a.from} 至 ${a.asOf} 无记录（已核查）`,
    (a) => `None recorded ${a.from} … ${a.asOf} (checked)`,
  ),
  notScreened: staticText(
    '未核查信用与监管记录，须人工确认',
    'Credit and regulatory records not checked: confirm manually',
  ),
} as const;
