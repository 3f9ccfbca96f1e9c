/**
 * The registry's record kinds as the dashboard lists them: API path, the field that keys a
 * record in `/api/<kind>/:key`, and the columns shown (the registry's table columns as the API
 * returns them, camelCase; {@link fieldOf} accepts snake_case too).
 */
import {
  ACHIEVEMENT_TYPES,
  type CodeListEntry,
  PATENT_STATUSES,
  PATENT_TYPES,
  PLATFORM_KINDS,
  PLATFORM_LEVELS,
  PROJECT_LEVELS,
  TALENT_CATEGORIES,
  TECH_CONTRACT_TYPES,
} from '@kechuang/domain';
import type { MessageKey } from '../i18n/zh.ts';
import type { RegistryRecord } from './types.ts';

/** How a column's value is shown. */
export type ColumnFormat = 'text' | 'region' | 'date' | 'amount' | 'code';

/** A listed column: field, its header (a bilingual pair), format and, for coded values, the code list whose labels are shown. */
export type RegistryColumn = {
  field: string;
  zh: string;
  en: string;
  format?: ColumnFormat;
  codes?: readonly CodeListEntry[];
};

/** A listed registry kind. */
export type RegistryKind = {
  kind: string;
  label: MessageKey;
  /** Fields tried in order for the record key in `/api/<kind>/:key`. */
  keys: string[];
  columns: RegistryColumn[];
};

/** The kinds of the registry lists, in menu order. */
export const REGISTRY_KINDS: RegistryKind[] = [
  {
    kind: 'enterprises',
    label: 'registry.kind.enterprises',
    keys: ['uscc'],
    columns: [
      { field: 'name', zh: '企业名称', en: 'Name' },
      { field: 'uscc', zh: '统一社会信用代码', en: 'Credit code', format: 'code' },
      { field: 'regionCode', zh: '所在区县', en: 'District', format: 'region' },
      { field: 'industryCode', zh: '行业代码', en: 'Industry', format: 'code' },
      { field: 'hightechFieldCode', zh: '高新技术领域', en: 'High-tech field', format: 'code' },
      { field: 'registeredOn', zh: '成立日期', en: 'Registered', format: 'date' },
    ],
  },
  {
    kind: 'platforms',
    label: 'registry.kind.platforms',
    keys: ['id'],
    columns: [
      { field: 'name', zh: '平台名称', en: 'Name' },
      { field: 'kind', zh: '平台类型', en: 'Kind', codes: PLATFORM_KINDS },
      { field: 'level', zh: '级别', en: 'Level', codes: PLATFORM_LEVELS },
      { field: 'hostName', zh: '依托单位', en: 'Host' },
      { field: 'regionCode', zh: '所在区县', en: 'District', format: 'region' },
      { field: 'accreditedOn', zh: '认定日期', en: 'Accredited', format: 'date' },
    ],
  },
  {
    kind: 'talents',
    label: 'registry.kind.talents',
    keys: ['id'],
    columns: [
      { field: 'name', zh: '姓名', en: 'Name' },
      { field: 'category', zh: '类别', en: 'Category', codes: TALENT_CATEGORIES },
      { field: 'organisation', zh: '工作单位', en: 'Employer' },
      { field: 'regionCode', zh: '所在区县', en: 'District', format: 'region' },
      { field: 'year', zh: '年度', en: 'Year' },
    ],
  },
  {
    kind: 'patents',
    label: 'registry.kind.patents',
    keys: ['number'],
    columns: [
      { field: 'number', zh: '申请号', en: 'Application no.', format: 'code' },
      { field: 'name', zh: '名称', en: 'Title' },
      { field: 'type', zh: '类型', en: 'Type', codes: PATENT_TYPES },
      { field: 'status', zh: '状态', en: 'Status', codes: PATENT_STATUSES },
      { field: 'ownerName', zh: '权利人', en: 'Owner' },
      { field: 'appliedOn', zh: '申请日', en: 'Filed', format: 'date' },
    ],
  },
  {
    kind: 'achievements',
    label: 'registry.kind.achievements',
    keys: ['registrationNumber'],
    columns: [
      { field: 'registrationNumber', zh: '登记号', en: 'Registration no.', format: 'code' },
      { field: 'name', zh: '成果名称', en: 'Title' },
      { field: 'kind', zh: '类型', en: 'Type', codes: ACHIEVEMENT_TYPES },
      { field: 'ownerName', zh: '第一完成单位', en: 'First unit' },
      { field: 'regionCode', zh: '所在区县', en: 'District', format: 'region' },
    ],
  },
  {
    kind: 'contracts',
    label: 'registry.kind.contracts',
    keys: ['contractNumber'],
    columns: [
      { field: 'contractNumber', zh: '合同登记号', en: 'Contract no.', format: 'code' },
      { field: 'type', zh: '合同类型', en: 'Type', codes: TECH_CONTRACT_TYPES },
      { field: 'amount', zh: '成交额', en: 'Amount', format: 'amount' },
      { field: 'field', zh: '技术领域', en: 'Field' },
      { field: 'sellerRegionCode', zh: '卖方区县', en: 'Seller district', format: 'region' },
      { field: 'signedOn', zh: '签订日期', en: 'Signed', format: 'date' },
    ],
  },
  {
    kind: 'projects',
    label: 'registry.kind.projects',
    keys: ['code'],
    columns: [
      { field: 'code', zh: '项目编号', en: 'Code', format: 'code' },
      { field: 'name', zh: '项目名称', en: 'Title' },
      { field: 'level', zh: '级别', en: 'Level', codes: PROJECT_LEVELS },
      { field: 'ownerName', zh: '承担单位', en: 'Owner' },
      { field: 'regionCode', zh: '所在区县', en: 'District', format: 'region' },
      { field: 'year', zh: '年度', en: 'Year' },
    ],
  },
];

/** `registrationDate` → `registration_date`. */
function snakeOf(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A record's field in camelCase or snake_case (the API's choice), or undefined. */
export function fieldOf(record: RegistryRecord, field: string): unknown {
  return record[field] ?? record[snakeOf(field)];
}

/** The key of a record for `/api/<kind>/:key`, or null when it has none of the kind's keys. */
export function recordKey(kind: RegistryKind, record: RegistryRecord): string | null {
  for (const k of kind.keys) {
    const v = fieldOf(record, k);
    if (v !== undefined && v !== null && v !== '') return String(v);
  }
  return null;
}

/** The kind named `kind`, if listed. */
export function findRegistryKind(kind: string): RegistryKind | undefined {
  return REGISTRY_KINDS.find((k) => k.kind === kind);
}
