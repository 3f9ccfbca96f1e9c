/**
 * Builds `packages/web` with Vite when `dist/index.html` is missing or older than the sources
 * (the same rule as `kechuang serve`), so browser tests and the benchmark run the current code.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { WEB_DIR, webNeedsBuild } from '../../packages/cli/src/commands/serve.ts';

/** Its production build. */
export const WEB_DIST = join(WEB_DIR, 'dist');

/** Whether dist is missing or older than the sources: `kechuang serve`'s own rule. */
export function isWebBuildStale(): boolean {
  return webNeedsBuild(WEB_DIR).needed;
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
