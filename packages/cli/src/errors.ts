/**
 * Errors the CLI reports to users: every problem names the file and, where known, the row and
 * column, in Chinese and English. Anything else is an unexpected error (a bug).
 */

/** One problem located in a user's file. `row` is the row a spreadsheet shows (header = row 1). */
export type FileIssue = {
  /** The file as the user named it; absent for problems with options. */
  file?: string;
  /** Row as Excel shows it (header = row 1). JSON files use `line` instead. */
  row?: number;
  /** Text line and character (1-based), for JSON syntax errors. */
  line?: number;
  character?: number;
  /** Column (field) name. */
  column?: string;
  /** Unit concerned, when the row alone does not say it (e.g. a step that failed). */
  unit?: string;
  zh: string;
  en: string;
};

/** A user error: wrong input or options. The CLI prints the issues and exits with code 2. */
export class CliInputError extends Error {
  readonly issues: FileIssue[];
  constructor(issues: FileIssue[]) {
    super(issues.map((i) => `${i.file ?? ''}: ${i.zh} / ${i.en}`).join('\n'));
    this.name = 'CliInputError';
    this.issues = issues;
  }
}

/** Shorthand for a single-issue user error. */
export function fileError(
  file: string | undefined,
  zh: string,
  en: string,
  where: Partial<FileIssue> = {},
) {
  return new CliInputError([{ file, zh, en, ...where }]);
}
