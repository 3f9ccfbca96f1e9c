/**
 * Lifecycle rules of qualifications already held (资质有效期与年报): 高企 certificates valid 3
 * years with the 15 % rate from the issue year and the expiry-year prepayment (国家税务总局公告2017年
 * 第24号), the annual report by 31 May and cancellation after 2 missed reports, material changes
 * reported within 3 months (办法 第十七条、第十九条); 科技型中小企业 registration every year (validity
 * configurable, ⚠ sources disagree); MIIT tiers valid 3 years with Chongqing's update by 30 April.
 * Sources: `qualification-rules.md` §1.7, §2.4, §2.5, §3.1; checklist HT-21…HT-24, TS-11…TS-13, MI-06.
 */
import type { Bilingual, IsoDate } from '@kechuang/domain';
import { addMonths, addYears, daysBetween, yearOf } from './calendarDays.ts';
import type { Profile } from './profile.ts';
import { withinYears } from './profileFacts.ts';
import type { CriterionSource, LifecycleAlert, RuleSetKind } from './types.ts';

const HTE_SOURCE: CriterionSource = {
  document: '国科发火〔2016〕32号',
  article:
    '有效期三年；第十七条（重大变化）；第十九条（取消资格）；国家税务总局公告2017年第24号（税收）',
  url: 'https://chacewang.com/newsdetail/news525056.html',
};
const TS_SOURCE: CriterionSource = {
  document: '国科发政〔2017〕115号；国科火字〔2019〕87号',
  article: '评价入库每年一次，登记编号当年有效（另一说至次年 3 月 31 日）',
  url: 'https://youyongzixun.com/news/show-398.html',
};
const MIIT_SOURCE: CriterionSource = {
  document: '工信部企业〔2022〕63号；重庆市优质中小企业梯度培育管理实施细则',
  article: '有效期 3 年；每年 4 月 30 日前更新数据，否则不能复核',
  url: 'http://www.zgzxw.com/comnews/154/3078.shtml',
};

/** Options of {@link lifecycleAlerts}. */
export type LifecycleOptions = {
  asOf: IsoDate;
  /**
   * When a 科技型中小企业 registration ends: `yearEnd` ("当年有效", 国科火字〔2019〕87号, default) or
   * `nextMarch31` (a 2019 provincial guide). ⚠ The sources disagree (TS-11).
   */
  techSmeValidUntil?: 'yearEnd' | 'nextMarch31';
  /** Days before a certificate's expiry at which the alert becomes critical (default 90). */
  expiryWarningDays?: number;
};

/** The day a 高企 certificate stops being valid: 3 years after the certificate date (HT-21). */
export function highTechExpiryDate(issueDate: IsoDate): IsoDate {
  return addYears(issueDate, 3);
}

/** The tax years at 15 %: the issue year and the next two (HT-21). The expiry year is prepaid at 15 % and repaid if not renewed by 12-31. */
export function highTechTaxYears(issueDate: IsoDate): number[] {
  const y = yearOf(issueDate);
  return [y, y + 1, y + 2];
}

/**
 * Soft check of a 高企 certificate number, `GR` + issue year (4) + province code (2) + serial (6)
 * (HT-24; ⚠ inferred from observed certificates, no rule text).
 */
export function checkHighTechCertificateNumber(
  number: string,
  issueDate?: IsoDate,
): { ok: boolean; message?: Bilingual } {
  const m = /^GR(\d{4})(\d{2})(\d{6})$/.exec(number);
  if (!m) {
    return {
      ok: false,
      message: {
        zh: `证书编号 ${number} 不符合常见格式 GR+年份4位+省份2位+序号6位（仅作提示）`,
        en: `Certificate number ${number} does not look like GR + year (4) + province (2) + serial (6) (a hint only)`,
      },
    };
  }
  if (issueDate && m[1] !== issueDate.slice(0, 4)) {
    return {
      ok: false,
      message: {
        zh: `证书编号中的年份 ${m[1]} 与发证年份 ${issueDate.slice(0, 4)} 不一致（仅作提示）`,
        en: `The year ${m[1]} in the number differs from the issue year ${issueDate.slice(0, 4)} (a hint only)`,
      },
    };
  }
  return { ok: true };
}

