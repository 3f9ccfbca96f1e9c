/**
 * Zod schemas of the records the registry stores and imports. Custom checks carry bilingual
 * messages (`params: { code, zh, en }`); {@link parseRecord} turns any failure into
 * `DomainError`s in Chinese and English. Objects strip unknown keys.
 *
 * Units: money in 万元 (10,000 yuan), staff as annual averages of monthly headcounts
 * (`(start + end of month) / 2`, averaged over 12 months; `qualification-rules.md` §1.4), other
 * quantities as counts. `0` is a value, an absent optional field is "unknown".
 */
import { z } from 'zod';
import { isIsoDate } from './dates.ts';
import {
  ACHIEVEMENT_TYPES,
  codesOf,
  PATENT_STATUSES,
  PATENT_TYPES,
  PLATFORM_KINDS,
  PLATFORM_LEVELS,
  PROJECT_LEVELS,
  QUALIFICATION_KINDS,
  QUALIFICATION_STATUSES,
  REGION_TYPES,
  TALENT_CATEGORIES,
  TECH_CONTRACT_TYPES,
} from './enums.ts';
import type { DomainError } from './errors.ts';
import {
  CHONGQING_CITY,
  isRegionCode,
  isRegionKey,
  isStatisticalUnitKey,
  REGION_GROUPS,
  type RegionGroupCode,
} from './regions.ts';
import { validateUscc } from './uscc.ts';

/** Custom-issue options with a bilingual message. */
function bi(code: string, zh: string, en: string, path?: string[]) {
  return { error: zh, params: { code, zh, en }, ...(path ? { path } : {}) };
}

/** Adds a bilingual custom issue to a zod refinement context. */
function addIssue(
  ctx: z.RefinementCtx,
  code: string,
  zh: string,
  en: string,
  path: (string | number)[] = [],
  details?: Record<string, unknown>,
): void {
  ctx.addIssue({ code: 'custom', message: zh, path, params: { code, zh, en, details } });
}

/** A calendar date `YYYY-MM-DD`. */
export const isoDateSchema = z
  .string()
  .refine(
    isIsoDate,
    bi('invalidDate', '日期须为有效日期，格式 YYYY-MM-DD', 'Dates are written YYYY-MM-DD'),
  );

/** A statistical or calendar year (1949–2100). */
export const yearSchema = z.number().int().min(1949).max(2100);

/** An amount in 万元 (≥ 0). */
export const amountSchema = z.number().nonnegative();

/** A count (non-negative integer). */
export const countSchema = z.number().int().nonnegative();

/** An annual average of monthly headcounts (≥ 0, may be fractional). */
export const averageHeadcountSchema = z.number().nonnegative();

/** A Chongqing 区县 key: a GB/T 2260 code, current or retired, or a provisional key. */
export const regionKeySchema = z
  .string()
  .refine(isRegionKey, bi('unknownRegion', '未知的区县代码', 'Unknown district code'));

/** A statistical unit: the city (500000), a 区县 key or a functional-zone key. */
export const statisticalUnitSchema = z
  .string()
  .refine(
    isStatisticalUnitKey,
    bi(
      'unknownStatisticalUnit',
      '未知的统计单元（市、区县或功能区）',
      'Unknown unit (city, district or zone)',
    ),
  );

/** Positions 3–8 of a USCC are checked against Chongqing codes only (prefix 50). */
function isKnownUsccRegion(code: string): boolean | undefined {
  if (!code.startsWith('50')) return undefined;
  return code === CHONGQING_CITY.code || isRegionCode(code);
}

function pushUsccErrors(ctx: z.RefinementCtx, errors: DomainError[], path: (string | number)[]) {
  for (const e of errors) addIssue(ctx, e.code, e.message.zh, e.message.en, path, e.details);
}

/**
 * A USCC referring to an enterprise held elsewhere (qualification, patent owner …): structure is
 * checked and the code normalised; a check-character failure is allowed because the enterprise
 * record is where it must be overridden.
 */
export const usccReferenceSchema = z.string().transform((value, ctx) => {
  const r = validateUscc(value, { acceptCheckCharFailure: true });
  if (!r.ok) {
    pushUsccErrors(ctx, r.errors, []);
    return z.NEVER;
  }
  return r.normalised;
});

