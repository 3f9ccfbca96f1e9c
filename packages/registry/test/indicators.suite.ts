/**
 * Derived indicators and reproducible index runs, run on both engines. Known answers are
 * counted by hand from the records inserted here.
 */
import type { Framework, IndexSpec } from '@kechuang/index-engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type Actor,
  computeDerivedIndicators,
  computeRegionIndex,
  deriveIndicators,
  PermissionError,
  type Registry,
  readAudit,
  regenerateIndexRun,
  seedRegions,
  upsertRecords,
} from '../src/index.ts';

const admin: Actor = { name: 'admin', role: 'cityAdmin' };
const editor: Actor = { name: 'li', role: 'districtEditor', regionCode: '500103' };
// 渝中 500103, 沙坪坝 500106, 城口 500229.
const FIRMS = [
  { uscc: '91500103MA5U000011', name: '甲科技', region_code: '500103' },
  { uscc: '91500103MA5U000022', name: '乙科技', region_code: '500103' },
  { uscc: '91500106MA5U000033', name: '丙科技', region_code: '500106' },
];

async function idOf(registry: Registry, uscc: string): Promise<number> {
  const { rows } = await registry.db.query<{ id: number }>(
    'SELECT id FROM enterprises WHERE uscc = $1',
    [uscc],
  );
  return rows[0]?.id as number;
}

