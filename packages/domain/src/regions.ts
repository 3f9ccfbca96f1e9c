/**
 * Chongqing's county-level units (区县) as dated reference data: which units exist at a date,
 * which group (一区两群, 主城都市区) a unit belongs to at a date, name and alias lookup, the code
 * crosswalk for retired and reused GB/T 2260 codes, unit lineage and functional-zone overlays.
 * Data and sources: `./data/chongqingRegions.ts` (from `chongqing.md` §1.1–§1.4).
 */
import {
  CHONGQING_CITY,
  CHONGQING_REGIONS,
  FUNCTIONAL_ZONES,
  GROUP_MEMBERSHIPS,
  REFORM_2025_DATE,
  REFORM_2025_LINEAGE,
  REGION_GROUPS,
} from './data/chongqingRegions.ts';
import { assertIsoDate, type IsoDate, isWithinPeriod } from './dates.ts';
import type { Bilingual } from './errors.ts';

/**
 * Administrative type of a county-level unit: 区 (district), 县 (county), 自治县 (autonomous
 * county) and, for units retired in 2006 only, 市 (county-level city, 县级市).
 */
export type RegionType = '区' | '县' | '自治县' | '市';

/** How sure a dated fact is: read in a source, inferred from sourced facts, or unverified. */
export type Confidence = 'sourced' | 'inferred' | 'unverified';

/**
 * A county-level unit (区县) with its validity period `[validFrom, validTo)` (null = open). Units
 * are keyed by (code, validFrom, validTo): a code can be reused (500110 = 万盛区 before 2011).
 */
export type Region = {
  /** GB/T 2260 administrative-division code (行政区划代码), or a provisional key. */
  code: string;
  /** False for provisional keys such as `LJXQ-2025` whose official code is not confirmed. */
  codeConfirmed: boolean;
  /** Full name in simplified Chinese, English, and traditional characters (繁體). */
  name: Bilingual & { traditional: string };
  /** Short forms found in official texts and reposts: 渝中, 石柱县, 石柱, 石柱縣, Yuzhong … */
  aliases: readonly string[];
  type: RegionType;
  /** Always the city, 500000 (the 500100/500200 headings are not units). */
  parent: '500000';
  validFrom: IsoDate | null;
  /** First day the unit no longer exists; null while it exists. */
  validTo: IsoDate | null;
  /** 'year': the boundary is known to the year only and written as 1 January of that year. */
  datePrecision: 'day' | 'year';
  /** The unit that took over a retired unit's code or area. */
  successor?: { code: string; change: 'recoded' | 'merged' };
  note?: string;
  sources: readonly string[];
};

/** A grouping scheme: 一区两群 (2020), 主城都市区 membership, 主城都市区 sub-areas (2024). */
export type GroupScheme = 'oneAreaTwoClusters' | 'metropolitanArea' | 'metropolitanSubarea';

/**
 * Group codes: 中心城区 centralUrban, 主城新区 newUrban, 渝东北 northeast, 渝东南 southeast,
 * 主城都市区 metropolitan, 渝西地区 yuxi, 渝东新城 yudongNewTown.
 */
export type RegionGroupCode =
  | 'centralUrban'
  | 'newUrban'
  | 'northeast'
  | 'southeast'
  | 'metropolitan'
  | 'yuxi'
  | 'yudongNewTown';

/** A regional group (区域分组) and the schemes it belongs to. */
export type RegionGroup = {
  code: RegionGroupCode;
  name: Bilingual;
  schemes: readonly GroupScheme[];
};

/** A dated membership of a unit in a group, with its source and how sure it is. */
export type GroupMembership = {
  region: string;
  group: RegionGroupCode;
  validFrom: IsoDate;
  validTo?: IsoDate;
  source: string;
  /** Confidence in the membership (and its start). */
  confidence: Confidence;
  /** Confidence in the end date, when it differs from `confidence`. */
  validToConfidence?: Confidence;
  note?: string;
};

/** One step of unit lineage (沿革): area of `from` passing (wholly or partly) to `to`. */
export type LineageRecord = {
  date: IsoDate;
  datePrecision: 'day' | 'year';
  from: string;
  to: string;
  share: 'whole' | 'part';
  /** Sub-units (街道, 镇) moved, when only a part moves. */
  parts?: readonly string[];
  description: Bilingual;
  sources: readonly string[];
};

