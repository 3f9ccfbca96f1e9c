/**
 * Imports and exports of the registry (导入导出): import kinds and their templates, row
 * validation, all-or-nothing idempotent imports, and exports that re-import unchanged.
 */
export { CODE_LISTS } from './codeLists.ts';
export {
  decodeTableIncrementally,
  decodeTableStream,
  type IncrementalTable,
  type TableByteStream,
} from './decodeTableStream.ts';
export { type ExportFilter, type ExportTable, exportRows, PUBLISHED_TABLES } from './exports.ts';
export type {
  ColumnType,
  EnterpriseReference,
  ImportColumn,
  ImportKind,
  RecordScope,
  Text,
} from './importKind.ts';
export {
  type ImportOptions,
  type ImportPart,
  type ImportReport,
  importBatch,
  importRows,
} from './importRows.ts';
export {
  getImportKind,
  IMPORT_KIND_NAMES,
  IMPORT_KINDS,
  type ImportKindName,
  isImportKindName,
} from './kinds.ts';
export type { Cell, EnumValue } from './parseCell.ts';
export {
  cellValue,
  type DecodedTable,
  type DecodeTableOptions,
  decodeTable,
  decodeText,
  isZip,
  TableFileError,
  type TableFileIssue,
  type TableFormat,
  tableFormatOf,
} from './readTable.ts';
export { NOTES_HEADER, type Sheet, type TemplateWorkbook, templateWorkbook } from './templates.ts';
export {
  foldHeader,
  type ImportIssue,
  type ImportTable,
  type NormalisedRecord,
  type ValidationContext,
  type ValidationResult,
  validateRows,
  type ZoneRef,
} from './validateRows.ts';
