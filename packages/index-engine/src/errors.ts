import type { Names } from './types.ts';

/**
 * One problem found in the input: machine code, bilingual message and where it is.
 * Readers of files (the CLI, the registry) map `node` / `unit` / `field` to rows and columns.
 */
export type InputIssue = {
  kind:
    | 'duplicateCode'
    | 'unknownParent'
    | 'cycle'
    | 'levelMismatch'
    | 'rootCount'
    | 'negativeWeight'
    | 'invalidWeight'
    | 'invalidDirection'
    | 'duplicateUnit'
    | 'missingColumn'
    | 'lengthMismatch'
    | 'unknownDenominator'
    | 'unknownGroup'
    | 'invalidSpec'
    | 'nonNumeric'
    | 'missingValue'
    | 'unknownType'
    | 'stepFailed';
  message: Names & { zh: string; en: string };
  /** Framework code concerned. */
  node?: string;
  /** Unit code concerned. */
  unit?: string;
  /** Field (column) concerned, e.g. 'Parent', 'Weight'. */
  field?: string;
  /** 1-based data row (the header is row 0) when the input came from a table. */
  row?: number;
};

/** Thrown when a framework, data table or spec cannot be used; carries every issue found. */
export class IndexInputError extends Error {
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[]) {
    super(issues.map((i) => `${i.message.zh} / ${i.message.en}`).join('\n'));
    this.name = 'IndexInputError';
    this.issues = issues;
  }
}

/** Thrown when a step cannot run on the data (e.g. a geometric mean of a zero). */
export class StepError extends IndexInputError {
  constructor(issue: Omit<InputIssue, 'kind'>) {
    super([{ kind: 'stepFailed', ...issue }]);
    this.name = 'StepError';
  }
}

/** Shorthand for a bilingual message. */
export function bilingual(zh: string, en: string): { zh: string; en: string } {
  return { zh, en };
}
