/**
 * Child process for the lock test: opens the registry in argv[2], prints "ready", and holds it
 * until stdin closes or it is killed.
 */
import { openDatabase } from '../src/index.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: holdDataDir.ts <dataDir>');
const registry = await openDatabase({ dataDir, command: 'holdDataDir (lock test)' });
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', async () => {
  await registry.close();
  process.exit(0);
});
