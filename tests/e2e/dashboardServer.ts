/**
 * The real server for browser tests and the web benchmark: `kechuang serve` in-process (the
 * path of `npm start`) on a random loopback port, with a fresh PGlite data folder loaded with
 * the Chongqing demo, plus test users created through the API as the initial administrator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// `serveCommand` is not (yet) exported by @kechuang/cli's entry; tests may reach into packages.
import { serveCommand } from '../../packages/cli/src/commands/serve.ts';

/** A user the tests log in as. */
export type TestUser = { username: string; password: string };

/** A running server with its users. */
export type DashboardServer = {
  url: string;
  admin: TestUser;
  close: () => Promise<void>;
};

/** Starts the server on a random port with a fresh data folder; the web app must be built. */
export async function startDashboardServer(): Promise<DashboardServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kechuang-e2e-'));
  let output = '';
  const io = { out: (t: string) => (output += t), err: (t: string) => (output += t) };
  const handle = await serveCommand(
    {
      KECHUANG_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      KECHUANG_LOG_LEVEL: 'silent',
      KECHUANG_SKIP_WEB_BUILD: '1',
    },
    io,
  );
  const username = /(?:用户名|username)[^:：]*[:：]\s*(\S+)/.exec(output)?.[1];
  const password = /(?:密码|password)\s*[:：]\s*(\S+)\s*$/m.exec(output)?.[1];
  if (!username || !password) throw new Error(`no initial administrator in the output:\n${output}`);
  return {
    url: handle.url.replace(/\/$/, ''),
    admin: { username, password },
    close: async () => {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in API client in Node (cookie + CSRF), for setting up test data. */
export async function apiSession(url: string, user: TestUser) {
  let cookie = '';
  let csrf = '';
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        ...(method !== 'GET' && csrf ? { 'x-csrf-token': csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0] ?? '';
    const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    if (json && typeof json.csrfToken === 'string') csrf = json.csrfToken;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  await call('POST', '/api/session/login', user);
  return call;
}

/**
 * Signs in as the initial administrator, replaces the one-time password, and creates users
 * (without a forced password change). Returns the administrator with the new password.
 */
export async function createTestUsers(
  server: DashboardServer,
  users: { username: string; password: string; role: string; regionCode?: string; uscc?: string }[],
): Promise<TestUser> {
  const admin = { username: server.admin.username, password: 'Zr8-lantern-valley-23' };
  const call = await apiSession(server.url, server.admin);
  await call('POST', '/api/session/password', {
    currentPassword: server.admin.password,
    newPassword: admin.password,
  });
  for (const u of users) await call('POST', '/api/users', { ...u, mustChangePassword: false });
  return admin;
}