/**
 * A functional zone (功能区: 国家级新区, 高新区, 经开区, 科学城): an overlay on 区县 with its own
 * series. Its figures are never added to 区县 or city totals (`summableIntoRegions: false`).
 */
export type FunctionalZone = {
  key: string;
  name: Bilingual;
  kind: 'nationalNewArea' | 'scienceCity' | 'highTechZone' | 'developmentZone';
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  /** 区县 the zone overlaps (many-to-many). */
  overlaps: readonly string[];
  overlapsConfidence: Confidence;
  summableIntoRegions: false;
  note: string;
  sources: readonly string[];
};

/** A row of the code crosswalk: what a retired code meant and which unit took over. */
export type CodeCrosswalkEntry = {
  code: string;
  name: string;
  validFrom: IsoDate | null;
  validTo: IsoDate;
  datePrecision: 'day' | 'year';
  successorCode: string;
  successorName: string;
  change: 'recoded' | 'merged';
};

export {
  GROUPS_2020_DATE,
  LIANGJIANG_2025_KEY,
  PLAN_2024_DATE,
} from './data/chongqingRegions.ts';
export {
  CHONGQING_CITY,
  CHONGQING_REGIONS,
  FUNCTIONAL_ZONES,
  GROUP_MEMBERSHIPS,
  REFORM_2025_DATE,
  REGION_GROUPS,
};

/**
 * First date from which {@link regionsAt} is complete: the units of 1997–1999 (e.g. 枳城区,
 * 李渡区 before 涪陵区 in 1998) are not in the data.
 */
export const REGION_HISTORY_FROM: IsoDate = '2000-01-01';

function byCode(a: Region, b: Region): number {
  return Number(!a.codeConfirmed) - Number(!b.codeConfirmed) || a.code.localeCompare(b.code);
}

/**
 * The 区县 in force at `date` (`YYYY-MM-DD`), sorted by code (provisional keys last): 38 from
 * 2011 to 2025-11-05, 37 from 2025-11-06 (江北区 and 渝北区 → 两江新区). Year-precision changes
 * are taken to hold from 1 January of their year. Complete from {@link REGION_HISTORY_FROM}.
 */
export function regionsAt(date: IsoDate): Region[] {
  assertIsoDate(date);
  return CHONGQING_REGIONS.filter((r) => isWithinPeriod(date, r.validFrom, r.validTo)).sort(byCode);
}

/**
 * The unit a code (or provisional key) denotes: at `date` if given (500110 → 万盛区 in 2009,
 * 綦江区 in 2012), otherwise the current unit, else the most recently retired one.
 */
export function findRegionByCode(code: string, date?: IsoDate): Region | undefined {
  const candidates = CHONGQING_REGIONS.filter((r) => r.code === code);
  return pickRegion(candidates, date);
}

function pickRegion(candidates: readonly Region[], date?: IsoDate): Region | undefined {
  if (date !== undefined) {
    assertIsoDate(date);
    return candidates.find((r) => isWithinPeriod(date, r.validFrom, r.validTo));
  }
  return [...candidates].sort((a, b) =>
    (b.validTo ?? '9999').localeCompare(a.validTo ?? '9999'),
  )[0];
}

/** Whether `code` is a confirmed GB/T 2260 code of a Chongqing 区县, current or retired. */
export function isRegionCode(code: string): boolean {
  return CHONGQING_REGIONS.some((r) => r.codeConfirmed && r.code === code);
}

/** Whether `key` denotes a Chongqing 区县: a confirmed code or a provisional key (`LJXQ-2025`). */
export function isRegionKey(key: string): boolean {
  return CHONGQING_REGIONS.some((r) => r.code === key);
}

/** Whether `key` is the city (500000), a 区县 key or a functional-zone key: any statistical unit. */
export function isStatisticalUnitKey(key: string): boolean {
  return (
    key === CHONGQING_CITY.code || isRegionKey(key) || FUNCTIONAL_ZONES.some((z) => z.key === key)
  );
}

function normaliseName(name: string): string {
  const s = name
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toLowerCase();
  const stripped = s.replace(/^(重庆市|重慶市|重庆|重慶|chongqing)/, '');
  return stripped.length > 0 ? stripped : s;
}

/**
 * Finds a 区县 by full name, traditional form, short alias or English name (石柱土家族自治县,
 * 石柱县, 石柱, 石柱縣, "Shizhu Tujia Autonomous County", "重庆市渝中区"). Full-width characters,
 * spaces and case are ignored. With `date`, only units in force then; without, current units are
 * preferred over retired ones (綦江 → 綦江区, not 綦江县).
 */
