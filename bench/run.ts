/** `npm run bench`: runs every benchmark and prints a table (numbers only, no pass/fail). */
import { benchApi } from './api.bench.ts';
import { benchCliAnalysis } from './cliAnalysis.bench.ts';
import {
  type BenchResult,
  benchAsemBuild,
  benchPanel,
  benchSensitivity,
  benchUncertainty,
} from './indexEngine.bench.ts';
import { benchQualification } from './qualification.bench.ts';
import { benchRegistryDerive, benchRegistryImport } from './registry.bench.ts';
import { benchWeb } from './web.bench.ts';

const benches: Record<
  string,
  () => BenchResult | BenchResult[] | Promise<BenchResult | BenchResult[]>
> = {
  asem: benchAsemBuild,
  uncertainty: benchUncertainty,
  sensitivity: benchSensitivity,
  panel: benchPanel,
  cliUncertainty: () => benchCliAnalysis('UA'),
  cliSensitivity: () => benchCliAnalysis('SA'),
  registryImport: benchRegistryImport,
  registryDerive: benchRegistryDerive,
  api: benchApi,
  qualification: benchQualification,
  web: benchWeb,
};
const only = process.argv[2];
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  for (const r of [await run()].flat()) {
    console.log(
      `${r.name.padEnd(92)} ${r.value.toFixed(3).padStart(9)} ${r.unit.padEnd(9)} goal ${r.goal}`,
    );
  }
}
