/**
 * A small registry for the API suite (not the demo): the Chongqing regions, a two-level test
 * framework with indicator values for every 区县 in 2022 and 2023 (values computed from the
 * region code, so ranks are known), a published 2022 run and an unpublished 2023 run, a few
 * enterprises, platforms and targets, and one user per role.
 */
import { computeOrganisationCodeCheckChar, computeUsccCheckChar } from '@kechuang/domain';
import type { Framework, IndexSpec } from '@kechuang/index-engine';
import {
  type Actor,
  computeRegionIndex,
  createUser,
  type Registry,
  SYSTEM_ACTOR,
  seedRegions,
  upsertRecords,
} from '@kechuang/registry';

/** A valid 统一社会信用代码 registered in `region` with serial n. */
export function usccFor(region: string, n: number): string {
  const body = `MA${String(n).padStart(6, '0')}`;
  const first17 = `91${region}${body}${computeOrganisationCodeCheckChar(body)}`;
  return first17 + computeUsccCheckChar(first17);
}

export const YUZHONG = '500103';
export const WANZHOU = '500101';
export const USCC_YUZHONG = usccFor(YUZHONG, 1);
export const USCC_WANZHOU = usccFor(WANZHOU, 2);
export const USCC_WANZHOU_2 = usccFor(WANZHOU, 3);
export const PASSWORD = 'test-password-123';

/** Test framework: index T ← sub-indices A (X1, X2) and B (X3). */
export const FRAMEWORK: Framework = {
  id: 'test-framework',
  names: { zh: '测试指标体系', en: 'Test framework' },
  nodes: [
    {
      code: 'T',
      names: { zh: '测试指数', en: 'Test index' },
      level: 3,
      parent: null,
      direction: 1,
      weight: 1,
    },
    { code: 'A', names: { zh: '甲', en: 'A' }, level: 2, parent: 'T', direction: 1, weight: 1 },
    { code: 'B', names: { zh: '乙', en: 'B' }, level: 2, parent: 'T', direction: 1, weight: 1 },
    {
      code: 'X1',
      names: { zh: '指标一', en: 'X1' },
      level: 1,
      parent: 'A',
      direction: 1,
      weight: 1,
      standard: 100,
    },
    {
      code: 'X2',
      names: { zh: '指标二', en: 'X2' },
      level: 1,
      parent: 'A',
      direction: 1,
      weight: 1,
      standard: 100,
    },
    {
      code: 'X3',
      names: { zh: '指标三', en: 'X3' },
      level: 1,
      parent: 'B',
      direction: 1,
      weight: 1,
      standard: 100,
    },
  ],
};

export const SPEC: IndexSpec = {
  steps: [
    { step: 'normalise', method: 'ratioToStandard' },
    { step: 'aggregate', method: 'arithmeticMean' },
  ],
  tiers: { rule: 'chongqing' },
};

/** Indicator values of a region in a year: distinct per region, changing between years. */
export function fixtureValue(code: string, indicator: string, year: number): number {
  const n = Number(code.slice(-3));
  const base =
    { X1: 3 + ((n * 7) % 90), X2: 5 + ((n * 13) % 80), X3: 2 + ((n * 29) % 95) }[indicator] ?? 0;
  return base + (year - 2022) * ((n % 5) - 2);
}

/** The users of the suite, by role. */
export const USERS = {
  admin: { username: 'admin1', role: 'cityAdmin' },
  analyst: { username: 'analyst1', role: 'cityAnalyst' },
  yuzhong: { username: 'yuzhong-editor', role: 'districtEditor', regionCode: YUZHONG },
  wanzhou: { username: 'wanzhou-editor', role: 'districtEditor', regionCode: WANZHOU },
  firm: { username: 'firm-yuzhong', role: 'enterpriseUser', uscc: USCC_YUZHONG },
  citizen: { username: 'citizen1', role: 'public' },
  locked: { username: 'lockme', role: 'cityAnalyst' },
  fresh: { username: 'fresh1', role: 'cityAnalyst', mustChangePassword: true },
} as const satisfies Record<
  string,
  {
    username: string;
    role: Actor['role'];
    regionCode?: string;
    uscc?: string;
    mustChangePassword?: boolean;
  }
>;

/** What the fixture stored (ids of runs and records). */
export type Fixture = {
  run2022: number;
  run2023: number;
  platformWanzhou: number;
  platformYuzhong: number;
};