/**
 * Meaning of the 11th character of a 科技型中小企业 registration number (TS-12, 2018 notice): `0`
 * established before the registration year and filed by 31 May (previous-year super-deduction
 * allowed); `A` established before, filed from 1 June; `B` established in the registration year.
 * ⚠ The rest of the layout is unconfirmed: the number is otherwise opaque.
 */
export function techSmeRegistrationFlag(number: string): {
  flag: '0' | 'A' | 'B' | null;
  meaning: Bilingual;
} {
  const c = number.charAt(10).toUpperCase();
  if (c === '0')
    return {
      flag: '0',
      meaning: {
        zh: '登记年度之前成立，5 月 31 日前提交自评：可在上年度汇算清缴中享受加计扣除',
        en: 'Established before the registration year and filed by 31 May: usable for the previous year’s super-deduction',
      },
    };
  if (c === 'A')
    return {
      flag: 'A',
      meaning: {
        zh: '登记年度之前成立，6 月 1 日及以后提交自评',
        en: 'Established before the registration year, filed on or after 1 June',
      },
    };
  if (c === 'B')
    return {
      flag: 'B',
      meaning: { zh: '登记年度当年成立', en: 'Established in the registration year' },
    };
  return {
    flag: null,
    meaning: {
      zh: `第 11 位 “${c}” 不是 0、A 或 B，请核对编号`,
      en: `Character 11 “${c}” is not 0, A or B: check the number`,
    },
  };
}

function filedOnTime(
  profile: Profile,
  kind: RuleSetKind,
  dataYear: number,
  due: IsoDate,
): 'onTime' | 'late' | 'missing' {
  let late = false;
  for (const r of profile.annualReports) {
    if (r.kind !== kind || r.year !== dataYear) continue;
    if (r.filedOn <= due) return 'onTime';
    late = true;
  }
  return late ? 'late' : 'missing';
}

