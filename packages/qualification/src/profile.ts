/**
 * The enterprise profile (企业画像): one JSON document feeding every rule set — yearly figures,
 * staff, IP by class, conversions, R&D management evidence, incidents, qualifications held,
 * awards, platforms, standards, financing and MIIT items. Money is in 万元, staff are annual
 * averages of monthly headcounts (`qualification-rules.md` §1.4), ratios are fractions (0.6 = 60 %).
 * `0` and `false` are values; an absent optional field means "unknown" and leads to `needsReview`.
 */
import {
  type Bilingual,
  type DomainError,
  isIsoDate,
  QUALIFICATION_KINDS,
  toDomainErrors,
  validateUscc,
} from '@kechuang/domain';
import { z } from 'zod';
import { isHighTechFieldCode } from './highTechFields.ts';

/** Documents a schema: title "中文 / English" and an optional description (both languages). */
function doc<T extends z.ZodType>(schema: T, zh: string, en: string, description?: string): T {
  return schema.meta({ title: `${zh} / ${en}`, ...(description ? { description } : {}) });
}

const isoDate = z
  .string()
  .refine(isIsoDate, {
    error: '日期须为 YYYY-MM-DD',
    params: {
      code: 'invalidDate',
      zh: '日期须为有效日期，格式 YYYY-MM-DD',
      en: 'Dates are written YYYY-MM-DD',
    },
  })
  .meta({ format: 'date' });
const money = z.number().nonnegative();
const signedMoney = z.number();
const headcount = z.number().nonnegative();
const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);
const year = z.number().int().min(1949).max(2100);

const rdByCategory = doc(
  z.object({
    personnel: doc(money.optional(), '人员人工费用', 'Personnel costs'),
    directInputs: doc(money.optional(), '直接投入费用', 'Direct inputs'),
    depreciation: doc(
      money.optional(),
      '折旧费用与长期待摊费用',
      'Depreciation and long-term deferred costs',
    ),
    amortisation: doc(money.optional(), '无形资产摊销费用', 'Amortisation of intangibles'),
    design: doc(money.optional(), '设计费用', 'Design costs'),
    equipmentTrials: doc(money.optional(), '装备调试费用与试验费用', 'Equipment set-up and trials'),
    externalCommissioned: doc(
      money.optional(),
      '委托外部研究开发费用（实际发生额）',
      'Entrusted external R&D (as paid)',
      '按实际发生额填写，高企口径按 80% 计入 / As paid; the 高企 rule counts 80 %',
    ),
    other: doc(
      money.optional(),
      '其他费用',
      'Other costs',
      '高企口径不超过研发总额的 20% / Capped at 20 % of total R&D under the 高企 rule',
    ),
  }),
  '研发费用分类（万元）',
  'R&D expense by category (万元)',
  '高企归集口径八类 / The eight categories of the 高企 collection scope (国科发火〔2016〕195号)',
);

const technicalIncome = doc(
  z.object({
    transfer: doc(money.optional(), '技术转让收入', 'Technology transfer income'),
    services: doc(money.optional(), '技术服务收入', 'Technical service income'),
    commissionedRd: doc(money.optional(), '接受委托研究开发收入', 'Commissioned R&D income'),
    contracting: doc(
      money.optional(),
      '技术承包收入',
      'Technology contracting income',
      '2016 年指引起不再计入技术性收入 / Not technical income since the 2016 指引',
    ),
  }),
  '技术性收入（万元）',
  'Technical income (万元)',
);

