/**
 * Who may write what. Checked in the registry layer (writeRecord.ts), so every write path gets it.
 *
 * - cityAdmin (市级管理员): writes every table.
 * - cityAnalyst (市级分析员): reads everything; writes the analytic tables only
 *   (indicator_values, index_runs, targets, published_results, assessment runs and results),
 *   never registers, regions or users.
 * - districtEditor (区县填报员): writes register records, targets, indicator values and
 *   assessment runs and results whose region is hers (regionCode must equal hers); never
 *   regions, users or index runs.
 * - enterpriseUser (企业用户): writes only her own enterprise (uscc) and its yearly figures and
 *   qualifications; reads only her own records and published data.
 * - public (公众): writes nothing; reads published data only.
 */

export type Role = 'cityAdmin' | 'cityAnalyst' | 'districtEditor' | 'enterpriseUser' | 'public';
export type Actor = { id?: string; name: string; role: Role; regionCode?: string; uscc?: string };

/** A refused read or write; `code` maps to HTTP 403 / 401. */
export class PermissionError extends Error {
  readonly code: 'forbidden' | 'unauthenticated';
  readonly zh: string;
  readonly en: string;
  constructor(zh: string, en: string, code: 'forbidden' | 'unauthenticated' = 'forbidden') {
    super(`${zh}\n${en}`);
    this.name = 'PermissionError';
    this.code = code;
    this.zh = zh;
    this.en = en;
  }
}

export const ROLES: readonly Role[] = [
  'cityAdmin',
  'cityAnalyst',
  'districtEditor',
  'enterpriseUser',
  'public',
];

/** Tables a city analyst writes. */
export const ANALYST_TABLES: ReadonlySet<string> = new Set([
  'indicator_values',
  'index_runs',
  'targets',
  'published_results',
  'assessment_runs',
  'assessment_results',
]);

/** Tables a district editor writes, for her region only. */
export const DISTRICT_TABLES: ReadonlySet<string> = new Set([
  'enterprises',
  'enterprise_year_figures',
  'qualifications',
  'platforms',
  'talents',
  'patents',
  'achievements',
  'contracts',
  'projects',
  'targets',
  'indicator_values',
  'assessment_runs',
  'assessment_results',
]);

/** Tables an enterprise user writes, for her own 统一社会信用代码 only. */
export const ENTERPRISE_TABLES: ReadonlySet<string> = new Set([
  'enterprises',
  'enterprise_year_figures',
  'qualifications',
]);

function who(actor: Actor): string {
  return `${actor.name} (${actor.role})`;
}

/** Throws PermissionError (bilingual, with code 'forbidden') unless actor may write this record. */
export function assertCanWrite(
  actor: Actor,
  target: { table: string; regionCode?: string | null; uscc?: string | null },
): void {
  const { table } = target;
  if (!ROLES.includes(actor.role)) {
    throw new PermissionError(
      `未知角色 ${String(actor.role)}，不能写入 ${table}`,
      `Unknown role ${String(actor.role)}: may not write ${table}`,
      'unauthenticated',
    );
  }
  switch (actor.role) {
    case 'cityAdmin':
      return;
    case 'cityAnalyst':
      if (ANALYST_TABLES.has(table)) return;
      throw new PermissionError(
        `${who(actor)} 是市级分析员，只能写入指标值、指数运行、目标、发布结果和资质评估，不能写入 ${table}`,
        `${who(actor)} is a city analyst and writes only indicator values, index runs, targets, published results and assessments, not ${table}`,
      );
    case 'districtEditor': {
      if (!DISTRICT_TABLES.has(table)) {
        throw new PermissionError(
          `${who(actor)} 是区县填报员，不能写入 ${table}`,
          `${who(actor)} is a district editor and may not write ${table}`,
        );
      }
      if (!actor.regionCode || target.regionCode !== actor.regionCode) {
        throw new PermissionError(
          `${who(actor)} 只能写入本区县（${actor.regionCode ?? '未指定'}）的记录，该记录属于 ${target.regionCode ?? '未指定区县'}（${table}）`,
          `${who(actor)} writes only records of her region (${actor.regionCode ?? 'none'}); this ${table} record belongs to ${target.regionCode ?? 'no region'}`,
        );
      }
      return;
    }
    case 'enterpriseUser': {
      if (!ENTERPRISE_TABLES.has(table)) {
        throw new PermissionError(
          `${who(actor)} 是企业用户，不能写入 ${table}`,
          `${who(actor)} is an enterprise user and may not write ${table}`,
        );
      }
      if (!actor.uscc || target.uscc !== actor.uscc) {
        throw new PermissionError(
          `${who(actor)} 只能写入本企业（${actor.uscc ?? '未指定'}）的记录，该记录属于 ${target.uscc ?? '未指定企业'}（${table}）`,
          `${who(actor)} writes only her own enterprise (${actor.uscc ?? 'none'}); this ${table} record belongs to ${target.uscc ?? 'no enterprise'}`,
        );
      }
      return;
    }
    case 'public':
      throw new PermissionError(
        `公众用户不能写入（${table}）`,
        `The public may not write (${table})`,
      );
  }
}

/** Whether actor may read data not yet published (registers, drafts, unpublished runs). */
export function canReadUnpublished(actor: Actor): boolean {
  return (
    actor.role === 'cityAdmin' || actor.role === 'cityAnalyst' || actor.role === 'districtEditor'
  );
}

/** Throws PermissionError unless canReadUnpublished(actor). */
export function assertCanReadUnpublished(actor: Actor): void {
  if (canReadUnpublished(actor)) return;
  throw new PermissionError(
    `${who(actor)} 只能查看已发布的数据`,
    `${who(actor)} may read published data only`,
  );
}
