/**
 * Batch pre-assessment over the registry, run on both engines: profiles built from records,
 * stored runs that repeat without changes, candidate order, district scope, expiring
 * certificates and missing yearly registrations. Known answers come from the records below.
 */
import { ruleSetFor } from '@kechuang/qualification';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { syntheticUscc } from '../src/imports/imports.suite.ts';
import {
  type Actor,
  assessRegistry,
  compareAssessmentRuns,
  expiringQualifications,
  loadEnterpriseProfiles,
  missingAnnualUpdates,
  PermissionError,
  type Registry,
  readAudit,
  readCandidates,
  seedRegions,
  upsertRecords,
} from '../src/index.ts';

const admin: Actor = { name: 'admin', role: 'cityAdmin' };
const yuzhongEditor: Actor = { name: 'li', role: 'districtEditor', regionCode: '500103' };

// 渝中 500103: A (R&D 4.8 % against 5 %), B (R&D 2 %); 沙坪坝 500106: C (no registration
// date: no valid profile), D (certificates ending, tech-SME registration not renewed).
const A = syntheticUscc(7001);
const B = syntheticUscc(7002);
const C = syntheticUscc(7003);
const D = syntheticUscc(7004);

const ENTERPRISES = [
  { uscc: A, name: '甲智能装备', region_code: '500103', registered_on: '2018-03-01' },
  { uscc: B, name: '乙材料', region_code: '500103', registered_on: '2016-05-01' },
  { uscc: C, name: '丙软件', region_code: '500106', registered_on: null },
  { uscc: D, name: '丁医药', region_code: '500106', registered_on: '2012-01-10' },
];

/** Sales and R&D (万元) per year: A 4.8 % over three years, B 2 %. */
function figures(id: number, rdShare: number) {
  return [2022, 2023, 2024].map((year, i) => {
    const sales = [4000, 4500, 4900][i] as number;
    return {
      enterprise_id: id,
      year,
      sales_revenue: sales,
      total_revenue: sales + 100,
      non_taxable_revenue: 100,
      hightech_revenue: sales * 0.75,
      rd_expense: Math.round(sales * rdShare * 100) / 100,
      rd_expense_domestic: Math.round(sales * rdShare * 90) / 100,
      staff_total: 100,
      staff_st: 30,
      net_assets: 3000 + i * 1000,
      total_assets: 6000 + i * 2000,
      conversions: 5,
    };
  });
}

