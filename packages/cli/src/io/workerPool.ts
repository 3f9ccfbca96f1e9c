/**
 * Runs the replications of an uncertainty or sensitivity analysis on worker threads, in blocks
 * handed out as workers finish (so progress is smooth and load balanced).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type {
  Framework,
  PreparedAnalysis,
  ReplicationBlock,
  UnitTable,
} from '@kechuang/index-engine';

const WORKER_URL = new URL('../workers/bootstrap.mjs', import.meta.url);

/** Default number of workers: the machine's cores, at most 8. */
export function defaultWorkers(): number {
  return Math.min(availableParallelism(), 8);
}

type Reply =
  | { kind: 'ready' }
  | { kind: 'block'; block: ReplicationBlock }
  | { kind: 'error'; message: string };

/** Run every design row of `task`; `onProgress(done, total)` after each block. */
export async function runOnWorkers(
  framework: Framework,
  table: UnitTable,
  task: PreparedAnalysis,
  workers: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ReplicationBlock[]> {
  const total = task.design.rows;
  const blockSize = Math.max(1, Math.min(250, Math.ceil(total / (workers * 8))));
  const ranges: [number, number][] = [];
  for (let s = 0; s < total; s += blockSize) ranges.push([s, Math.min(total, s + blockSize)]);
  const blocks: ReplicationBlock[] = [];
  let done = 0;
  const pool = Array.from(
    { length: Math.min(workers, ranges.length) },
    () => new Worker(WORKER_URL),
  );
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const range = ranges.shift();
              if (!range) {
                resolve();
                return;
              }
              worker.postMessage({ kind: 'run', start: range[0], end: range[1] });
            };
            worker.on('message', (reply: Reply) => {
              if (reply.kind === 'error') reject(new Error(reply.message));
              else if (reply.kind === 'ready') next();
              else {
                blocks.push(reply.block);
                done += reply.block.scores.length;
                onProgress(done, total);
                next();
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (ranges.length > 0 || code !== 0)
                reject(new Error(`worker stopped (exit code ${code})`));
            });
            worker.postMessage({ kind: 'init', framework, table, task });
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return blocks;
}
