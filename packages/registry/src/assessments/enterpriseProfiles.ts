/**
 * Enterprise profiles (企业画像) for qualification pre-assessment, built from the registry's
 * records: the enterprise row, its yearly figures, qualifications held and granted patents.
 * Facts the registry does not keep (tax status, incidents, R&D management evidence) stay absent,
 * so the criteria that need them come out as "needs review", never as met.
 */
import type { ProfileInput } from '@kechuang/qualification';
import type { Db } from '../db.ts';

/** A registry enterprise as a profile input, with what was assumed in building it. */
export type RegistryProfile = {
  uscc: string;
  name: string;
  regionCode: string | null;
  input: ProfileInput;
  /** Assumptions made because the registry lacks a fact (shown with the result). */
  assumptions: { zh: string; en: string }[];
};

/** Which enterprises to load: a 区县, or a list of 统一社会信用代码 (both optional). */
export type ProfileFilter = { regionCode?: string; usccs?: readonly string[] };

/** Registry R&D category keys (import kinds) → the profile's 高企 categories. */
const RD_CATEGORY_KEYS: Record<string, string> = {
  personnel: 'personnel',
  directInputs: 'directInputs',
  depreciation: 'depreciation',
  intangibleAmortisation: 'amortisation',
  design: 'design',
  equipmentTesting: 'equipmentTrials',
  commissioned: 'externalCommissioned',
  other: 'other',
};

/** Registry patent types → profile IP types (all three are 高企 IP: invention Ⅰ类, the others Ⅱ类). */
const PATENT_IP_TYPES: Record<string, 'invention' | 'utilityModel' | 'design'> = {
  invention: 'invention',
  utilityModel: 'utilityModel',
  design: 'design',
};

type EnterpriseRow = {
  id: number;
  uscc: string;
  name: string;
  region_code: string | null;
  industry_code: string | null;
  hightech_field_code: string | null;
  registered_on: string | null;
};
type FigureRow = Record<string, unknown> & { enterprise_id: number; year: number };
type QualificationRow = {
  enterprise_id: number;
  kind: string;
  number: string;
  issued_on: string | null;
  expires_on: string | null;
  status: string;
};
type PatentRow = { owner_uscc: string; number: string; type: string | null; granted_on: string };

/** A GB/T 4754 code: section letter, then 2–4 digits (the profile's own pattern). */
const GB4754_CODE = /^[A-T](\d{2}|\d{3}|\d{4})?$/;

const num = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** Yearly figures as the profile names them (numbers in 万元 and persons, as stored). */
function yearOf(row: FigureRow): Record<string, unknown> {
  const categories = row.rd_expense_by_category as Record<string, unknown> | null;
  const byCategory = categories
    ? Object.fromEntries(
        Object.entries(categories)
          .filter(([k, v]) => RD_CATEGORY_KEYS[k] && v !== null)
          .map(([k, v]) => [RD_CATEGORY_KEYS[k], Number(v)]),
      )
    : undefined;
  const year: Record<string, unknown> = {
    year: row.year,
    salesRevenue: num(row.sales_revenue),
    totalRevenue: num(row.total_revenue),
    nonTaxableRevenue: num(row.non_taxable_revenue),
    highTechProductRevenue: num(row.hightech_revenue),
    rdExpense: num(row.rd_expense),
    rdExpenseDomestic: num(row.rd_expense_domestic),
    rdExpenseByCategory: byCategory && Object.keys(byCategory).length > 0 ? byCategory : undefined,
    totalStaff: num(row.staff_total),
    stStaff: num(row.staff_st),
    netAssets: num(row.net_assets),
    totalAssets: num(row.total_assets),
    conversions: num(row.conversions),
  };
  return Object.fromEntries(Object.entries(year).filter(([, v]) => v !== undefined));
}

/**
 * Profiles of the registry's enterprises (one query per table, not per enterprise). IP comes
 * from granted patents; an enterprise without patent records but with declared IP counts in its
 * latest figures gets placeholder items for those counts (an assumption, listed).
 */