/** A county-level unit as stored in the registry (mirrors `Region`). */
export const regionSchema = z
  .object({
    code: z.string().min(1),
    codeConfirmed: z.boolean(),
    name: z.object({
      zh: z.string().min(1),
      en: z.string().min(1),
      traditional: z.string().min(1),
    }),
    aliases: z.array(z.string().min(1)),
    type: z.enum(codesOf(REGION_TYPES)),
    parent: z.literal('500000'),
    validFrom: isoDateSchema.nullable(),
    validTo: isoDateSchema.nullable(),
    datePrecision: z.enum(['day', 'year']),
    successor: z
      .object({ code: z.string().min(1), change: z.enum(['recoded', 'merged']) })
      .optional(),
    note: z.string().optional(),
    sources: z.array(z.string().min(1)).min(1),
  })
  .superRefine((r, ctx) => {
    if (r.codeConfirmed && !/^50\d{4}$/.test(r.code)) {
      addIssue(
        ctx,
        'regionCodeFormat',
        '已确认的区划代码应为 50 开头的 6 位数字',
        'A confirmed code is 6 digits starting with 50',
        ['code'],
      );
    }
    if (r.validFrom && r.validTo && r.validTo <= r.validFrom) {
      addIssue(ctx, 'periodOrder', '失效日期须晚于生效日期', 'validTo must be after validFrom', [
        'validTo',
      ]);
    }
  });

/**
 * An enterprise (企业). The USCC is validated with `validateUscc`: errors fail, warnings pass
 * through in `usccWarnings`. A check-character failure passes only with `usccOverride.reason`
 * (an editor's audited decision, for real pre-2016 codes).
 */
export const enterpriseSchema = z
  .object({
    uscc: z.string(),
    name: z.string().trim().min(1),
    region: regionKeySchema,
    registrationDate: isoDateSchema.optional(),
    /** Pre-2015 15-digit business registration number (注册号), kept apart from the USCC. */
    legacyRegNo: z
      .string()
      .refine(
        (v) => /^\d{15}$/.test(v),
        bi(
          'legacyRegNoFormat',
          '原注册号应为 15 位数字',
          'A legacy registration number has 15 digits',
        ),
      )
      .optional(),
    /** 国民经济行业分类 (GB/T 4754) code: section letter and up to 4 digits. */
    industryCode: z
      .string()
      .refine(
        (v) => /^[A-T](\d{2}|\d{3}|\d{4})?$/.test(v),
        bi('industryCodeFormat', '行业代码格式应如 C3511', 'Industry codes look like C3511'),
      )
      .optional(),
    /** 国家重点支持的高新技术领域 code: 10–80, 101–809 or 5 digits (qualification-rules §1.2). */
    highTechField: z
      .string()
      .refine(
        (v) => /^[1-8](0|\d{2}|\d{4})$/.test(v),
        bi(
          'highTechFieldFormat',
          '高新技术领域代码格式应如 10、101、10101',
          'High-tech field codes look like 10, 101, 10101',
        ),
      )
      .optional(),
    size: z.enum(['large', 'medium', 'small', 'micro']).optional(),
    usccOverride: z
      .object({ reason: z.string().trim().min(1), by: z.string().optional() })
      .optional(),
  })
  .transform((e, ctx) => {
    const r = validateUscc(e.uscc, {
      acceptCheckCharFailure: e.usccOverride !== undefined,
      isKnownRegionCode: isKnownUsccRegion,
    });
    if (!r.ok) {
      pushUsccErrors(ctx, r.errors, ['uscc']);
      return z.NEVER;
    }
    return { ...e, uscc: r.normalised, usccWarnings: r.warnings };
  });

/** The eight R&D expense categories of the 高企 collection scope (§1.3), 万元. */
export const rdExpenseByCategorySchema = z.object({
  personnel: amountSchema.optional(),
  directInputs: amountSchema.optional(),
  depreciation: amountSchema.optional(),
  amortisation: amountSchema.optional(),
  design: amountSchema.optional(),
  equipmentTrials: amountSchema.optional(),
  /** 委托外部研发 as paid (the 80 % rule is applied by the qualification rules, not here). */
  externalCommissioned: amountSchema.optional(),
  other: amountSchema.optional(),
});

/**
 * An enterprise's figures for one accounting year (企业年度数据), as used by the 高企 and 科技型
 * rules. Money in 万元; staff as annual monthly averages; IP and conversions as counts.
 */
