/**
 * Worker thread for uncertainty and sensitivity runs: receives the plain framework, table and
 * prepared analysis once, then ranges of design rows, and returns their replication blocks.
 * One pipeline cache per worker, so shared step prefixes are computed once per worker.
 */
import { parentPort } from 'node:worker_threads';
import {
  createIndex,
  type Framework,
  type IndexInput,
  PipelineCache,
  type PreparedAnalysis,
  runReplications,
  type UnitTable,
} from '@kechuang/index-engine';

export type WorkerInit = {
  kind: 'init';
  framework: Framework;
  table: UnitTable;
  task: PreparedAnalysis;
};
export type WorkerRun = { kind: 'run'; start: number; end: number };

let input: IndexInput | undefined;
let task: PreparedAnalysis | undefined;
let cache: PipelineCache | undefined;

parentPort?.on('message', (message: WorkerInit | WorkerRun) => {
  try {
    if (message.kind === 'init') {
      input = createIndex(message.framework, message.table);
      task = message.task;
      cache = new PipelineCache(input);
      parentPort?.postMessage({ kind: 'ready' });
      return;
    }
    if (!input || !task || !cache) throw new Error('worker not initialised');
    const block = runReplications(
      input,
      { ...task, start: message.start, end: message.end },
      cache,
    );
    parentPort?.postMessage({ kind: 'block', block });
  } catch (err) {
    parentPort?.postMessage({
      kind: 'error',
      message: err instanceof Error ? err.message : String(err),
    });
  }
});