/** Loads the fixture into an empty, migrated registry. */
export async function loadFixture(registry: Registry): Promise<Fixture> {
  const db = registry.db;
  await seedRegions(db);
  const { rows: regions } = await db.query<{ code: string }>(
    `SELECT code FROM regions WHERE type IN ('区', '县', '自治县')
       AND (valid_from IS NULL OR valid_from <= '2022-01-01') AND (valid_to IS NULL OR valid_to > '2023-12-31')
     ORDER BY code`,
  );
  const values = [];
  for (const year of [2022, 2023]) {
    for (const code of [...regions.map((r) => r.code), '500000']) {
      for (const indicator of ['X1', 'X2', 'X3']) {
        values.push({
          region_code: code,
          year,
          indicator_code: indicator,
          value: code === '500000' ? 50 : fixtureValue(code, indicator, year),
          unit: '个',
          source_url: null,
          synthetic: true,
          edition: '',
        });
      }
    }
  }
  // Target series: HTE_COUNT of 渝中 40 (2021), 50 (2022), 60 (2023) → target 100 in 2027.
  for (const [year, value] of [
    [2021, 40],
    [2022, 50],
    [2023, 60],
  ] as const) {
    values.push({
      region_code: YUZHONG,
      year,
      indicator_code: 'HTE_COUNT',
      value,
      unit: '家',
      source_url: 'derived:HTE_COUNT',
      synthetic: false,
      edition: 'derived',
    });
  }
  await upsertRecords(
    db,
    SYSTEM_ACTOR,
    'indicator_values',
    ['region_code', 'year', 'indicator_code', 'edition'],
    values,
  );
  await upsertRecords(
    db,
    SYSTEM_ACTOR,
    'targets',
    ['scope_kind', 'scope_code', 'indicator_code', 'year'],
    [
      {
        scope_kind: 'region',
        scope_code: YUZHONG,
        indicator_code: 'HTE_COUNT',
        year: 2027,
        value: 100,
        document: '测试目标',
        source: null,
      },
    ],
  );
  await upsertRecords(
    db,
    SYSTEM_ACTOR,
    'enterprises',
    ['uscc'],
    [
      {
        uscc: USCC_YUZHONG,
        name: '重庆渝中测试科技有限公司',
        former_names: ['渝中旧名有限公司'],
        region_code: YUZHONG,
        hightech_field_code: '01',
      },
      {
        uscc: USCC_WANZHOU,
        name: '重庆万州测试科技有限公司',
        former_names: [],
        region_code: WANZHOU,
      },
      {
        uscc: USCC_WANZHOU_2,
        name: '万州100%_特殊字符公司',
        former_names: [],
        region_code: WANZHOU,
      },
    ],
  );
  await upsertRecords(
    db,
    SYSTEM_ACTOR,
    'platforms',
    ['name', 'kind'],
    [
      {
        name: '万州测试重点实验室',
        kind: 'keyLaboratory',
        level: 'municipal',
        region_code: WANZHOU,
        host_uscc: USCC_WANZHOU,
      },
      {
        name: '渝中测试工程技术研究中心',
        kind: 'engineeringResearchCentre',
        level: 'municipal',
        region_code: YUZHONG,
        host_uscc: USCC_YUZHONG,
      },
    ],
  );
  const ids = await db.query<{ id: number; region_code: string }>(
    'SELECT id, region_code FROM platforms',
  );
  const run2022 = await computeRegionIndex(db, SYSTEM_ACTOR, {
    edition: 'test',
    year: 2022,
    framework: FRAMEWORK,
    spec: SPEC,
  });
  const run2023 = await computeRegionIndex(db, SYSTEM_ACTOR, {
    edition: 'test',
    year: 2023,
    framework: FRAMEWORK,
    spec: SPEC,
  });
  await db.query('UPDATE index_runs SET published = true WHERE id = $1', [run2022.runId]);
  for (const user of Object.values(USERS)) {
    await createUser(db, SYSTEM_ACTOR, { ...user, password: PASSWORD });
  }
  return {
    run2022: run2022.runId,
    run2023: run2023.runId,
    platformWanzhou: Number(ids.rows.find((r) => r.region_code === WANZHOU)?.id),
    platformYuzhong: Number(ids.rows.find((r) => r.region_code === YUZHONG)?.id),
  };
}
