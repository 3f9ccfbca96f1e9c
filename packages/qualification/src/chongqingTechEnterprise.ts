/**
 * 重庆市科技型企业 (Chongqing's municipal tech-enterprise pool, 市科技局): two versions of the criteria
 * were found and the current official text is not confirmed (`qualification-rules.md` §4, CQ-02), so
 * both are configurable rule sets and every criterion is marked uncertain. Version `a` is a
 * summary whose source is truncated (it always needs review); version `b` is an older size-tiered
 * rule (统计上大中小微型企业划分办法, 国统字〔2011〕75号).
 */
import type { Bilingual } from '@kechuang/domain';
import { atLeast, buildCriterion } from './buildCriterion.ts';
import { daysBetween } from './calendarDays.ts';
import { formatPercent } from './formatValue.ts';
import { factCriterion, lastYears, miitDef, thresholdCriterion } from './miitCriteria.ts';
import type { Profile } from './profile.ts';
import { countIp, incidentsBetween, yearBefore } from './profileFacts.ts';
import type { AssessOptions, CriterionResult, Evaluation, RuleSet } from './types.ts';

/** The two known versions of the municipal criteria. */
export type ChongqingTechEnterpriseVersion = 'a' | 'b';

const URL_A = 'http://m.69608.cn/cqzczc/19.html';
const URL_B = 'http://www.plnmw.com/PatentSearch/dmaudccafc.html';
const DOC = '重庆市科技型企业认定（市科技局）';

const u = (id: string, zh: string, en: string, article: string, url: string) =>
  miitDef(id, zh, en, DOC, article, url, { confidence: 'uncertain' });

const A = {
  legalPerson: u(
    'CQ-A-legalPerson',
    '具有独立法人资格',
    'Independent legal person',
    '版本 a（摘要）',
    URL_A,
  ),
  industry: u(
    'CQ-A-industry',
    '不属于禁止、限制或淘汰类产业',
    'Not a prohibited, restricted or eliminated industry',
    '版本 a（摘要）',
    URL_A,
  ),
  incidents: u(
    'CQ-A-incidents',
    '无重大事故和诚信问题，未列入经营异常或失信名单',
    'No major incidents or integrity problems; not on abnormal or dishonesty lists',
    '版本 a（摘要）',
    URL_A,
  ),
  staff: u(
    'CQ-A-staff',
    '科技人员占比 ≥ 5% 或至少 1 名副高以上职称人员',
    'S&T staff ≥ 5% or at least one senior-titled person',
    '版本 a（摘要）',
    URL_A,
  ),
  truncated: u(
    'CQ-A-rest',
    '其余条件（来源摘要被截断）',
    'Remaining conditions (the source summary is truncated)',
    '版本 a（摘要，截断）',
    URL_A,
  ),
};

const B = {
  registered: u(
    'CQ-B-registered',
    '在重庆注册满 1 年',
    'Registered in Chongqing for at least 1 year',
    '版本 b',
    URL_B,
  ),
  rdStaff: u(
    'CQ-B-rdStaff',
    '研发人员占比按企业规模达标（大中型 3%、小型 5%、微型 10%）',
    'R&D staff share by size (large/medium 3%, small 5%, micro 10%)',
    '版本 b',
    URL_B,
  ),
  rdExpense: u(
    'CQ-B-rdExpense',
    '研发费用占主营业务收入比例按企业规模达标（大中型 1%、小型 2%、微型 3%）',
    'R&D / main-business revenue by size (large/medium 1%, small 2%, micro 3%)',
    '版本 b',
    URL_B,
  ),
  ip: u(
    'CQ-B-ip',
    '拥有至少 1 项对主要产品起核心作用的知识产权成果',
    'At least one IP-backed result core to the main product',
    '版本 b',
    URL_B,
  ),
};

const SIZE_THRESHOLDS = {
  large: { staff: 0.03, rd: 0.01 },
  medium: { staff: 0.03, rd: 0.01 },
  small: { staff: 0.05, rd: 0.02 },
  micro: { staff: 0.1, rd: 0.03 },
} as const;

function isChongqing(profile: Profile): boolean {
  return (profile.region ?? profile.uscc.slice(2, 8)).startsWith('50');
}

