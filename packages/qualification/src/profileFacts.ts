/** Facts read from a profile that several rule sets share: years, counted IP, titles held, incidents. */
import type { IsoDate, QualificationKind } from '@kechuang/domain';
import { addDays, addYears } from './calendarDays.ts';
import {
  type IncidentKind,
  IP_TYPE_CLASSES,
  type IpItem,
  type Profile,
  type YearFigures,
} from './profile.ts';

/** The figures of accounting year `year`, if the profile has them. */
export function findYear(profile: Profile, year: number): YearFigures | undefined {
  for (const y of profile.years) if (y.year === year) return y;
  return undefined;
}

/** Net assets at year end: as given, else total assets − total liabilities. */
export function netAssetsOf(y: YearFigures | undefined): number | undefined {
  if (!y) return undefined;
  if (y.netAssets !== undefined) return y.netAssets;
  if (y.totalAssets !== undefined && y.totalLiabilities !== undefined)
    return y.totalAssets - y.totalLiabilities;
  return undefined;
}

/** 资产负债率 = liabilities / assets, if both are known and assets > 0. */
export function debtRatioOf(y: YearFigures | undefined): number | undefined {
  if (!y || y.totalAssets === undefined || y.totalAssets <= 0) return undefined;
  if (y.totalLiabilities !== undefined) return y.totalLiabilities / y.totalAssets;
  if (y.netAssets !== undefined) return (y.totalAssets - y.netAssets) / y.totalAssets;
  return undefined;
}

/** 营业收入 for the MIIT rules: as given, else sales revenue. */
export function operatingRevenueOf(y: YearFigures | undefined): number | undefined {
  return y?.operatingRevenue ?? y?.salesRevenue;
}

/**
 * The accounting years before the application year that count (近三个会计年度, excluding the
 * application year), ascending, limited to the years the firm existed: `n` = 3 for the 高企 rule.
 */
export function windowYears(profile: Profile, asOf: IsoDate, n: number): number[] {
  const applicationYear = Number(asOf.slice(0, 4));
  const registered = Number(profile.registrationDate.slice(0, 4));
  const out: number[] = [];
  for (let y = applicationYear - n; y < applicationYear; y++) if (y >= registered) out.push(y);
  return out;
}

/** The 高企 class of an IP item: 1, 2 or 0 (trademarks). */
export function ipClassOf(item: IpItem): 0 | 1 | 2 {
  return IP_TYPE_CLASSES[item.type];
}

/** Whether the IP is granted on or before `asOf` and not lapsed then. */
export function isIpValid(item: IpItem, asOf: IsoDate): boolean {
  return item.grantDate <= asOf && (item.expiryDate === undefined || asOf < item.expiryDate);
}

/** Counted IP by class for one purpose. */
export type IpCount = { class1: number; class2: number; ownRd: boolean; items: IpItem[] };

/**
 * IP that counts on `asOf`: valid, class Ⅰ or Ⅱ (trademarks never count). Options drop Ⅱ类 items
 * already used in an earlier 高企 application (HT-13), disputed items and items unrelated to the
 * main products.
 */
export function countIp(
  profile: Profile,
  asOf: IsoDate,
  options: { excludeUsedClass2?: boolean; excludeDisputed?: boolean; mainProductOnly?: boolean },
): IpCount {
  let class1 = 0;
  let class2 = 0;
  let ownRd = false;
  const items: IpItem[] = [];
  for (const item of profile.ip) {
    const c = IP_TYPE_CLASSES[item.type];
    if (c === 0 || !isIpValid(item, asOf)) continue;
    if (options.excludeUsedClass2 && c === 2 && item.usedInEarlierHteApplication) continue;
    if (options.excludeDisputed && item.disputed) continue;
    if (options.mainProductOnly && !item.relatedToMainProduct) continue;
    if (c === 1) class1++;
    else class2++;
    if (item.acquisition === 'ownRd') ownRd = true;
    items.push(item);
  }
  return { class1, class2, ownRd, items };
}

/** Whether the profile holds a valid qualification of `kind` on `asOf` (status valid, issued, not expired). */
export function holdsQualification(
  profile: Profile,
  kind: QualificationKind,
  asOf: IsoDate,
  termYears?: number,
): boolean {
  for (const q of profile.qualifications) {
    if (q.kind !== kind || q.status === 'revoked' || q.issueDate > asOf) continue;
    const expiry = q.expiryDate ?? (termYears ? addYears(q.issueDate, termYears) : undefined);
    if (expiry === undefined || asOf < expiry) return true;
  }
  return false;
}

/** Incidents of the given kinds dated in `[from, to]`. */
export function incidentsBetween(
  profile: Profile,
  kinds: readonly IncidentKind[],
  from: IsoDate,
  to: IsoDate,
): Profile['incidents'] {
  return profile.incidents.filter((i) => kinds.includes(i.kind) && i.date >= from && i.date <= to);
}

/** Incident kind labels. */
export const INCIDENT_LABELS: Record<IncidentKind, { zh: string; en: string }> = {
  majorSafetyAccident: { zh: '重大安全事故', en: 'major safety accident' },
  majorQualityAccident: { zh: '重大质量事故', en: 'major quality accident' },
  seriousEnvironmentalViolation: { zh: '严重环境违法行为', en: 'serious environmental violation' },
  seriousFraud: { zh: '严重弄虚作假', en: 'serious fraud' },
  researchMisconduct: { zh: '科研严重失信', en: 'serious research misconduct' },
  abnormalOperationsList: { zh: '列入经营异常名录', en: 'listed as operating abnormally' },
  seriousDishonestyList: { zh: '列入严重违法失信名单', en: 'on the serious dishonesty list' },
};

/** Whether an event dated `date` lies within the `years` years up to `asOf`. */
export function withinYears(date: IsoDate, asOf: IsoDate, years: number): boolean {
  return date <= asOf && date > addYears(asOf, -years);
}

/** Total qualified equity financing dated within the `years` years up to `asOf` (万元). */
export function equityWithin(profile: Profile, asOf: IsoDate, years: number): number {
  let sum = 0;
  for (const e of profile.equityFinancing)
    if (e.qualifiedInvestor && withinYears(e.date, asOf, years)) sum += e.amount;
  return sum;
}

/** The best R&D institution level held on `asOf` (national > provincial > municipal > district > internal). */
export function bestInstitutionLevel(
  profile: Profile,
  asOf: IsoDate,
): Profile['rdInstitutions'][number]['level'] | undefined {
  const order = ['national', 'provincial', 'municipal', 'district', 'internal'] as const;
  let best: number = order.length;
  for (const r of profile.rdInstitutions)
    if (r.recognisedOn <= asOf) best = Math.min(best, order.indexOf(r.level));
  return order[best];
}

/** `asOf` minus 365 days: the start of "申请前的365天之内". */
export function yearBefore(asOf: IsoDate): IsoDate {
  return addDays(asOf, -365);
}
