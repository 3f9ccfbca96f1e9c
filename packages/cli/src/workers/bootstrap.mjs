// Worker entry in plain JavaScript: loads the TypeScript worker through tsx, because a
// worker's own entry is not seen by loader hooks passed with --import on Node 20.
import { tsImport } from 'tsx/esm/api';

await tsImport('./replicationWorker.ts', import.meta.url);
