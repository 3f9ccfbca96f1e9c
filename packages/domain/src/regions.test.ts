import { describe, expect, test } from 'vitest';
import { parseRecord } from './parseRecord.ts';
import {
  CHONGQING_REGIONS,
  CODE_CROSSWALK,
  FUNCTIONAL_ZONES,
  findRegion,
  findRegionByCode,
  GROUP_MEMBERSHIPS,
  groupMembers,
  groupOf,
  isInGroup,
  isRegionCode,
  isRegionKey,
  LIANGJIANG_2025_KEY,
  lineageOf,
  regionsAt,
  zonesOverlapping,
} from './regions.ts';
import { regionSchema } from './schemas.ts';

/** GB/T 2260 codes of the 38 区县 as listed in chongqing.md §1.1 (modood areas.csv). */
const GBT2260_38 = [
  ...Array.from({ length: 20 }, (_, i) => String(500101 + i)),
  ...Array.from({ length: 6 }, (_, i) => String(500151 + i)),
  ...[229, 230, 231, 233, 235, 236, 237, 238, 240, 241, 242, 243].map((n) => String(500000 + n)),
];

describe('regionsAt', () => {
  test('38 区县 on 2024-12-31 with exactly the GB/T 2260 codes 500101…500156, 500229…500243', () => {
    const regions = regionsAt('2024-12-31');
    expect(regions).toHaveLength(38);
    expect(regions.map((r) => r.code)).toEqual(GBT2260_38);
    expect(regions.every((r) => r.codeConfirmed && r.parent === '500000')).toBe(true);
  });

  test('26 区 + 8 县 + 4 自治县 in 2024', () => {
    const count = (t: string) => regionsAt('2024-12-31').filter((r) => r.type === t).length;
    expect([count('区'), count('县'), count('自治县')]).toEqual([26, 8, 4]);
  });

  test('37 on 2026-01-01: 江北区 and 渝北区 gone, 两江新区 under a provisional key', () => {
    const regions = regionsAt('2026-01-01');
    expect(regions).toHaveLength(37);
    const codes = regions.map((r) => r.code);
    expect(codes).not.toContain('500105');
    expect(codes).not.toContain('500112');
    expect(codes.at(-1)).toBe(LIANGJIANG_2025_KEY);
    const ljxq = regions.at(-1);
    expect(ljxq?.codeConfirmed).toBe(false);
    expect(ljxq?.code).not.toMatch(/^5001\d\d$/);
  });

  test('the reform day is the boundary: 38 on 2025-11-05, 37 on 2025-11-06', () => {
    expect(regionsAt('2025-11-05')).toHaveLength(38);
    expect(regionsAt('2025-11-06')).toHaveLength(37);
  });

  test('40 区县 in 2010 (万盛区 and 双桥区 before the 2011 mergers)', () => {
    const regions = regionsAt('2010-06-30');
    expect(regions).toHaveLength(40);
    expect(findRegionByCode('500110', '2010-06-30')?.name.zh).toBe('万盛区');
  });

  test('rejects dates not written YYYY-MM-DD', () => {
    expect(() => regionsAt('2024-02-30')).toThrow(RangeError);
    expect(() => regionsAt('2024/01/01')).toThrow(RangeError);
  });
});