const yearFigures = doc(
  z.object({
    year: doc(year, '会计年度', 'Accounting year'),
    salesRevenue: doc(
      money.optional(),
      '销售收入（主营业务收入 + 其他业务收入）',
      'Sales revenue (main + other business revenue)',
      '企业所得税年度申报口径，万元 / Income-tax return basis, 万元',
    ),
    mainBusinessRevenue: doc(money.optional(), '主营业务收入', 'Main business revenue'),
    operatingRevenue: doc(
      money.optional(),
      '营业收入',
      'Operating revenue',
      '工信部梯度培育口径；缺省时取销售收入 / MIIT basis; defaults to sales revenue',
    ),
    totalRevenue: doc(money.optional(), '收入总额', 'Total revenue'),
    nonTaxableRevenue: doc(money.optional(), '不征税收入', 'Non-taxable revenue'),
    highTechProductRevenue: doc(
      money.optional(),
      '高新技术产品（服务）收入（不含技术性收入）',
      'High-tech product and service revenue (excluding technical income)',
    ),
    technicalIncome: technicalIncome.optional(),
    rdExpense: doc(money.optional(), '研发费用总额（高企口径）', 'Total R&D expense (高企 basis)'),
    rdExpenseDomestic: doc(money.optional(), '境内研发费用', 'R&D expense incurred in China'),
    rdExpenseByCategory: rdByCategory.optional(),
    rdExpenseSuperDeduction: doc(
      money.optional(),
      '研发费用（加计扣除口径，财税〔2015〕119号）',
      'R&D expense on the super-deduction basis',
      '科技型中小企业评价用；缺省时取研发费用总额 / For the tech-SME evaluation; defaults to the total',
    ),
    totalCost: doc(money.optional(), '成本费用支出总额', 'Total costs and expenses'),
    totalStaff: doc(
      headcount.optional(),
      '职工总数（全年月平均）',
      'Total staff (annual average of monthly headcounts)',
      '在职人员及累计工作满 183 天的兼职、临时聘用人员 / In-post staff plus part-time and temporary staff with ≥ 183 days',
    ),
    stStaff: doc(
      headcount.optional(),
      '科技人员（全年月平均，累计实际工作 ≥ 183 天）',
      'S&T staff (annual monthly average, ≥ 183 days worked)',
    ),
    rdStaff: doc(headcount.optional(), '研发人员', 'R&D staff', '工信部口径 / MIIT basis'),
    techSmeStaff: doc(
      z
        .object({
          total: doc(headcount, '职工总数', 'Total staff'),
          st: doc(headcount, '科技人员', 'S&T staff'),
        })
        .optional(),
      '科技型中小企业口径人数',
      'Staff counted under the tech-SME rules',
      '兼职、临时人员须工作满 6 个月；平均方法（季度或月度）两说不一，缺省时取高企口径 / Part-time staff need ≥ 6 months; averaging (quarterly or monthly) is uncertain; defaults to the 高企 figures',
    ),
    totalAssets: doc(money.optional(), '资产总额', 'Total assets'),
    totalLiabilities: doc(money.optional(), '负债总额', 'Total liabilities'),
    netAssets: doc(
      signedMoney.optional(),
      '净资产（年末，资产总额 − 负债总额）',
      'Net assets at year end (assets − liabilities)',
      '缺省时由资产与负债计算，可为负 / Derived from assets and liabilities when absent; may be negative',
    ),
    netProfit: doc(signedMoney.optional(), '净利润', 'Net profit'),
    conversions: doc(
      count.optional(),
      '科技成果转化数（项）',
      'Conversions of S&T results (count)',
      '同一成果多种形式或多个产品只计一次 / A result converted several ways counts once',
    ),
  }),
  '年度数据',
  'Figures of one accounting year',
);

/** IP types (知识产权类型) and their 高企 class: Ⅰ类, Ⅱ类, or none (trademarks). */
export const IP_TYPE_CLASSES = {
  invention: 1,
  defencePatent: 1,
  plantVariety: 1,
  nationalCropVariety: 1,
  nationalNewDrug: 1,
  tcmFirstClassProtection: 1,
  icLayoutDesign: 1,
  utilityModel: 2,
  design: 2,
  softwareCopyright: 2,
  otherClass2: 2,
  trademark: 0,
} as const;

/** An IP type code. */
export type IpType = keyof typeof IP_TYPE_CLASSES;

