import { normaliseColumn } from '../methods/normalisers.ts';
import type { Dataset, NormaliseStep } from '../types.ts';
import { type BuildContext, unitsOf } from './context.ts';

/**
 * Bring indicators to a common scale (COINr `Normalise`). Each indicator is multiplied by its
 * direction first, so every method sees "higher is better"; `overrides` replace the step's
 * method for single indicators, as COINr's `indiv_specs` do. Default: minMax to [0, 100].
 */
export function normalise(ctx: BuildContext, input: Dataset, step: NormaliseStep): Dataset {
  const columns = new Map(input.columns);
  const referenceRow = findReferenceRow(ctx, input, step.reference);
  for (const code of ctx.tree.indicators) {
    const raw = input.columns.get(code);
    if (!raw) continue;
    const node = ctx.tree.byCode.get(code);
    const direction = node?.direction ?? 1;
    const spec = step.overrides?.[code] ?? step;
    const x = direction === 1 ? raw : raw.map((v) => -v);
    columns.set(
      code,
      normaliseColumn(x, spec, {
        code,
        direction,
        raw,
        target: node?.target,
        standard: node?.standard,
        referenceRow,
      }),
    );
  }
  return { unitCodes: input.unitCodes, columns };
}

function findReferenceRow(
  ctx: BuildContext,
  input: Dataset,
  reference?: string,
): number | undefined {
  if (reference !== undefined) {
    const i = input.unitCodes.indexOf(reference);
    return i < 0 ? undefined : i;
  }
  const i = unitsOf(ctx, input.unitCodes).findIndex((u) => u.isReference);
  return i < 0 ? undefined : i;
}
