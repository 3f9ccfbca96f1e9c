/**
 * @module @kechuang/cli
 * The `kechuang` command, usable in-process: `runCli(argv)`, `buildIndexCommand(options)`,
 * and the readers and writers of COINr-style tables.
 */
export { createProgram, handleError, runCli } from './cli.ts';
export {
  type BuildIndexOptions,
  type BuildIndexResult,
  buildIndexCommand,
} from './commands/indexBuild.ts';
export { CliInputError, type FileIssue } from './errors.ts';
export { formatIssue, formatIssues, issuesFromError } from './io/formatIssues.ts';
export { readSpecFile, resolveSpec } from './io/readSpec.ts';
export { readTable, type Table } from './io/readTable.ts';
export { datasetCsv, writeDatasets } from './io/writeDatasets.ts';
export { aggregateRanks, rankingLines } from './ranking.ts';