const ipItem = doc(
  z.object({
    id: doc(z.string().min(1), '编号（专利号、登记号）', 'Number (patent or registration number)'),
    type: doc(
      z.enum(Object.keys(IP_TYPE_CLASSES) as [IpType, ...IpType[]]),
      '类型',
      'Type',
      'Ⅰ类：发明、国防专利、植物新品种、国家级农作物品种、国家新药、国家一级中药保护品种、集成电路布图设计；Ⅱ类：实用新型、外观设计、软件著作权等；商标不计 / Class I: inventions …; class II: utility models, designs, software copyright …; trademarks never count',
    ),
    acquisition: doc(
      z.enum(['ownRd', 'purchase', 'gift', 'merger']),
      '获得方式',
      'Acquisition route',
      'ownRd 自主研发 / purchase 受让 / gift 受赠 / merger 并购',
    ),
    grantDate: doc(isoDate, '授权（登记）日期', 'Grant or registration date'),
    expiryDate: doc(isoDate.optional(), '失效日期', 'Lapse or expiry date'),
    usedInEarlierHteApplication: doc(
      z.boolean().default(false),
      '是否已用于以前的高企认定',
      'Already used in an earlier 高企 application',
      'Ⅱ类知识产权只能使用一次 / A class II IP counts once',
    ),
    disputed: doc(z.boolean().default(false), '是否存在权属争议', 'Under ownership dispute'),
    relatedToMainProduct: doc(
      z.boolean().default(true),
      '是否与主营产品相关',
      'Related to the main products',
    ),
    highValue: doc(
      z.boolean().default(false),
      '是否高价值知识产权（工信部口径）',
      'High-value IP (MIIT)',
    ),
    inUse: doc(
      z.boolean().optional(),
      '是否已实施并产生经济效益',
      'Applied and producing economic benefit',
    ),
    rightHolderRank: doc(
      z.number().int().min(1).optional(),
      '在权利人中的排名',
      'Rank among right-holders',
    ),
  }),
  '知识产权',
  'Intellectual property item',
);

const managementItem = (items: Record<string, [string, string]>, zh: string, en: string) =>
  doc(
    z
      .object(
        Object.fromEntries(
          Object.entries(items).map(([k, [izh, ien]]) => [
            k,
            doc(z.boolean().optional(), izh, ien),
          ]),
        ),
      )
      .optional(),
    zh,
    en,
  );

const rdManagement = doc(
  z.object({
    systems: managementItem(
      {
        managementSystem: ['研发项目组织管理制度', 'R&D project management system'],
        costAccounting: ['研发投入核算体系', 'R&D cost accounting system'],
        auxiliaryLedger: ['研发费用辅助账', 'R&D auxiliary ledger'],
      },
      '（1）研发组织管理制度、投入核算体系、辅助账（≤ 6 分）',
      '(1) R&D management, cost accounting and auxiliary ledger (≤ 6 points)',
    ),
    organisation: managementItem(
      {
        internalRdOrganisation: ['内部研发机构', 'Internal R&D organisation'],
        researchConditions: ['相应的科研条件', 'Research conditions'],
        industryUniversityCooperation: ['产学研合作', 'Industry–university–research cooperation'],
      },
      '（2）研发机构与产学研合作（≤ 6 分）',
      '(2) R&D organisation and cooperation (≤ 6 points)',
    ),
    transfer: managementItem(
      {
        transferIncentiveSystem: ['成果转化组织实施与激励奖励制度', 'Transfer and reward system'],
        openInnovationPlatform: ['开放式创新创业平台', 'Open innovation platform'],
      },
      '（3）成果转化激励制度与创新平台（≤ 4 分）',
      '(3) Transfer incentives and innovation platform (≤ 4 points)',
    ),
    talent: managementItem(
      {
        training: ['科技人员培养进修', 'Training of S&T staff'],
        recruitment: ['优秀人才引进', 'Talent recruitment'],
        performanceEvaluation: ['人才绩效评价', 'Performance evaluation'],
        rewards: ['奖励制度', 'Reward system'],
      },
      '（4）人才培养、引进与绩效奖励（≤ 4 分）',
      '(4) Talent training, recruitment and rewards (≤ 4 points)',
    ),
  }),
  '研究开发组织管理水平（专家评价的依据）',
  'R&D management evidence (for expert judgement)',
  '每项为 true（有）、false（无）或缺省（不清楚）/ Each element true, false or absent (unknown)',
);

const expertPoint = (max: number, zh: string, en: string) =>
  doc(z.number().int().min(0).max(max).optional(), zh, en);

