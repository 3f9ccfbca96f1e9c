/**
 * Turn the engine's {@link IndexInputError} issues into lines that name the file, the row, the
 * column and the reason, in Chinese and then English:
 * `文件 data.csv 第 3 行 LPI 列：“abc”不是数字 / data.csv row 3, column LPI: "abc" is not a number`.
 */
import type { IndexInputError, InputIssue } from '@kechuang/index-engine';
import type { FileIssue } from '../errors.ts';

/** Where an engine issue sits in the user's files. */
export type Locator = (issue: InputIssue) => Omit<FileIssue, 'zh' | 'en'>;

/** Locate every issue of an engine error and strip row/column prefixes the location repeats. */
export function issuesFromError(error: IndexInputError, locate: Locator): FileIssue[] {
  return error.issues.map((issue) => {
    const where = locate(issue);
    return {
      ...where,
      zh: stripLocationZh(issue.message.zh),
      en: stripLocationEn(issue.message.en),
    };
  });
}

/** Drop a leading `第 3 行 LPI 列：` (the location is printed separately). */
function stripLocationZh(message: string): string {
  return message.replace(/^第 \d+ 行 \S+ 列[：:]\s*/, '').replace(/^第 \d+ 行(?=缺少)/, '');
}

/** Drop a leading `row 3, column LPI: ` or `row 3: `. */
function stripLocationEn(message: string): string {
  return message.replace(/^row \d+(?:, column [^:]+)?:\s*/, '');
}

/** One issue as one line, Chinese first. */
export function formatIssue(issue: FileIssue): string {
  if (issue.file === undefined) return `${issue.zh} / ${issue.en}`;
  let zh = `文件 ${issue.file}`;
  let en = issue.file;
  if (issue.line !== undefined) {
    zh += ` 第 ${issue.line} 行`;
    en += ` line ${issue.line}`;
    if (issue.character !== undefined) {
      zh += `第 ${issue.character} 个字符`;
      en += `, character ${issue.character}`;
    }
  } else if (issue.row !== undefined) {
    zh += ` 第 ${issue.row} 行`;
    en += ` row ${issue.row}`;
  }
  if (issue.column !== undefined) {
    zh += ` ${issue.column} 列`;
    en += `, column ${issue.column}`;
  }
  if (issue.unit !== undefined) {
    zh += `（单元 ${issue.unit}）`;
    en += ` (unit ${issue.unit})`;
  }
  return `${zh}：${issue.zh} / ${en}: ${issue.en}`;
}

/** All issues, preceded by a count. */
export function formatIssues(issues: readonly FileIssue[]): string[] {
  const n = issues.length;
  return [
    `发现 ${n} 个问题 / ${n} problem${n === 1 ? '' : 's'} found:`,
    ...issues.map(formatIssue),
  ];
}
