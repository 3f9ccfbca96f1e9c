/**
 * The registry suite, run on both engines (pglite.test.ts, postgres.test.ts). `open` returns a
 * fresh, empty, migrated registry each call.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type Actor,
  checksumOf,
  deleteRecord,
  MigrationError,
  migrate,
  PermissionError,
  RecordError,
  type Registry,
  readAudit,
  readMigrations,
  seedRegions,
  upsertRecord,
  upsertRecords,
} from '../src/index.ts';

const admin: Actor = { name: 'admin', role: 'cityAdmin' };
const yuzhongEditor: Actor = { name: 'li', role: 'districtEditor', regionCode: '500103' };
const analyst: Actor = { name: 'wang', role: 'cityAnalyst' };
const publicUser: Actor = { name: 'anon', role: 'public' };
const USCC_A = '91500103MA5U000001';
const USCC_B = '91500106MA5U000002';
const firm: Actor = { name: 'firm-a', role: 'enterpriseUser', uscc: USCC_A };

async function count(registry: Registry, sql: string, params?: unknown[]): Promise<number> {
  const { rows } = await registry.db.query<{ n: number }>(sql, params);
  return rows[0]?.n ?? Number.NaN;
}

export function describeRegistry(name: string, open: () => Promise<Registry>): void {
  describe(`registry on ${name}`, () => {
    let registry: Registry;
    beforeAll(async () => {
      registry = await open();
      await seedRegions(registry.db);
    }, 120_000);
    afterAll(async () => {
      await registry?.close();
    });

    test('queries made at once in a transaction run in the order they were made', async () => {
      const order = await registry.db.transaction(async (tx) => {
        await tx.query('CREATE TEMP TABLE call_order (seq serial, n int) ON COMMIT DROP');
        await Promise.all(
          Array.from({ length: 30 }, (_, n) =>
            tx.query('INSERT INTO call_order (n) VALUES ($1)', [n]),
          ),
        );
        const { rows } = await tx.query<{ n: number }>('SELECT n FROM call_order ORDER BY seq');
        return rows.map((r) => r.n);
      });
      expect(order).toEqual(Array.from({ length: 30 }, (_, n) => n));
    });

    describe('migrations', () => {
      test('all migrations are applied and recorded with their checksums', async () => {
        const files = readMigrations();
        const { rows } = await registry.db.query<{ version: number; checksum: string }>(
          'SELECT version, checksum FROM schema_migrations ORDER BY version',
        );
        expect(rows).toEqual(files.map((f) => ({ version: f.version, checksum: f.checksum })));
        expect(registry.migrations.applied).toEqual(files.map((f) => f.version));
      });

      test('migrating again applies nothing (idempotent)', async () => {
        const result = await migrate(registry.db);
        expect(result.applied).toEqual([]);
        expect(result.current).toBe(readMigrations().at(-1)?.version);
      });

      test('a changed applied migration fails loudly and changes nothing', async () => {
        const edited = readMigrations().map((m) =>
          m.version === 2 ? { ...m, checksum: checksumOf(`${m.sql}\n-- edited`) } : m,
        );
        await expect(migrate(registry.db, edited)).rejects.toThrow(MigrationError);
        await expect(migrate(registry.db, edited)).rejects.toThrow(/0002|2_registers/);
        const missing = readMigrations().filter((m) => m.version !== 3);
        await expect(migrate(registry.db, missing)).rejects.toThrow(/file is gone/);
        expect(await count(registry, 'SELECT count(*)::int AS n FROM schema_migrations')).toBe(
          readMigrations().length,
        );
      });
    });

    describe('driver normalisation', () => {
      test('count(*) and bigserial are numbers, numeric a string, date YYYY-MM-DD', async () => {
        const { rows } = await registry.db.query<Record<string, unknown>>(
          `SELECT count(*) AS n, 12.50::numeric AS amount, '2024-12-31'::date AS day,
             1.5::float8 AS f, '{"a":1}'::jsonb AS j, ARRAY['x','y'] AS arr`,
        );
        expect(rows[0]).toEqual({
          n: 1,
          amount: '12.50',
          day: '2024-12-31',
          f: 1.5,
          j: { a: 1 },
          arr: ['x', 'y'],
        });
      });

      test('a transaction rolls back on throw; nested calls reuse it', async () => {
        await expect(
          registry.db.transaction(async (tx) => {
            await tx.query(`INSERT INTO targets (scope_kind, scope_code, indicator_code, year, value)
              VALUES ('city', '500000', 'rollback', 2027, 1)`);
            await tx.transaction(async (inner) => {
              await inner.query(`INSERT INTO targets (scope_kind, scope_code, indicator_code, year, value)
                VALUES ('city', '500000', 'rollback', 2028, 1)`);
            });
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(
          await count(
            registry,
            `SELECT count(*)::int AS n FROM targets WHERE indicator_code = 'rollback'`,
          ),
        ).toBe(0);
      });
    });

    describe('region seed', () => {
      test('38 区县 are in force on 2024-12-31, 37 on 2025-11-06 (+ the city)', async () => {
        const active = (day: string) =>
          count(
            registry,
            `SELECT count(*)::int AS n FROM regions WHERE code <> '500000'
             AND (valid_from IS NULL OR valid_from <= $1::date)
             AND (valid_to IS NULL OR valid_to > $1::date)`,
            [day],
          );
        expect(await active('2024-12-31')).toBe(38);
        expect(await active('2025-11-06')).toBe(37);
      });

      test('江北区 is inactive from 2025-11-06 but not deleted; lineage to 两江新区 exists', async () => {
        const { rows } = await registry.db.query<{ valid_to: string | null }>(
          `SELECT valid_to FROM regions WHERE code = '500105'`,
        );
        expect(rows).toEqual([{ valid_to: '2025-11-06' }]);
        const lineage = await registry.db.query<{ from_code: string; to_code: string }>(
          `SELECT from_code, to_code FROM region_lineage WHERE effective_on = '2025-11-06'
           ORDER BY from_code, to_code`,
        );
        expect(lineage.rows.map((r) => `${r.from_code}→${r.to_code}`)).toEqual(
          expect.arrayContaining(['500105→LJXQ-2025', '500112→LJXQ-2025', '500112→500109']),
        );
        const ljxq = await registry.db.query<{ code_confirmed: boolean; valid_from: string }>(
          `SELECT code_confirmed, valid_from FROM regions WHERE code = 'LJXQ-2025'`,
        );
        expect(ljxq.rows).toEqual([{ code_confirmed: false, valid_from: '2025-11-06' }]);
      });

      test('垫江 joins 主城都市区 in 2024; zones overlay 区县 without being regions', async () => {
        const dianjiang = await registry.db.query<{ valid_from: string }>(
          `SELECT valid_from FROM region_groups WHERE region_code = '500231' AND group_kind = 'metropolitan'`,
        );
        expect(dianjiang.rows.map((r) => r.valid_from.slice(0, 4))).toEqual(['2024']);
        expect(
          await count(registry, `SELECT count(*)::int AS n FROM functional_zones`),
        ).toBeGreaterThanOrEqual(4);
        expect(
          await count(
            registry,
            `SELECT count(*)::int AS n FROM regions r JOIN functional_zones z ON z.code = r.code`,
          ),
        ).toBe(0);
      });

      test('seeding again changes nothing', async () => {
        const again = await seedRegions(registry.db);
        for (const summary of Object.values(again)) {
          expect(summary.inserted + summary.updated).toBe(0);
        }
      });
    });

    describe('permissions on the write path', () => {
      beforeAll(async () => {
        await upsertRecords(
          registry.db,
          admin,
          'enterprises',
          ['uscc'],
          [
            { uscc: USCC_A, name: '甲公司', region_code: '500103' },
            { uscc: USCC_B, name: '乙公司', region_code: '500106' },
          ],
        );
      });

      test("a district editor writing another region's record is refused and nothing changes", async () => {
        const auditBefore = await count(registry, 'SELECT count(*)::int AS n FROM audit_log');
        await expect(
          upsertRecord(registry.db, yuzhongEditor, 'enterprises', ['uscc'], {
            uscc: USCC_B,
            name: '乙公司（改）',
            region_code: '500106',
          }),
        ).rejects.toThrow(PermissionError);
        // Moving another region's record into hers is refused too.
        await expect(
          upsertRecord(registry.db, yuzhongEditor, 'enterprises', ['uscc'], {
            uscc: USCC_B,
            region_code: '500103',
          }),
        ).rejects.toMatchObject({ code: 'forbidden' });
        // A batch with one foreign row writes none of its rows.
        await expect(
          upsertRecords(
            registry.db,
            yuzhongEditor,
            'platforms',
            ['name', 'kind'],
            [
              { name: '渝中实验室', kind: '重点实验室', region_code: '500103' },
              { name: '沙坪坝实验室', kind: '重点实验室', region_code: '500106' },
            ],
          ),
        ).rejects.toThrow(/500106/);
        const { rows } = await registry.db.query<{ name: string; region_code: string }>(
          'SELECT name, region_code FROM enterprises WHERE uscc = $1',
          [USCC_B],
        );
        expect(rows).toEqual([{ name: '乙公司', region_code: '500106' }]);
        expect(await count(registry, 'SELECT count(*)::int AS n FROM platforms')).toBe(0);
        expect(await count(registry, 'SELECT count(*)::int AS n FROM audit_log')).toBe(auditBefore);
      });

      test('a district editor writes her own region and not users or regions', async () => {
        const result = await upsertRecord(registry.db, yuzhongEditor, 'enterprises', ['uscc'], {
          uscc: USCC_A,
          name: '甲公司有限公司',
        });
        expect(result.status).toBe('updated');
        await expect(
          upsertRecord(registry.db, yuzhongEditor, 'regions', ['code'], {
            code: '500103',
            name_en: 'x',
          }),
        ).rejects.toThrow(PermissionError);
      });

      test('an enterprise user writes only her own USCC and its figures', async () => {
        const { rows } = await registry.db.query<{ id: number; uscc: string }>(
          'SELECT id, uscc FROM enterprises WHERE uscc = ANY($1::text[]) ORDER BY uscc',
          [[USCC_A, USCC_B]],
        );
        const [a, b] = rows;
        const own = await upsertRecord(
          registry.db,
          firm,
          'enterprise_year_figures',
          ['enterprise_id', 'year'],
          { enterprise_id: a?.id, year: 2024, rd_expense: '120.5' },
        );
        expect(own.status).toBe('inserted');
        await expect(
          upsertRecord(registry.db, firm, 'enterprise_year_figures', ['enterprise_id', 'year'], {
            enterprise_id: b?.id,
            year: 2024,
            rd_expense: 1,
          }),
        ).rejects.toThrow(PermissionError);
        await expect(
          upsertRecord(registry.db, firm, 'enterprises', ['uscc'], { uscc: USCC_B, name: 'x' }),
        ).rejects.toThrow(/only her own enterprise/);
        await expect(
          upsertRecord(registry.db, firm, 'platforms', ['name', 'kind'], {
            name: 'p',
            kind: 'k',
            host_uscc: USCC_A,
          }),
        ).rejects.toThrow(PermissionError);
      });

      test('the public writes nothing; an analyst writes indicator values, not registers', async () => {
        await expect(
          upsertRecord(
            registry.db,
            publicUser,
            'indicator_values',
            ['region_code', 'year', 'indicator_code', 'edition'],
            {
              region_code: '500103',
              year: 2024,
              indicator_code: 'x',
              edition: '',
              value: 1,
            },
          ),
        ).rejects.toMatchObject({ code: 'forbidden' });
        const written = await upsertRecord(
          registry.db,
          analyst,
          'indicator_values',
          ['region_code', 'year', 'indicator_code', 'edition'],
          {
            region_code: '500103',
            year: 2024,
            indicator_code: 'rd_intensity',
            edition: '',
            value: 2.3,
          },
        );
        expect(written.status).toBe('inserted');
        await expect(
          upsertRecord(registry.db, analyst, 'enterprises', ['uscc'], { uscc: USCC_A, name: 'x' }),
        ).rejects.toThrow(PermissionError);
      });
    });

    describe('audit log', () => {
      const key = 'AUDIT-0001';
      test('one entry per changed row with before and after, none for unchanged rows', async () => {
        const record = {
          code: key,
          name: '审计项目',
          level: '市级',
          funding: '100.00',
          region_code: '500103',
        };
        expect((await upsertRecord(registry.db, admin, 'projects', ['code'], record)).status).toBe(
          'inserted',
        );
        expect((await upsertRecord(registry.db, admin, 'projects', ['code'], record)).status).toBe(
          'unchanged',
        );
        expect(
          (
            await upsertRecord(registry.db, admin, 'projects', ['code'], {
              ...record,
              funding: 150,
            })
          ).status,
        ).toBe('updated');
        expect(await deleteRecord(registry.db, admin, 'projects', ['code'], { code: key })).toBe(
          'deleted',
        );
        expect(await deleteRecord(registry.db, admin, 'projects', ['code'], { code: key })).toBe(
          'missing',
        );
        const entries = (await readAudit(registry.db, { table: 'projects', key })).reverse();
        expect(entries.map((e) => e.action)).toEqual(['insert', 'update', 'delete']);
        const [inserted, updated, deleted] = entries;
        expect(inserted).toMatchObject({ actor: 'admin', role: 'cityAdmin', before: null });
        expect(inserted?.after).toMatchObject({ code: key, funding: 100 });
        expect(updated?.before).toMatchObject({ funding: 100 });
        expect(updated?.after).toMatchObject({ funding: 150 });
        expect(deleted?.before).toMatchObject({ funding: 150 });
        expect(deleted?.after).toBeNull();
        expect(inserted?.at).toBeInstanceOf(Date);
      });

      test('UPDATE, DELETE and TRUNCATE of audit_log are rejected', async () => {
        const n = await count(registry, 'SELECT count(*)::int AS n FROM audit_log');
        expect(n).toBeGreaterThan(0);
        await expect(registry.db.query(`UPDATE audit_log SET actor = 'x'`)).rejects.toThrow(
          /append-only/,
        );
        await expect(registry.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
        await expect(registry.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
        expect(await count(registry, 'SELECT count(*)::int AS n FROM audit_log')).toBe(n);
      });
    });

    describe('upsertRecords', () => {
      const patents = Array.from({ length: 2500 }, (_, i) => ({
        number: `CN2024${String(i).padStart(6, '0')}`,
        type: i % 2 ? '发明' : '实用新型',
        status: '授权',
        owner_uscc: USCC_A,
        region_code: '500103',
        granted_on: '2024-06-30',
      }));
      const audited = () =>
        count(registry, `SELECT count(*)::int AS n FROM audit_log WHERE table_name = 'patents'`);

      test('the same batch twice: the second run changes and audits nothing', async () => {
        expect(await upsertRecords(registry.db, admin, 'patents', ['number'], patents)).toEqual({
          inserted: 2500,
          updated: 0,
          unchanged: 0,
        });
        expect(await audited()).toBe(2500);
        expect(await upsertRecords(registry.db, admin, 'patents', ['number'], patents)).toEqual({
          inserted: 0,
          updated: 0,
          unchanged: 2500,
        });
        expect(await audited()).toBe(2500);
      });

      test('changing 3 rows updates and audits exactly those 3', async () => {
        const changed = patents.map((p, i) => (i % 1000 === 7 ? { ...p, status: '失效' } : p));
        expect(await upsertRecords(registry.db, admin, 'patents', ['number'], changed)).toEqual({
          inserted: 0,
          updated: 3,
          unchanged: 2497,
        });
        expect(await audited()).toBe(2503);
      });

      test('duplicate keys and unknown columns are refused before anything is written', async () => {
        const rows = [
          { number: 'DUP-1', type: '发明' },
          { number: 'DUP-1', type: '外观设计' },
        ];
        await expect(
          upsertRecords(registry.db, admin, 'patents', ['number'], rows),
        ).rejects.toThrow(RecordError);
        await expect(
          upsertRecords(
            registry.db,
            admin,
            'patents',
            ['number'],
            [{ number: 'X', colour: 'red' }],
          ),
        ).rejects.toThrow(/no column colour/);
        expect(
          await count(
            registry,
            `SELECT count(*)::int AS n FROM patents WHERE number LIKE 'DUP%' OR number = 'X'`,
          ),
        ).toBe(0);
      });

      test('arrays, jsonb, dates and numerics round-trip and compare equal on re-import', async () => {
        const record = {
          uscc: '91500103MA5U000009',
          name: '丙公司',
          former_names: ['旧名"一"', '旧名\\二', 'NULL'],
          region_code: '500103',
          registered_on: '2019-05-01',
        };
        expect(
          (await upsertRecord(registry.db, admin, 'enterprises', ['uscc'], record)).row,
        ).toMatchObject(record);
        expect(
          (await upsertRecord(registry.db, admin, 'enterprises', ['uscc'], record)).status,
        ).toBe('unchanged');
        const { row } = await upsertRecord(registry.db, admin, 'enterprises', ['uscc'], record);
        const figures = {
          enterprise_id: row.id,
          year: 2023,
          sales_revenue: 1234.5,
          rd_expense_by_category: { personnel: 10.5, equipment: 2 },
        };
        const keys = ['enterprise_id', 'year'];
        expect(
          (await upsertRecord(registry.db, admin, 'enterprise_year_figures', keys, figures)).status,
        ).toBe('inserted');
        const again = await upsertRecord(
          registry.db,
          admin,
          'enterprise_year_figures',
          keys,
          figures,
        );
        expect(again.status).toBe('unchanged');
        expect(again.row).toMatchObject({
          sales_revenue: '1234.5',
          rd_expense_by_category: { personnel: 10.5, equipment: 2 },
        });
      });
    });
  });
}
