/**
 * Import templates (导入模板) as data: a data sheet with the Chinese headers and one example row,
 * and a '说明 / Notes' sheet describing every column in Chinese and English (meaning, type, unit,
 * required, allowed values). The CLI writes them as XLSX, or the data sheet as CSV with a BOM.
 */
import type { ColumnType, ImportColumn, ImportKind, Text } from './importKind.ts';

/** A sheet as rows of text cells (first row = header). */
export type Sheet = { name: string; rows: string[][] };

/** A template: the data sheet first, then the notes. */
export type TemplateWorkbook = { kind: string; sheets: [data: Sheet, notes: Sheet] };

const TYPE_LABELS: Record<ColumnType, Text> = {
  text: { zh: '文本', en: 'text' },
  textList: { zh: '文本列表（用“；”分隔）', en: 'list of texts (separated by ";")' },
  integer: { zh: '整数', en: 'whole number' },
  decimal: { zh: '数值', en: 'number' },
  date: { zh: '日期（YYYY-MM-DD 或 YYYY/M/D）', en: 'date (YYYY-MM-DD or YYYY/M/D)' },
  enum: { zh: '代码表中的值', en: 'a value of the code list' },
  uscc: { zh: '统一社会信用代码', en: 'unified social credit code' },
  region: { zh: '区县（代码或名称）', en: 'region (code or name)' },
  zone: { zh: '功能区（代码或名称）', en: 'functional zone (code or name)' },
  boolean: { zh: '是/否', en: 'yes/no (是/否)' },
};

/** The header of notes: column, English header, meaning, type, unit, required, allowed values. */
export const NOTES_HEADER = [
  '列名 Column',
  '英文列名 English header',
  '说明',
  'Description',
  '类型 Type',
  '单位 Unit',
  '必填 Required',
  '可选值 Allowed values',
  '示例 Example',
];

function allowed(column: ImportColumn): string {
  if (!column.values) return '';
  return column.values.map((v) => `${v.zh}（${v.code}${v.en ? `, ${v.en}` : ''}）`).join('；');
}

function notesRow(column: ImportColumn): string[] {
  const type = TYPE_LABELS[column.type];
  return [
    column.zh,
    column.en,
    column.description.zh,
    column.description.en,
    `${type.zh} / ${type.en}`,
    column.unit ? `${column.unit.zh} / ${column.unit.en}` : '',
    column.required ? '是 / yes' : '否 / no',
    allowed(column),
    column.example,
  ];
}

/** The template of a kind: Chinese headers and an example row; notes for every column. */
export function templateWorkbook(kind: ImportKind): TemplateWorkbook {
  const keys = kind.key.map((f) => kind.columns.find((c) => c.field === f)?.zh ?? f).join('＋');
  return {
    kind: kind.name,
    sheets: [
      {
        name: kind.zh,
        rows: [kind.columns.map((c) => c.zh), kind.columns.map((c) => c.example)],
      },
      {
        name: '说明 Notes',
        rows: [
          NOTES_HEADER,
          ...kind.columns.map(notesRow),
          [],
          [
            `${kind.zh}：每行以“${keys}”识别，重复导入同一文件不会改变数据；第 2 行为示例，导入前请删除。表头可用中文或英文。`,
          ],
          [
            `${kind.en}: rows are identified by ${kind.key.join(' + ')}; re-importing a file changes nothing. Row 2 is an example: delete it before importing. Headers may be Chinese or English.`,
          ],
        ],
      },
    ],
  };
}
