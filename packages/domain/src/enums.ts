/**
 * Code lists (代码表) shared by the registry, API and web layers: each entry has a stable English
 * `code` (stored and sent over the wire) and Chinese and English labels. Sources:
 * `chongqing.md` §5, §7 and `qualification-rules.md` §1.7, §2.4, §3, §4.
 */
import type { Bilingual } from './errors.ts';

/** One entry of a code list. */
export type CodeListEntry = Bilingual & { code: string };

/** The `code` union of a code list. */
export type CodeOf<L extends readonly CodeListEntry[]> = L[number]['code'];

/** The codes of a list, e.g. for `z.enum(codesOf(PATENT_TYPES))`. */
export function codesOf<const L extends readonly CodeListEntry[]>(
  list: L,
): [CodeOf<L>, ...CodeOf<L>[]] {
  return list.map((e) => e.code) as [CodeOf<L>, ...CodeOf<L>[]];
}

/** The bilingual label of `code` in `list`, or undefined for an unknown code. */
export function labelOf(list: readonly CodeListEntry[], code: string): Bilingual | undefined {
  const e = list.find((x) => x.code === code);
  return e ? { zh: e.zh, en: e.en } : undefined;
}

/** Region types (区县类型); 市 (县级市) occurs only among units retired in 2006. */
export const REGION_TYPES = [
  { code: '区', zh: '区', en: 'District' },
  { code: '县', zh: '县', en: 'County' },
  { code: '自治县', zh: '自治县', en: 'Autonomous county' },
  { code: '市', zh: '县级市', en: 'County-level city' },
] as const satisfies readonly CodeListEntry[];

/**
 * R&D and innovation platform kinds (研发与创新平台类型) counted by districts and the index
 * (`chongqing.md` §5). The level is separate: a 全国重点实验室 is `keyLaboratory` + `national`.
 */
export const PLATFORM_KINDS = [
  { code: 'keyLaboratory', zh: '重点实验室', en: 'Key laboratory' },
  { code: 'technologyInnovationCentre', zh: '技术创新中心', en: 'Technology innovation centre' },
  {
    code: 'engineeringResearchCentre',
    zh: '工程技术研究中心',
    en: 'Engineering technology research centre',
  },
  { code: 'enterpriseTechnologyCentre', zh: '企业技术中心', en: 'Enterprise technology centre' },
  { code: 'newResearchInstitution', zh: '新型研发机构', en: 'New-type R&D institution' },
  { code: 'postdoctoralWorkstation', zh: '博士后科研工作站', en: 'Postdoctoral research station' },
  {
    code: 'academicianWorkstation',
    zh: '院士专家工作站',
    en: 'Academician and expert workstation',
  },
  { code: 'incubator', zh: '科技企业孵化器', en: 'Technology business incubator' },
  { code: 'makerSpace', zh: '众创空间', en: 'Maker space' },
  { code: 'universitySciencePark', zh: '大学科技园', en: 'University science park' },
] as const satisfies readonly CodeListEntry[];

/** Accreditation levels (认定级别) of platforms. */
export const PLATFORM_LEVELS = [
  { code: 'national', zh: '国家级', en: 'National' },
  { code: 'municipal', zh: '市级', en: 'Municipal' },
  { code: 'district', zh: '区县级', en: 'District' },
] as const satisfies readonly CodeListEntry[];

/**
 * How long a qualification holds: a fixed term in years from the issue date, or one evaluation
 * year (re-evaluated or updated every year).
 */
export type ValidityRule =
  | { kind: 'fixedTerm'; years: number; from: 'issueDate'; note: Bilingual }
  | { kind: 'annual'; note: Bilingual };

/** A qualification kind with its validity rule and the source of that rule. */
export type QualificationKindEntry = CodeListEntry & { validity: ValidityRule; source: string };