describe('code crosswalk (§1.1)', () => {
  test('500110 meant 万盛区 before 2011 and 綦江区 after, never 万盛经开区', () => {
    expect(findRegionByCode('500110', '2009-01-01')?.name.zh).toBe('万盛区');
    expect(findRegionByCode('500110', '2012-01-01')?.name.zh).toBe('綦江区');
    expect(findRegionByCode('500110')?.name.zh).toBe('綦江区');
    const rows = CODE_CROSSWALK.filter((c) => c.code === '500110');
    expect(rows).toEqual([expect.objectContaining({ name: '万盛区', validTo: '2011-01-01' })]);
  });

  test('every row of the §1.1 table maps to its successor', () => {
    const map = Object.fromEntries(
      CODE_CROSSWALK.filter((c) => c.code !== '500110' && c.code !== '500111').map((c) => [
        c.code,
        c.successorCode,
      ]),
    );
    expect(map).toEqual({
      '500105': LIANGJIANG_2025_KEY,
      '500112': LIANGJIANG_2025_KEY,
      '500221': '500115',
      '500222': '500110',
      '500223': '500152',
      '500224': '500151',
      '500225': '500111',
      '500226': '500153',
      '500227': '500120',
      '500228': '500155',
      '500232': '500156',
      '500234': '500154',
      '500239': '500114',
      '500381': '500116',
      '500382': '500117',
      '500383': '500118',
      '500384': '500119',
    });
  });

  test('isRegionCode knows current and retired codes, not provisional keys or the city', () => {
    expect(isRegionCode('500103')).toBe(true);
    expect(isRegionCode('500234')).toBe(true);
    expect(isRegionCode('500000')).toBe(false);
    expect(isRegionCode('500199')).toBe(false);
    expect(isRegionCode(LIANGJIANG_2025_KEY)).toBe(false);
    expect(isRegionKey(LIANGJIANG_2025_KEY)).toBe(true);
  });
});