const expert = doc(
  z.object({
    ipCoreSupport: doc(
      z.boolean().optional(),
      '知识产权对主要产品发挥核心支持作用（条件二）',
      'IP gives core support to the main products (condition 2)',
    ),
    fieldFit: doc(
      z.boolean().optional(),
      '核心技术属于所选高新技术领域（条件三）',
      'The core technology is in the chosen field (condition 3)',
    ),
    technologyAdvancement: expertPoint(8, '技术的先进程度（0–8）', 'Technology advancement (0–8)'),
    coreSupport: expertPoint(8, '核心支持作用（0–8）', 'Core support (0–8)'),
    ipCount: expertPoint(8, '知识产权数量（档内取分）', 'IP count (point within the tier)'),
    ipAcquisition: expertPoint(6, '知识产权获得方式（0–6）', 'IP acquisition (0–6)'),
    standardsBonus: expertPoint(2, '参与标准制定加分（0–2）', 'Standards bonus (0–2)'),
    conversions: expertPoint(
      30,
      '科技成果转化能力（档内取分）',
      'Conversions (point within the tier)',
    ),
    rdManagement: doc(
      z
        .tuple([
          z.number().int().min(0).max(6),
          z.number().int().min(0).max(6),
          z.number().int().min(0).max(4),
          z.number().int().min(0).max(4),
        ])
        .optional(),
      '研发组织管理四项得分',
      'The four R&D management scores',
    ),
    netAssetGrowth: expertPoint(10, '净资产增长率得分（档内取分）', 'Net-asset growth points'),
    salesGrowth: expertPoint(10, '销售收入增长率得分（档内取分）', 'Sales growth points'),
  }),
  '专家（或预评审）意见',
  'Expert (or pre-review) judgements',
  '只在已有专家意见时填写；计算所得档次之外的分值不采用 / Fill in only with an expert opinion; points outside the computed tier are ignored',
);

const incidentKinds = [
  'majorSafetyAccident',
  'majorQualityAccident',
  'seriousEnvironmentalViolation',
  'seriousFraud',
  'researchMisconduct',
  'abnormalOperationsList',
  'seriousDishonestyList',
] as const;

/** Incident kinds (重大安全、质量事故，严重环境违法，严重弄虚作假，科研严重失信，经营异常名录，严重违法失信名单). */
export type IncidentKind = (typeof incidentKinds)[number];

const qualificationKinds = QUALIFICATION_KINDS.map((k) => k.code) as [
  (typeof QUALIFICATION_KINDS)[number]['code'],
  ...(typeof QUALIFICATION_KINDS)[number]['code'][],
];

/** The fields {@link checkConsistency} compares. */
type ConsistencyInput = {
  uscc: string;
  highTechField?: string | undefined;
  years: readonly {
    year: number;
    rdExpense?: number | undefined;
    rdExpenseDomestic?: number | undefined;
    totalRevenue?: number | undefined;
    nonTaxableRevenue?: number | undefined;
    totalStaff?: number | undefined;
    stStaff?: number | undefined;
    techSmeStaff?: { st: number; total: number } | undefined;
  }[];
};

/** `a ≤ b` when both are known (up to rounding of sums). */
function notAbove(a: number | undefined, b: number | undefined): boolean {
  return a === undefined || b === undefined || a <= b + 1e-9;
}

function addYearIssue(
  ctx: z.RefinementCtx,
  index: number,
  field: string,
  code: string,
  zh: string,
  en: string,
): void {
  ctx.addIssue({
    code: 'custom',
    path: ['years', index, field],
    message: code,
    params: { code, zh, en },
  });
}

/**
 * Checks across fields: USCC check characters, the high-tech field code, duplicate years, parts
 * not above their totals. A module-level function, so parsing a batch makes no closures per year.
 */
function checkConsistency(p: ConsistencyInput, ctx: z.RefinementCtx): void {
  const u = validateUscc(p.uscc);
  for (const e of u.errors) {
    ctx.addIssue({ code: 'custom', path: ['uscc'], message: e.message.zh, params: { ...e } });
  }
  if (p.highTechField !== undefined && !isHighTechFieldCode(p.highTechField)) {
    ctx.addIssue({
      code: 'custom',
      path: ['highTechField'],
      message: 'unknownHighTechField',
      params: {
        code: 'unknownHighTechField',
        zh: `未知的高新技术领域代码 ${p.highTechField}（应为 8 个一级领域或其二级领域代码）`,
        en: `Unknown high-tech field code ${p.highTechField} (one of the 8 fields or their second-level codes)`,
      },
    });
  }
  const years = p.years;
  for (let i = 0; i < years.length; i++) {
    const y = years[i] as ConsistencyInput['years'][number];
    let duplicate = false;
    for (let j = 0; j < i && !duplicate; j++) duplicate = years[j]?.year === y.year;
    if (duplicate) {
      ctx.addIssue({
        code: 'custom',
        path: ['years', i, 'year'],
        message: 'duplicateYear',
        params: {
          code: 'duplicateYear',
          zh: `年度 ${y.year} 重复`,
          en: `Year ${y.year} appears twice`,
        },
      });
    }
    if (!notAbove(y.rdExpenseDomestic, y.rdExpense))
      addYearIssue(
        ctx,
        i,
        'rdExpenseDomestic',
        'domesticRdExceedsTotal',
        '境内研发费用不能大于研发费用总额',
        'Domestic R&D cannot exceed total R&D',
      );
    if (!notAbove(y.nonTaxableRevenue, y.totalRevenue))
      addYearIssue(
        ctx,
        i,
        'nonTaxableRevenue',
        'nonTaxableExceedsTotal',
        '不征税收入不能大于收入总额',
        'Non-taxable revenue cannot exceed total revenue',
      );
    if (!notAbove(y.stStaff, y.totalStaff))
      addYearIssue(
        ctx,
        i,
        'stStaff',
        'stStaffExceedsTotal',
        '科技人员数不能大于职工总数',
        'S&T staff cannot exceed total staff',
      );
    if (y.techSmeStaff !== undefined && y.techSmeStaff.st > y.techSmeStaff.total)
      addYearIssue(
        ctx,
        i,
        'techSmeStaff',
        'stStaffExceedsTotal',
        '科技人员数不能大于职工总数',
        'S&T staff cannot exceed total staff',
      );
  }
}