export async function loadEnterpriseProfiles(
  db: Db,
  filter: ProfileFilter = {},
): Promise<RegistryProfile[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.regionCode) {
    params.push(filter.regionCode);
    where.push(`region_code = $${params.length}`);
  }
  if (filter.usccs) {
    params.push([...filter.usccs]);
    where.push(`uscc = ANY($${params.length}::text[])`);
  }
  const { rows: enterprises } = await db.query<EnterpriseRow>(
    `SELECT id, uscc, name, region_code, industry_code, hightech_field_code, registered_on
     FROM enterprises ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY uscc`,
    params,
  );
  if (enterprises.length === 0) return [];
  const ids = enterprises.map((e) => e.id);
  const usccs = enterprises.map((e) => e.uscc);
  const [figures, qualifications, patents] = await Promise.all([
    db.query<FigureRow>(
      'SELECT * FROM enterprise_year_figures WHERE enterprise_id = ANY($1::bigint[]) ORDER BY year',
      [ids],
    ),
    db.query<QualificationRow>(
      `SELECT enterprise_id, kind, number, issued_on, expires_on, status FROM qualifications
       WHERE enterprise_id = ANY($1::bigint[]) AND status IN ('valid', 'expired', 'revoked')
         AND issued_on IS NOT NULL
       ORDER BY issued_on`,
      [ids],
    ),
    db.query<PatentRow>(
      `SELECT owner_uscc, number, type, granted_on FROM patents
       WHERE owner_uscc = ANY($1::text[]) AND status = 'granted' AND granted_on IS NOT NULL
       ORDER BY number`,
      [usccs],
    ),
  ]);
  const figuresOf = groupBy(figures.rows, (r) => Number(r.enterprise_id));
  const qualificationsOf = groupBy(qualifications.rows, (r) => Number(r.enterprise_id));
  const patentsOf = groupBy(patents.rows, (r) => r.owner_uscc);

  return enterprises.map((e) => {
    const assumptions: RegistryProfile['assumptions'] = [];
    const years = (figuresOf.get(Number(e.id)) ?? []).map(yearOf);
    const ip: Record<string, unknown>[] = [];
    for (const p of patentsOf.get(e.uscc) ?? []) {
      const type = p.type ? PATENT_IP_TYPES[p.type] : undefined;
      if (!type) continue;
      ip.push({ id: p.number, type, acquisition: 'ownRd', grantDate: p.granted_on });
    }
    if (ip.length > 0) {
      assumptions.push({
        zh: '登记库未记录专利的获得方式，按自主研发计',
        en: 'the registry does not record how patents were acquired: counted as own R&D',
      });
    } else {
      const latest = (figuresOf.get(Number(e.id)) ?? []).at(-1);
      const class1 = num(latest?.ip_class1) ?? 0;
      const class2 = num(latest?.ip_class2) ?? 0;
      for (let i = 0; i < class1 + class2; i++) {
        ip.push({
          id: `declared-${latest?.year}-${i < class1 ? 'I' : 'II'}-${i + 1}`,
          type: i < class1 ? 'invention' : 'otherClass2',
          acquisition: 'ownRd',
          grantDate: `${latest?.year}-12-31`,
        });
      }
      if (class1 + class2 > 0) {
        assumptions.push({
          zh: `无专利明细，按 ${latest?.year} 年度申报的Ⅰ类 ${class1} 件、Ⅱ类 ${class2} 件计（自主研发，授权日按年末计）`,
          en: `no patent records: counted the ${class1} class-I and ${class2} class-II items declared for ${latest?.year} (own R&D, granted by year end)`,
        });
      }
    }
    let industryCode = e.industry_code ?? undefined;
    if (industryCode && !GB4754_CODE.test(industryCode)) {
      assumptions.push({
        zh: `行业代码“${industryCode}”不是 GB/T 4754 形式（如 C3911），评估时未使用`,
        en: `industry code "${industryCode}" is not a GB/T 4754 code (e.g. C3911): not used`,
      });
      industryCode = undefined;
    }
    const input = {
      note: 'Kechuang 登记库数据 / from the Kechuang registry',
      uscc: e.uscc,
      name: e.name,
      registrationDate: e.registered_on,
      region: e.region_code ?? undefined,
      highTechField: e.hightech_field_code ?? undefined,
      industryCode,
      years,
      ip,
      qualifications: (qualificationsOf.get(Number(e.id)) ?? []).map((q) => ({
        kind: q.kind,
        number: q.number,
        issueDate: q.issued_on,
        expiryDate: q.expires_on ?? undefined,
        status: q.status,
      })),
    } as unknown as ProfileInput;
    return { uscc: e.uscc, name: e.name, regionCode: e.region_code, input, assumptions };
  });
}
