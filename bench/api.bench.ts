/**
 * API benchmark: `npm start` as a new user runs it (a child process `kechuang serve` on a fresh
 * PGlite data folder, so the Chongqing demo is loaded and its index runs computed), then
 * autocannon on loopback, 50 connections for 20 s each, against the dashboard's main reads:
 * rankings of a year, a district profile (both public) and an enterprise search (signed in).
 * p95 is computed exactly from every response time autocannon reports (its own summary has
 * p90 and p97.5 but no p95), after a 3 s warm-up that is not counted. Goal: p95 ≤ 50 ms, no errors.
 * The workbench preview (`POST /api/index-runs/preview`, 38 districts, anonymous on the published
 * demo run) is timed twice: one request at a time with new weights each time (what a user moving
 * a slider sees), and under the same 50-connection load.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './indexEngine.bench.ts';

/** The parts of autocannon 9 used here (the package ships no types). */
type AutocannonResult = {
  requests: { total: number; average: number };
  latency: { p97_5: number };
  errors: number;
  timeouts: number;
};
type AutocannonInstance = Promise<AutocannonResult> & {
  on(
    event: 'response',
    listener: (client: unknown, status: number, bytes: number, ms: number) => void,
  ): void;
};
/** autocannon's options used here. */
type LoadOptions = { method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string> };
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: { url: string; connections: number; duration: number } & LoadOptions,
) => AutocannonInstance;

const ROOT = join(import.meta.dirname, '..');
const DURATION_S = Number(process.env.KECHUANG_BENCH_API_SECONDS ?? 20);
const CONNECTIONS = 50;

function note(message: string): void {
  console.error(`  · ${message}`);
}