/** The enterprise profile schema (zod 4); {@link PROFILE_JSON_SCHEMA} is its JSON Schema. */
export const profileSchema = doc(
  z
    .object({
      note: doc(
        z.string().optional(),
        '备注（示例数据须注明“合成”）',
        'Note (mark synthetic examples as such)',
      ),
      uscc: doc(z.string(), '统一社会信用代码', 'Unified social credit code (USCC)'),
      name: doc(z.string().trim().min(1), '企业名称', 'Enterprise name'),
      registrationDate: doc(isoDate, '注册成立日期', 'Registration date'),
      region: doc(z.string().optional(), '所在区县代码（GB/T 2260）', 'District code (GB/T 2260)'),
      highTechField: doc(
        z.string().optional(),
        '国家重点支持的高新技术领域代码',
        'Supported high-tech field code',
        '如 10、101、10101（见 README）/ e.g. 10, 101, 10101 (see the README)',
      ),
      industryCode: doc(
        z
          .string()
          .regex(/^[A-T](\d{2}|\d{3}|\d{4})?$/)
          .optional(),
        '国民经济行业代码（GB/T 4754）',
        'Industry code (GB/T 4754)',
      ),
      size: doc(
        z.enum(['large', 'medium', 'small', 'micro']).optional(),
        '企业规模（国统字〔2011〕75号）',
        'Enterprise size (国统字〔2011〕75号)',
      ),
      taxation: doc(
        z
          .object({
            residentEnterprise: doc(z.boolean().optional(), '居民企业', 'Resident enterprise'),
            auditCollection: doc(
              z.boolean().optional(),
              '查账征收（非核定征收）',
              'Tax assessed on audited books (查账征收)',
            ),
            soundAccounting: doc(
              z.boolean().optional(),
              '会计核算健全，能准确归集研发费用',
              'Sound accounting; R&D costs collected accurately',
            ),
          })
          .default({}),
        '税收与核算',
        'Taxation and accounting',
      ),
      industryFlags: doc(
        z
          .object({
            restrictedOrEliminated: doc(
              z.boolean().optional(),
              '属于《产业结构调整指导目录》限制类或淘汰类',
              'Restricted or eliminated industry',
            ),
            superDeductionExcluded: doc(
              z.boolean().optional(),
              '属于财税〔2015〕119号不适用加计扣除的行业',
              'Industry excluded from the R&D super-deduction',
              '缺省时按行业代码判断 / Derived from the industry code when absent',
            ),
            strategicEmerging: doc(
              z.boolean().optional(),
              '主导产品属于《战略性新兴产业分类》',
              'Main product in the strategic emerging industries',
            ),
          })
          .default({}),
        '行业属性',
        'Industry flags',
      ),
      years: doc(z.array(yearFigures), '年度数据', 'Yearly figures'),
      ip: doc(z.array(ipItem).default([]), '知识产权', 'Intellectual property'),
      rdManagement: rdManagement.default({}),
      expert: expert.default({}),
      incidentScreening: doc(
        z.boolean().default(false),
        '已核查信用与监管记录（事故、失信等清单完整）',
        'Credit and regulatory records checked (the incident list is complete)',
      ),
      incidents: doc(
        z
          .array(
            z.object({
              kind: doc(z.enum(incidentKinds), '类型', 'Kind'),
              date: doc(isoDate, '发生（列入）日期', 'Date'),
              note: z.string().optional(),
            }),
          )
          .default([]),
        '事故与失信记录',
        'Incidents and listings',
      ),
      qualifications: doc(
        z
          .array(
            z.object({
              kind: doc(z.enum(qualificationKinds), '资质类型', 'Qualification kind'),
              number: doc(
                z.string().min(1),
                '证书编号或入库登记编号',
                'Certificate or registration number',
              ),
              issueDate: doc(isoDate, '发证（入库）日期', 'Issue date'),
              expiryDate: doc(isoDate.optional(), '到期日', 'Expiry date'),
              evaluationYear: doc(year.optional(), '评价年度', 'Evaluation year'),
              status: doc(
                z.enum(['valid', 'expired', 'revoked']).default('valid'),
                '状态',
                'Status',
              ),
              renewalAppliedOn: doc(
                isoDate.optional(),
                '重新申请（复核）日期',
                'Re-application date',
              ),
              revokedOn: doc(isoDate.optional(), '撤销日期', 'Revocation date'),
            }),
          )
          .default([]),
        '已有资质',
        'Qualifications held',
      ),
      designations: doc(
        z
          .array(
            z.object({
              kind: doc(
                z.enum([
                  'nationalTechInnovationDemo',
                  'ipAdvantageEnterprise',
                  'ipDemonstrationEnterprise',
                ]),
                '称号',
                'Designation',
                '国家级技术创新示范企业 / 知识产权优势企业 / 知识产权示范企业',
              ),
              date: doc(isoDate, '认定日期', 'Date'),
              expiryDate: doc(isoDate.optional(), '到期日', 'Expiry date'),
            }),
          )
          .default([]),
        '其他称号',
        'Other designations',
      ),
      annualReports: doc(
        z
          .array(
            z.object({
              kind: doc(z.enum(qualificationKinds), '资质类型', 'Qualification kind'),
              year: doc(year, '报告所属年度（数据年度）', 'Data year reported'),
              filedOn: doc(isoDate, '填报日期', 'Filing date'),
            }),
          )
          .default([]),
        '年报与年度更新',
        'Annual reports and updates filed',
      ),
      changes: doc(
        z
          .array(
            z.object({
              kind: doc(
                z.enum(['name', 'split', 'merger', 'business', 'relocation']),
                '变更类型',
                'Kind',
              ),
              date: doc(isoDate, '变更日期', 'Date of change'),
              reportedOn: doc(isoDate.optional(), '报告日期', 'Reported on'),
            }),
          )
          .default([]),
        '重大变化（更名、分立、合并、经营业务变化）',
        'Material changes',
      ),
      awards: doc(
        z
          .array(
            z.object({
              level: doc(z.enum(['national', 'provincial', 'municipal']), '级别', 'Level'),
              date: doc(isoDate, '获奖日期', 'Date'),
              rank: doc(
                z.number().int().min(1),
                '在获奖单位中的排名',
                'Rank among the awarded units',
              ),
            }),
          )
          .default([]),
        '科技奖励',
        'S&T awards',
      ),
      rdInstitutions: doc(
        z
          .array(
            z.object({
              level: doc(
                z.enum(['national', 'provincial', 'municipal', 'district', 'internal']),
                '级别',
                'Level',
                'provincial 含省部级 / includes ministerial level',
              ),
              recognisedOn: doc(isoDate, '认定日期', 'Recognised on'),
              joint: doc(z.boolean().default(false), '是否联合共建', 'Joint institution'),
            }),
          )
          .default([]),
        '研发机构',
        'R&D institutions',
      ),
      standards: doc(
        z
          .array(
            z.object({
              level: doc(
                z.enum(['international', 'national', 'industry', 'local', 'group']),
                '级别',
                'Level',
              ),
              publishedOn: doc(isoDate, '发布日期', 'Published on'),
              draftingRank: doc(
                z.number().int().min(1),
                '起草单位排名',
                'Rank among drafting units',
              ),
            }),
          )
          .default([]),
        '参与制定的标准',
        'Standards drafted',
      ),
      equityFinancing: doc(
        z
          .array(
            z.object({
              date: doc(isoDate, '实缴日期', 'Paid-in date'),
              amount: doc(money, '金额（万元）', 'Amount (万元)'),
              qualifiedInvestor: doc(
                z.boolean().default(true),
                '合格机构投资者',
                'Qualified institutional investor',
              ),
            }),
          )
          .default([]),
        '股权融资',
        'Equity financing',
      ),
      miit: doc(
        z
          .object({
            nicheYears: doc(
              z.number().nonnegative().optional(),
              '从事特定细分市场年限',
              'Years in the niche market',
            ),
            mainProductField: doc(
              z.enum(['gapFilling', 'sixBasics', 'other']).optional(),
              '主导产品所属领域（专精特新 2022）',
              'Main product field (专精特新 2022)',
              'gapFilling 补短板/锻长板/填空白且有成果 5；sixBasics 工业“六基”、中华老字号或链主配套 3；other 0',
            ),
            digitalLevel: doc(
              z.number().int().min(0).max(6).optional(),
              '数字化水平等级',
              'Digitalisation level',
            ),
            qualityItems: doc(
              z
                .object({
                  qualityAward: z.boolean().optional(),
                  managementCertification: z.boolean().optional(),
                  ownBrand: z.boolean().optional(),
                  standardsWork: z.boolean().optional(),
                })
                .optional(),
              '质量管理（获省级以上质量奖、管理体系认证、自主品牌、参与标准制修订）',
              'Quality management items',
            ),
            localScore: doc(
              z.number().min(0).max(15).optional(),
              '特色化指标得分（省级设定，0–15）',
              'Local (特色化) indicator points (0–15)',
            ),
            informationSystem: doc(
              z.boolean().optional(),
              '核心业务采用信息系统支撑',
              'Core business supported by an information system',
            ),
            certification: doc(
              z.boolean().optional(),
              '管理体系认证或发达国家产品认证',
              'Management-system or developed-country product certification',
            ),
            ownBrand: doc(z.boolean().optional(), '拥有自主品牌', 'Own brand'),
            nationalMarketShare: doc(
              share.optional(),
              '细分市场全国占有率',
              'National niche market share',
            ),
            nationalMarketRank: doc(
              z.number().int().min(1).optional(),
              '细分市场全国排名',
              'National niche market rank',
            ),
            leadingMarketPosition: doc(
              z.boolean().optional(),
              '细分市场占有率领先（定性）',
              'Leading niche position (qualitative)',
            ),
            industryChainKeyLink: doc(
              z.boolean().optional(),
              '属于产业链关键环节或工业“六基”',
              'Key link in the industry chain or 六基',
            ),
            platformScores: doc(
              z.array(z.object({ year, score: z.number().min(0).max(100) })).default([]),
              '专精特新发展评价得分（平台计算）',
              'Platform evaluation scores (computed by the MIIT platform)',
            ),
            makerChina: doc(
              z
                .array(z.object({ date: isoDate, nationalRank: z.number().int().min(1) }))
                .default([]),
              '创客中国大赛全国名次',
              'Maker China national ranks',
            ),
          })
          .default({ platformScores: [], makerChina: [] }),
        '工信部梯度培育事项',
        'MIIT ladder items',
      ),
      chongqing: doc(
        z
          .object({
            seniorTitleStaff: doc(
              count.optional(),
              '副高及以上职称人数',
              'Staff with a senior title',
            ),
            hongyanTalent: doc(
              z.boolean().optional(),
              '鸿雁计划人才企业',
              'Hongyan talent-plan enterprise',
            ),
            independentLegalPerson: doc(
              z.boolean().optional(),
              '独立法人',
              'Independent legal person',
            ),
          })
          .default({}),
        '重庆市科技型企业事项',
        'Chongqing tech-enterprise items',
      ),
    })
    .superRefine(checkConsistency),
  '企业画像（资质预评估输入）',
  'Enterprise profile (input of the qualification pre-assessment)',
  '金额单位万元；人数为全年月平均；比例为小数；缺省表示不清楚 / Money in 万元; staff as annual monthly averages; ratios as fractions; absent means unknown',
);

