/**
 * The API suite, run in-process (`app.inject`) on both engines (pglite.test.ts, postgres.test.ts).
 * `open` returns a fresh, empty, migrated registry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getResults, runIndex } from '@kechuang/index-engine';
import type { Registry } from '@kechuang/registry';
import { readAudit, readMigrations, regenerateIndexRun } from '@kechuang/registry';
import ExcelJS from 'exceljs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp, CSRF_HEADER, SESSION_COOKIE } from '../src/index.ts';
import {
  type Fixture,
  FRAMEWORK,
  loadFixture,
  PASSWORD,
  SPEC,
  USCC_WANZHOU,
  USCC_YUZHONG,
  USERS,
  WANZHOU,
  YUZHONG,
} from './fixture.ts';

type Session = { cookie: string; csrf: string };
type Json = Record<string, unknown> & {
  error?: { code: string; message: { zh: string; en: string }; details?: unknown };
};

const INJECTIONS = [
  "'; DROP TABLE enterprises; --",
  "' OR '1'='1",
  '%',
  '_',
  '\\',
  '1) OR (1=1',
  '"; SELECT pg_sleep(1); --',
  "500103' UNION SELECT password_hash FROM users --",
];

export function describeApi(name: string, open: () => Promise<Registry>): void {
  describe(`API on ${name}`, () => {
    let registry: Registry;
    let app: FastifyInstance;
    let fixture: Fixture;
    const sessions: Partial<Record<keyof typeof USERS, Session>> = {};

    const call = async (
      options: InjectOptions & { as?: keyof typeof USERS; csrf?: string | null },
    ) => {
      const { as, csrf, ...rest } = options;
      const headers: Record<string, string> = { ...(rest.headers as Record<string, string>) };
      if (as) {
        let s = sessions[as];
        if (!s) {
          s = await login(as);
          sessions[as] = s;
        }
        headers.cookie = `${SESSION_COOKIE}=${s.cookie}`;
        if (csrf !== null) headers[CSRF_HEADER] = csrf ?? s.csrf;
      }
      const response = await app.inject({ ...rest, headers });
      return response;
    };
    const json = (body: string): Json => JSON.parse(body) as Json;

    async function login(as: keyof typeof USERS): Promise<Session> {
      const response = await app.inject({
        method: 'POST',
        url: '/api/session/login',
        payload: { username: USERS[as].username, password: PASSWORD },
      });
      expect(response.statusCode, response.body).toBe(200);
      const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
      return { cookie: cookie?.value as string, csrf: json(response.body).csrfToken as string };
    }

    const count = async (sql: string, params: unknown[] = []) =>
      (await registry.db.query<{ n: number }>(sql, params)).rows[0]?.n ?? Number.NaN;

    beforeAll(async () => {
      registry = await open();
      fixture = await loadFixture(registry);
      app = await buildApp({
        registry,
        config: {
          logger: false,
          uploadLimitBytes: 64 * 1024,
          loginRateLimit: { max: 1000, windowMs: 60_000 },
          frameworks: [{ id: 'test-framework', framework: FRAMEWORK, spec: SPEC }],
        },
      });
    }, 180_000);
    afterAll(async () => {
      await app?.close();
      await registry?.close();
    });

    describe('operations and documentation', () => {
      test('/healthz and /readyz (database reachable, every migration applied)', async () => {
        expect(json((await call({ url: '/healthz' })).body)).toEqual({ status: 'ok' });
        const ready = await call({ url: '/readyz' });
        expect(ready.statusCode).toBe(200);
        const latest = readMigrations().at(-1)?.version;
        expect(json(ready.body)).toMatchObject({
          ready: true,
          migration: latest,
          expectedMigration: latest,
        });
      });

      test('the OpenAPI document lists every route with its method', async () => {
        const doc = json((await call({ url: '/openapi.json' })).body) as {
          openapi: string;
          paths: Record<string, Record<string, unknown>>;
        };
        expect(doc.openapi).toMatch(/^3\./);
        const api = app.apiRoutes.filter((r) => !r.hidden && r.method !== 'HEAD');
        expect(api.length).toBeGreaterThan(50);
        for (const route of api) {
          const path = route.url.replace(/:(\w+)/g, '{$1}');
          expect(doc.paths[path], `${route.method} ${route.url}`).toBeDefined();
          expect(
            doc.paths[path]?.[route.method.toLowerCase()],
            `${route.method} ${route.url}`,
          ).toBeDefined();
        }
        const docs = await call({ url: '/docs/' });
        expect(docs.statusCode).toBe(200);
        expect(docs.body).toContain('swagger');
      });

      test('every response carries a request id; errors are JSON with a bilingual message', async () => {
        const response = await call({ url: '/api/nowhere' });
        expect(response.statusCode).toBe(404);
        expect(response.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
        expect(json(response.body).error).toMatchObject({
          code: 'notFound',
          message: { zh: expect.any(String), en: expect.any(String) },
        });
      });

      test('validation errors name the field', async () => {
        const response = await call({ url: '/api/enterprises?page=0', as: 'admin' });
        expect(response.statusCode).toBe(400);
        const error = json(response.body).error as {
          code: string;
          details: { issues: { field: string }[] };
        };
        expect(error.code).toBe('validation');
        expect(error.details.issues.map((i) => i.field)).toContain('page');
        const put = await call({
          method: 'PUT',
          url: `/api/enterprises/${USCC_YUZHONG}`,
          as: 'admin',
          payload: { name: 'x', regionCode: YUZHONG, colour: 'red' },
        });
        expect(put.statusCode).toBe(400);
        expect(JSON.stringify(json(put.body).error)).toContain('colour');
      });
    });

    describe('sessions, CSRF and lockout', () => {
      test('anonymous session; login sets an HttpOnly SameSite=Strict cookie and returns the CSRF token', async () => {
        expect(json((await call({ url: '/api/session' })).body)).toEqual({
          user: null,
          csrfToken: null,
        });
        const response = await app.inject({
          method: 'POST',
          url: '/api/session/login',
          payload: { username: USERS.analyst.username, password: PASSWORD },
        });
        expect(response.statusCode).toBe(200);
        const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
        expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
        expect(cookie?.secure).toBeFalsy();
        const body = json(response.body);
        expect(body.user).toMatchObject({ username: USERS.analyst.username, role: 'cityAnalyst' });
        expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
        // The database keeps only a hash of the session token.
        expect(
          await count('SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1', [
            cookie?.value,
          ]),
        ).toBe(0);
        const me = await app.inject({
          url: '/api/session',
          cookies: { [SESSION_COOKIE]: cookie?.value as string },
        });
        expect(json(me.body)).toEqual(body);
      });

      test('a wrong password or unknown user gets the same 401', async () => {
        const wrong = await app.inject({
          method: 'POST',
          url: '/api/session/login',
          payload: { username: USERS.analyst.username, password: 'nope-nope-nope' },
        });
        const unknown = await app.inject({
          method: 'POST',
          url: '/api/session/login',
          payload: { username: 'nobody-here', password: 'nope-nope-nope' },
        });
        expect(wrong.statusCode).toBe(401);
        expect(unknown.statusCode).toBe(401);
        expect(json(wrong.body).error).toEqual(json(unknown.body).error);
      });

      test('a missing or forged CSRF token is refused and nothing is written', async () => {
        const before = await count('SELECT count(*)::int AS n FROM audit_log');
        const payload = {
          name: '渝中测试工程技术研究中心',
          kind: '工程技术研究中心',
          regionCode: YUZHONG,
          evaluation: 'csrf',
        };
        const missing = await call({
          method: 'PUT',
          url: `/api/platforms/${fixture.platformYuzhong}`,
          as: 'admin',
          csrf: null,
          payload,
        });
        expect(missing.statusCode).toBe(403);
        expect(json(missing.body).error?.code).toBe('csrf');
        const forged = await call({
          method: 'PUT',
          url: `/api/platforms/${fixture.platformYuzhong}`,
          as: 'admin',
          csrf: 'forged-token-forged-token-forged-token-1234',
          payload,
        });
        expect(forged.statusCode).toBe(403);
        expect(json(forged.body).error?.code).toBe('csrf');
        // Another user's valid token is not this session's.
        const other = await login('yuzhong');
        const crossed = await call({
          method: 'PUT',
          url: `/api/platforms/${fixture.platformYuzhong}`,
          as: 'admin',
          csrf: other.csrf,
          payload,
        });
        expect(crossed.statusCode).toBe(403);
        expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(before);
        expect(
          await count(`SELECT count(*)::int AS n FROM platforms WHERE evaluation = 'csrf'`),
        ).toBe(0);
        const ok = await call({
          method: 'PUT',
          url: `/api/platforms/${fixture.platformYuzhong}`,
          as: 'admin',
          payload,
        });
        expect(ok.statusCode, ok.body).toBe(200);
        expect(
          await count(`SELECT count(*)::int AS n FROM platforms WHERE evaluation = 'csrf'`),
        ).toBe(1);
      });

      test('5 failed logins lock the account (429), even for the right password', async () => {
        for (let i = 0; i < 5; i++) {
          const r = await app.inject({
            method: 'POST',
            url: '/api/session/login',
            payload: { username: USERS.locked.username, password: `wrong-${i}-password` },
          });
          expect(r.statusCode).toBe(401);
        }
        const locked = await app.inject({
          method: 'POST',
          url: '/api/session/login',
          payload: { username: USERS.locked.username, password: PASSWORD },
        });
        expect(locked.statusCode).toBe(429);
        expect(json(locked.body).error?.code).toBe('locked');
        expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
        // Other accounts are not affected.
        expect(
          (
            await app.inject({
              method: 'POST',
              url: '/api/session/login',
              payload: { username: USERS.citizen.username, password: PASSWORD },
            })
          ).statusCode,
        ).toBe(200);
      });

      test('logins are rate-limited per address', async () => {
        const limited = await buildApp({
          registry,
          config: { logger: false, loginRateLimit: { max: 3, windowMs: 60_000 } },
        });
        try {
          const codes = [];
          for (let i = 0; i < 4; i++) {
            codes.push(
              (
                await limited.inject({
                  method: 'POST',
                  url: '/api/session/login',
                  payload: { username: 'nobody', password: 'x' },
                })
              ).statusCode,
            );
          }
          expect(codes).toEqual([401, 401, 401, 429]);
        } finally {
          await limited.close();
        }
      });

      test('a one-time password must be changed before anything else; logout ends the session', async () => {
        const s = await login('fresh');
        const headers = { cookie: `${SESSION_COOKIE}=${s.cookie}`, [CSRF_HEADER]: s.csrf };
        const blocked = await app.inject({ url: '/api/enterprises', headers });
        expect(blocked.statusCode).toBe(403);
        expect(json(blocked.body).error?.code).toBe('passwordChangeRequired');
        const weak = await app.inject({
          method: 'POST',
          url: '/api/session/password',
          headers,
          payload: { currentPassword: PASSWORD, newPassword: 'short' },
        });
        expect(weak.statusCode).toBe(400);
        const changed = await app.inject({
          method: 'POST',
          url: '/api/session/password',
          headers,
          payload: { currentPassword: PASSWORD, newPassword: 'a-much-better-passphrase' },
        });
        expect(changed.statusCode, changed.body).toBe(200);
        expect(json(changed.body).user).toMatchObject({ mustChangePassword: false });
        expect((await app.inject({ url: '/api/enterprises', headers })).statusCode).toBe(200);
        expect(
          (await app.inject({ method: 'POST', url: '/api/session/logout', headers })).statusCode,
        ).toBe(200);
        expect((await app.inject({ url: '/api/enterprises', headers })).statusCode).toBe(401);
      });
    });

    describe('roles on every route', () => {
      test('a district editor writing another region’s record: 403, table and audit log unchanged', async () => {
        const auditBefore = await count('SELECT count(*)::int AS n FROM audit_log');
        const rowBefore = await registry.db.query(
          'SELECT to_jsonb(p) AS r FROM platforms p WHERE id = $1',
          [fixture.platformWanzhou],
        );
        const put = await call({
          method: 'PUT',
          url: `/api/platforms/${fixture.platformWanzhou}`,
          as: 'yuzhong',
          payload: {
            name: '万州测试重点实验室',
            kind: '重点实验室',
            regionCode: WANZHOU,
            evaluation: '优秀',
          },
        });
        expect(put.statusCode).toBe(403);
        expect(json(put.body).error?.code).toBe('forbidden');
        // Moving the record into her own region is refused too (she may not touch it as it is).
        const move = await call({
          method: 'PUT',
          url: `/api/platforms/${fixture.platformWanzhou}`,
          as: 'yuzhong',
          payload: { name: '万州测试重点实验室', kind: '重点实验室', regionCode: YUZHONG },
        });
        expect(move.statusCode).toBe(403);
        const enterprise = await call({
          method: 'PUT',
          url: `/api/enterprises/${USCC_WANZHOU}`,
          as: 'yuzhong',
          payload: { name: '改名', regionCode: WANZHOU },
        });
        expect(enterprise.statusCode).toBe(403);
        const del = await call({
          method: 'DELETE',
          url: `/api/platforms/${fixture.platformWanzhou}`,
          as: 'yuzhong',
        });
        expect(del.statusCode).toBe(403);
        const rowAfter = await registry.db.query(
          'SELECT to_jsonb(p) AS r FROM platforms p WHERE id = $1',
          [fixture.platformWanzhou],
        );
        expect(rowAfter.rows).toEqual(rowBefore.rows);
        expect(await count(`SELECT count(*)::int AS n FROM enterprises WHERE name = '改名'`)).toBe(
          0,
        );
        expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(auditBefore);
      });

      test('a district editor writes her own region’s record, audited under her name', async () => {
        const put = await call({
          method: 'PUT',
          url: `/api/enterprises/${USCC_YUZHONG}`,
          as: 'yuzhong',
          payload: {
            name: '重庆渝中测试科技有限公司',
            regionCode: '渝中区',
            industryCode: 'I6513',
          },
        });
        expect(put.statusCode, put.body).toBe(200);
        expect(json(put.body)).toMatchObject({
          status: 'updated',
          record: { industryCode: 'I6513', regionCode: YUZHONG },
        });
        const audit = await readAudit(registry.db, { table: 'enterprises', key: USCC_YUZHONG });
        expect(audit[0]).toMatchObject({
          actor: USERS.yuzhong.username,
          role: 'districtEditor',
          action: 'update',
        });
      });

      test('an enterprise user reads only her own enterprise', async () => {
        const other = await call({ url: `/api/enterprises/${USCC_WANZHOU}`, as: 'firm' });
        expect([403, 404]).toContain(other.statusCode);
        expect(
          (await call({ url: `/api/enterprises/${USCC_WANZHOU}/figures`, as: 'firm' })).statusCode,
        ).toBe(403);
        const own = await call({ url: `/api/enterprises/${USCC_YUZHONG}`, as: 'firm' });
        expect(own.statusCode).toBe(200);
        const list = json((await call({ url: '/api/enterprises', as: 'firm' })).body) as {
          items: { uscc: string }[];
          total: number;
        };
        expect(list.items.map((i) => i.uscc)).toEqual([USCC_YUZHONG]);
        const platforms = json((await call({ url: '/api/platforms', as: 'firm' })).body) as {
          items: { hostUscc: string }[];
        };
        expect(platforms.items.every((p) => p.hostUscc === USCC_YUZHONG)).toBe(true);
        expect(
          (await call({ url: `/api/platforms/${fixture.platformWanzhou}`, as: 'firm' })).statusCode,
        ).toBe(403);
        expect((await call({ url: '/api/talents', as: 'firm' })).statusCode).toBe(403);
      });

      test('anonymous access to unpublished data: 401; published data: 200', async () => {
        for (const url of [
          '/api/enterprises',
          `/api/enterprises/${USCC_YUZHONG}`,
          '/api/platforms',
          '/api/contracts',
          `/api/index-runs/${fixture.run2023}`,
          '/api/rankings?year=2023',
          '/api/exports/platforms?format=csv',
          '/api/users',
          '/api/audit',
        ]) {
          const r = await call({ url });
          expect(r.statusCode, url).toBe(401);
          expect(json(r.body).error?.code, url).toBe('unauthenticated');
        }
        expect(
          (
            await call({
              method: 'PUT',
              url: `/api/enterprises/${USCC_YUZHONG}`,
              payload: { name: 'x', regionCode: YUZHONG },
            })
          ).statusCode,
        ).toBe(401);
        for (const url of [
          '/api/regions',
          '/api/groups',
          '/api/indicators',
          '/api/rankings?year=2022',
          `/api/index-runs/${fixture.run2022}`,
          '/api/targets',
          '/api/exports/indicators?format=csv',
          '/api/templates/enterprises',
        ]) {
          expect((await call({ url })).statusCode, url).toBe(200);
        }
        const runs = json((await call({ url: '/api/index-runs' })).body) as unknown as {
          id: number;
        }[];
        expect(runs.map((r) => r.id)).toEqual([fixture.run2022]);
        // Without a published 2023 run the public's latest ranking is 2022.
        expect(json((await call({ url: '/api/rankings' })).body).run).toMatchObject({ year: 2022 });
        // A signed-in member of the public is refused (403), not asked to sign in.
        expect((await call({ url: '/api/enterprises', as: 'citizen' })).statusCode).toBe(403);
      });

      test('users and the audit log are for city administrators only', async () => {
        expect((await call({ url: '/api/users', as: 'analyst' })).statusCode).toBe(403);
        expect((await call({ url: '/api/audit', as: 'yuzhong' })).statusCode).toBe(403);
        const created = await call({
          method: 'POST',
          url: '/api/users',
          as: 'admin',
          payload: {
            username: 'new-editor',
            password: 'initial-password-9',
            role: 'districtEditor',
            regionCode: WANZHOU,
          },
        });
        expect(created.statusCode, created.body).toBe(201);
        const id = json(created.body).id as number;
        expect(json(created.body)).not.toHaveProperty('passwordHash');
        const missingRegion = await call({
          method: 'POST',
          url: '/api/users',
          as: 'admin',
          payload: {
            username: 'bad-editor',
            password: 'initial-password-9',
            role: 'districtEditor',
          },
        });
        expect(missingRegion.statusCode).toBe(400);
        const duplicate = await call({
          method: 'POST',
          url: '/api/users',
          as: 'admin',
          payload: { username: 'NEW-editor', password: 'initial-password-9', role: 'cityAnalyst' },
        });
        expect(duplicate.statusCode).toBe(409);
        const disabled = await call({
          method: 'PATCH',
          url: `/api/users/${id}`,
          as: 'admin',
          payload: { disabled: true },
        });
        expect(json(disabled.body)).toMatchObject({ disabled: true });
        const audit = json((await call({ url: '/api/audit?table=users', as: 'admin' })).body) as {
          items: { after: Record<string, unknown> }[];
          total: number;
        };
        expect(audit.total).toBeGreaterThanOrEqual(2);
        expect(JSON.stringify(audit.items)).not.toContain('scrypt$');
        const disabledLogin = await app.inject({
          method: 'POST',
          url: '/api/session/login',
          payload: { username: 'new-editor', password: 'initial-password-9' },
        });
        expect(disabledLogin.statusCode).toBe(401);
      });
    });

    describe('search is parameterised', () => {
      test('SQL-injection-shaped strings in every search parameter return normal results', async () => {
        const enterprisesBefore = await count('SELECT count(*)::int AS n FROM enterprises');
        for (const evil of INJECTIONS) {
          const q = encodeURIComponent(evil);
          for (const url of [
            `/api/enterprises?q=${q}`,
            `/api/enterprises?region=${q}`,
            `/api/enterprises?qualification=${q}`,
            `/api/enterprises?field=${q}`,
            `/api/enterprises?industry=${q.slice(0, 10)}`,
            `/api/enterprises?uscc=${q.slice(0, 18)}`,
            ...[
              'platforms',
              'talents',
              'patents',
              'achievements',
              'contracts',
              'projects',
              'qualifications',
            ].flatMap((k) => [`/api/${k}?q=${q}`, `/api/${k}?region=${q}`]),
            `/api/audit?table=${q}&actor=${q}&key=${q}`,
            `/api/indicators/${q}/values?region=${q}&edition=${q}`,
            `/api/targets?region=${q}&group=${q}&indicator=${q}`,
            `/api/rankings?edition=${q}`,
            `/api/regions/${q}`,
          ]) {
            const r = await call({ url, as: 'admin' });
            expect([200, 404], `${url} → ${r.body.slice(0, 200)}`).toContain(r.statusCode);
            const body = json(r.body) as { items?: unknown[] };
            if (r.statusCode === 200 && Array.isArray(body.items)) {
              // Compared literally: only the one name containing % or _ ever matches.
              const literal =
                url.startsWith('/api/enterprises?q=') && (evil === '%' || evil === '_');
              expect(body.items.length, url).toBe(literal ? 1 : 0);
            }
          }
        }
        expect(await count('SELECT count(*)::int AS n FROM enterprises')).toBe(enterprisesBefore);
      });

      test('wildcards match literally: % and _ find only names containing them', async () => {
        const percent = json((await call({ url: '/api/enterprises?q=%25', as: 'admin' })).body) as {
          items: { name: string }[];
          total: number;
        };
        expect(percent.items.map((i) => i.name)).toEqual(['万州100%_特殊字符公司']);
        const underscore = json(
          (await call({ url: '/api/enterprises?q=_', as: 'admin' })).body,
        ) as { total: number };
        expect(underscore.total).toBe(1);
      });

      test('search by Chinese name, former name, USCC, region, field; paging', async () => {
        const byName = json(
          (await call({ url: `/api/enterprises?q=${encodeURIComponent('渝中测试')}`, as: 'admin' }))
            .body,
        ) as { items: { uscc: string }[] };
        expect(byName.items.map((i) => i.uscc)).toEqual([USCC_YUZHONG]);
        const byFormer = json(
          (await call({ url: `/api/enterprises?q=${encodeURIComponent('旧名')}`, as: 'admin' }))
            .body,
        ) as { items: { uscc: string }[] };
        expect(byFormer.items.map((i) => i.uscc)).toEqual([USCC_YUZHONG]);
        const byUscc = json(
          (await call({ url: `/api/enterprises?uscc=${USCC_WANZHOU.toLowerCase()}`, as: 'admin' }))
            .body,
        ) as { total: number };
        expect(byUscc.total).toBe(1);
        const byRegion = json(
          (await call({ url: `/api/enterprises?region=${WANZHOU}&pageSize=1&page=2`, as: 'admin' }))
            .body,
        ) as { items: unknown[]; total: number; page: number };
        expect(byRegion).toMatchObject({ total: 2, page: 2 });
        expect(byRegion.items).toHaveLength(1);
        const byField = json(
          (await call({ url: '/api/enterprises?field=01', as: 'admin' })).body,
        ) as { total: number };
        expect(byField.total).toBe(1);
      });
    });

    describe('dashboard', () => {
      test('rankings: ranks follow scores, rank change = last year’s rank − this year’s', async () => {
        const now = json(
          (await call({ url: '/api/rankings?year=2023&edition=test', as: 'analyst' })).body,
        ) as unknown as {
          run: { id: number; published: boolean };
          items: {
            regionCode: string;
            score: number;
            rank: number;
            rankChange: number;
            scoreChange: number;
            tier: { code: string } | null;
            subIndices: unknown[];
          }[];
          city: { score: number };
        };
        expect(now.run).toMatchObject({ id: fixture.run2023, published: false });
        expect(now.items.length).toBe(38);
        const before = json(
          (await call({ url: '/api/rankings?year=2022&edition=test', as: 'analyst' })).body,
        ) as unknown as typeof now;
        const rankBefore = new Map(before.items.map((i) => [i.regionCode, i.rank]));
        for (const [k, item] of now.items.entries()) {
          expect(item.rank).toBe(1 + now.items.filter((o) => o.score > item.score).length);
          if (k > 0) expect(item.score).toBeLessThanOrEqual(now.items[k - 1]?.score as number);
          expect(item.rankChange).toBe((rankBefore.get(item.regionCode) as number) - item.rank);
          expect(item.subIndices).toHaveLength(2);
          // Chongqing rule: above the city → first tier.
          if (item.score > now.city.score) expect(item.tier?.code).toBe('tier1');
        }
        const central = json(
          (
            await call({
              url: '/api/rankings?year=2023&edition=test&group=centralUrban',
              as: 'analyst',
            })
          ).body,
        ) as unknown as { items: { groupRank: number }[] };
        expect(central.items.map((i) => i.groupRank)).toEqual(central.items.map((_, i) => i + 1));
      });

      test('district profile: score and rank as in the ranking; attributions add up to the score change', async () => {
        const profile = json(
          (
            await call({
              url: `/api/districts/${YUZHONG}/profile?year=2023&edition=test`,
              as: 'analyst',
            })
          ).body,
        ) as unknown as {
          score: number;
          rank: number;
          rankOf: number;
          scoreChange: number;
          history: { year: number; score: number }[];
          strengths: { indicator: string }[];
          rankChangeAttribution: { contribution: number }[];
          targets: { target: number; progress: number }[];
        };
        const ranking = json(
          (await call({ url: '/api/rankings?year=2023&edition=test', as: 'analyst' })).body,
        ) as unknown as { items: { regionCode: string; score: number; rank: number }[] };
        const item = ranking.items.find((i) => i.regionCode === YUZHONG);
        expect(profile).toMatchObject({ score: item?.score, rank: item?.rank, rankOf: 38 });
        expect(profile.history.map((h) => h.year)).toEqual([2022, 2023]);
        expect(profile.strengths.length).toBeGreaterThan(0);
        const total = profile.rankChangeAttribution.reduce((s, c) => s + c.contribution, 0);
        expect(total).toBeCloseTo(profile.scoreChange, 9);
        expect(profile.targets).toHaveLength(1);
        // Anonymous: only the published 2022 run.
        expect(
          (await call({ url: `/api/districts/${YUZHONG}/profile?year=2023` })).statusCode,
        ).toBe(401);
        expect((await call({ url: `/api/districts/${YUZHONG}/profile` })).statusCode).toBe(200);
      });

      test('target progress: 40 → 60 from 2021 to 2023 towards 100 in 2027 (slope 10 a year)', async () => {
        const [target] = json(
          (await call({ url: `/api/targets?region=${YUZHONG}` })).body,
        ) as unknown as {
          current: { year: number; value: number };
          baseline: { year: number; value: number };
          progress: number;
          projected: { year: number; value: number };
          onTrack: boolean;
        }[];
        expect(target).toMatchObject({
          current: { year: 2023, value: 60 },
          baseline: { year: 2021, value: 40 },
          projected: { year: 2027, value: 100 },
          onTrack: true,
        });
        expect(target?.progress).toBeCloseTo((60 - 40) / (100 - 40), 12);
      });

      test('regions are dated: 江北区 is in force in 2024 and not after the 2025 reform', async () => {
        const in2024 = json(
          (await call({ url: '/api/regions?asOf=2024-06-01' })).body,
        ) as unknown as { code: string }[];
        const in2026 = json(
          (await call({ url: '/api/regions?asOf=2026-06-01' })).body,
        ) as unknown as { code: string }[];
        expect(in2024.map((r) => r.code)).toContain('500105');
        expect(in2026.map((r) => r.code)).not.toContain('500105');
        expect((await call({ url: '/api/regions?asOf=2024-13-01' })).statusCode).toBe(400);
        const yuzhong = json((await call({ url: `/api/regions/${YUZHONG}` })).body) as {
          groupHistory: unknown[];
        };
        expect(yuzhong.groupHistory.length).toBeGreaterThan(0);
      });
    });

    describe('index runs', () => {
      test('an analyst computes a run; the public cannot; an administrator publishes it', async () => {
        expect(
          (
            await call({
              method: 'POST',
              url: '/api/index-runs',
              payload: { edition: 'api', year: 2023, frameworkId: 'test-framework' },
            })
          ).statusCode,
        ).toBe(401);
        expect(
          (
            await call({
              method: 'POST',
              url: '/api/index-runs',
              as: 'yuzhong',
              payload: { edition: 'api', year: 2023, frameworkId: 'test-framework' },
            })
          ).statusCode,
        ).toBe(403);
        const created = await call({
          method: 'POST',
          url: '/api/index-runs',
          as: 'analyst',
          payload: { edition: 'api', year: 2023, frameworkId: 'test-framework' },
        });
        expect(created.statusCode, created.body).toBe(201);
        const run = json(created.body) as { id: number; published: boolean };
        expect(run.published).toBe(false);
        expect((await call({ url: `/api/index-runs/${run.id}` })).statusCode).toBe(401);
        expect(
          (
            await call({
              method: 'POST',
              url: `/api/index-runs/${run.id}/publish`,
              as: 'analyst',
              payload: {},
            })
          ).statusCode,
        ).toBe(403);
        expect(
          (
            await call({
              method: 'POST',
              url: `/api/index-runs/${run.id}/publish`,
              as: 'admin',
              payload: {},
            })
          ).statusCode,
        ).toBe(200);
        const seen = await call({ url: `/api/index-runs/${run.id}` });
        expect(json(seen.body)).toMatchObject({ id: run.id, published: true, inputsMatch: true });
        const results = json(
          (await call({ url: `/api/index-runs/${run.id}/results?level=2` })).body,
        ) as { units: { scores: Record<string, number> }[] };
        expect(Object.keys(results.units[0]?.scores ?? {}).sort()).toEqual(['A', 'B']);
        const unknownFramework = await call({
          method: 'POST',
          url: '/api/index-runs',
          as: 'analyst',
          payload: { edition: 'api', year: 2023, frameworkId: 'nope' },
        });
        expect(unknownFramework.statusCode).toBe(400);
      });

      test('unit view, changes and uncertainty of a run', async () => {
        const unit = json(
          (
            await call({
              url: `/api/index-runs/${fixture.run2023}/units/${YUZHONG}`,
              as: 'analyst',
            })
          ).body,
        ) as { contributions: { contribution: number }[]; strengths: unknown[] };
        const ranking = json(
          (await call({ url: '/api/rankings?year=2023&edition=test', as: 'analyst' })).body,
        ) as unknown as { items: { regionCode: string; score: number }[] };
        const score = ranking.items.find((i) => i.regionCode === YUZHONG)?.score as number;
        expect(unit.contributions.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(score, 9);
        const changes = json(
          (await call({ url: `/api/index-runs/${fixture.run2023}/changes`, as: 'analyst' })).body,
        ) as { against: { id: number }; items: unknown[] };
        expect(changes.against.id).toBe(fixture.run2022);
        expect(
          (await call({ url: `/api/index-runs/${fixture.run2023}/uncertainty`, as: 'analyst' }))
            .statusCode,
        ).toBe(404);
        const ua = await call({
          method: 'POST',
          url: `/api/index-runs/${fixture.run2023}/uncertainty`,
          as: 'analyst',
          payload: { n: 20, seed: 3 },
        });
        expect(ua.statusCode, ua.body).toBe(200);
        const units = (
          json(ua.body) as { units: { q05: number; medianRank: number; q95: number }[] }
        ).units;
        expect(units).toHaveLength(38);
        for (const u of units) {
          expect(u.q05).toBeLessThanOrEqual(u.medianRank);
          expect(u.medianRank).toBeLessThanOrEqual(u.q95);
        }
        expect(
          (await call({ url: `/api/index-runs/${fixture.run2023}/uncertainty`, as: 'analyst' }))
            .statusCode,
        ).toBe(200);
      });
    });

    describe('workbench preview (POST /api/index-runs/preview)', () => {
      type PreviewItem = {
        regionCode: string;
        score: number;
        rank: number;
        rankChange: number | null;
        scoreChange: number | null;
        tier: { code: string } | null;
        subIndices: { code: string; score: number; rank: number }[];
        publishedScore: number;
        publishedRank: number;
        rankShift: number;
      };
      type PreviewBody = {
        run: { id: number };
        items: PreviewItem[];
        preview: { rerunFrom: string | null; weights: Record<string, number>; stored: boolean };
      };
      const preview = (payload: Record<string, unknown>, as?: keyof typeof USERS) =>
        call({ method: 'POST', url: '/api/index-runs/preview', payload, ...(as ? { as } : {}) });
      const published2023 = async () =>
        json(
          (await call({ url: '/api/rankings?year=2023&edition=test', as: 'analyst' })).body,
        ) as unknown as { items: PreviewItem[] };
      const fields = (body: string) =>
        (json(body).error?.details as { issues: { field: string }[] } | undefined)?.issues.map(
          (i) => i.field,
        ) ?? [];

      test('equal weights (those of the framework) reproduce the stored run exactly', async () => {
        const before = await count('SELECT count(*)::int AS n FROM index_runs');
        const response = await preview(
          { edition: 'test', year: 2023, weights: { A: 1, B: 1 } },
          'analyst',
        );
        expect(response.statusCode, response.body).toBe(200);
        const body = json(response.body) as unknown as PreviewBody;
        expect(body.run.id).toBe(fixture.run2023);
        expect(body.preview).toMatchObject({ stored: false, rerunFrom: 'aggregate' });
        const stored = await published2023();
        const pick = ({
          regionCode,
          score,
          rank,
          rankChange,
          scoreChange,
          tier,
          subIndices,
        }: PreviewItem) => ({ regionCode, score, rank, rankChange, scoreChange, tier, subIndices });
        expect(body.items.map(pick)).toEqual(stored.items.map(pick));
        for (const item of body.items) {
          expect(item.publishedRank).toBe(item.rank);
          expect(item.rankShift).toBe(0);
        }
        // Nothing is stored.
        expect(await count('SELECT count(*)::int AS n FROM index_runs')).toBe(before);
      });

      test('weight 0 for pillar B equals the index of A alone; 3:1 equals (3A + B) / 4', async () => {
        const stored = await published2023();
        const sub = (i: PreviewItem, code: string) =>
          i.subIndices.find((s) => s.code === code) as { score: number; rank: number };
        const byCode = new Map(stored.items.map((i) => [i.regionCode, i]));
        const zero = json(
          (await preview({ edition: 'test', year: 2023, weights: { B: 0 } }, 'analyst')).body,
        ) as unknown as PreviewBody;
        expect(zero.items).toHaveLength(38);
        for (const item of zero.items) {
          const own = byCode.get(item.regionCode) as PreviewItem;
          expect(item.score).toBeCloseTo(sub(own, 'A').score, 10);
          // Ranked by A alone: the rank of A in the stored run.
          expect(item.rank).toBe(sub(own, 'A').rank);
          expect(item.publishedRank).toBe(own.rank);
          expect(item.rankShift).toBe(own.rank - item.rank);
        }
        expect(zero.preview.weights).toMatchObject({ A: 1, B: 0 });
        const heavy = json(
          (await preview({ edition: 'test', year: 2023, weights: { A: 3 } }, 'analyst')).body,
        ) as unknown as PreviewBody;
        for (const item of heavy.items) {
          const own = byCode.get(item.regionCode) as PreviewItem;
          expect(item.score).toBeCloseTo((3 * sub(own, 'A').score + sub(own, 'B').score) / 4, 10);
          expect(item.rank).toBe(1 + heavy.items.filter((o) => o.score > item.score).length);
        }
        expect(heavy.items.some((i) => i.rankShift !== 0)).toBe(true);
      });

      test('another normalisation equals a full rebuild of the stored inputs with that method', async () => {
        const response = await preview(
          { edition: 'test', year: 2023, normalisation: 'minMax' },
          'analyst',
        );
        expect(response.statusCode, response.body).toBe(200);
        const body = json(response.body) as unknown as PreviewBody;
        expect(body.preview.rerunFrom).toBe('normalise');
        const { build } = await regenerateIndexRun(registry.db, fixture.run2023);
        const full = runIndex(build.input, {
          ...build.spec,
          steps: build.spec.steps.map((s) =>
            s.step === 'normalise' ? { step: 'normalise', method: 'minMax' } : s,
          ),
        });
        const expected = new Map(
          getResults(full, { codes: ['T'] }).map((r) => [r.unit, r.scores.T]),
        );
        for (const item of body.items) {
          expect(item.score).toBeCloseTo(expected.get(item.regionCode) as number, 12);
        }
        // Min–max gives the lowest district 0, which the geometric mean refuses: a 400 saying so.
        const geometric = await preview(
          { edition: 'test', year: 2023, normalisation: 'minMax', aggregation: 'geometricMean' },
          'analyst',
        );
        expect(geometric.statusCode).toBe(400);
        expect(json(geometric.body).error?.code).toBe('invalidIndexInput');
      });

      test('bad weights and methods answer 400 naming each field', async () => {
        const cases: [Record<string, unknown>, string][] = [
          [{ weights: { NOPE: 1 } }, 'weights.NOPE'],
          [{ weights: { A: -1 } }, 'weights.A'],
          [{ weights: { A: 'heavy' } }, 'weights.A'],
          [{ weights: { T: 2 } }, 'weights.T'],
          [{ weights: { A: 0, B: 0 } }, 'weights.A'],
          [{ normalisation: 'magic' }, 'normalisation'],
          [{ aggregation: 'sum' }, 'aggregation'],
        ];
        for (const [change, field] of cases) {
          const response = await preview({ edition: 'test', year: 2023, ...change }, 'analyst');
          expect(response.statusCode, JSON.stringify(change)).toBe(400);
          expect(json(response.body).error?.code).toBe('validation');
          expect(fields(response.body), JSON.stringify(change)).toContain(field);
        }
        const two = await preview(
          { edition: 'test', year: 2023, weights: { NOPE: 1, X9: 2 } },
          'analyst',
        );
        expect(fields(two.body)).toEqual(['weights.NOPE', 'weights.X9']);
      });

      test('who may preview: analysts any run; the public and other roles published runs only', async () => {
        const run2022 = { edition: 'test', year: 2022, weights: { B: 2 } };
        const run2023 = { edition: 'test', year: 2023, weights: { B: 2 } };
        expect((await preview(run2022)).statusCode).toBe(200);
        const anonymous = await preview(run2023);
        expect(anonymous.statusCode).toBe(401);
        expect(json(anonymous.body).error?.code).toBe('unauthenticated');
        expect((await preview(run2022, 'citizen')).statusCode).toBe(200);
        expect((await preview(run2023, 'citizen')).statusCode).toBe(403);
        expect((await preview(run2023, 'yuzhong')).statusCode).toBe(403);
        expect((await preview(run2023, 'admin')).statusCode).toBe(200);
        // A signed-in preview still needs the CSRF token, like every non-GET request.
        const forged = await call({
          method: 'POST',
          url: '/api/index-runs/preview',
          as: 'analyst',
          csrf: 'forged',
          payload: run2023,
        });
        expect(forged.statusCode).toBe(403);
        expect(json(forged.body).error?.code).toBe('csrf');
      });
    });

    describe('reports (XLSX)', () => {
      const workbookOf = async (payload: Buffer) => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(payload as unknown as ArrayBuffer);
        return workbook;
      };
      /** Every cell's text of a sheet, row by row. */
      const rowsOf = (sheet: ExcelJS.Worksheet | undefined) => {
        const rows: unknown[][] = [];
        sheet?.eachRow((row) => {
          rows.push((row.values as unknown[]).slice(1));
        });
        return rows;
      };

      test('district report: the district’s name, its rank as the profile route gives it, sub-indices, notes with run id and inputs hash', async () => {
        const response = await call({
          url: `/api/reports/district/${YUZHONG}?year=2023&edition=test&format=xlsx`,
          as: 'analyst',
        });
        expect(response.statusCode, response.body).toBe(200);
        expect(response.headers['content-type']).toContain('spreadsheetml');
        const disposition = String(response.headers['content-disposition']);
        expect(disposition).toContain(
          `filename*=UTF-8''${encodeURIComponent('渝中区科技创新指数报告-2023.xlsx')}`,
        );
        const profile = json(
          (
            await call({
              url: `/api/districts/${YUZHONG}/profile?year=2023&edition=test`,
              as: 'analyst',
            })
          ).body,
        ) as unknown as {
          rank: number;
          score: number;
          groupRank: { rank: number };
          subIndices: { code: string; score: number; cityAverage: number }[];
          history: unknown[];
        };
        const workbook = await workbookOf(response.rawPayload);
        expect(workbook.worksheets.map((w) => w.name)).toEqual([
          '概况 Summary',
          '分项指数 Sub-indices',
          '历年 History',
          '优势劣势 Strengths',
          '变化归因 Attribution',
          '目标 Targets',
          '说明 Notes',
        ]);
        const summary = rowsOf(workbook.getWorksheet('概况 Summary'));
        const value = (label: string) => summary.find((r) => String(r[0]).startsWith(label))?.[1];
        expect(value('区县 District')).toBe('渝中区');
        expect(value('全市排名')).toBe(profile.rank);
        expect(value('片区排名')).toBe(profile.groupRank.rank);
        expect(value('综合指数')).toBe(profile.score);
        const subs = rowsOf(workbook.getWorksheet('分项指数 Sub-indices'));
        for (const s of profile.subIndices) {
          const row = subs.find((r) => r[0] === s.code);
          expect(row?.[3]).toBe(s.score);
          expect(row?.[4]).toBeCloseTo(s.cityAverage, 12);
        }
        expect(rowsOf(workbook.getWorksheet('历年 History'))).toHaveLength(
          1 + profile.history.length,
        );
        const targets = rowsOf(workbook.getWorksheet('目标 Targets'));
        expect(targets[1]?.[0]).toBe('HTE_COUNT');
        const notes = rowsOf(workbook.getWorksheet('说明 Notes'));
        const note = (label: string) => notes.find((r) => String(r[0]).startsWith(label))?.[1];
        expect(note('计算编号')).toBe(fixture.run2023);
        const run = json(
          (await call({ url: `/api/index-runs/${fixture.run2023}`, as: 'analyst' })).body,
        );
        expect(note('输入哈希')).toBe(run.inputsHash);
        // Each input of 渝中 with its source: the fixture's values are all synthetic.
        const inputs = notes.filter((r) => r[0] === YUZHONG);
        expect(inputs.map((r) => r[1])).toEqual(['X1', 'X2', 'X3']);
        for (const r of inputs) expect(r[7]).toBe('synthetic');
      });

      test('city report: 38 districts by rank with tiers and changes, by group, notes; the public only for published years', async () => {
        const response = await call({
          url: '/api/reports/city?year=2023&edition=test',
          as: 'analyst',
        });
        expect(response.statusCode, response.body).toBe(200);
        const ranking = json(
          (await call({ url: '/api/rankings?year=2023&edition=test', as: 'analyst' })).body,
        ) as unknown as {
          items: {
            regionCode: string;
            rank: number;
            rankChange: number;
            tier: { nameZh: string };
          }[];
        };
        const workbook = await workbookOf(response.rawPayload);
        const rows = rowsOf(workbook.getWorksheet('排名 Ranking')).slice(1);
        expect(rows).toHaveLength(38);
        for (const item of ranking.items) {
          const row = rows.find((r) => r[1] === item.regionCode);
          expect(row?.[0]).toBe(item.rank);
          expect(row?.[8]).toBe(item.rankChange);
          expect(String(row?.[7])).toContain(item.tier.nameZh);
        }
        expect(rows.map((r) => r[0])).toEqual(
          [...rows.map((r) => r[0] as number)].sort((a, b) => a - b),
        );
        expect(rowsOf(workbook.getWorksheet('分片区 By group')).slice(1)).toHaveLength(38);
        const notes = rowsOf(workbook.getWorksheet('说明 Notes'));
        expect(notes.find((r) => String(r[0]).startsWith('计算编号'))?.[1]).toBe(fixture.run2023);
        expect(notes.find((r) => r[0] === 'X1')?.[5]).toBe(38);

        expect((await call({ url: '/api/reports/city?year=2023&edition=test' })).statusCode).toBe(
          401,
        );
        expect(
          (await call({ url: `/api/reports/district/${YUZHONG}?year=2023&edition=test` }))
            .statusCode,
        ).toBe(401);
        expect((await call({ url: '/api/reports/city?year=2022&edition=test' })).statusCode).toBe(
          200,
        );
        const pdf = await call({ url: '/api/reports/city?format=pdf' });
        expect(pdf.statusCode).toBe(400);
        expect(JSON.stringify(json(pdf.body).error)).toContain('format');
        expect((await call({ url: '/api/reports/district/999999?year=2022' })).statusCode).toBe(
          404,
        );
      });
    });

    describe('imports, exports, templates', () => {
      const multipart = (fileName: string, content: Buffer | string) => {
        const boundary = '----kechuangtest';
        const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
        return {
          payload: Buffer.concat([
            Buffer.from(head),
            Buffer.from(content),
            Buffer.from(`\r\n--${boundary}--\r\n`),
          ]),
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        };
      };
      const platformsCsv = (region: string, name: string) =>
        `\uFEFF平台名称,平台类型,级别,所在区县\n${name},重点实验室,市级,${region}\n`;

      test('upload → report (nothing written) → commit → written', async () => {
        const before = await count('SELECT count(*)::int AS n FROM platforms');
        const upload = await call({
          method: 'POST',
          url: '/api/imports/platforms',
          as: 'admin',
          ...multipart('p.csv', platformsCsv('渝中区', '上传测试实验室')),
        });
        expect(upload.statusCode, upload.body).toBe(200);
        const body = json(upload.body) as {
          id: string;
          rows: number;
          report: { ok: boolean; inserted: number };
        };
        expect(body).toMatchObject({ rows: 1, report: { ok: true, inserted: 1 } });
        expect(await count('SELECT count(*)::int AS n FROM platforms')).toBe(before);
        // Another user cannot see or commit it.
        expect(
          (await call({ method: 'POST', url: `/api/imports/${body.id}/commit`, as: 'analyst' }))
            .statusCode,
        ).toBe(404);
        const commit = await call({
          method: 'POST',
          url: `/api/imports/${body.id}/commit`,
          as: 'admin',
        });
        expect(commit.statusCode, commit.body).toBe(200);
        expect(json(commit.body)).toMatchObject({ inserted: 1, written: true });
        expect(await count('SELECT count(*)::int AS n FROM platforms')).toBe(before + 1);
        expect(
          (await call({ method: 'POST', url: `/api/imports/${body.id}/commit`, as: 'admin' }))
            .statusCode,
        ).toBe(404);
      });

      test('an editor’s upload with another region’s row: report says why, commit writes nothing', async () => {
        const before = await count('SELECT count(*)::int AS n FROM platforms');
        const csv = `平台名称,平台类型,级别,所在区县\n渝中新实验室,重点实验室,市级,渝中区\n万州新实验室,重点实验室,市级,万州区\n`;
        const upload = await call({
          method: 'POST',
          url: '/api/imports/platforms',
          as: 'yuzhong',
          ...multipart('p.csv', csv),
        });
        const body = json(upload.body) as {
          id: string;
          report: { ok: boolean; issues: { row: number; zh: string }[] };
        };
        expect(body.report.ok).toBe(false);
        expect(body.report.issues.map((i) => i.row)).toEqual([3]);
        const commit = await call({
          method: 'POST',
          url: `/api/imports/${body.id}/commit`,
          as: 'yuzhong',
        });
        expect(commit.statusCode).toBe(409);
        expect(await count('SELECT count(*)::int AS n FROM platforms')).toBe(before);
      });

      test('oversize and malformed uploads are refused with a clear message', async () => {
        const big = await call({
          method: 'POST',
          url: '/api/imports/platforms',
          as: 'admin',
          ...multipart('big.csv', `平台名称\n${'x'.repeat(70 * 1024)}\n`),
        });
        expect(big.statusCode).toBe(413);
        expect(json(big.body).error?.message.zh).toContain('MB');
        const fakeXlsx = await call({
          method: 'POST',
          url: '/api/imports/platforms',
          as: 'admin',
          ...multipart('p.xlsx', 'not a workbook'),
        });
        expect(fakeXlsx.statusCode).toBe(415);
        const binaryCsv = await call({
          method: 'POST',
          url: '/api/imports/platforms',
          as: 'admin',
          ...multipart('p.csv', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2])),
        });
        expect(binaryCsv.statusCode).toBe(415);
        const exe = await call({
          method: 'POST',
          url: '/api/imports/platforms',
          as: 'admin',
          ...multipart('tool.exe', 'MZ'),
        });
        expect(exe.statusCode).toBe(415);
        const badCsv = await call({
          method: 'POST',
          url: '/api/imports/platforms',
          as: 'admin',
          ...multipart('p.csv', '平台名称,平台类型\n"unclosed,重点实验室\n'),
        });
        expect(badCsv.statusCode).toBe(400);
        expect(json(badCsv.body).error?.code).toBe('badFile');
        const empty = await call({
          method: 'POST',
          url: '/api/imports/platforms',
          as: 'admin',
          ...multipart('p.csv', ''),
        });
        expect(empty.statusCode).toBe(400);
        const notMultipart = await call({
          method: 'POST',
          url: '/api/imports/platforms',
          as: 'admin',
          payload: { a: 1 },
        });
        expect(notMultipart.statusCode).toBe(415);
        expect(
          (
            await call({
              method: 'POST',
              url: '/api/imports/platforms',
              ...multipart('p.csv', 'x'),
            })
          ).statusCode,
        ).toBe(401);
      });

      test('exports re-import unchanged; templates are XLSX with Chinese headers', async () => {
        const csv = await call({ url: '/api/exports/platforms?format=csv', as: 'admin' });
        expect(csv.statusCode).toBe(200);
        expect(csv.headers['content-type']).toContain('text/csv');
        expect(csv.body.startsWith('\uFEFF平台名称')).toBe(true);
        const reimport = await call({
          method: 'POST',
          url: '/api/imports/platforms',
          as: 'admin',
          ...multipart('again.csv', csv.rawPayload),
        });
        expect(json(reimport.body)).toMatchObject({
          report: { ok: true, inserted: 0, updated: 0 },
        });
        const xlsx = await call({ url: '/api/templates/enterprises' });
        expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
        expect(xlsx.headers['content-disposition']).toContain('enterprises-template.xlsx');
      });
    });

    describe('assessments', () => {
      test('rule sets; one profile assessed on the spot (public); bad profiles name their fields', async () => {
        const sets = json((await call({ url: '/api/assessments/rule-sets' })).body) as unknown as {
          id: string;
          kind: string;
        }[];
        expect(sets.map((r) => r.kind)).toContain('highTechEnterprise');
        const example = JSON.parse(
          readFileSync(
            join(import.meta.dirname, '../../qualification/examples/high-tech-pass.json'),
            'utf8',
          ),
        ) as Record<string, unknown>;
        const { note: _note, ...profile } = example;
        const one = await call({
          method: 'POST',
          url: '/api/assessments',
          payload: { ruleSet: 'highTechEnterprise', asOf: '2025-06-01', profile },
        });
        expect(one.statusCode, one.body).toBe(200);
        expect(json(one.body)).toMatchObject({
          outcome: 'pass',
          ruleSet: { kind: 'highTechEnterprise' },
        });
        const bad = await call({
          method: 'POST',
          url: '/api/assessments',
          payload: {
            ruleSet: 'highTechEnterprise',
            asOf: '2025-06-01',
            profile: { ...profile, uscc: 'nope', registrationDate: 'yesterday' },
          },
        });
        expect(bad.statusCode).toBe(400);
        const details = json(bad.body).error?.details as
          | { issues: { field: string }[] }
          | undefined;
        const fields = (details?.issues ?? []).map((i) => i.field);
        expect(fields).toEqual(expect.arrayContaining(['uscc', 'registrationDate']));
        const unknown = await call({
          method: 'POST',
          url: '/api/assessments',
          payload: { ruleSet: 'noSuchRule', profile },
        });
        expect(unknown.statusCode).toBe(400);
        expect(JSON.stringify(json(unknown.body).error)).toContain('ruleSet');
      });

      test('stored runs over the registry are for staff; candidates and expiring lists', async () => {
        expect((await call({ url: '/api/assessments/runs' })).statusCode).toBe(401);
        expect(
          (
            await call({
              method: 'POST',
              url: '/api/assessments/runs',
              as: 'firm',
              payload: { ruleSet: 'techSme', asOf: '2025-06-01' },
            })
          ).statusCode,
        ).toBe(403);
        const run = await call({
          method: 'POST',
          url: '/api/assessments/runs',
          as: 'analyst',
          payload: { ruleSet: 'techSme', asOf: '2025-06-01' },
        });
        expect(run.statusCode, run.body).toBe(200);
        const counts = (json(run.body) as { counts: { assessed: number; invalid: number } }).counts;
        expect(counts.assessed).toBe(3);
        const candidates = await call({
          url: '/api/assessments/candidates?ruleSet=techSme',
          as: 'yuzhong',
        });
        expect(candidates.statusCode, candidates.body).toBe(200);
        expect(
          (
            await call({
              url: '/api/assessments/expiring?within=90&asOf=2025-06-01',
              as: 'analyst',
            })
          ).statusCode,
        ).toBe(200);
      });
    });

    describe('registers', () => {
      test('create, read, replace and delete a patent through the registry write path', async () => {
        const created = await call({
          method: 'POST',
          url: '/api/patents',
          as: 'yuzhong',
          payload: {
            number: 'ZL202310000001.1',
            type: '发明',
            ownerName: '测试',
            regionCode: YUZHONG,
          },
        });
        expect(created.statusCode, created.body).toBe(201);
        expect(
          (await call({ url: '/api/patents/ZL202310000001.1', as: 'analyst' })).statusCode,
        ).toBe(200);
        const replaced = await call({
          method: 'PUT',
          url: '/api/patents/ZL202310000001.1',
          as: 'yuzhong',
          payload: { ownerName: '测试二', regionCode: YUZHONG },
        });
        expect(json(replaced.body)).toMatchObject({
          status: 'updated',
          record: { ownerName: '测试二' },
        });
        expect(
          (await call({ method: 'DELETE', url: '/api/patents/ZL202310000001.1', as: 'wanzhou' }))
            .statusCode,
        ).toBe(403);
        expect(
          (await call({ method: 'DELETE', url: '/api/patents/ZL202310000001.1', as: 'yuzhong' }))
            .statusCode,
        ).toBe(200);
        expect(
          (await call({ url: '/api/patents/ZL202310000001.1', as: 'analyst' })).statusCode,
        ).toBe(404);
        const actions = (await readAudit(registry.db, { table: 'patents' })).map((a) => a.action);
        expect(actions).toEqual(['delete', 'update', 'insert']);
      });

      test('yearly figures and qualifications of an enterprise', async () => {
        const put = await call({
          method: 'PUT',
          url: `/api/enterprises/${USCC_YUZHONG}/figures/2023`,
          as: 'firm',
          payload: { salesRevenue: 1200, rdExpense: 80, rdExpenseByCategory: { personnel: 50 } },
        });
        expect(put.statusCode, put.body).toBe(200);
        const figures = json(
          (await call({ url: `/api/enterprises/${USCC_YUZHONG}/figures`, as: 'firm' })).body,
        ) as unknown as { year: number; salesRevenue: number }[];
        expect(figures).toMatchObject([{ year: 2023, salesRevenue: 1200 }]);
        const otherFirm = await call({
          method: 'PUT',
          url: `/api/enterprises/${USCC_WANZHOU}/figures/2023`,
          as: 'firm',
          payload: { salesRevenue: 1 },
        });
        expect(otherFirm.statusCode).toBe(403);
        expect(
          (await call({ url: `/api/enterprises/${USCC_YUZHONG}/qualifications`, as: 'firm' }))
            .statusCode,
        ).toBe(200);
      });
    });
  });
}