/** Start `kechuang serve` on a free port; resolves with its URL and the one-time password. */
function startServe(
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; password: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'packages/cli/src/main.ts', 'serve'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          KECHUANG_DATA_DIR: dataDir,
          PORT: '0',
          HOST: '127.0.0.1',
          KECHUANG_SKIP_WEB_BUILD: '1',
          KECHUANG_LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let url: string | undefined;
    const timer = setTimeout(
      () => reject(new Error(`serve did not start in 300 s:\n${out}`)),
      300_000,
    );
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      url ??= /Kechuang is running: (\S+)/.exec(out)?.[1];
      const password = /password:\s+(\S+)/.exec(out)?.[1];
      if (url && password) {
        clearTimeout(timer);
        resolve({ child, url, password });
      }
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}`));
    });
  });
}

/** Sign in as the administrator (changing the one-time password); returns the cookie header. */
async function signIn(url: string, password: string): Promise<string> {
  const login = await fetch(`${url}api/session/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const changed = await fetch(`${url}api/session/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ currentPassword: password, newPassword: 'bench-password-2026' }),
  });
  if (!changed.ok) throw new Error(`password change failed: ${await changed.text()}`);
  return cookie;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

/** 50 connections for DURATION_S on one URL: p95 (exact), errors, requests per second. */
async function load(
  name: string,
  url: string,
  options: LoadOptions = {},
  goal = '≤ 50 ms',
): Promise<BenchResult[]> {
  // Warm-up (not counted): the first requests compute and cache the run's views and warm the JIT.
  await autocannon({ url, connections: 10, duration: 3, ...options });
  const times: number[] = [];
  let non2xx = 0;
  const instance = autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, ...options });
  instance.on('response', (_client, status, _bytes, ms) => {
    times.push(ms);
    if (status < 200 || status >= 300) non2xx += 1;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  const errors = result.errors + result.timeouts + non2xx;
  note(
    `${name}: ${result.requests.total} requests, p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms (autocannon p97.5 ${result.latency.p97_5} ms), ${errors} errors, ${result.requests.average.toFixed(0)} req/s`,
  );
  return [
    {
      name: `API ${name}: p95 latency, ${CONNECTIONS} connections, ${DURATION_S} s`,
      value: p95,
      unit: 'ms',
      goal,
    },
    {
      name: `API ${name}: errors (non-2xx, socket errors, timeouts)`,
      value: errors,
      unit: 'count',
      goal: '0',
    },
    { name: `API ${name}: throughput`, value: result.requests.average, unit: 'req/s', goal: '—' },
  ];
}

/** Previews one at a time, each with new pillar weights: latency as a user moving a slider sees it. */
async function previewOneByOne(url: string, n = 300): Promise<BenchResult[]> {
  const rankings = (await (await fetch(`${url}api/rankings?year=2023`)).json()) as {
    run: { edition: string };
    items: { subIndices: { code: string }[] }[];
  };
  const pillars = rankings.items[0]?.subIndices.map((s) => s.code) ?? [];
  const post = (weights: Record<string, number>, normalisation?: string) =>
    fetch(`${url}api/index-runs/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ edition: rankings.run.edition, year: 2023, weights, normalisation }),
    });
  const timed = async (normalisation?: string) => {
    const times: number[] = [];
    let districts = 0;
    for (let k = 0; k < n; k++) {
      // Weights 0.1 … 3 that differ on every request, so nothing but the method's build is reused.
      const weights = Object.fromEntries(
        pillars.map((p, j) => [p, 0.1 + ((k * 7 + j * 13) % 30) / 10]),
      );
      const t0 = performance.now();
      const res = await post(weights, normalisation);
      const body = (await res.json()) as { items?: unknown[] };
      const ms = performance.now() - t0;
      if (!res.ok) throw new Error(`preview failed: ${res.status} ${JSON.stringify(body)}`);
      districts = body.items?.length ?? 0;
      if (k >= 20) times.push(ms); // the first 20 warm the JIT and the method's cached build
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95), districts };
  };
  const weightsOnly = await timed();
  const minMax = await timed('minMax');
  note(
    `preview one at a time (${weightsOnly.districts} districts, ${n - 20} counted): weights p50 ${weightsOnly.p50.toFixed(2)} ms, p95 ${weightsOnly.p95.toFixed(2)} ms; with minMax normalisation p50 ${minMax.p50.toFixed(2)} ms, p95 ${minMax.p95.toFixed(2)} ms`,
  );
  return [
    {
      name: `API workbench preview, new weights each request, one at a time: p50`,
      value: weightsOnly.p50,
      unit: 'ms',
      goal: 'milliseconds',
    },
    {
      name: `API workbench preview, new weights each request, one at a time: p95`,
      value: weightsOnly.p95,
      unit: 'ms',
      goal: 'milliseconds',
    },
    {
      name: `API workbench preview, minMax + new weights, one at a time: p95`,
      value: minMax.p95,
      unit: 'ms',
      goal: 'milliseconds',
    },
  ];
}

/** The API benchmark (PGlite, demo data). */
export async function benchApi(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kechuang-bench-api-'));
  const t0 = performance.now();
  const { child, url, password } = await startServe(dataDir);
  note(
    `kechuang serve started with the demo in ${((performance.now() - t0) / 1000).toFixed(1)} s at ${url}`,
  );
  try {
    const cookie = await signIn(url, password);
    const search = `${url}api/enterprises?q=${encodeURIComponent('科技')}&pageSize=20`;
    const probe = await fetch(search, { headers: { cookie } });
    const found = ((await probe.json()) as { total: number }).total;
    note(`enterprise search finds ${found} enterprises`);
    return [
      ...(await load('rankings (year 2023)', `${url}api/rankings?year=2023`)),
      ...(await load(
        'district profile (渝中区 2023)',
        `${url}api/districts/500103/profile?year=2023`,
      )),
      ...(await load('enterprise search (q=科技, signed in)', search, { headers: { cookie } })),
      ...(await previewOneByOne(url)),
      ...(await load(
        'workbench preview (one pillar weight 2)',
        `${url}api/index-runs/preview`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ year: 2023, weights: { CQ_ENV: 2 } }),
        },
        '— (recomputed per request)',
      )),
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
