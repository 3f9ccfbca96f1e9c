import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createIndex, DATASET_NAMES, runIndex } from '../src/index.ts';
import {
  ASEM_DIR,
  ASEM_SPEC,
  asemFramework,
  asemTable,
  compareDatasets,
  expectedDataset,
  readCsv,
} from './asemFixture.ts';

describe('ASEM pipeline reproduces COINr 1.1.14 step by step (relative difference ≤ 1e-9)', () => {
  const framework = asemFramework();
  const input = createIndex(framework, asemTable(framework));
  const build = runIndex(input, ASEM_SPEC);
  for (const name of DATASET_NAMES) {
    test(`${name} matches COINr`, () => {
      const actual = build.datasets[name];
      expect(actual).toBeDefined();
      const { maxRelDiff, problems } = compareDatasets(
        actual as NonNullable<typeof actual>,
        expectedDataset(name),
      );
      expect(problems).toEqual([]);
      expect(maxRelDiff).toBeLessThanOrEqual(1e-9);
      // The achieved precision is worth seeing in CI logs.
      console.log(`${name}: max relative difference ${maxRelDiff.toExponential(2)}`);
    });
  }

  test("each step alone, fed COINr's previous output, matches COINr", () => {
    // Feeding the expected input of each step isolates a mismatch to one step.
    const steps = ASEM_SPEC.steps;
    const names = DATASET_NAMES;
    steps.forEach((step, i) => {
      const from = expectedDataset(names[i] as string);
      const single = runIndex({ ...input, raw: from }, { steps: [step] });
      const out = single.states[0]?.dataset;
      const { maxRelDiff, problems } = compareDatasets(
        out as NonNullable<typeof out>,
        expectedDataset(names[i + 1] as string),
      );
      expect(problems, step.step).toEqual([]);
      expect(maxRelDiff, step.step).toBeLessThanOrEqual(1e-9);
    });
  });

  test("treatment details match COINr's Dets_Table for all 49 indicators", () => {
    const rows = readCsv(join(ASEM_DIR, 'expected', 'treat_details.csv'));
    expect(rows.length).toBe(49);
    for (const row of rows) {
      const d = build.details.treat?.find((t) => t.code === row.iCode);
      expect(d, String(row.iCode)).toBeDefined();
      expect(String(d?.before.pass).toUpperCase()).toBe(row['check_SkewKurt0.Pass']);
      expect(d?.before.skew).toBeCloseTo(Number(row['check_SkewKurt0.Skew']), 10);
      expect(d?.before.kurtosis).toBeCloseTo(Number(row['check_SkewKurt0.Kurt']), 10);
      if (row['winsorise.nwin'] === '') {
        expect(d?.applied).toBe('none');
      } else {
        expect(d?.applied).toBe('winsorise');
        expect(d?.winsorised).toBe(Number(row['winsorise.nwin']));
        expect(String(d?.afterFirst?.pass).toUpperCase()).toBe(row['check_SkewKurt1.Pass']);
        expect(d?.afterFirst?.skew).toBeCloseTo(Number(row['check_SkewKurt1.Skew']), 10);
        expect(d?.afterFirst?.kurtosis).toBeCloseTo(Number(row['check_SkewKurt1.Kurt']), 10);
      }
    }
    expect((build.details.treat ?? []).filter((d) => d.applied === 'winsorise').length).toBe(15);
  });

  test('top five by Index are CHE, NLD, DNK, NOR, BEL', () => {
    const agg = build.datasets.Aggregated;
    const index = agg?.columns.get('Index') as Float64Array;
    const order = [...(agg?.unitCodes ?? [])]
      .map((u, i) => [u, index[i] as number] as const)
      .sort((a, b) => b[1] - a[1]);
    expect(order.slice(0, 5).map((o) => o[0])).toEqual(['CHE', 'NLD', 'DNK', 'NOR', 'BEL']);
    expect(order[0]?.[1]).toBeCloseTo(68.38, 2);
  });
});