export const enterpriseYearFiguresSchema = z
  .object({
    uscc: usccReferenceSchema,
    year: yearSchema,
    /** 销售收入 = 主营业务收入 + 其他业务收入 (income-tax-return basis). */
    salesRevenue: amountSchema.optional(),
    /** 收入总额. */
    totalRevenue: amountSchema.optional(),
    /** 不征税收入; 总收入 = 收入总额 − 不征税收入. */
    nonTaxableRevenue: amountSchema.optional(),
    /** 高新技术产品（服务）收入, including 技术性收入. */
    highTechRevenue: amountSchema.optional(),
    rdExpense: amountSchema.optional(),
    /** R&D spent in China (境内研发费用). */
    rdExpenseDomestic: amountSchema.optional(),
    rdExpenseByCategory: rdExpenseByCategorySchema.optional(),
    /** 职工总数, annual monthly average. */
    totalStaff: averageHeadcountSchema.optional(),
    /** 科技人员, annual monthly average (≥ 183 days in the year). */
    stStaff: averageHeadcountSchema.optional(),
    /** 净资产 = 资产总额 − 负债总额; may be negative. */
    netAssets: z.number().optional(),
    totalAssets: amountSchema.optional(),
    ipClass1Count: countSchema.optional(),
    ipClass2Count: countSchema.optional(),
    /** 科技成果转化 in the year (one result counts once). */
    conversionsCount: countSchema.optional(),
  })
  .superRefine((f, ctx) => {
    const le = (a: number | undefined, b: number | undefined) =>
      a === undefined || b === undefined || a <= b;
    if (!le(f.rdExpenseDomestic, f.rdExpense)) {
      addIssue(
        ctx,
        'domesticRdExceedsTotal',
        '境内研发费用不能大于研发费用总额',
        'Domestic R&D cannot exceed total R&D',
        ['rdExpenseDomestic'],
      );
    }
    if (!le(f.nonTaxableRevenue, f.totalRevenue)) {
      addIssue(
        ctx,
        'nonTaxableExceedsTotal',
        '不征税收入不能大于收入总额',
        'Non-taxable revenue cannot exceed total revenue',
        ['nonTaxableRevenue'],
      );
    }
    if (!le(f.highTechRevenue, f.totalRevenue)) {
      addIssue(
        ctx,
        'highTechRevenueExceedsTotal',
        '高新技术产品（服务）收入不能大于收入总额',
        'High-tech revenue cannot exceed total revenue',
        ['highTechRevenue'],
      );
    }
    if (!le(f.stStaff, f.totalStaff)) {
      addIssue(
        ctx,
        'stStaffExceedsTotal',
        '科技人员数不能大于职工总数',
        'S&T staff cannot exceed total staff',
        ['stStaff'],
      );
    }
  });

const qualificationKinds = codesOf(QUALIFICATION_KINDS);
const annualKinds = new Set<string>(
  QUALIFICATION_KINDS.filter((k) => k.validity.kind === 'annual').map((k) => k.code),
);

/** A qualification held by an enterprise (资质): 高企 certificate, 科技型 registration … */
export const qualificationSchema = z
  .object({
    kind: z.enum(qualificationKinds),
    uscc: usccReferenceSchema,
    /** Certificate or registration number (证书编号 / 入库登记编号), kept as an opaque string. */
    number: z.string().trim().min(1),
    issuer: z.string().trim().min(1),
    issueDate: isoDateSchema,
    expiryDate: isoDateSchema.optional(),
    /** Evaluation year of annual qualifications (科技型中小企业, 重庆市科技型企业). */
    evaluationYear: yearSchema.optional(),
    status: z.enum(codesOf(QUALIFICATION_STATUSES)),
  })
  .superRefine((q, ctx) => {
    if (q.expiryDate !== undefined && q.expiryDate <= q.issueDate) {
      addIssue(
        ctx,
        'expiryBeforeIssue',
        '到期日须晚于发证日',
        'The expiry date must be after the issue date',
        ['expiryDate'],
      );
    }
    if (annualKinds.has(q.kind) && q.evaluationYear === undefined) {
      addIssue(
        ctx,
        'evaluationYearRequired',
        '年度评价类资质须填写评价年度',
        'Annual qualifications need an evaluation year',
        ['evaluationYear'],
      );
    }
  });

/** An R&D or innovation platform (研发平台) with its level and host. */
export const platformSchema = z.object({
  name: z.string().trim().min(1),
  kind: z.enum(codesOf(PLATFORM_KINDS)),
  level: z.enum(codesOf(PLATFORM_LEVELS)),
  region: regionKeySchema,
  hostName: z.string().trim().min(1),
  hostUscc: usccReferenceSchema.optional(),
  accreditationDate: isoDateSchema.optional(),
  /** Accreditation document number, e.g. 渝科局发〔2023〕1号. */
  accreditationDocument: z.string().optional(),
  /** Latest performance evaluation (绩效评价). */
  evaluation: z.object({ year: yearSchema, result: z.string().trim().min(1) }).optional(),
});

