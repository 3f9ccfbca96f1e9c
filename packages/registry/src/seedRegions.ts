import {
  CHONGQING_CITY,
  CHONGQING_REGIONS,
  FUNCTIONAL_ZONES,
  GROUP_MEMBERSHIPS,
  REGION_LINEAGE,
  type Region,
} from '@kechuang/domain';
import type { Db } from './db.ts';
import type { Actor } from './permissions.ts';
import { type UpsertSummary, upsertRecords } from './writeRecord.ts';

/** The actor recorded in the audit log for reference data loaded by the system. */
export const SYSTEM_ACTOR: Actor = { name: 'system', role: 'cityAdmin' };

/** What seedRegions wrote, per table. */
export type SeedRegionsResult = Record<
  'regions' | 'region_groups' | 'region_lineage' | 'functional_zones' | 'zone_regions',
  UpsertSummary
>;

/** The latest unit of each code (a reused code keeps its current meaning; see migration 0001). */
function latestPerCode(regions: readonly Region[]): Region[] {
  const byCode = new Map<string, Region>();
  for (const r of regions) {
    const seen = byCode.get(r.code);
    if (!seen || (seen.validTo ?? '9999') < (r.validTo ?? '9999')) byCode.set(r.code, r);
  }
  return [...byCode.values()];
}

/**
 * Loads Chongqing's reference data from @kechuang/domain: the city, every 区县 (the 38 of
 * 2011–2025, 两江新区 from 2025-11-06 under its provisional key, retired units kept inactive),
 * dated group memberships, lineage and functional zones with the 区县 they overlay. Idempotent
 * (an upsert through the audited write path: re-seeding changes nothing).
 */
export async function seedRegions(db: Db, actor: Actor = SYSTEM_ACTOR): Promise<SeedRegionsResult> {
  return db.transaction(async (tx) => {
    const city = {
      code: CHONGQING_CITY.code,
      name_zh: CHONGQING_CITY.name.zh,
      name_en: CHONGQING_CITY.name.en,
      name_traditional: CHONGQING_CITY.name.traditional,
      aliases: ['重庆', 'Chongqing'],
      type: '直辖市',
      parent_code: null,
      valid_from: '1997-06-18',
      valid_to: null,
      code_confirmed: true,
      source: CHONGQING_CITY.sources.join(' '),
    };
    const regions = latestPerCode(CHONGQING_REGIONS).map((r) => ({
      code: r.code,
      name_zh: r.name.zh,
      name_en: r.name.en,
      name_traditional: r.name.traditional,
      aliases: [...r.aliases],
      type: r.type,
      parent_code: r.parent,
      valid_from: r.validFrom,
      valid_to: r.validTo,
      code_confirmed: r.codeConfirmed,
      source: r.sources.join(' '),
    }));
    const cityResult = await upsertRecords(tx, actor, 'regions', ['code'], [city]);
    const regionResult = await upsertRecords(tx, actor, 'regions', ['code'], regions);
    const groups = await upsertRecords(
      tx,
      actor,
      'region_groups',
      ['region_code', 'group_kind', 'valid_from'],
      GROUP_MEMBERSHIPS.map((m) => ({
        region_code: m.region,
        group_kind: m.group,
        valid_from: m.validFrom,
        valid_to: m.validTo ?? null,
        source: m.source,
      })),
    );
    const lineage = await upsertRecords(
      tx,
      actor,
      'region_lineage',
      ['from_code', 'to_code', 'effective_on'],
      REGION_LINEAGE.map((l) => ({
        from_code: l.from,
        to_code: l.to,
        effective_on: l.date,
        note: `${l.description.zh} / ${l.description.en}${l.parts ? `（${l.parts.join('、')}）` : ''}`,
        source: l.sources.join(' '),
      })),
    );
    const zones = await upsertRecords(
      tx,
      actor,
      'functional_zones',
      ['code'],
      FUNCTIONAL_ZONES.map((z) => ({
        code: z.key,
        name_zh: z.name.zh,
        name_en: z.name.en,
        kind: z.kind,
        valid_from: z.validFrom,
        valid_to: z.validTo,
        source: z.sources.join(' '),
      })),
    );
    const zoneRegions = await upsertRecords(
      tx,
      actor,
      'zone_regions',
      ['zone_code', 'region_code'],
      FUNCTIONAL_ZONES.flatMap((z) =>
        z.overlaps.map((r) => ({ zone_code: z.key, region_code: r })),
      ),
    );
    return {
      regions: {
        inserted: cityResult.inserted + regionResult.inserted,
        updated: cityResult.updated + regionResult.updated,
        unchanged: cityResult.unchanged + regionResult.unchanged,
      },
      region_groups: groups,
      region_lineage: lineage,
      functional_zones: zones,
      zone_regions: zoneRegions,
    };
  });
}