describe('groups (§1.2)', () => {
  test('中心城区 has 9 members in 2023', () => {
    expect(
      groupMembers('centralUrban', '2023-06-30')
        .map((m) => m.region)
        .sort(),
    ).toEqual([
      '500103',
      '500104',
      '500105',
      '500106',
      '500107',
      '500108',
      '500109',
      '500112',
      '500113',
    ]);
  });

  test('主城都市区 = 21 in 2023, 22 in 2024 (垫江 from 2024-02-21)', () => {
    expect(groupMembers('metropolitan', '2023-12-31')).toHaveLength(21);
    expect(groupMembers('metropolitan', '2024-12-31')).toHaveLength(22);
    expect(isInGroup('500231', 'metropolitan', '2024-12-31')).toBe(true);
    expect(isInGroup('500231', 'metropolitan', '2023-12-31')).toBe(false);
    expect(groupOf('500231', 'metropolitanArea', '2024-02-21')?.confidence).toBe('sourced');
    expect(groupOf('500231', 'metropolitanArea', '2024-02-20')).toBeUndefined();
  });

  test('一区两群 partitions the 38 区县 in 2023: 9 + 12 + 11 + 6', () => {
    const sizes = ['centralUrban', 'newUrban', 'northeast', 'southeast'].map(
      (g) => groupMembers(g as 'centralUrban', '2023-06-30').length,
    );
    expect(sizes).toEqual([9, 12, 11, 6]);
    for (const r of regionsAt('2023-06-30')) {
      expect(groupOf(r.code, 'oneAreaTwoClusters', '2023-06-30'), r.code).toBeDefined();
    }
  });

  test('垫江 leaves 渝东北 on 2024-02-21 only by inference, and says so', () => {
    expect(groupOf('500231', 'oneAreaTwoClusters', '2023-06-30')?.group).toBe('northeast');
    const m = GROUP_MEMBERSHIPS.find((x) => x.region === '500231' && x.group === 'northeast');
    expect(m?.validToConfidence).toBe('inferred');
  });

  test('两江新区 joins 中心城区 after the reform as an unverified membership', () => {
    const m = groupOf(LIANGJIANG_2025_KEY, 'oneAreaTwoClusters', '2026-01-01');
    expect(m?.group).toBe('centralUrban');
    expect(m?.confidence).toBe('unverified');
    expect(groupMembers('centralUrban', '2026-01-01')).toHaveLength(8);
  });

  test('no groups before 2020-05-09 (五大功能区域 not modelled)', () => {
    expect(groupOf('500103', 'oneAreaTwoClusters', '2019-12-31')).toBeUndefined();
  });

  test('2024 sub-areas: 渝西 8 and 渝东新城 5', () => {
    expect(groupMembers('yuxi', '2024-06-30')).toHaveLength(8);
    expect(groupMembers('yudongNewTown', '2024-06-30')).toHaveLength(5);
  });

  test('every membership names a source and a known region key', () => {
    for (const m of GROUP_MEMBERSHIPS) {
      expect(m.source).toMatch(/^https?:\/\//);
      expect(isRegionKey(m.region), m.region).toBe(true);
    }
  });
});

describe('findRegion', () => {
  test.each([
    ['石柱县', '500240'],
    ['石柱', '500240'],
    ['石柱縣', '500240'],
    ['石柱土家族自治县', '500240'],
    ['石柱土家族自治縣', '500240'],
    ['彭水县', '500243'],
    ['酉陽', '500242'],
    ['渝中區', '500103'],
    ['渝中', '500103'],
    ['重庆市渝中区', '500103'],
    ['Yuzhong District', '500103'],
    ['yuzhong', '500103'],
    ['沙坪壩區', '500106'],
    ['忠县', '500233'],
    ['忠縣', '500233'],
    ['綦江', '500110'],
    ['两江新区', LIANGJIANG_2025_KEY],
    ['兩江新區', LIANGJIANG_2025_KEY],
    ['开县', '500234'],
    [' 万州区 ', '500101'],
  ])('%s → %s', (name, code) => {
    expect(findRegion(name)?.code).toBe(code);
  });

  test('with a date: 綦江 in 2009 is 綦江县, 江北区 no longer exists in 2026', () => {
    expect(findRegion('綦江', '2009-01-01')?.code).toBe('500222');
    expect(findRegion('江北区', '2026-01-01')).toBeUndefined();
    expect(findRegion('江北区', '2024-01-01')?.code).toBe('500105');
  });

  test('unknown names give undefined', () => {
    expect(findRegion('成都')).toBeUndefined();
    expect(findRegion('')).toBeUndefined();
  });

  test('aliases never collide between units in force on the same day', () => {
    for (const date of ['2010-06-30', '2024-12-31', '2026-01-01']) {
      const seen = new Map<string, string>();
      for (const r of regionsAt(date)) {
        for (const n of [r.name.zh, r.name.traditional, r.name.en, ...r.aliases]) {
          const prev = seen.get(n);
          expect(prev === undefined || prev === r.code, `${n} in ${date}`).toBe(true);
          seen.set(n, r.code);
        }
      }
    }
  });
});

describe('lineage and zones (§1.3, §1.4)', () => {
  test('两江新区 receives 江北 (whole), 渝北 (part) and part of 北碚; 北碚 receives 5 渝北 towns', () => {
    const into = lineageOf(LIANGJIANG_2025_KEY).map((l) => [l.from, l.share]);
    expect(into).toEqual([
      ['500105', 'whole'],
      ['500112', 'part'],
      ['500109', 'part'],
    ]);
    const beibei = lineageOf('500109').find((l) => l.to === '500109');
    expect(beibei?.parts).toHaveLength(5);
  });

  test('zones are overlays never summed into 区县 totals', () => {
    expect(FUNCTIONAL_ZONES.every((z) => z.summableIntoRegions === false)).toBe(true);
    expect(zonesOverlapping('500110').map((z) => z.key)).toEqual(['wansheng-zone']);
    expect(zonesOverlapping('500105', '2024-01-01').map((z) => z.key)).toEqual(['liangjiang-zone']);
    expect(zonesOverlapping('500105', '2026-01-01')).toEqual([]);
  });

  test('every fact carries a source', () => {
    for (const r of CHONGQING_REGIONS) expect(r.sources.length, r.code).toBeGreaterThan(0);
    for (const z of FUNCTIONAL_ZONES) expect(z.sources.length, z.key).toBeGreaterThan(0);
  });

  test('every region record passes regionSchema', () => {
    for (const r of CHONGQING_REGIONS) expect(parseRecord(regionSchema, r).ok, r.code).toBe(true);
  });
});
