/**
 * Entry point of the `kechuang` command: `npx tsx packages/cli/src/main.ts …`,
 * `npm run kechuang -- …` or `npx kechuang …` (bin/kechuang.js).
 */
import { runCli } from './cli.ts';

process.exitCode = await runCli(process.argv);