export function describeIndicators(name: string, open: () => Promise<Registry>): void {
  describe(`derived indicators and index runs on ${name}`, () => {
    let registry: Registry;
    beforeAll(async () => {
      registry = await open();
      const { db } = registry;
      await seedRegions(db);
      await upsertRecords(db, admin, 'enterprises', ['uscc'], FIRMS);
      const [a, b, c] = await Promise.all(FIRMS.map((f) => idOf(registry, f.uscc)));
      await upsertRecords(
        db,
        admin,
        'qualifications',
        ['kind', 'number'],
        [
          // 甲: valid 2021-11 → 2024-11; 乙: valid 2023-03 → 2026-03; 丙: revoked in 2023.
          {
            enterprise_id: a,
            kind: 'highTechEnterprise',
            number: 'GR202150000001',
            issued_on: '2021-11-01',
            expires_on: '2024-10-31',
            status: 'valid',
          },
          {
            enterprise_id: b,
            kind: 'highTechEnterprise',
            number: 'GR202350000002',
            issued_on: '2023-03-01',
            expires_on: '2026-02-28',
            status: 'valid',
          },
          {
            enterprise_id: c,
            kind: 'highTechEnterprise',
            number: 'GR202250000003',
            issued_on: '2022-01-01',
            expires_on: '2024-12-31',
            status: 'revoked',
          },
          {
            enterprise_id: c,
            kind: 'techSme',
            number: '2023500106A0000001',
            issued_on: '2023-05-10',
            expires_on: '2023-12-31',
            status: 'valid',
          },
        ],
      );
      await upsertRecords(
        db,
        admin,
        'enterprise_year_figures',
        ['enterprise_id', 'year'],
        [
          { enterprise_id: a, year: 2023, rd_expense: 500 },
          { enterprise_id: b, year: 2023, rd_expense: 1500 },
          { enterprise_id: c, year: 2023, rd_expense: 800 },
        ],
      );
      await upsertRecords(
        db,
        admin,
        'contracts',
        ['contract_number'],
        [
          {
            contract_number: 'C1',
            type: 'development',
            amount: 100,
            seller_region_code: '500103',
            buyer_region_code: '500106',
            signed_on: '2023-06-01',
          },
          {
            contract_number: 'C2',
            type: 'service',
            amount: 50,
            seller_region_code: '500103',
            buyer_region_code: '500229',
            signed_on: '2023-07-01',
          },
          {
            contract_number: 'C3',
            type: 'transfer',
            amount: 70,
            seller_region_code: '500106',
            buyer_region_code: '500103',
            signed_on: '2022-07-01',
          },
        ],
      );
      await upsertRecords(
        db,
        admin,
        'patents',
        ['number'],
        [
          {
            number: 'CN2023100000001',
            type: 'invention',
            status: 'granted',
            region_code: '500103',
            granted_on: '2023-02-01',
          },
          {
            number: 'CN2023200000002',
            type: 'utilityModel',
            status: 'granted',
            region_code: '500103',
            granted_on: '2023-03-01',
          },
        ],
      );
      await upsertRecords(
        db,
        admin,
        'platforms',
        ['name', 'kind'],
        [
          {
            name: '国家重点实验室甲',
            kind: 'keyLaboratory',
            level: 'national',
            region_code: '500106',
            accredited_on: '2020-01-01',
          },
          {
            name: '市级中心乙',
            kind: 'technologyInnovationCentre',
            level: 'municipal',
            region_code: '500106',
            accredited_on: '2023-09-01',
          },
        ],
      );
      // Stored inputs of the ratios: GDP (亿元) and Population (万人), edition ''.
      await upsertRecords(
        db,
        admin,
        'indicator_values',
        ['region_code', 'year', 'indicator_code', 'edition'],
        [
          { region_code: '500103', year: 2023, indicator_code: 'GDP', value: 1500, edition: '' },
          { region_code: '500106', year: 2023, indicator_code: 'GDP', value: 1200, edition: '' },
          {
            region_code: '500103',
            year: 2023,
            indicator_code: 'Population',
            value: 60,
            edition: '',
          },
          {
            region_code: '500106',
            year: 2023,
            indicator_code: 'Population',
            value: 150,
            edition: '',
          },
        ],
      );
    }, 120_000);
    afterAll(async () => {
      await registry?.close();
    });

    const value = async (region: string, year: number, code: string) => {
      const all = await computeDerivedIndicators(registry.db, 2022, 2023);
      return all.find((v) => v.regionCode === region && v.year === year && v.code === code)?.value;
    };

    test('valid high-tech enterprises at year end: issued, not expired, not revoked', async () => {
      expect(await value('500103', 2022, 'HTE_COUNT')).toBe(1);
      expect(await value('500103', 2023, 'HTE_COUNT')).toBe(2);
      expect(await value('500106', 2022, 'HTE_COUNT')).toBe(0);
      expect(await value('500229', 2023, 'HTE_COUNT')).toBe(0);
    });

    test('registrations, contracts by 输出 and 吸纳 region, patents, platforms, R&D', async () => {
      expect(await value('500106', 2023, 'TECH_SME_REGISTERED')).toBe(1);
      expect(await value('500103', 2023, 'CONTRACT_OUT')).toBe(150);
      expect(await value('500106', 2023, 'CONTRACT_IN')).toBe(100);
      expect(await value('500103', 2022, 'CONTRACT_IN')).toBe(70);
      expect(await value('500103', 2023, 'PATENTS_GRANTED')).toBe(2);
      expect(await value('500103', 2023, 'INVENTION_PATENTS_GRANTED')).toBe(1);
      expect(await value('500106', 2022, 'PLATFORMS')).toBe(1);
      expect(await value('500106', 2023, 'PLATFORMS')).toBe(2);
      expect(await value('500106', 2023, 'PLATFORMS_NATIONAL')).toBe(1);
      expect(await value('500103', 2023, 'RD_EXPENSE')).toBe(2000);
    });

    test('ratios use derived and stored values: R&D intensity and per-10,000 figures', async () => {
      // 2,000 万元 ÷ (1,500 亿元 × 10,000) × 100 = 0.01333…%
      expect(await value('500103', 2023, 'RD_INTENSITY')).toBeCloseTo(
        (2000 / (1500 * 10000)) * 100,
        12,
      );
      expect(await value('500103', 2023, 'HTE_PER_10K')).toBeCloseTo(2 / 60, 12);
      // No population stored for 城口: the ratio is missing, not zero.
      expect(await value('500229', 2023, 'HTE_PER_10K')).toBeUndefined();
    });

    test('derive stores values (edition "derived", source naming the definition), audited, idempotent', async () => {
      const first = await deriveIndicators(registry.db, admin, 2022, 2023);
      expect(first.inserted).toBe(first.values);
      const again = await deriveIndicators(registry.db, admin, 2022, 2023);
      expect(again.unchanged).toBe(again.values);
      const { rows } = await registry.db.query<{ source_url: string; value: number }>(
        `SELECT source_url, value FROM indicator_values
         WHERE region_code = '500103' AND year = 2023 AND indicator_code = 'HTE_COUNT' AND edition = 'derived'`,
      );
      expect(rows).toEqual([{ source_url: 'derived:HTE_COUNT', value: 2 }]);
      const audit = await readAudit(registry.db, { table: 'indicator_values' });
      expect(audit.filter((e) => e.action === 'insert').length).toBeGreaterThanOrEqual(
        first.values,
      );
    });

    test('a district editor cannot derive the city-wide indicators', async () => {
      await expect(deriveIndicators(registry.db, editor, 2023)).rejects.toBeInstanceOf(
        PermissionError,
      );
    });

    test('an index run stores spec, framework and inputs hash, and regenerates exactly', async () => {
      await deriveIndicators(registry.db, admin, 2023);
      const framework: Framework = {
        id: 'test',
        edition: 't1',
        nodes: [
          { code: 'I', names: { zh: '指数' }, level: 2, parent: null, direction: 1, weight: 1 },
          {
            code: 'HTE_PER_10K',
            names: {},
            level: 1,
            parent: 'I',
            direction: 1,
            weight: 1,
            standard: 0.05,
          },
          {
            code: 'RD_INTENSITY',
            names: {},
            level: 1,
            parent: 'I',
            direction: 1,
            weight: 1,
            standard: 0.02,
          },
        ],
      };
      const spec: IndexSpec = {
        steps: [
          { step: 'normalise', method: 'ratioToStandard' },
          { step: 'aggregate', method: 'arithmeticMean' },
        ],
      };
      const run = await computeRegionIndex(registry.db, admin, {
        edition: 'test-2023',
        year: 2023,
        framework,
        spec,
      });
      const agg = run.build.datasets.Aggregated;
      const yuzhong = agg?.columns.get('I')?.[agg.unitCodes.indexOf('500103')] as number;
      // min(2/60 ÷ 0.05, 1) × 100 = 66.67 and min(0.01333 ÷ 0.02, 1) × 100 = 66.67
      expect(yuzhong).toBeCloseTo(
        ((2 / 60 / 0.05) * 100 + (((2000 / 1.5e7) * 100) / 0.02) * 100) / 2,
        9,
      );
      const again = await regenerateIndexRun(registry.db, run.runId);
      expect(again.matches).toBe(true);
      expect(again.inputsHash).toBe(run.inputsHash);
      expect(Array.from(again.build.datasets.Aggregated?.columns.get('I') as Float64Array)).toEqual(
        Array.from(agg?.columns.get('I') as Float64Array),
      );
      // Tampering with the stored inputs is detected.
      await registry.db.query(
        `UPDATE index_runs SET results = jsonb_set(results, '{inputs,indicators,RD_INTENSITY,0}', '99') WHERE id = $1`,
        [run.runId],
      );
      expect((await regenerateIndexRun(registry.db, run.runId)).matches).toBe(false);
    });
  });
}
