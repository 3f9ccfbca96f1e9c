/**
 * Uncertainty and sensitivity through the CLI on worker threads (what users run), ASEM data,
 * the four alternatives of COINr's sensitivity vignette. Includes writing the result files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analysisCommand } from '../packages/cli/src/commands/indexAnalysis.ts';
import { defaultWorkers } from '../packages/cli/src/io/workerPool.ts';
import {
  ASEM_DIR,
  ASEM_UA_SPEC,
  VIGNETTE_ALTERNATIVES,
} from '../packages/index-engine/test/asemFixture.ts';
import type { BenchResult } from './indexEngine.bench.ts';

export async function benchCliAnalysis(kind: 'UA' | 'SA'): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kechuang-bench-'));
  try {
    const spec = join(dir, 'spec.json');
    const alternatives = join(dir, 'alt.json');
    writeFileSync(spec, JSON.stringify(ASEM_UA_SPEC));
    writeFileSync(alternatives, JSON.stringify({ alternatives: VIGNETTE_ALTERNATIVES }));
    const r = await analysisCommand(kind, {
      meta: join(ASEM_DIR, 'asem_iMeta.csv'),
      data: join(ASEM_DIR, 'asem_iData.csv'),
      spec,
      alternatives,
      out: join(dir, 'out'),
      n: 1000,
      seed: 1,
      bootstrap: kind === 'SA' ? 100 : undefined,
    });
    const what = kind === 'UA' ? 'Uncertainty N=1000' : 'Sobol N=1000, d=4 (6,000 rebuilds)';
    return {
      name: `${what}, CLI on ${defaultWorkers()} worker threads (incl. startup and files)`,
      value: r.seconds,
      unit: 's',
      goal: kind === 'UA' ? '≤ 2' : '≤ 10',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