export function describeAssessments(name: string, open: () => Promise<Registry>): void {
  describe(`qualification pre-assessment over the registry on ${name}`, () => {
    let registry: Registry;
    const ids = new Map<string, number>();
    const hte = ruleSetFor('highTechEnterprise', '2025-06-01');

    beforeAll(async () => {
      registry = await open();
      const { db } = registry;
      await seedRegions(db);
      await upsertRecords(db, admin, 'enterprises', ['uscc'], ENTERPRISES);
      const { rows } = await db.query<{ id: number; uscc: string }>(
        'SELECT id, uscc FROM enterprises',
      );
      for (const r of rows) ids.set(r.uscc, Number(r.id));
      const id = (uscc: string) => ids.get(uscc) as number;
      await upsertRecords(
        db,
        admin,
        'enterprise_year_figures',
        ['enterprise_id', 'year'],
        [...figures(id(A), 0.048), ...figures(id(B), 0.02), ...figures(id(D), 0.06)],
      );
      await upsertRecords(
        db,
        admin,
        'patents',
        ['number'],
        [
          {
            number: 'ZL202210000001',
            type: 'invention',
            status: 'granted',
            owner_uscc: A,
            region_code: '500103',
            granted_on: '2022-08-01',
          },
          {
            number: 'ZL202220000002',
            type: 'utilityModel',
            status: 'granted',
            owner_uscc: A,
            region_code: '500103',
            granted_on: '2023-02-01',
          },
          {
            number: 'ZL202220000003',
            type: 'utilityModel',
            status: 'lapsed',
            owner_uscc: A,
            region_code: '500103',
            granted_on: '2021-02-01',
          },
        ],
      );
      await upsertRecords(
        db,
        admin,
        'qualifications',
        ['kind', 'number'],
        [
          // Ends within 90 days of 2025-06-01.
          {
            enterprise_id: id(D),
            kind: 'highTechEnterprise',
            number: 'GR202250000001',
            issued_on: '2022-07-15',
            expires_on: '2025-07-14',
            status: 'valid',
          },
          // Ends later in 2025: the expiry year.
          {
            enterprise_id: id(D),
            kind: 'innovativeSme',
            number: 'CX2022-0001',
            issued_on: '2022-12-01',
            expires_on: '2025-11-30',
            status: 'valid',
          },
          // Ends in 2026: not listed on 2025-06-01.
          {
            enterprise_id: id(A),
            kind: 'specialisedSme',
            number: 'ZJTX2023-0001',
            issued_on: '2023-03-01',
            expires_on: '2026-02-28',
            status: 'valid',
          },
          // Registered for 2024, not for 2025.
          {
            enterprise_id: id(D),
            kind: 'techSme',
            number: '20245001060A00001',
            issued_on: '2024-05-20',
            status: 'valid',
          },
          // Registered for 2024 and 2025.
          {
            enterprise_id: id(A),
            kind: 'techSme',
            number: '20245001030A00002',
            issued_on: '2024-05-20',
            status: 'valid',
          },
          {
            enterprise_id: id(A),
            kind: 'techSme',
            number: '20255001030A00003',
            issued_on: '2025-05-18',
            status: 'valid',
          },
        ],
      );
    }, 120_000);
    afterAll(async () => {
      await registry?.close();
    });

    test('profiles come from the records: years, granted patents only, qualifications held', async () => {
      const [a] = await loadEnterpriseProfiles(registry.db, { usccs: [A] });
      const input = a?.input as unknown as {
        years: { year: number; rdExpense: number }[];
        ip: { id: string; type: string }[];
        qualifications: { kind: string }[];
      };
      expect(input.years.map((y) => [y.year, y.rdExpense])).toEqual([
        [2022, 192],
        [2023, 216],
        [2024, 235.2],
      ]);
      expect(input.ip.map((i) => [i.id, i.type])).toEqual([
        ['ZL202210000001', 'invention'],
        ['ZL202220000002', 'utilityModel'],
      ]);
      expect(input.qualifications.map((q) => q.kind).sort()).toEqual([
        'specialisedSme',
        'techSme',
        'techSme',
      ]);
      expect(a?.assumptions[0]?.en).toContain('own R&D');
    });

    test('a city run stores every enterprise; the R&D gap is stated in 万元; an enterprise without a registration date is invalid, naming the field', async () => {
      const run = await assessRegistry(registry.db, admin, hte, { asOf: '2025-06-01' });
      expect(run.scopeCode).toBe('all');
      expect(run.ruleSet).toEqual({ id: hte.id, kind: 'highTechEnterprise', version: hte.version });
      expect(run.counts.assessed).toBe(4);
      expect(run.counts.invalid).toBe(1);
      expect(run.counts.passed + run.counts.needsReview + run.counts.failed).toBe(3);
      expect(run.results.inserted).toBe(4);

      const { rows } = await registry.db.query<{
        uscc: string;
        outcome: string;
        total_gap: number | null;
        result: {
          issues?: { path: string }[];
          criteria?: { id: string; outcome: string; gap?: { text: { zh: string } } }[];
        };
      }>('SELECT uscc, outcome, total_gap, result FROM assessment_results WHERE run_id = $1', [
        run.runId,
      ]);
      const byUscc = new Map(rows.map((r) => [r.uscc, r]));
      expect(byUscc.get(C)?.outcome).toBe('invalid');
      expect(JSON.stringify(byUscc.get(C)?.result.issues)).toContain('registrationDate');
      // 3-year R&D 643.2 万 of sales 13,400 万 = 4.8 % < 5 %: 26.8 万 short.
      const rd = byUscc
        .get(A)
        ?.result.criteria?.find((c) => c.outcome === 'unmet' && c.gap?.text.zh.includes('研发'));
      expect(byUscc.get(A)?.outcome).toBe('fail');
      expect(rd?.gap?.text.zh).toContain('26.8');
    });

    test('candidates are ordered by total gap (closest first), per 区县 on request', async () => {
      const run = await assessRegistry(registry.db, admin, hte, { asOf: '2025-06-01' });
      const all = await readCandidates(registry.db, admin, { runId: run.runId });
      expect(all.map((c) => c.rank)).toEqual(all.map((_, i) => i + 1));
      const gaps = all.map((c) => c.totalGap);
      expect(gaps).toEqual([...gaps].sort((x, y) => x - y));
      // A lacks 0.2 points of R&D intensity, B 3 points: A comes first.
      expect(all.findIndex((c) => c.uscc === A)).toBeLessThan(all.findIndex((c) => c.uscc === B));
      expect(all.find((c) => c.uscc === A)?.gaps[0]?.zh).toContain('研发');
      const shapingba = await readCandidates(registry.db, admin, {
        runId: run.runId,
        regionCode: '500106',
      });
      expect(shapingba.every((c) => c.regionCode === '500106')).toBe(true);
      expect(shapingba.some((c) => c.uscc === C)).toBe(false);
    });

    test('running again changes nothing; a changed figure updates that result only, audited with before and after', async () => {
      const first = await assessRegistry(registry.db, admin, hte, { asOf: '2025-06-01' });
      const auditBefore = (await readAudit(registry.db, { table: 'assessment_results' })).length;
      const again = await assessRegistry(registry.db, admin, hte, { asOf: '2025-06-01' });
      expect(again.runId).toBe(first.runId);
      expect(again.results).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, deleted: 0 });
      expect((await readAudit(registry.db, { table: 'assessment_results' })).length).toBe(
        auditBefore,
      );

      await upsertRecords(
        registry.db,
        admin,
        'enterprise_year_figures',
        ['enterprise_id', 'year'],
        [{ ...(figures(ids.get(B) as number, 0.02)[2] as object), rd_expense: 300 }],
      );
      const changed = await assessRegistry(registry.db, admin, hte, { asOf: '2025-06-01' });
      expect(changed.results).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
      const entries = await readAudit(registry.db, { table: 'assessment_results' });
      const last = entries.find((e) => e.key === `${first.runId}/${B}`);
      expect(last?.action).toBe('update');
      expect(last?.before).toBeTruthy();
      expect(last?.after).toBeTruthy();
    });

    test("a district editor's run covers her 区县 only; another 区县 or the public is refused", async () => {
      const run = await assessRegistry(registry.db, yuzhongEditor, hte, { asOf: '2025-06-01' });
      expect(run.scopeCode).toBe('500103');
      expect(run.counts.assessed).toBe(2);
      await expect(
        assessRegistry(registry.db, yuzhongEditor, hte, {
          asOf: '2025-06-01',
          regionCode: '500106',
        }),
      ).rejects.toBeInstanceOf(PermissionError);
      await expect(
        assessRegistry(registry.db, { name: 'anyone', role: 'public' }, hte, {
          asOf: '2025-06-01',
        }),
      ).rejects.toBeInstanceOf(PermissionError);
    });

    test('expiring certificates: within 90 days, or later in the same year; not next year', async () => {
      const list = await expiringQualifications(registry.db, admin, { asOf: '2025-06-01' });
      expect(list.map((q) => [q.number, q.reason, q.daysLeft])).toEqual([
        ['GR202250000001', 'withinDays', 43],
        ['CX2022-0001', 'thisYear', 182],
      ]);
      const none = await expiringQualifications(registry.db, admin, {
        asOf: '2025-06-01',
        regionCode: '500103',
      });
      expect(none).toEqual([]);
    });

    test('yearly registrations not renewed: registered for 2024, not for 2025', async () => {
      const list = await missingAnnualUpdates(registry.db, admin, { year: 2025 });
      expect(list.map((m) => [m.uscc, m.kind, m.lastYear])).toEqual([[D, 'techSme', 2024]]);
    });

    test('two runs compare enterprise by enterprise (last year against this year)', async () => {
      const before = await assessRegistry(
        registry.db,
        admin,
        ruleSetFor('highTechEnterprise', '2024-06-01'),
        {
          asOf: '2024-06-01',
        },
      );
      const now = await assessRegistry(registry.db, admin, hte, { asOf: '2025-06-01' });
      expect(before.runId).not.toBe(now.runId);
      const changes = await compareAssessmentRuns(registry.db, admin, before.runId, now.runId);
      expect(changes.map((c) => c.uscc).sort()).toEqual([A, B, C, D].sort());
      expect(changes.every((c) => c.from && c.to)).toBe(true);
    });
  });
}
