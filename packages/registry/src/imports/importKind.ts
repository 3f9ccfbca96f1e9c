/**
 * The shape of an import kind: the columns of its spreadsheet (Chinese header first, English
 * alias), their types, the natural key and the table the rows go to. The definitions themselves
 * are in `kinds.ts`.
 */
import type { EnumValue } from './parseCell.ts';

/** Bilingual text. */
export type Text = { zh: string; en: string };

/** How a cell is read. */
export type ColumnType =
  /** Free text, trimmed. */
  | 'text'
  /** Several values in one cell separated by ；; 、 | (stored as text[]). */
  | 'textList'
  | 'integer'
  | 'decimal'
  /** YYYY-MM-DD, YYYY/M/D, YYYY年M月D日 or an Excel date cell. */
  | 'date'
  /** A code of a domain code list; the Chinese label (or English) is accepted too. */
  | 'enum'
  /** 统一社会信用代码 (GB 32100-2015), check digit verified. */
  | 'uscc'
  /** A region (区县) by GB/T 2260 code, name or short alias (石柱县). */
  | 'region'
  /** A functional zone (两江新区 …) by code or name. */
  | 'zone'
  /** 是/否, true/false, 1/0. */
  | 'boolean';

/** One column of an import kind. */
export type ImportColumn = {
  /**
   * Where the value goes: a column of the target table; `column.key` for a key of a jsonb column
   * (e.g. `rd_expense_by_category.personnel`); or a field named by the kind's `reference`.
   */
  field: string;
  /** The header of the template (primary). */
  zh: string;
  /** The English alias header (accepted on import). */
  en: string;
  type: ColumnType;
  required?: boolean;
  /** Unit of a number column (万元, 人 …). */
  unit?: Text;
  /** Allowed values of an enum column. */
  values?: readonly EnumValue[];
  /** Bounds of number columns. */
  min?: number;
  max?: number;
  /** Value stored for an empty cell (columns that are NOT NULL with a default). */
  default?: string | boolean;
  /** Form a text cell must have (described in `description`). */
  pattern?: RegExp;
  /** Meaning of the column, for the notes sheet. */
  description: Text;
  /** The value of the template's example row. */
  example: string;
};

/** Where a record's permission scope comes from. */
export type RecordScope = { regionCode?: string | null; uscc?: string | null };

/** Records of a kind that refer to an enterprise by 统一社会信用代码 (stored as enterprise_id). */
export type EnterpriseReference = {
  /** The file field holding the 统一社会信用代码. */
  field: string;
  /** The column of the target table holding the enterprise's id. */
  column: 'enterprise_id';
};

/** One import kind. */
export type ImportKind = {
  /** `kechuang import <name>`. */
  name: string;
  zh: string;
  en: string;
  /** Target table. */
  table: string;
  columns: readonly ImportColumn[];
  /** Fields (in the file) forming the natural key; duplicates within a file are refused. */
  key: readonly string[];
  /** The target table's unique columns for the upsert (`key` with references resolved). */
  conflict: readonly string[];
  /** Enterprise reference (yearly figures, qualifications). */
  reference?: EnterpriseReference;
  /** Permission scope of a record (after references are resolved). */
  scope(values: Readonly<Record<string, unknown>>): RecordScope;
  /**
   * Cross-field normalisation and checks after every cell parsed (mutates `values`); returns
   * the problem, naming the field it concerns, or undefined.
   */
  refine?(values: Record<string, unknown>): (Text & { field?: string }) | undefined;
  /** The sort order of exports (table columns). */
  orderBy: readonly string[];
};
