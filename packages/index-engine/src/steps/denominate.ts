import { bilingual, IndexInputError, type InputIssue } from '../errors.ts';
import type { Dataset, DenominateStep } from '../types.ts';
import type { BuildContext } from './context.ts';

/**
 * Divide indicators by their denominators (COINr `Denominate`): x / (d / s), computed in COINr's
 * order (d / s first). A missing denominator gives NaN; a zero one gives ±Infinity (or NaN).
 */
export function denominate(ctx: BuildContext, input: Dataset, step: DenominateStep): Dataset {
  const pairs = step.denominators ?? defaultPairs(ctx);
  const issues: InputIssue[] = [];
  const columns = new Map(input.columns);
  const rows = input.unitCodes.map((u) => ctx.unitIndex.get(u) as number);
  for (const [code, denomCode] of Object.entries(pairs)) {
    const x = input.columns.get(code);
    const d = ctx.denominators[denomCode];
    if (!x || !d) {
      issues.push({
        kind: x ? 'unknownDenominator' : 'missingColumn',
        node: code,
        field: 'Denominator',
        message: x
          ? bilingual(
              `${code} 的分母 ${denomCode} 不在数据中`,
              `${code}: denominator ${denomCode} is not in the data`,
            )
          : bilingual(
              `要除以分母的指标 ${code} 不在数据中`,
              `indicator ${code} to denominate is not in the data`,
            ),
      });
      continue;
    }
    const s = step.scaleFactors?.[code] ?? 1;
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++)
      out[i] = (x[i] as number) / ((d[rows[i] as number] as number) / s);
    columns.set(code, out);
  }
  if (issues.length > 0) throw new IndexInputError(issues);
  return { unitCodes: input.unitCodes, columns };
}

function defaultPairs(ctx: BuildContext): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const code of ctx.tree.indicators) {
    const d = ctx.tree.byCode.get(code)?.denominator;
    if (d) pairs[code] = d;
  }
  return pairs;
}