function evaluateA(profile: Profile, { asOf }: AssessOptions): Evaluation {
  const [last] = lastYears(profile, asOf, 1);
  const out: CriterionResult[] = [];
  out.push(
    factCriterion(
      A.legalPerson,
      profile.chongqing.independentLegalPerson,
      { zh: '独立法人', en: 'Independent legal person' },
      { zh: '须为独立法人', en: 'Must be an independent legal person' },
    ),
  );
  const r = profile.industryFlags.restrictedOrEliminated;
  out.push(
    factCriterion(
      A.industry,
      r === undefined ? undefined : !r,
      { zh: '不属于限制或淘汰类', en: 'Not restricted or eliminated' },
      { zh: '所属行业不符合', en: 'Industry excluded' },
    ),
  );
  const found = incidentsBetween(
    profile,
    [
      'majorSafetyAccident',
      'majorQualityAccident',
      'seriousEnvironmentalViolation',
      'seriousFraud',
      'abnormalOperationsList',
      'seriousDishonestyList',
    ],
    yearBefore(asOf),
    asOf,
  );
  out.push(
    factCriterion(
      A.incidents,
      found.length > 0 ? false : profile.incidentScreening ? true : undefined,
      { zh: `近一年记录 ${found.length} 条`, en: `${found.length} records in the last year` },
      { zh: '有事故或失信记录', en: 'Incidents or listings recorded' },
    ),
  );
  const share =
    last?.stStaff !== undefined && last.totalStaff ? last.stStaff / last.totalStaff : undefined;
  const senior = profile.chongqing.seniorTitleStaff;
  const ok = (share !== undefined && atLeast(share, 0.05)) || (senior !== undefined && senior >= 1);
  const known = share !== undefined && senior !== undefined;
  out.push(
    factCriterion(
      A.staff,
      ok ? true : known ? false : undefined,
      {
        zh: `科技人员占比 ${share === undefined ? '—' : formatPercent(share)}，副高以上 ${senior ?? '—'} 人`,
        en: `S&T share ${share === undefined ? '—' : formatPercent(share)}, senior-titled ${senior ?? '—'}`,
      },
      {
        zh: '科技人员占比须 ≥ 5% 或有副高以上职称人员',
        en: 'Needs ≥ 5% S&T staff or a senior-titled person',
      },
    ),
  );
  out.push(
    buildCriterion(A.truncated, {
      outcome: 'needsReview',
      value: null,
      threshold: null,
      unit: 'boolean',
      detail: {
        zh: '来源摘要在此处截断，其余条件须按现行文件人工核对',
        en: 'The source summary is truncated here: check the rest against the current text',
      },
    }),
  );
  return { criteria: out };
}

function evaluateB(profile: Profile, { asOf }: AssessOptions): Evaluation {
  const [last] = lastYears(profile, asOf, 1);
  const out: CriterionResult[] = [];
  const days = daysBetween(profile.registrationDate, asOf);
  out.push(
    factCriterion(
      B.registered,
      isChongqing(profile) && days >= 365,
      {
        zh: `重庆注册：${isChongqing(profile) ? '是' : '否'}，已 ${days} 天`,
        en: `Registered in Chongqing: ${isChongqing(profile) ? 'yes' : 'no'}, ${days} days`,
      },
      { zh: '须在重庆注册满 1 年', en: 'Must be registered in Chongqing for 1 year' },
    ),
  );
  const size = profile.size;
  const exempt = profile.chongqing.hongyanTalent === true;
  const exemptNote: Bilingual = {
    zh: '鸿雁计划人才企业免于此项',
    en: 'Hongyan talent firms are exempt',
  };
  if (exempt || size === undefined) {
    for (const d of [B.rdStaff, B.rdExpense]) {
      out.push(
        buildCriterion(d, {
          outcome: exempt ? 'met' : 'needsReview',
          value: null,
          threshold: null,
          unit: 'ratio',
          detail: exempt
            ? exemptNote
            : { zh: '缺少企业规模（大中小微）', en: 'Enterprise size missing' },
        }),
      );
    }
  } else {
    const t = SIZE_THRESHOLDS[size];
    const rdStaff = last?.rdStaff ?? last?.stStaff;
    out.push(
      thresholdCriterion(
        B.rdStaff,
        rdStaff !== undefined && last?.totalStaff ? rdStaff / last.totalStaff : undefined,
        t.staff,
        'ratio',
        { zh: '研发人员占比', en: 'R&D staff share' },
      ),
    );
    const main = last?.mainBusinessRevenue ?? last?.salesRevenue;
    out.push(
      thresholdCriterion(
        B.rdExpense,
        last?.rdExpense !== undefined && main ? last.rdExpense / main : undefined,
        t.rd,
        'ratio',
        { zh: '研发费用占主营业务收入比例', en: 'R&D / main-business revenue' },
      ),
    );
  }
  const ip = countIp(profile, asOf, {}).items.length;
  const core = profile.expert.ipCoreSupport;
  out.push(
    factCriterion(
      B.ip,
      ip === 0 ? false : core,
      {
        zh: `知识产权 ${ip} 项${ip > 0 && core === undefined ? '，是否核心须人工判断' : ''}`,
        en: `${ip} IP items${ip > 0 && core === undefined ? '; core role needs review' : ''}`,
      },
      { zh: '须有 1 项核心知识产权成果', en: 'Needs one core IP-backed result' },
    ),
  );
  return { criteria: out };
}

/** The 重庆市科技型企业 rule set of the chosen version (default `a`; ⚠ both unconfirmed). */
export function chongqingTechEnterpriseRuleSet(
  version: ChongqingTechEnterpriseVersion = 'a',
): RuleSet {
  return {
    id: `chongqingTechEnterprise-${version}`,
    kind: 'chongqingTechEnterprise',
    version,
    validFrom: '2000-01-01',
    validTo: null,
    title: {
      zh: `重庆市科技型企业（版本 ${version}，⚠ 未确认现行文本）`,
      en: `Chongqing technology-based enterprise (version ${version}, ⚠ current text unconfirmed)`,
    },
    sources: [
      {
        document: DOC,
        title: {
          zh: '重庆市科技型企业认定条件（二手摘要）',
          en: 'Chongqing tech-enterprise criteria (secondary summary)',
        },
        url: version === 'a' ? URL_A : URL_B,
        basis: 'thirdPartySummary',
      },
    ],
    criteria: Object.values(version === 'a' ? A : B),
    notes: [
      {
        zh: '⚠ 找到两个版本的条件，现行官方文本未确认：按配置选择版本，不作定论',
        en: '⚠ Two versions were found and the current official text is unconfirmed: configure the version; no firm verdict',
      },
    ],
    evaluate: version === 'a' ? evaluateA : evaluateB,
  };
}
