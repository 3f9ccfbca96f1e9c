/**
 * Derived indicators (派生指标) as data: each is computed per region and year from the registry's
 * records, so a number in a report can be traced to the records behind it. Units follow the
 * registers: money in 万元, GDP in 亿元 and population in 万人 (stored indicator values).
 */

type Base = { code: string; names: { zh: string; en: string }; unit: string };

export type DerivedIndicator = Base &
  (
    | /** Qualifications of a kind valid on 31 December (issued by then, not expired, not revoked). */
    { kind: 'qualificationsValidAtYearEnd'; qualification: string }
    /** Qualifications of a kind issued (registered) during the year. */
    | { kind: 'qualificationsIssuedInYear'; qualification: string }
    /** Platforms accredited by 31 December, optionally of some levels or kinds. */
    | { kind: 'platformCount'; levels?: string[]; platformKinds?: string[] }
    /** Talents and teams recorded for the year, optionally of some categories. */
    | { kind: 'talentCount'; categories?: string[] }
    /** Technology-contract turnover signed in the year, by the seller's (输出) or buyer's (吸纳) region. */
    | { kind: 'contractAmount'; side: 'seller' | 'buyer' }
    /** Patents granted in the year, optionally of some types (发明 …). */
    | { kind: 'patentsGranted'; patentTypes?: string[] }
    /** Sum of a yearly-figure column over the region's enterprises. */
    | { kind: 'figureSum'; column: FigureColumn }
    /** numerator ÷ denominator × scale, both indicators of the same region and year (derived or stored). */
    | { kind: 'ratio'; numerator: string; denominator: string; scale: number }
  );

export const FIGURE_COLUMNS = [
  'sales_revenue',
  'total_revenue',
  'hightech_revenue',
  'rd_expense',
  'rd_expense_domestic',
  'staff_total',
  'staff_st',
  'conversions',
] as const;
export type FigureColumn = (typeof FIGURE_COLUMNS)[number];

/** The standard derived indicators. Stored inputs: GDP (亿元) and Population (万人). */
export const DERIVED_INDICATORS: readonly DerivedIndicator[] = [
  {
    code: 'HTE_COUNT',
    names: { zh: '有效高新技术企业数', en: 'Valid high-tech enterprises' },
    unit: '家',
    kind: 'qualificationsValidAtYearEnd',
    qualification: 'highTechEnterprise',
  },
  {
    code: 'TECH_SME_REGISTERED',
    names: { zh: '入库科技型中小企业数', en: 'Registered technology-based SMEs' },
    unit: '家',
    kind: 'qualificationsIssuedInYear',
    qualification: 'techSme',
  },
  {
    code: 'PLATFORMS',
    names: { zh: '研发平台数', en: 'R&D platforms' },
    unit: '个',
    kind: 'platformCount',
  },
  {
    code: 'PLATFORMS_NATIONAL',
    names: { zh: '国家级研发平台数', en: 'National R&D platforms' },
    unit: '个',
    kind: 'platformCount',
    levels: ['national'],
  },
  {
    code: 'TALENTS',
    names: { zh: '人才（团队）数', en: 'Talents and teams' },
    unit: '人',
    kind: 'talentCount',
  },
  {
    code: 'CONTRACT_OUT',
    names: { zh: '输出技术合同成交额', en: 'Technology contracts sold (输出)' },
    unit: '万元',
    kind: 'contractAmount',
    side: 'seller',
  },
  {
    code: 'CONTRACT_IN',
    names: { zh: '吸纳技术合同成交额', en: 'Technology contracts bought (吸纳)' },
    unit: '万元',
    kind: 'contractAmount',
    side: 'buyer',
  },
  {
    code: 'PATENTS_GRANTED',
    names: { zh: '专利授权量', en: 'Patents granted' },
    unit: '件',
    kind: 'patentsGranted',
  },
  {
    code: 'INVENTION_PATENTS_GRANTED',
    names: { zh: '发明专利授权量', en: 'Invention patents granted' },
    unit: '件',
    kind: 'patentsGranted',
    patentTypes: ['invention'],
  },
  {
    code: 'RD_EXPENSE',
    names: { zh: '企业研发费用', en: 'Enterprise R&D expense' },
    unit: '万元',
    kind: 'figureSum',
    column: 'rd_expense',
  },
  {
    code: 'HIGHTECH_REVENUE',
    names: { zh: '高新技术产品（服务）收入', en: 'High-tech product and service revenue' },
    unit: '万元',
    kind: 'figureSum',
    column: 'hightech_revenue',
  },
  {
    // R&D (万元) ÷ (GDP (亿元) × 10,000) × 100 = R&D ÷ GDP × 0.01, in %.
    code: 'RD_INTENSITY',
    names: { zh: '企业研发投入强度', en: 'Enterprise R&D intensity' },
    unit: '%',
    kind: 'ratio',
    numerator: 'RD_EXPENSE',
    denominator: 'GDP',
    scale: 0.01,
  },
  {
    code: 'HTE_PER_10K',
    names: { zh: '每万人高新技术企业数', en: 'High-tech enterprises per 10,000 people' },
    unit: '家/万人',
    kind: 'ratio',
    numerator: 'HTE_COUNT',
    denominator: 'Population',
    scale: 1,
  },
  {
    code: 'PATENTS_PER_10K',
    names: { zh: '每万人专利授权量', en: 'Patents granted per 10,000 people' },
    unit: '件/万人',
    kind: 'ratio',
    numerator: 'PATENTS_GRANTED',
    denominator: 'Population',
    scale: 1,
  },
];