/** A person counted as talent (人才); no identity-card number is stored. */
export const talentSchema = z.object({
  name: z.string().trim().min(1),
  category: z.enum(codesOf(TALENT_CATEGORIES)),
  region: regionKeySchema,
  employerName: z.string().trim().min(1).optional(),
  employerUscc: usccReferenceSchema.optional(),
  field: z.string().optional(),
  /** Year the person entered the category (e.g. programme selection year). */
  year: yearSchema.optional(),
});

/**
 * A Chinese patent (专利). Application numbers: 12 digits (from 2003) or 8 digits (before), a dot
 * optional, and a check character; `CN` or `ZL` prefixes accepted. Normalised to upper case
 * without spaces.
 */
export const patentSchema = z
  .object({
    applicationNumber: z
      .string()
      .transform((v) => v.replace(/\s/g, '').toUpperCase())
      .pipe(
        z
          .string()
          .refine(
            (v) => /^(CN|ZL)?(\d{12}|\d{8})\.?[\dX]$/.test(v),
            bi(
              'patentNumberFormat',
              '专利申请号格式应如 202310123456.7',
              'Patent application numbers look like 202310123456.7',
            ),
          ),
      ),
    type: z.enum(codesOf(PATENT_TYPES)),
    status: z.enum(codesOf(PATENT_STATUSES)),
    title: z.string().trim().min(1),
    ownerName: z.string().trim().min(1),
    ownerUscc: usccReferenceSchema.optional(),
    region: regionKeySchema.optional(),
    filingDate: isoDateSchema,
    grantDate: isoDateSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.grantDate !== undefined && p.grantDate < p.filingDate) {
      addIssue(
        ctx,
        'grantBeforeFiling',
        '授权日不能早于申请日',
        'The grant date cannot precede the filing date',
        ['grantDate'],
      );
    }
  });

/**
 * A registered S&T achievement (科技成果登记). The 12-digit registration number is 3-digit
 * region/department code + 4-digit year + 1-digit type flag + 4-digit serial (`chongqing.md` §7.1).
 */
export const achievementSchema = z.object({
  registrationNumber: z
    .string()
    .refine(
      (v) => /^\d{12}$/.test(v),
      bi(
        'achievementNumberFormat',
        '成果登记号应为 12 位数字',
        'Registration numbers have 12 digits',
      ),
    )
    .refine(
      (v) => {
        const year = Number(v.slice(3, 7));
        return year >= 1978 && year <= 2100;
      },
      bi(
        'achievementNumberYear',
        '成果登记号第 4–7 位应为年份',
        'Digits 4–7 of the registration number are a year',
      ),
    ),
  title: z.string().trim().min(1),
  type: z.enum(codesOf(ACHIEVEMENT_TYPES)),
  firstUnitName: z.string().trim().min(1),
  firstUnitUscc: usccReferenceSchema.optional(),
  region: regionKeySchema,
  registrationDate: isoDateSchema.optional(),
  keywords: z.array(z.string().min(1)).max(3).optional(),
});

/**
 * A technology contract (技术合同) registered at a 技术合同登记点. `amount` and
 * `technologyTransactionAmount` (技术交易额) in 万元. The buyer may be outside Chongqing: a
 * 6-digit GB/T 2260 code of another province, or `abroad`.
 */
export const techContractSchema = z
  .object({
    registrationNumber: z.string().trim().min(1).optional(),
    type: z.enum(codesOf(TECH_CONTRACT_TYPES)),
    amount: amountSchema,
    technologyTransactionAmount: amountSchema.optional(),
    sellerRegion: regionKeySchema,
    buyerRegion: z
      .string()
      .refine(
        (v) => isRegionKey(v) || v === 'abroad' || (/^\d{6}$/.test(v) && !v.startsWith('50')),
        bi(
          'unknownBuyerRegion',
          '买方地区应为重庆区县代码、外省 6 位区划代码或 abroad',
          'Buyer region: a Chongqing district, another 6-digit code, or abroad',
        ),
      ),
    /** Technical field as registered (技术领域). */
    field: z.string().trim().min(1),
    signedDate: isoDateSchema,
    sellerUscc: usccReferenceSchema.optional(),
    buyerUscc: usccReferenceSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.technologyTransactionAmount !== undefined && c.technologyTransactionAmount > c.amount) {
      addIssue(
        ctx,
        'transactionExceedsAmount',
        '技术交易额不能大于合同成交额',
        'The technology transaction amount cannot exceed the contract amount',
        ['technologyTransactionAmount'],
      );
    }
  });