export function findRegion(nameOrAlias: string, date?: IsoDate): Region | undefined {
  const key = normaliseName(nameOrAlias);
  if (key.length === 0) return undefined;
  const candidates = CHONGQING_REGIONS.filter((r) =>
    [r.code, r.name.zh, r.name.en, r.name.traditional, ...r.aliases].some(
      (n) => normaliseName(n) === key,
    ),
  );
  return pickRegion(candidates, date);
}

/** Groups of a scheme. */
export function groupsOf(scheme: GroupScheme): RegionGroup[] {
  return REGION_GROUPS.filter((g) => g.schemes.includes(scheme));
}

/**
 * The membership placing `regionCode` in a group of `scheme` at `date`, if any (e.g. 垫江县 in
 * 主城都市区 from 2024-02-21). Check `confidence` / `validToConfidence` before publishing.
 */
export function groupOf(
  regionCode: string,
  scheme: GroupScheme,
  date: IsoDate,
): GroupMembership | undefined {
  assertIsoDate(date);
  const groups = new Set(groupsOf(scheme).map((g) => g.code));
  return GROUP_MEMBERSHIPS.find(
    (m) =>
      m.region === regionCode &&
      groups.has(m.group) &&
      isWithinPeriod(date, m.validFrom, m.validTo),
  );
}

/** Whether `regionCode` belongs to `group` at `date`. */
export function isInGroup(regionCode: string, group: RegionGroupCode, date: IsoDate): boolean {
  return groupMembers(group, date).some((m) => m.region === regionCode);
}

/** Memberships of `group` in force at `date` (e.g. 9 for 中心城区 in 2023). */
export function groupMembers(group: RegionGroupCode, date: IsoDate): GroupMembership[] {
  assertIsoDate(date);
  return GROUP_MEMBERSHIPS.filter(
    (m) => m.group === group && isWithinPeriod(date, m.validFrom, m.validTo),
  );
}

/** The retired-code crosswalk (old code → successor), keyed by (code, validFrom, validTo). */
export const CODE_CROSSWALK: readonly CodeCrosswalkEntry[] = CHONGQING_REGIONS.flatMap((r) => {
  if (r.validTo === null || !r.successor) return [];
  const next = findRegionByCode(r.successor.code, r.validTo);
  return [
    {
      code: r.code,
      name: r.name.zh,
      validFrom: r.validFrom,
      validTo: r.validTo,
      datePrecision: r.datePrecision,
      successorCode: r.successor.code,
      successorName: next?.name.zh ?? r.successor.code,
      change: r.successor.change,
    },
  ];
});

/**
 * Unit lineage: the 2025 reform (江北 + 渝北 minus 5 towns + part of 北碚 → 两江新区; 5 渝北 towns
 * → 北碚) and the earlier recodings and mergers derived from the crosswalk.
 */
export const REGION_LINEAGE: readonly LineageRecord[] = [
  ...CHONGQING_REGIONS.flatMap((r): LineageRecord[] => {
    if (r.validTo === null || !r.successor || r.validTo === REFORM_2025_DATE) return [];
    const next = findRegionByCode(r.successor.code, r.validTo);
    const merged = r.successor.change === 'merged';
    return [
      {
        date: r.validTo,
        datePrecision: r.datePrecision,
        from: r.code,
        to: r.successor.code,
        share: 'whole',
        description: {
          zh: `${r.name.zh}${merged ? '并入' : '改设为'}${next?.name.zh ?? r.successor.code}`,
          en: `${r.name.en} ${merged ? 'merged into' : 'became'} ${next?.name.en ?? r.successor.code}`,
        },
        sources: r.sources,
      },
    ];
  }),
  ...REFORM_2025_LINEAGE,
];

/** Lineage records in which `regionKey` gives or receives area. */
export function lineageOf(regionKey: string): LineageRecord[] {
  return REGION_LINEAGE.filter((l) => l.from === regionKey || l.to === regionKey);
}

/** Functional zones overlapping `regionCode` (at `date`, if given). */
export function zonesOverlapping(regionCode: string, date?: IsoDate): FunctionalZone[] {
  if (date !== undefined) assertIsoDate(date);
  return FUNCTIONAL_ZONES.filter(
    (z) =>
      z.overlaps.includes(regionCode) &&
      (date === undefined || isWithinPeriod(date, z.validFrom, z.validTo)),
  );
}
