/**
 * Web dashboard benchmark: a fresh production build, its first-load JavaScript (gzip), the
 * JavaScript the overview page actually loads until its map is drawn, and the overview's time to
 * interactive in headless Debian Chromium against `kechuang serve` on loopback (numbers only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { hasChromium, launchChromium } from '../tests/e2e/chromium.ts';
import { startDashboardServer } from '../tests/e2e/dashboardServer.ts';
import { ensureWebBuild, WEB_DIST } from '../tests/e2e/ensureWebBuild.ts';
import type { BenchResult } from './indexEngine.bench.ts';

const RUNS = 7;

function gzipKb(file: string): number {
  return gzipSync(readFileSync(join(WEB_DIST, file)), { level: 9 }).length / 1024;
}

/** Scripts the HTML loads before any route runs: the entry module and its modulepreloads. */
function firstLoadScripts(): string[] {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const found = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g),
  ].map((m) => m[1] as string);
  return [...new Set(found)];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** `npm run bench web`. */
export async function benchWeb(): Promise<BenchResult[]> {
  const t0 = performance.now();
  await ensureWebBuild(true);
  const buildMs = performance.now() - t0;
  const entry = firstLoadScripts();
  const results: BenchResult[] = [
    { name: 'web: production build (vite 8)', value: buildMs / 1000, unit: 's', goal: '—' },
    {
      name: `web: first-load JS, gzip (entry + ${entry.length - 1} preloads, before any route)`,
      value: entry.reduce((s, f) => s + gzipKb(f), 0),
      unit: 'KB',
      goal: '≤ 500 KB',
    },
  ];
  if (!hasChromium()) {
    console.error('  · /usr/bin/chromium missing: overview load not measured');
    return results;
  }
  const server = await startDashboardServer();
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    let overviewJs = new Set<string>();
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const scripts = new Set<string>();
      page.on('response', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.endsWith('.js')) scripts.add(path.slice(1));
      });
      await page.goto(`${server.url}/`);
      // Interactive: the ranking rows are links and the map has drawn its 38 labelled regions.
      await page.waitForFunction(
        `document.querySelectorAll('[data-testid=ranking-table] a[data-region]').length === 38 &&
         document.querySelectorAll('[data-chart="district-map"] svg text').length >= 38`,
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      const ms = (await page.evaluate('performance.now()')) as number;
      // The first load warms the server's per-run caches; it is not counted.
      if (i > 0) times.push(ms);
      overviewJs = scripts;
      await context.close();
    }
    results.push(
      {
        name: `web: overview page JS, gzip (${overviewJs.size} chunks incl. map + GeoJSON)`,
        value: [...overviewJs].reduce((s, f) => s + gzipKb(f), 0),
        unit: 'KB',
        goal: '(first-load goal ≤ 500 KB)',
      },
      {
        name: `web: overview time to interactive, loopback, headless Chromium (median of ${RUNS})`,
        value: median(times),
        unit: 'ms',
        goal: '≤ 1500 ms',
      },
      {
        name: 'web: overview time to interactive, slowest run',
        value: Math.max(...times),
        unit: 'ms',
        goal: '—',
      },
    );
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