/** An S&T project (科技项目) with its funding in 万元. */
export const projectSchema = z.object({
  code: z.string().trim().min(1).optional(),
  title: z.string().trim().min(1),
  level: z.enum(codesOf(PROJECT_LEVELS)),
  /** Programme, e.g. 揭榜挂帅, 技术创新与应用发展专项. */
  programme: z.string().optional(),
  ownerName: z.string().trim().min(1),
  ownerUscc: usccReferenceSchema.optional(),
  region: regionKeySchema,
  year: yearSchema,
  funding: z.object({
    /** 财政资金. */
    government: amountSchema,
    /** 自筹资金. */
    selfRaised: amountSchema.optional(),
  }),
});

const groupCodes = REGION_GROUPS.map((g) => g.code) as [RegionGroupCode, ...RegionGroupCode[]];

/** Scope of a target: the city, a 区县 or a regional group. */
export const targetScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('city') }),
  z.object({ kind: z.literal('region'), region: regionKeySchema }),
  z.object({ kind: z.literal('group'), group: z.enum(groupCodes) }),
]);

/** A target (目标) for an indicator in a year, from a policy document (e.g. 双倍增, 渝府办发〔2023〕26号). */
export const targetSchema = z.object({
  scope: targetScopeSchema,
  indicatorCode: z.string().trim().min(1),
  year: yearSchema,
  value: z.number(),
  /** '>' for targets written "超过 …", '>=' for "不低于 …". */
  comparator: z.enum(['>', '>=']).default('>='),
  unit: z.string().optional(),
  document: z.object({
    title: z.string().trim().min(1),
    number: z.string().optional(),
    url: z.url().optional(),
  }),
});

/**
 * A published or derived indicator value (指标值) of a unit and year, in an index edition. Either
 * `sourceUrl` names where it was published, or `synthetic: true` marks illustrative data.
 */
export const indicatorValueSchema = z
  .object({
    region: statisticalUnitSchema,
    year: yearSchema,
    indicator: z.string().trim().min(1),
    value: z.number(),
    unit: z.string().trim().min(1),
    sourceUrl: z.url().optional(),
    synthetic: z.boolean().optional(),
    /** Index edition or data vintage, e.g. "2023 重庆科技创新指数报告". */
    edition: z.string().trim().min(1),
  })
  .superRefine((v, ctx) => {
    const hasSource = v.sourceUrl !== undefined;
    const isSynthetic = v.synthetic === true;
    if (hasSource === isSynthetic) {
      addIssue(
        ctx,
        'sourceOrSynthetic',
        '须且只能二选一：填写来源网址，或标记为合成数据',
        'Give exactly one of a source URL or synthetic: true',
        ['sourceUrl'],
      );
    }
  });

/** A role granted to a user, with its scope (一个区县 or 一个统一社会信用代码). */
export const roleAssignmentSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('cityAdmin') }),
  z.object({ role: z.literal('cityAnalyst') }),
  z.object({ role: z.literal('districtEditor'), region: regionKeySchema }),
  z.object({ role: z.literal('enterpriseUser'), uscc: usccReferenceSchema }),
  z.object({ role: z.literal('public') }),
]);

/** A stored region record. */
export type RegionRecord = z.output<typeof regionSchema>;
/** Enterprise input, before validation. */
export type EnterpriseInput = z.input<typeof enterpriseSchema>;
/** A validated enterprise, with the normalised USCC and its warnings. */
export type Enterprise = z.output<typeof enterpriseSchema>;
/** An enterprise's figures for one year. */
export type EnterpriseYearFigures = z.output<typeof enterpriseYearFiguresSchema>;
/** R&D expense by category. */
export type RdExpenseByCategory = z.output<typeof rdExpenseByCategorySchema>;
/** A qualification. */
export type Qualification = z.output<typeof qualificationSchema>;
/** A platform. */
export type Platform = z.output<typeof platformSchema>;
/** A talent record. */
export type Talent = z.output<typeof talentSchema>;
/** A patent. */
export type Patent = z.output<typeof patentSchema>;
/** A registered achievement. */
export type Achievement = z.output<typeof achievementSchema>;
/** A technology contract. */
export type TechContract = z.output<typeof techContractSchema>;
/** A project. */
export type Project = z.output<typeof projectSchema>;
/** A target scope. */
export type TargetScope = z.output<typeof targetScopeSchema>;
/** A target. */
export type Target = z.output<typeof targetSchema>;
/** An indicator value. */
export type IndicatorValue = z.output<typeof indicatorValueSchema>;
/** A role assignment. */
export type RoleAssignment = z.output<typeof roleAssignmentSchema>;