function highTechAlerts(profile: Profile, o: Required<LifecycleOptions>): LifecycleAlert[] {
  const out: LifecycleAlert[] = [];
  const { asOf } = o;
  const certs = profile.qualifications.filter(
    (q) => q.kind === 'highTechEnterprise' && q.issueDate <= asOf,
  );
  const alert = (a: Omit<LifecycleAlert, 'kind' | 'source'>) =>
    out.push({ ...a, kind: 'highTechEnterprise', source: HTE_SOURCE });
  const latestIssue = certs.reduce<IsoDate | null>(
    (m, q) => (m === null || q.issueDate > m ? q.issueDate : m),
    null,
  );
  for (const q of certs) {
    if (q.status === 'revoked') continue;
    const expiry = q.expiryDate ?? highTechExpiryDate(q.issueDate);
    const superseded = latestIssue !== null && latestIssue > q.issueDate;
    const number = checkHighTechCertificateNumber(q.number, q.issueDate);
    if (!number.ok && number.message)
      alert({ code: 'hteCertificateNumberFormat', severity: 'info', message: number.message });
    if (
      !superseded &&
      asOf < expiry &&
      yearOf(asOf) === yearOf(expiry) &&
      q.renewalAppliedOn === undefined
    ) {
      const days = daysBetween(asOf, expiry);
      alert({
        code: 'hteExpiringThisYear',
        severity: days <= o.expiryWarningDays ? 'critical' : 'warning',
        dueDate: expiry,
        message: {
          zh: `高企证书 ${q.number} 将于 ${expiry} 到期（还有 ${days} 天），尚未重新申请认定；本年度企业所得税可暂按 15% 预缴，年底前未取得新证书须补缴税款`,
          en: `高企 certificate ${q.number} expires on ${expiry} (${days} days) with no re-application; tax may be prepaid at 15 % this year but must be repaid if no new certificate by year end`,
        },
      });
    }
    if (!superseded && asOf >= expiry) {
      alert({
        code: 'hteExpired',
        severity: 'warning',
        dueDate: expiry,
        message: {
          zh: `高企证书 ${q.number} 已于 ${expiry} 到期，须重新申请认定（2016 年后无复审）`,
          en: `高企 certificate ${q.number} expired on ${expiry}; re-certification is a new application (no 复审 since 2016)`,
        },
      });
    }
    // Annual reports for each data year from the issue year while the certificate is valid.
    let missed = 0;
    for (let y = yearOf(q.issueDate); y < yearOf(expiry); y++) {
      const due = `${y + 1}-05-31`;
      if (due > expiry && due > asOf) break;
      const status = filedOnTime(profile, 'highTechEnterprise', y, due);
      if (asOf > due) {
        if (status !== 'onTime') missed++;
      } else if (asOf >= `${y + 1}-01-01` && status === 'missing') {
        alert({
          code: 'hteAnnualReportDue',
          severity: 'warning',
          dueDate: due,
          message: {
            zh: `须在 ${due} 前填报 ${y} 年度发展情况报表（知识产权、科技人员、研发费用、经营收入）`,
            en: `File the ${y} annual report (IP, S&T staff, R&D, revenue) by ${due}`,
          },
        });
      }
    }
    if (missed >= 2) {
      alert({
        code: 'hteCancellationRisk',
        severity: 'critical',
        message: {
          zh: `已累计 ${missed} 年未按期填报年度发展情况报表，依办法第十九条将被取消高企资格`,
          en: `${missed} annual reports missed (cumulative): the status is cancelled under Article 19`,
        },
      });
    } else if (missed === 1) {
      alert({
        code: 'hteAnnualReportMissed',
        severity: 'warning',
        message: {
          zh: '已有 1 年未按期填报年度发展情况报表；累计 2 年将被取消资格',
          en: 'One annual report missed; a second (cumulative) cancels the status',
        },
      });
    }
    // Material changes while the certificate was valid: report within 3 months (HT-23).
    for (const ch of profile.changes) {
      if (ch.kind === 'relocation' || ch.date < q.issueDate || ch.date >= expiry || ch.date > asOf)
        continue;
      const deadline = addMonths(ch.date, 3);
      if (ch.reportedOn !== undefined && ch.reportedOn <= deadline) continue;
      const overdue = asOf > deadline;
      alert({
        code: overdue ? 'hteChangeNotReported' : 'hteChangeReportDue',
        severity: overdue ? 'critical' : 'warning',
        dueDate: deadline,
        message: overdue
          ? {
              zh: `${ch.date} 发生的重大变化未在 3 个月内（${deadline} 前）报告；若不再符合条件，自变化年度起取消资格`,
              en: `The material change of ${ch.date} was not reported within 3 months (by ${deadline}); if no longer compliant the status is cancelled from that year`,
            }
          : {
              zh: `${ch.date} 发生的重大变化须在 ${deadline} 前报告认定机构`,
              en: `Report the material change of ${ch.date} by ${deadline}`,
            },
      });
    }
  }
  return out;
}

