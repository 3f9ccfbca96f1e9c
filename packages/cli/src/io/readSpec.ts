/**
 * Read a spec JSON file. Syntax errors name the file, line and character; `"weights"` (and any
 * entry of `"weightSets"`) may be a path to a CSV/XLSX of iCode, Weight relative to the spec file,
 * resolved here into a code → weight object for the engine.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import {
  type Framework,
  IndexInputError,
  type IndexSpec,
  parseNumber,
  validateSpec,
  type WeightSet,
} from '@kechuang/index-engine';
import { CliInputError, type FileIssue, fileError } from '../errors.ts';
import { decodeText, readTable, type Table } from './readTable.ts';

/** A spec as read: the raw JSON value and where it came from. */
export type SpecFile = { file: string; json: unknown };

/** Read and parse a spec file. */
export async function readSpecFile(file: string): Promise<SpecFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw fileError(file, '文件不存在', 'file not found');
    if (code === 'EISDIR')
      throw fileError(file, '不是文件（是目录）', 'is a directory, not a file');
    throw err;
  }
  const { text } = decodeText(bytes);
  try {
    return { file, json: JSON.parse(text) };
  } catch (err) {
    const message = (err as Error).message;
    const position = jsonErrorPosition(message, text);
    const { line, character } = lineAndCharacter(text, position);
    throw new CliInputError([
      {
        file,
        line,
        character,
        zh: `JSON 语法错误（${message}）`,
        en: `invalid JSON (${message})`,
      },
    ]);
  }
}

/** The character offset of a JSON.parse error (V8 messages), or the end of the text. */
function jsonErrorPosition(message: string, text: string): number {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    const lines = text.split('\n');
    const before = lines.slice(0, Number(lc[1]) - 1).reduce((s, l) => s + l.length + 1, 0);
    return before + Number(lc[2]) - 1;
  }
  return text.length;
}

function lineAndCharacter(text: string, position: number): { line: number; character: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const character = position - (before.lastIndexOf('\n') + 1) + 1;
  return { line, character };
}

/** Where each weight came from, to map engine issues about `weights.CODE` back to a file row. */
export type WeightOrigin = { table: Table; rowOfCode: Map<string, number> };

export type ResolvedSpec = {
  spec: IndexSpec;
  /** Origins of weights read from files: 'weights' or 'weightSets.NAME'. */
  weightFiles: Map<string, WeightOrigin>;
};

/**
 * Resolve weight files and check the spec with the engine's `validateSpec`. Issues name the
 * spec file, or the weights file and its row for weights read from a table.
 */
export async function resolveSpec(
  specFile: SpecFile,
  framework?: Framework,
): Promise<ResolvedSpec> {
  const { file, json } = specFile;
  const issues: FileIssue[] = [];
  const weightFiles = new Map<string, WeightOrigin>();
  const known = framework ? new Set(framework.nodes.map((n) => n.code)) : undefined;
  const resolved = isObject(json) ? { ...json } : json;
  if (isObject(resolved)) {
    const load = async (key: string, value: unknown): Promise<unknown> => {
      if (typeof value === 'string') {
        const path = isAbsolute(value) ? value : join(dirname(file), value);
        try {
          const { weights, origin } = await readWeights(path, known);
          weightFiles.set(key, origin);
          return weights;
        } catch (err) {
          if (err instanceof CliInputError) issues.push(...err.issues);
          else throw err;
          return {};
        }
      }
      if (isObject(value) && known) {
        for (const code of Object.keys(value)) {
          if (!known.has(code)) {
            issues.push({
              file,
              zh: `${key}.${code}：框架中没有代码 ${code}`,
              en: `${key}.${code}: there is no code ${code} in the framework`,
            });
          }
        }
      }
      return value;
    };
    if (resolved.weights !== undefined) resolved.weights = await load('weights', resolved.weights);
    if (isObject(resolved.weightSets)) {
      const sets: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(resolved.weightSets)) {
        sets[name] = await load(`weightSets.${name}`, value);
      }
      resolved.weightSets = sets;
    }
  }
  let spec: IndexSpec | undefined;
  try {
    spec = validateSpec(resolved);
  } catch (err) {
    if (!(err instanceof IndexInputError)) throw err;
    for (const issue of err.issues) {
      const m = /^weights\.(.+)$/.exec(issue.field ?? '');
      const origin = m ? weightFiles.get('weights') : undefined;
      const row = m && origin ? origin.rowOfCode.get(m[1] as string) : undefined;
      if (origin && row !== undefined) {
        issues.push({
          file: origin.table.file,
          row,
          column: 'Weight',
          zh: issue.message.zh.replace(/^weights\.[^：]+：/, ''),
          en: issue.message.en.replace(/^weights\.[^:]+:\s*/, ''),
        });
      } else issues.push({ file, zh: issue.message.zh, en: issue.message.en });
    }
  }
  if (issues.length > 0 || !spec) throw new CliInputError(issues);
  return { spec, weightFiles };
}

/** Read a weights table (columns iCode and Weight). */
async function readWeights(
  path: string,
  known: ReadonlySet<string> | undefined,
): Promise<{ weights: WeightSet; origin: WeightOrigin }> {
  const table = await readTable(path);
  const issues: FileIssue[] = [];
  for (const column of ['iCode', 'Weight']) {
    if (!table.header.includes(column)) {
      issues.push({
        file: table.file,
        row: 1,
        zh: `缺少列 ${column}（权重表须有 iCode 和 Weight 两列）`,
        en: `missing column ${column} (a weights table needs iCode and Weight)`,
      });
    }
  }
  if (issues.length > 0) throw new CliInputError(issues);
  const weights: WeightSet = {};
  const rowOfCode = new Map<string, number>();
  table.rows.forEach((r, i) => {
    const row = table.rowNumbers[i] as number;
    const code = String(r.iCode ?? '').trim();
    const at = { file: table.file, row };
    if (!code) {
      issues.push({ ...at, column: 'iCode', zh: 'iCode 为空', en: 'iCode is empty' });
      return;
    }
    if (rowOfCode.has(code)) {
      issues.push({
        ...at,
        column: 'iCode',
        zh: `${code} 与第 ${rowOfCode.get(code)} 行重复`,
        en: `${code} duplicates row ${rowOfCode.get(code)}`,
      });
    }
    if (known && !known.has(code)) {
      issues.push({
        ...at,
        column: 'iCode',
        zh: `框架中没有代码 ${code}`,
        en: `there is no code ${code} in the framework`,
      });
    }
    const w = parseNumber(r.Weight);
    if (w === undefined || Number.isNaN(w)) {
      issues.push({
        ...at,
        column: 'Weight',
        zh: `“${String(r.Weight ?? '')}”不是数字`,
        en: `"${String(r.Weight ?? '')}" is not a number`,
      });
    }
    rowOfCode.set(code, row);
    if (w !== undefined && !Number.isNaN(w)) weights[code] = w;
  });
  if (issues.length > 0) throw new CliInputError(issues);
  return { weights, origin: { table, rowOfCode } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
