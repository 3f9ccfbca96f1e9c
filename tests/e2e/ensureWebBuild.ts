/**
 * Builds `packages/web` with Vite when `dist/index.html` is missing or older than the sources
 * (the same rule as `kechuang serve`), so browser tests and the benchmark run the current code.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

/** The web package folder. */
export const WEB_DIR = join(import.meta.dirname, '..', '..', 'packages', 'web');
/** Its production build. */
export const WEB_DIST = join(WEB_DIR, 'dist');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name !== 'node_modules' && name !== 'dist')
      newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

/** Whether dist is missing or older than src, index.html, vite.config.ts or package.json. */
export function isWebBuildStale(): boolean {
  const built = join(WEB_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    ...['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) =>
      newestMtime(join(WEB_DIR, p)),
    ),
  );
  return sources > statSync(built).mtimeMs;
}

/** Builds the web app if stale; `force` always builds (the benchmark measures a fresh build). */
export async function ensureWebBuild(force = false): Promise<{ built: boolean }> {
  if (!force && !isWebBuildStale()) return { built: false };
  // Vitest sets NODE_ENV=test, which would give React's development build: build for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: WEB_DIR,
      mode: 'production',
      configFile: join(WEB_DIR, 'vite.config.ts'),
      logLevel: 'warn',
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return { built: true };
}
