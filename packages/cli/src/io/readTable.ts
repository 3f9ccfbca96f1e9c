/**
 * Read a CSV or XLSX file into rows of cells (the shape `frameworkFromMeta` / `tablesFromData`
 * take). The bytes are decoded by the registry's `decodeTable` (shared with the API's uploads):
 * CSV in UTF-8 (BOM or not), UTF-16 LE or GB18030/GBK; XLSX: the first sheet, or `file.xlsx#Sheet`.
 */
import { readFile, stat } from 'node:fs/promises';
import type { TableRow } from '@kechuang/index-engine';
import { decodeTable, TableFileError, tableFormatOf } from '@kechuang/registry';
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
};

/** Split `file.xlsx#Sheet` into path and sheet name. */
export function splitSheet(file: string): { path: string; sheet?: string } {
  const hash = file.lastIndexOf('#');
  if (hash > 0 && /\.xlsx$/i.test(file.slice(0, hash))) {
    return { path: file.slice(0, hash), sheet: file.slice(hash + 1) };
  }
  return { path: file };
}

/** Read a table; throws {@link CliInputError} for a missing, unreadable or malformed file. */
export async function readTable(file: string): Promise<Table> {
  const { path, sheet } = splitSheet(file);
  await checkFile(file, path);
  try {
    const format = tableFormatOf(path);
    const table = await decodeTable(await readFile(path), { format, sheet });
    return { file, path, ...table };
  } catch (err) {
    if (err instanceof TableFileError) {
      throw new CliInputError(err.issues.map((i) => ({ file, ...i })));
    }
    throw err;
  }
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