function techSmeAlerts(profile: Profile, o: Required<LifecycleOptions>): LifecycleAlert[] {
  const out: LifecycleAlert[] = [];
  const { asOf } = o;
  const year = yearOf(asOf);
  const regs = profile.qualifications.filter((q) => q.kind === 'techSme' && q.issueDate <= asOf);
  const alert = (a: Omit<LifecycleAlert, 'kind' | 'source'>) =>
    out.push({ ...a, kind: 'techSme', source: TS_SOURCE });
  const revokedThisYear = regs.some(
    (q) => q.status === 'revoked' && yearOf(q.revokedOn ?? q.issueDate) === year,
  );
  if (revokedThisYear) {
    alert({
      code: 'techSmeRevokedThisYear',
      severity: 'critical',
      message: {
        zh: '本年度登记编号已被撤销，当年不得再次参加评价',
        en: 'The registration was revoked this year: no new evaluation this year',
      },
    });
  }
  const fraud = profile.incidents.find(
    (i) => i.kind === 'seriousFraud' && withinYears(i.date, asOf, 3),
  );
  if (fraud) {
    alert({
      code: 'techSmeBarred',
      severity: 'critical',
      dueDate: addYears(fraud.date, 3),
      message: {
        zh: `${fraud.date} 存在严重弄虚作假：取消当年资格，3 年内不得参加评价`,
        en: `Serious fraud on ${fraud.date}: this year's eligibility is cancelled and the firm is barred for 3 years`,
      },
    });
  }
  const valid = regs.filter((q) => q.status !== 'revoked');
  if (valid.length === 0) return out;
  const latest = Math.max(...valid.map((q) => q.evaluationYear ?? yearOf(q.issueDate)));
  if (latest < year) {
    const stillValid =
      o.techSmeValidUntil === 'nextMarch31' && latest === year - 1 && asOf <= `${year}-03-31`;
    alert({
      code: 'techSmeRegistrationDue',
      severity: stillValid ? 'info' : 'warning',
      ...(stillValid ? { dueDate: `${year}-03-31` } : {}),
      message: {
        zh: `科技型中小企业须每年评价入库：最近一次为 ${latest} 年，${year} 年尚未入库${stillValid ? `（按次年 3 月 31 日口径，旧编号有效至 ${year}-03-31）` : ''}`,
        en: `Tech-SME registration is yearly: the latest is ${latest}, none yet for ${year}${stillValid ? ` (under the 31-March reading the old number holds until ${year}-03-31)` : ''}`,
      },
    });
  }
  return out;
}

function miitAlerts(profile: Profile, o: Required<LifecycleOptions>): LifecycleAlert[] {
  const out: LifecycleAlert[] = [];
  const { asOf } = o;
  const year = yearOf(asOf);
  for (const q of profile.qualifications) {
    if (q.kind !== 'innovativeSme' && q.kind !== 'specialisedSme' && q.kind !== 'littleGiant')
      continue;
    if (q.status === 'revoked' || q.issueDate > asOf) continue;
    const expiry = q.expiryDate ?? addYears(q.issueDate, 3);
    const kind = q.kind;
    if (asOf >= expiry) continue;
    const due = `${year}-04-30`;
    if (yearOf(q.issueDate) < year) {
      const status = filedOnTime(profile, kind, year - 1, due);
      if (asOf <= due && status === 'missing') {
        out.push({
          code: 'miitAnnualUpdateDue',
          kind,
          severity: 'warning',
          dueDate: due,
          source: MIIT_SOURCE,
          message: {
            zh: `须在 ${due} 前在梯度培育平台更新 ${year - 1} 年度数据，否则不能复核`,
            en: `Update the ${year - 1} data on the MIIT platform by ${due}, or lose eligibility for 复核`,
          },
        });
      } else if (asOf > due && status !== 'onTime') {
        out.push({
          code: 'miitAnnualUpdateMissed',
          kind,
          severity: 'critical',
          dueDate: due,
          source: MIIT_SOURCE,
          message: {
            zh: `未在 ${due} 前更新 ${year - 1} 年度数据：不能参加复核`,
            en: `The ${year - 1} data were not updated by ${due}: no 复核`,
          },
        });
      }
    }
    const days = daysBetween(asOf, expiry);
    if (yearOf(expiry) === year || days <= o.expiryWarningDays) {
      out.push({
        code: 'miitExpiring',
        kind,
        severity: days <= o.expiryWarningDays ? 'critical' : 'warning',
        dueDate: expiry,
        source: MIIT_SOURCE,
        message: {
          zh: `${q.number} 有效期至 ${expiry}（还有 ${days} 天），须复核或重新认定`,
          en: `${q.number} is valid until ${expiry} (${days} days): 复核 or re-recognition needed`,
        },
      });
    }
  }
  return out;
}

/**
 * Alerts about the qualifications a profile holds on `asOf`: expiries, annual reports and
 * updates, cancellation risks, yearly tech-SME registration. Pure: `asOf` is an argument.
 */
export function lifecycleAlerts(profile: Profile, options: LifecycleOptions): LifecycleAlert[] {
  const o: Required<LifecycleOptions> = {
    techSmeValidUntil: 'yearEnd',
    expiryWarningDays: 90,
    ...options,
  };
  return [...highTechAlerts(profile, o), ...techSmeAlerts(profile, o), ...miitAlerts(profile, o)];
}