/** The parsed enterprise profile (years sorted ascending). */
export type Profile = z.output<typeof profileSchema>;
/** The profile as written in JSON (defaults not yet applied). */
export type ProfileInput = z.input<typeof profileSchema>;
/** One accounting year of a profile. */
export type YearFigures = Profile['years'][number];
/** One IP item of a profile. */
export type IpItem = Profile['ip'][number];

/** One problem in a profile: a stable code, the field path, and a message naming the field in both languages. */
export type ProfileIssue = DomainError & { path: string; field: Bilingual };

/** Thrown by {@link parseProfile} with every issue found (not only the first). */
export class ProfileError extends Error {
  readonly issues: ProfileIssue[];
  constructor(issues: ProfileIssue[]) {
    super(
      `企业画像有 ${issues.length} 处问题 / The profile has ${issues.length} issue(s):\n${issues
        .map((i) => `- ${i.message.zh} / ${i.message.en}`)
        .join('\n')}`,
    );
    this.name = 'ProfileError';
    this.issues = issues;
  }
}

type SchemaDef = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  items?: z.ZodType[];
};

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

function titleOf(schema: z.ZodType): Bilingual | undefined {
  const title = z.globalRegistry.get(schema)?.title;
  if (typeof title !== 'string') return undefined;
  const [zh = title, en = title] = title.split(' / ');
  return { zh, en };
}

