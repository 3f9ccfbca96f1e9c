/**
 * `kechuang serve` (what `npm start` runs): read and validate the configuration, build the web
 * app if it is missing or older than its sources, open the registry (PGlite in
 * KECHUANG_DATA_DIR, or DATABASE_URL), migrate, load the Chongqing demo on first start (the same
 * import path as `kechuang seed --demo`), derive indicators and compute the demo index runs so
 * the dashboard has rankings, create the administrator with a one-time password, and serve API +
 * web on PORT.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FrameworkEntry, type RunningServer, startServer } from '@kechuang/api';
import {
  type Framework,
  frameworkFromMeta,
  type IndexSpec,
  validateSpec,
} from '@kechuang/index-engine';
import {
  type Actor,
  computeRegionIndex,
  deriveIndicators,
  ensureInitialAdmin,
  type Registry,
  writeAudit,
} from '@kechuang/registry';
import { readConfig, type ServeConfig } from '../config.ts';
import { readTable } from '../io/readTable.ts';
import { DEMO_DIR } from './demo.ts';
import { openRegistry } from './registryDb.ts';
import { DEMO_EDITION, seedDemoCommand } from './registrySeed.ts';

/** The repository root, the web package and the committed frameworks. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const WEB_DIR = join(ROOT, 'packages/web');
const FRAMEWORKS_DIR = join(ROOT, 'data/frameworks');

/** The actor recorded for what the server computes at start. */
export const SERVE_ACTOR: Actor = { name: 'kechuang-serve', role: 'cityAdmin' };

/** Where serve writes its messages. */
export type ServeIo = { out: (text: string) => void; err: (text: string) => void };

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

/** Whether packages/web has a build script and its dist is missing or older than its sources. */
export function webNeedsBuild(webDir = WEB_DIR): { needed: boolean; reason: string } {
  const manifest = join(webDir, 'package.json');
  if (!existsSync(manifest)) return { needed: false, reason: 'no web package' };
  const scripts = (
    JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string> }
  ).scripts;
  if (!scripts?.build) return { needed: false, reason: 'no build script' };
  const built = join(webDir, 'dist', 'index.html');
  if (!existsSync(built)) return { needed: true, reason: 'dist missing' };
  const sources = Math.max(
    ...['src', 'index.html', 'vite.config.ts', 'package.json', 'public'].map((p) =>
      newestMtime(join(webDir, p)),
    ),
  );
  return sources > statSync(built).mtimeMs
    ? { needed: true, reason: 'sources newer than dist' }
    : { needed: false, reason: 'up to date' };
}

/** Runs `npm run build -w @kechuang/web`; resolves whether it succeeded. */
function buildWeb(io: ServeIo): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'build', '-w', '@kechuang/web'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('error', (error) => {
      io.err(`${error.message}\n`);
      resolve(false);
    });
    child.on('close', (code) => {
      if (code !== 0) io.err(`${output.split('\n').slice(-25).join('\n')}\n`);
      resolve(code === 0);
    });
  });
}

