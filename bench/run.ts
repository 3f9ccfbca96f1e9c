/** `npm run bench`: runs every benchmark and prints a table (numbers only, no pass/fail). */
import {
  benchAsemBuild,
  benchPanel,
  benchSensitivity,
  benchUncertainty,
} from './indexEngine.bench.ts';

const only = process.argv[2];
const benches = {
  asem: benchAsemBuild,
  uncertainty: benchUncertainty,
  sensitivity: benchSensitivity,
  panel: benchPanel,
};
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  const r = run();
  console.log(
    `${r.name.padEnd(90)} ${r.value.toFixed(3).padStart(9)} ${r.unit.padEnd(9)} goal ${r.goal}`,
  );
}