/** Enterprise qualification kinds (企业资质) and their validity rules. */
export const QUALIFICATION_KINDS = [
  {
    code: 'highTechEnterprise',
    zh: '高新技术企业',
    en: 'High-tech enterprise',
    validity: {
      kind: 'fixedTerm',
      years: 3,
      from: 'issueDate',
      note: {
        zh: '自证书颁发之日起 3 年；每年 5 月 31 日前填报年度发展情况；重新认定为新申请',
        en: '3 years from the certificate date; annual report by 31 May; renewal is a new application',
      },
    },
    source: 'https://chacewang.com/newsdetail/news525056.html',
  },
  {
    code: 'techSme',
    zh: '科技型中小企业',
    en: 'Technology-based SME',
    validity: {
      kind: 'annual',
      note: {
        zh: '每年评价入库；登记编号“当年有效”或至次年 3 月 31 日，两说不一，须可配置',
        en: 'Evaluated every year; valid for the year or until 31 March next year (sources disagree: configurable)',
      },
    },
    source: 'https://youyongzixun.com/news/show-398.html',
  },
  {
    code: 'innovativeSme',
    zh: '创新型中小企业',
    en: 'Innovative SME',
    validity: {
      kind: 'fixedTerm',
      years: 3,
      from: 'issueDate',
      note: {
        zh: '有效期 3 年；重庆要求每年 4 月 30 日前更新数据，否则不能复核',
        en: '3 years; Chongqing requires a data update by 30 April each year',
      },
    },
    source: 'http://www.zgzxw.com/comnews/154/3078.shtml',
  },
  {
    code: 'specialisedSme',
    zh: '专精特新中小企业',
    en: 'Specialised and sophisticated SME',
    validity: {
      kind: 'fixedTerm',
      years: 3,
      from: 'issueDate',
      note: { zh: '有效期 3 年', en: '3 years' },
    },
    source: 'http://www.zgzxw.com/comnews/154/3078.shtml',
  },
  {
    code: 'littleGiant',
    zh: '专精特新“小巨人”企业',
    en: "Specialised and sophisticated 'little giant'",
    validity: {
      kind: 'fixedTerm',
      years: 3,
      from: 'issueDate',
      note: { zh: '有效期 3 年，期满复核', en: '3 years, then review (复核)' },
    },
    source: 'http://www.zgzxw.com/comnews/154/3078.shtml',
  },
  {
    code: 'chongqingTechEnterprise',
    zh: '重庆市科技型企业',
    en: 'Chongqing technology-based enterprise',
    validity: {
      kind: 'annual',
      note: {
        zh: '市级科技型企业库，须每年更新数据；认定条件有两个版本，须可配置',
        en: 'Municipal pool; data must be updated every year; criteria exist in two versions (configurable)',
      },
    },
    source: 'http://m.69608.cn/cqzczc/19.html',
  },
] as const satisfies readonly QualificationKindEntry[];

/** Life-cycle status of a qualification (资质状态). */
export const QUALIFICATION_STATUSES = [
  { code: 'applied', zh: '已申报', en: 'Applied' },
  { code: 'publicised', zh: '公示中', en: 'Under public notice' },
  { code: 'valid', zh: '有效', en: 'Valid' },
  { code: 'expired', zh: '已过期', en: 'Expired' },
  { code: 'revoked', zh: '已撤销', en: 'Revoked' },
] as const satisfies readonly CodeListEntry[];

/** Technology contract types (技术合同类型) under 科技部《技术合同认定规则》 (`chongqing.md` §7.2). */
export const TECH_CONTRACT_TYPES = [
  { code: 'development', zh: '技术开发', en: 'Technology development' },
  { code: 'transfer', zh: '技术转让', en: 'Technology transfer' },
  { code: 'licensing', zh: '技术许可', en: 'Technology licensing' },
  { code: 'consulting', zh: '技术咨询', en: 'Technology consulting' },
  { code: 'service', zh: '技术服务', en: 'Technology service' },
] as const satisfies readonly CodeListEntry[];

/** Patent types (专利类型) under the Chinese Patent Law. */
export const PATENT_TYPES = [
  { code: 'invention', zh: '发明专利', en: 'Invention patent' },
  { code: 'utilityModel', zh: '实用新型专利', en: 'Utility model' },
  { code: 'design', zh: '外观设计专利', en: 'Design patent' },
] as const satisfies readonly CodeListEntry[];

/** Legal status of a patent (专利法律状态), simplified to what district counts need. */
export const PATENT_STATUSES = [
  { code: 'pending', zh: '审查中', en: 'Pending' },
  { code: 'granted', zh: '有效（已授权）', en: 'Granted (in force)' },
  { code: 'rejected', zh: '驳回', en: 'Rejected' },
  { code: 'withdrawn', zh: '撤回', en: 'Withdrawn' },
  { code: 'lapsed', zh: '未缴年费终止', en: 'Lapsed (fees unpaid)' },
  { code: 'expired', zh: '期限届满', en: 'Expired (term ended)' },
  { code: 'invalidated', zh: '宣告无效', en: 'Invalidated' },
] as const satisfies readonly CodeListEntry[];

