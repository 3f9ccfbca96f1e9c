import { bilingual, StepError } from '../errors.ts';
import { aggregateGroup } from '../methods/aggregators.ts';
import type { AggregateMethod, AggregateStep, Dataset, WeightSet } from '../types.ts';
import { type BuildContext, weightsOf } from './context.ts';

/**
 * Aggregate level by level up to the index (COINr `Aggregate`): each level is computed from the
 * level below, members weighted by the weight set. `method`, `p` and `minDataShare` may be
 * given once or per aggregation level (from level 2 up). The output holds the indicators and
 * every aggregate.
 */
export function aggregate(
  ctx: BuildContext,
  input: Dataset,
  step: AggregateStep,
  weights: WeightSet,
): Dataset {
  const { tree } = ctx;
  const columns = new Map<string, Float64Array>();
  for (const code of tree.indicators) {
    const col = input.columns.get(code);
    if (col) columns.set(code, col);
  }
  for (let level = 2; level <= tree.maxLevel; level++) {
    const method = perLevel(step.method, level, 'method') as AggregateMethod;
    const p = perLevel(step.p, level, 'p') as number | undefined;
    const minDataShare = perLevel(step.minDataShare, level, 'minDataShare') as number | undefined;
    for (const parent of tree.levels[level] ?? []) {
      const members = (tree.children.get(parent) ?? []).filter((c) => columns.has(c));
      if (members.length === 0) {
        columns.set(parent, new Float64Array(input.unitCodes.length).fill(Number.NaN));
        continue;
      }
      columns.set(
        parent,
        aggregateGroup(
          {
            parent,
            members,
            columns: members.map((c) => columns.get(c) as Float64Array),
            weights: weightsOf(weights, members),
            unitCodes: input.unitCodes,
          },
          method,
          { p, minDataShare },
        ),
      );
    }
  }
  return { unitCodes: input.unitCodes, columns };
}

function perLevel<T>(value: T | T[] | undefined, level: number, name: string): T | undefined {
  if (!Array.isArray(value)) return value;
  const v = value[level - 2];
  if (v === undefined) {
    throw new StepError({
      field: name,
      message: bilingual(
        `汇总参数 ${name} 给出 ${value.length} 个值，但第 ${level} 层没有对应值`,
        `aggregate ${name} lists ${value.length} values but none for level ${level}`,
      ),
    });
  }
  return v;
}