/** Walks the schema along `path`, naming each step by its title ("年度数据 第 2 项 › 研发费用总额"). */
export function fieldLabel(path: readonly PropertyKey[]): Bilingual {
  const zh: string[] = [];
  const en: string[] = [];
  let schema: z.ZodType | undefined = profileSchema;
  for (const step of path) {
    while (schema) {
      const title = titleOf(schema);
      const def = defOf(schema);
      if (def.type === 'object' || def.type === 'array' || def.type === 'tuple') break;
      schema = def.innerType ?? def.in;
      if (title && schema && !titleOf(schema)) break;
    }
    if (!schema) break;
    const def = defOf(schema);
    if (typeof step === 'number') {
      zh.push(`第 ${step + 1} 项`);
      en.push(`item ${step + 1}`);
      schema = def.type === 'tuple' ? def.items?.[step] : def.element;
      continue;
    }
    const next: z.ZodType | undefined = def.shape?.[String(step)];
    let title = next ? titleOf(next) : undefined;
    let inner = next;
    while (!title && inner) {
      const d = defOf(inner);
      inner = d.innerType ?? d.in;
      title = inner ? titleOf(inner) : undefined;
    }
    zh.push(title?.zh ?? String(step));
    en.push(title?.en ?? String(step));
    schema = next;
  }
  return { zh: zh.join(' › '), en: en.join(' › ') };
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/**
 * Parses and validates a profile (USCC via `@kechuang/domain`, field codes, year consistency),
 * sorting the years ascending. Throws a {@link ProfileError} listing every issue, each naming the
 * field path in Chinese and English.
 */
export function parseProfile(json: unknown): Profile {
  const r = profileSchema.safeParse(json, { reportInput: true });
  if (!r.success) {
    const domainErrors = toDomainErrors(r.error);
    const issues = r.error.issues.map((issue, i): ProfileIssue => {
      const path = pathText(issue.path);
      const field = fieldLabel(issue.path);
      const base = domainErrors[i] ?? { code: `zod.${issue.code}`, message: { zh: '', en: '' } };
      const own =
        'params' in issue
          ? (issue.params as { zh?: string; en?: string; message?: Bilingual } | undefined)
          : undefined;
      const strip = (m: string) => (issue.path.length > 0 ? stripPath(m) : m);
      const zhText = own?.message?.zh ?? own?.zh ?? strip(base.message.zh);
      const enText = own?.message?.en ?? own?.en ?? strip(base.message.en);
      return {
        code: (own as { code?: string } | undefined)?.code ?? base.code,
        path,
        field,
        message: {
          zh: `${field.zh || '画像'}（${path || '根'}）：${zhText}`,
          en: `${field.en || 'profile'} (${path || 'root'}): ${enText}`,
        },
        details: { path },
      };
    });
    throw new ProfileError(issues);
  }
  const profile = r.data;
  profile.years.sort((a, b) => a.year - b.year);
  return profile;
}

function stripPath(message: string): string {
  const m = /^[^：:]*[：:]\s*(.*)$/s.exec(message);
  return m?.[1] ?? message;
}

/** The JSON Schema of the profile input (draft 2020-12), with titles and descriptions in zh + en. */
export const PROFILE_JSON_SCHEMA: Record<string, unknown> = z.toJSONSchema(profileSchema, {
  io: 'input',
  unrepresentable: 'any',
}) as Record<string, unknown>;
