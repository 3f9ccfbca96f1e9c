import { bilingual, IndexInputError, type InputIssue } from './errors.ts';
import { compileFramework } from './framework.ts';
import type { BuildContext } from './steps/context.ts';
import type { Dataset, Framework, UnitTable, WeightSet } from './types.ts';

/** A framework and one time point's data, validated and ready for the pipeline (≈ new_coin). */
export type IndexInput = {
  ctx: BuildContext;
  raw: Dataset;
  /** The framework's weights ('Original' set). */
  weights: WeightSet;
};

/**
 * Validate a framework and a data table together (COINr `new_coin`): structure, duplicate unit
 * codes, every indicator present with one value per unit, denominators present. Throws an
 * {@link IndexInputError} listing every problem.
 */
export function createIndex(framework: Framework, table: UnitTable): IndexInput {
  const tree = compileFramework(framework);
  const issues: InputIssue[] = [];
  const unitIndex = new Map<string, number>();
  table.units.forEach((u, i) => {
    if (unitIndex.has(u.code)) {
      issues.push({
        kind: 'duplicateUnit',
        unit: u.code,
        field: 'uCode',
        message: bilingual(`单元代码重复：${u.code}`, `duplicate unit code: ${u.code}`),
      });
    }
    unitIndex.set(u.code, i);
  });
  const n = table.units.length;
  const columns = new Map<string, Float64Array>();
  for (const code of tree.indicators) {
    const col = table.indicators[code];
    if (!col) {
      issues.push({
        kind: 'missingColumn',
        node: code,
        field: code,
        message: bilingual(
          `数据中缺少指标列 ${code}`,
          `indicator column ${code} is missing from the data`,
        ),
      });
    } else if (col.length !== n) {
      issues.push({
        kind: 'lengthMismatch',
        node: code,
        field: code,
        message: bilingual(
          `指标 ${code} 有 ${col.length} 个值，应有 ${n} 个`,
          `indicator ${code} has ${col.length} values; expected ${n}`,
        ),
      });
    } else columns.set(code, col);
  }
  const denominators = table.denominators ?? {};
  for (const code of tree.indicators) {
    const d = tree.byCode.get(code)?.denominator;
    if (d && !denominators[d]) {
      issues.push({
        kind: 'unknownDenominator',
        node: code,
        field: 'Denominator',
        message: bilingual(
          `${code} 的分母 ${d} 不在数据中`,
          `${code}: denominator ${d} is not in the data`,
        ),
      });
    }
  }
  if (issues.length > 0) throw new IndexInputError(issues);
  const weights: WeightSet = {};
  for (const node of framework.nodes) weights[node.code] = node.weight;
  return {
    ctx: { tree, units: table.units, unitIndex, denominators, time: table.time },
    raw: { unitCodes: table.units.map((u) => u.code), columns },
    weights,
  };
}