/**
 * IP classes of the 高新技术企业 rules (`qualification-rules.md` §1.6): Ⅰ类 (inventions, plant
 * varieties, new drugs, layout designs …), Ⅱ类 (utility models, designs, software copyright …).
 * Trademarks are in neither.
 */
export const IP_CLASSES = [
  { code: 'class1', zh: 'Ⅰ类知识产权', en: 'Class I IP' },
  { code: 'class2', zh: 'Ⅱ类知识产权', en: 'Class II IP' },
] as const satisfies readonly CodeListEntry[];

/**
 * Talent categories (人才类别) for district talent counts. A project list, not an official
 * taxonomy: a person may fall into several, so counts by category are not additive.
 */
export const TALENT_CATEGORIES = [
  { code: 'academician', zh: '两院院士', en: 'Academician (CAS/CAE)' },
  {
    code: 'nationalProgramme',
    zh: '国家级人才计划入选者',
    en: 'National talent programme awardee',
  },
  {
    code: 'municipalProgramme',
    zh: '市级人才计划入选者',
    en: 'Municipal talent programme awardee',
  },
  { code: 'seniorTitle', zh: '高级职称人员', en: 'Senior professional title holder' },
  { code: 'doctorate', zh: '博士', en: 'Doctoral degree holder' },
  { code: 'postdoctoral', zh: '博士后', en: 'Postdoctoral researcher' },
  { code: 'rdPersonnel', zh: '研发人员', en: 'R&D personnel' },
  { code: 'technologyManager', zh: '技术经理人', en: 'Technology transfer manager' },
  { code: 'overseasReturnee', zh: '海外留学归国人才', en: 'Overseas returnee' },
] as const satisfies readonly CodeListEntry[];

/** Levels of S&T projects (科技项目级别). */
export const PROJECT_LEVELS = [
  { code: 'national', zh: '国家级', en: 'National' },
  { code: 'municipal', zh: '市级', en: 'Municipal' },
  { code: 'district', zh: '区县级', en: 'District' },
] as const satisfies readonly CodeListEntry[];

/** Types of registered S&T achievements (科技成果类型, `chongqing.md` §7.1). */
export const ACHIEVEMENT_TYPES = [
  { code: 'appliedTechnology', zh: '应用技术成果', en: 'Applied technology' },
  { code: 'basicTheory', zh: '基础理论成果', en: 'Basic theory' },
  { code: 'softScience', zh: '软科学成果', en: 'Soft science' },
] as const satisfies readonly CodeListEntry[];

/**
 * User roles (用户角色). `districtEditor` is scoped to one 区县 and `enterpriseUser` to one
 * 统一社会信用代码; see `RoleAssignment` in `schemas.ts`.
 */
export const ROLES = [
  { code: 'cityAdmin', zh: '市级管理员', en: 'City administrator' },
  { code: 'cityAnalyst', zh: '市级分析员', en: 'City analyst' },
  { code: 'districtEditor', zh: '区县编辑', en: 'District editor' },
  { code: 'enterpriseUser', zh: '企业用户', en: 'Enterprise user' },
  { code: 'public', zh: '公众', en: 'Public' },
] as const satisfies readonly CodeListEntry[];

/** A region type code. */
export type RegionTypeCode = CodeOf<typeof REGION_TYPES>;
/** A platform kind code. */
export type PlatformKind = CodeOf<typeof PLATFORM_KINDS>;
/** A platform level code. */
export type PlatformLevel = CodeOf<typeof PLATFORM_LEVELS>;
/** A qualification kind code. */
export type QualificationKind = CodeOf<typeof QUALIFICATION_KINDS>;
/** A qualification status code. */
export type QualificationStatus = CodeOf<typeof QUALIFICATION_STATUSES>;
/** A technology contract type code. */
export type TechContractType = CodeOf<typeof TECH_CONTRACT_TYPES>;
/** A patent type code. */
export type PatentType = CodeOf<typeof PATENT_TYPES>;
/** A patent status code. */
export type PatentStatus = CodeOf<typeof PATENT_STATUSES>;
/** An IP class code. */
export type IpClass = CodeOf<typeof IP_CLASSES>;
/** A talent category code. */
export type TalentCategory = CodeOf<typeof TALENT_CATEGORIES>;
/** A project level code. */
export type ProjectLevel = CodeOf<typeof PROJECT_LEVELS>;
/** An achievement type code. */
export type AchievementType = CodeOf<typeof ACHIEVEMENT_TYPES>;
/** A role code. */
export type Role = CodeOf<typeof ROLES>;
