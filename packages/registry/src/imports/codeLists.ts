/**
 * The code lists of enum columns as {@link EnumValue}s: the domain's code lists (code stored,
 * Chinese and English labels accepted on import) plus the short forms people type.
 */

import {
  ACHIEVEMENT_TYPES,
  type CodeListEntry,
  PATENT_STATUSES,
  PATENT_TYPES,
  PLATFORM_KINDS,
  PLATFORM_LEVELS,
  PROJECT_LEVELS,
  QUALIFICATION_KINDS,
  QUALIFICATION_STATUSES,
  TALENT_CATEGORIES,
  TECH_CONTRACT_TYPES,
} from '@kechuang/domain';
import { HIGH_TECH_FIELDS } from '@kechuang/qualification';
import type { EnumValue } from './parseCell.ts';

const v = (code: string, zh: string, en: string, aliases: string[] = []): EnumValue => ({
  code,
  zh,
  en,
  aliases,
});

/** A domain code list with extra accepted spellings per code. */
function fromDomain(
  list: readonly CodeListEntry[],
  aliases: Record<string, string[]> = {},
): EnumValue[] {
  return list.map((e) => ({ code: e.code, zh: e.zh, en: e.en, aliases: aliases[e.code] ?? [] }));
}

/** Code lists used by the import kinds. */
export const CODE_LISTS = {
  /**
   * 《国家重点支持的高新技术领域》 (2016): the 8 fields and 52 second-level fields with the codes of
   * `@kechuang/qualification` (10 电子信息, 101 软件 …), so stored codes are the ones assessed.
   */
  hightechFields: HIGH_TECH_FIELDS.map((f) => v(f.code, f.zh, f.en)),
  qualificationKinds: fromDomain(QUALIFICATION_KINDS, {
    highTechEnterprise: ['高企', '国家高新技术企业'],
    specialisedSme: ['专精特新'],
    littleGiant: ['小巨人', '专精特新小巨人', '专精特新"小巨人"企业'],
    chongqingTechEnterprise: ['科技型企业'],
  }),
  qualificationStatuses: fromDomain(QUALIFICATION_STATUSES, {
    expired: ['过期'],
    revoked: ['撤销', '取消'],
  }),
  platformKinds: fromDomain(PLATFORM_KINDS, { incubator: ['孵化器'] }),
  platformLevels: fromDomain(PLATFORM_LEVELS, { municipal: ['省级', '市级'] }),
  projectLevels: fromDomain(PROJECT_LEVELS, { municipal: ['省级'] }),
  talentCategories: fromDomain(TALENT_CATEGORIES, { academician: ['院士'] }),
  patentTypes: fromDomain(PATENT_TYPES, {
    invention: ['发明'],
    utilityModel: ['实用新型'],
    design: ['外观设计'],
  }),
  patentStatuses: fromDomain(PATENT_STATUSES, {
    pending: ['申请中', '审中'],
    granted: ['授权', '有效'],
  }),
  achievementKinds: fromDomain(ACHIEVEMENT_TYPES, {
    appliedTechnology: ['应用技术'],
    basicTheory: ['基础理论'],
    softScience: ['软科学'],
  }),
  contractTypes: fromDomain(TECH_CONTRACT_TYPES, {
    development: ['开发'],
    transfer: ['转让'],
    licensing: ['许可', 'license', 'licence'],
    consulting: ['咨询'],
    service: ['服务'],
  }),
  scopeKinds: [
    v('region', '区县', 'region'),
    v('group', '片区', 'group', ['区域', '板块']),
    v('city', '全市', 'city', ['市']),
  ],
} as const satisfies Record<string, readonly EnumValue[]>;
