/** Listening: the API built by `buildApp`, plus the built web app when its folder exists. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ApiDependencies } from './apiConfig.ts';
import { buildApp } from './buildApp.ts';

/** Options of {@link startServer}. */
export type StartServerOptions = ApiDependencies & {
  host?: string;
  port?: number;
};

/** A running server. */
export type RunningServer = { app: FastifyInstance; url: string; servesWeb: boolean };

/**
 * Build the API and listen (default 127.0.0.1:3000). The web app is served from `webDist` only
 * if it holds an index.html; otherwise the API alone is served.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const servesWeb =
    options.webDist !== undefined && existsSync(join(options.webDist, 'index.html'));
  const app = await buildApp({ ...options, webDist: servesWeb ? options.webDist : undefined });
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 3000;
  await app.listen({ host, port });
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    app,
    url: `http://${shown}:${app.server.address() && typeof app.server.address() === 'object' ? (app.server.address() as { port: number }).port : port}/`,
    servesWeb,
  };
}