/** The demo framework and pipeline (data/demo) and the committed frameworks (data/frameworks). */
export async function loadFrameworks(demoDir = DEMO_DIR): Promise<FrameworkEntry[]> {
  const meta = await readTable(join(demoDir, 'chongqing-iMeta.csv'));
  const framework = frameworkFromMeta(meta.rows, 'chongqing-demo', meta.rowNumbers);
  framework.names ??= {
    zh: '重庆区县科技创新指数（示例）',
    en: 'Chongqing district S&T innovation index (demo)',
  };
  const spec = validateSpec(
    JSON.parse(await readFile(join(demoDir, 'chongqing-spec.json'), 'utf8')),
  ) as IndexSpec;
  const entries: FrameworkEntry[] = [{ id: 'chongqing-demo', framework, spec }];
  if (existsSync(FRAMEWORKS_DIR)) {
    for (const file of readdirSync(FRAMEWORKS_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const parsed = JSON.parse(readFileSync(join(FRAMEWORKS_DIR, file), 'utf8')) as Framework;
      entries.push({ id: parsed.id ?? file.replace(/\.json$/, ''), framework: parsed });
    }
  }
  return entries;
}

async function count(registry: Registry, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await registry.db.query<{ n: number }>(sql, params);
  return rows[0]?.n ?? 0;
}

/**
 * First-start data: the demo (once), derived indicators and one published demo index run per
 * demo year (once). Lines to print.
 */
async function prepareDemo(registry: Registry, demo: FrameworkEntry): Promise<string[]> {
  const lines: string[] = [];
  const years = await registry.db.query<{ lo: number | null; hi: number | null }>(
    `SELECT min(year) AS lo, max(year) AS hi FROM indicator_values WHERE edition = $1`,
    [DEMO_EDITION],
  );
  const lo = years.rows[0]?.lo;
  const hi = years.rows[0]?.hi;
  if (lo === null || lo === undefined || hi === null || hi === undefined) return lines;
  if (
    (await count(
      registry,
      `SELECT count(*)::int AS n FROM indicator_values WHERE edition = 'derived'`,
    )) === 0
  ) {
    const derived = await deriveIndicators(registry.db, SERVE_ACTOR, lo, hi);
    lines.push(
      `派生指标 ${lo}–${hi}：${derived.values} 个值 / derived indicators ${lo}–${hi}: ${derived.values} values`,
    );
  }
  const runs = await count(
    registry,
    'SELECT count(*)::int AS n FROM index_runs WHERE edition = $1',
    [DEMO_EDITION],
  );
  if (runs === 0 && demo.spec) {
    for (let year = lo; year <= hi; year++) {
      const run = await computeRegionIndex(registry.db, SERVE_ACTOR, {
        edition: DEMO_EDITION,
        year,
        framework: demo.framework,
        spec: demo.spec,
      });
      // The demo is published so the public dashboard shows it; it says it is synthetic.
      await registry.db.transaction(async (tx) => {
        await tx.query('UPDATE index_runs SET published = true WHERE id = $1', [run.runId]);
        await writeAudit(tx, SERVE_ACTOR, {
          action: 'update',
          table: 'index_runs',
          key: String(run.runId),
          before: { published: false },
          after: { published: true },
        });
      });
    }
    lines.push(
      `示例指数已计算并发布：${lo}–${hi} 年（版本 ${DEMO_EDITION}，数据多为合成）/ demo index computed and published for ${lo}–${hi} (edition ${DEMO_EDITION}; mostly synthetic data)`,
    );
  }
  return lines;
}

/** A running `kechuang serve`. */
export type ServeHandle = RunningServer & { config: ServeConfig; close: () => Promise<void> };

/** `kechuang serve`: everything above, then listen; resolves once listening. */
export async function serveCommand(
  env: Record<string, string | undefined>,
  io: ServeIo,
): Promise<ServeHandle> {
  const config = readConfig(env);
  let webDist: string | undefined = join(WEB_DIR, 'dist');
  if (config.buildWeb) {
    const need = webNeedsBuild();
    if (need.needed) {
      io.out(`正在构建网页（${need.reason}）… / building the web app (${need.reason})…\n`);
      if (!(await buildWeb(io))) {
        io.err(
          '⚠ 网页构建失败：只提供 API（/api、/docs）。修复后重新启动即可。\n' +
            '⚠ The web app failed to build: serving the API only (/api, /docs). Fix it and restart.\n',
        );
        if (!existsSync(join(webDist, 'index.html'))) webDist = undefined;
      }
    }
  }
  const dbEnv = {
    ...env,
    KECHUANG_DATA_DIR: config.dataDir,
    DATABASE_URL: config.databaseUrl ?? '',
  };
  const frameworks = await loadFrameworks();
  let registry = await openRegistry(dbEnv);
  try {
    if (registry.migrations.applied.length > 0) {
      io.out(
        `已应用数据库迁移 ${registry.migrations.applied.join(', ')} / applied migrations ${registry.migrations.applied.join(', ')}\n`,
      );
    }
    const seeded = await count(
      registry,
      'SELECT count(*)::int AS n FROM indicator_values WHERE edition = $1',
      [DEMO_EDITION],
    );
    if (seeded === 0 && config.seedDemo) {
      io.out('首次启动：载入重庆示例数据… / first start: loading the Chongqing demo data…\n');
      // The seed command opens the database itself (PGlite allows one opener at a time).
      await registry.close();
      for (const line of await seedDemoCommand(dbEnv)) io.out(`${line}\n`);
      registry = await openRegistry(dbEnv);
    }
    for (const line of await prepareDemo(registry, frameworks[0] as FrameworkEntry)) {
      io.out(`${line}\n`);
    }
    const admin = await ensureInitialAdmin(registry.db);
    const running = await startServer({
      registry,
      webDist,
      host: config.host,
      port: config.port,
      config: {
        secureCookies: config.secureCookies,
        trustProxy: config.trustProxy,
        uploadLimitBytes: config.uploadLimitBytes,
        sessionTtlMs: config.sessionTtlMs,
        logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
        frameworks,
      },
    });
    const lines = [
      '',
      `科创已启动 / Kechuang is running: ${running.url}`,
      `  数据库 / database: ${registry.engine} ${registry.location}`,
      `  接口文档 / API docs: ${running.url}docs`,
      running.servesWeb
        ? `  网页 / web app: ${running.url}`
        : '  ⚠ 没有网页构建产物，只提供 API / no web build: serving the API only',
    ];
    if (admin) {
      lines.push(
        '',
        '  管理员账户已创建，一次性密码只显示这一次，首次登录后须修改：',
        '  Administrator created; the one-time password is shown only now and must be changed at first login:',
        `    用户名 / username: ${admin.username}`,
        `    密码 / password:   ${admin.password}`,
      );
    }
    io.out(`${lines.join('\n')}\n\n`);
    const close = async () => {
      await running.app.close();
      await registry.close();
    };
    return { ...running, config, close };
  } catch (error) {
    await registry.close().catch(() => {});
    throw error;
  }
}
