/**
 * Read a CSV or XLSX file into rows of cells (the shape `frameworkFromMeta` / `tablesFromData`
 * take). The bytes are decoded by the registry's `decodeTable` (shared with the API's uploads):
 * CSV in UTF-8 (BOM or not), UTF-16 LE or GB18030/GBK; XLSX: the first sheet, or `file.xlsx#Sheet`.
 */
import { readFile, stat } from 'node:fs/promises';
import type { TableRow } from '@kechuang/index-engine';
import {
  decodeTable,
  decodeTableIncrementally,
  TableFileError,
  tableFormatOf,
} from '@kechuang/registry';
import { CliInputError, fileError } from '../errors.ts';

export { cellValue, decodeText } from '@kechuang/registry';

export type Table = {
  /** The file as the user named it (with `#Sheet` if given). */
  file: string;
  /** Path on disk. */
  path: string;
  /** XLSX: the sheet read. */
  sheet?: string;
  /** CSV: the encoding detected. */
  encoding?: 'utf-8' | 'utf-16le' | 'gb18030';
  header: string[];
  rows: TableRow[];
  /** Row of `rows[i]` as a spreadsheet shows it (the header is usually row 1; blank rows skipped). */
  rowNumbers: number[];
  /** Read with `incremental`: rows still arriving (see the registry's `ImportTable.more`). */
  more?: () => Promise<boolean>;
};

/** Split `file.xlsx#Sheet` into path and sheet name. */
export function splitSheet(file: string): { path: string; sheet?: string } {
  const hash = file.lastIndexOf('#');
  if (hash > 0 && /\.xlsx$/i.test(file.slice(0, hash))) {
    return { path: file.slice(0, hash), sheet: file.slice(hash + 1) };
  }
  return { path: file };
}

/** Options of {@link readTable}. */
export type ReadTableOptions = {
  /** Refuse CSV bytes that decode neither as UTF-8 nor as GB18030 (or a binary file). */
  strictEncoding?: boolean;
  /**
   * CSV: resolve once the header is read, with rows that grow and `more()` (an import checks
   * and writes the first rows while the rest are parsed; a later error rejects `more()`).
   */
  incremental?: boolean;
};

/** Read a table; throws {@link CliInputError} for a missing, unreadable or malformed file. */
export async function readTable(file: string, options: ReadTableOptions = {}): Promise<Table> {
  const { path, sheet } = splitSheet(file);
  await checkFile(file, path);
  try {
    const bytes = await readFile(path);
    const decodeOptions = {
      format: tableFormatOf(path),
      sheet,
      strictEncoding: options.strictEncoding,
    };
    if (!options.incremental) return { file, path, ...(await decodeTable(bytes, decodeOptions)) };
    const { more, ...table } = await decodeTableIncrementally(bytes, decodeOptions);
    if (!more) return { file, path, ...table };
    return {
      file,
      path,
      ...table,
      more: () => more().catch((err: unknown) => inputError(file, err)),
    };
  } catch (err) {
    return inputError(file, err);
  }
}

/** Throws a file's TableFileError as a CliInputError naming the file; other errors as they are. */
function inputError(file: string, err: unknown): never {
  if (err instanceof TableFileError) {
    throw new CliInputError(err.issues.map((i) => ({ file, ...i })));
  }
  throw err;
}

async function checkFile(file: string, path: string): Promise<void> {
  try {
    const s = await stat(path);
    if (!s.isFile()) {
      throw fileError(file, '不是文件（可能是目录）', 'is not a file (a directory?)');
    }
  } catch (err) {
    if (err instanceof CliInputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw fileError(file, '文件不存在', 'file not found');
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw fileError(file, '没有读取权限', 'permission denied');
    }
    throw err;
  }
}
