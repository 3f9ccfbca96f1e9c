/**
 * Reference data of Chongqing's county-level units (区县), groups, lineage and functional zones,
 * transcribed from `shared/reference/chongqing.md` §1.1–§1.4. Every record names its sources.
 * Dates are `YYYY-MM-DD`; `datePrecision: 'year'` marks boundaries known only to the year,
 * written as 1 January of the year of change (the new unit holds the whole year).
 */
import type {
  FunctionalZone,
  GroupMembership,
  LineageRecord,
  Region,
  RegionGroup,
  RegionType,
} from '../regions.ts';

/** GB/T 2260 code list mirrored from 民政部 / 国家统计局 data (to 2022-10-31). */
export const SOURCE_CODE_LIST =
  'https://github.com/modood/Administrative-divisions-of-China (dist/areas.csv)';
/** Every county-level code since 1980 (to 2024), for retired and reused codes. */
export const SOURCE_CODE_HISTORY = 'https://github.com/yescallop/areacodes (result.csv)';
const SOURCE_REFORM_2025 = [
  'http://chinasei.com.cn/zcjd/202511/t20251107_78563.html',
  'http://www.zyxdaj.cn/gn/2025/11-06/10510925.shtml',
];
const SOURCE_GROUPS_2020 = [
  'https://lingla.com/jingyan/shenghuo/11487_2.html',
  'https://baike.baidu.hk/item/%E9%87%8D%E6%85%B6%E4%B8%BB%E5%9F%8E%E9%83%BD%E5%B8%82%E5%8D%80/50050368',
  'https://bbzoh.cn/content/23/0416/14/57348830_1076739507.shtml',
];
const SOURCE_PLAN_2024 = 'https://jrcq.cn/Release/txtlist_i33646v.html';
const SOURCE_YUXI_2024 = 'https://zwgw.net/capital/604240.html';
const SOURCE_YUDONG_2024 = 'https://cn.shayuweb.com/news/205.html';

/** Date of the 2025 reform: 江北区 and 渝北区 abolished, 两江新区 set up as a district. */
export const REFORM_2025_DATE = '2025-11-06';
/** Date the 一区两群 scope (主城都市区 = 21 区) was fixed (座谈会 of 2020-05-09). */
export const GROUPS_2020_DATE = '2020-05-09';
/** Date the 国土空间总体规划 (2021–2035) was approved: 主城都市区 = 22 区县 with 垫江. */
export const PLAN_2024_DATE = '2024-02-21';
/** Provisional key of the 2025 两江新区 district: its GB/T 2260 code is not confirmed. */
export const LIANGJIANG_2025_KEY = 'LJXQ-2025';

type RegionSeed = {
  code: string;
  zh: string;
  traditional: string;
  en: string;
  type: RegionType;
  validFrom?: string;
  validTo?: string;
  datePrecision?: 'day' | 'year';
  successor?: Region['successor'];
  note?: string;
  sources?: readonly string[];
  codeConfirmed?: boolean;
  extraAliases?: readonly string[];
};

/** Short forms used in official texts and reposts: 渝中, 石柱县, 石柱, 石柱縣 … */
function aliasesOf(seed: RegionSeed): string[] {
  const out = new Set<string>(seed.extraAliases ?? []);
  for (const name of [seed.zh, seed.traditional]) {
    if (seed.type === '自治县') {
      const cut = name.search(/土家族|苗族/);
      if (cut > 0) {
        const stem = name.slice(0, cut);
        out.add(stem);
        out.add(`${stem}${name.endsWith('縣') ? '縣' : '县'}`);
      }
    } else {
      const stem = name.slice(0, -1);
      if (stem.length >= 2) out.add(stem);
    }
  }
  const enStem = seed.en.replace(/ (District|County|City|Autonomous County|New Area)$/, '');
  if (enStem !== seed.en && !enStem.includes('Autonomous')) out.add(enStem);
  if (seed.type === '自治县') out.add(seed.en.split(' ')[0] ?? seed.en);
  out.delete(seed.zh);
  out.delete(seed.traditional);
  return [...out];
}

function region(seed: RegionSeed): Region {
  return {
    code: seed.code,
    codeConfirmed: seed.codeConfirmed ?? true,
    name: { zh: seed.zh, en: seed.en, traditional: seed.traditional },
    aliases: aliasesOf(seed),
    type: seed.type,
    parent: '500000',
    validFrom: seed.validFrom ?? null,
    validTo: seed.validTo ?? null,
    datePrecision: seed.datePrecision ?? (seed.validFrom || seed.validTo ? 'year' : 'day'),
    ...(seed.successor ? { successor: seed.successor } : {}),
    ...(seed.note ? { note: seed.note } : {}),
    sources: seed.sources ?? [SOURCE_CODE_LIST, SOURCE_CODE_HISTORY],
  };
}

const y = (year: number): string => `${year}-01-01`;

/**
 * Chongqing city (重庆市), the reference unit of every ranking; GB/T 2260 500000. Its parent
 * codes 500100 (市辖区) and 500200 (县) are statistical headings, not units.
 */
export const CHONGQING_CITY = {
  code: '500000',
  name: { zh: '重庆市', en: 'Chongqing Municipality', traditional: '重慶市' },
  sources: [SOURCE_CODE_LIST],
} as const;

/**
 * Every county-level unit (区县) of Chongqing known to the data, current and retired: the 38 of
 * 2011–2025, 两江新区 from 2025-11-06 (provisional key), and the units retired since 2000.
 * Keyed by (code, validFrom, validTo): 500110 and 500111 were reused in 2011.
 */
export const CHONGQING_REGIONS: readonly Region[] = [
  region({
    code: '500101',
    zh: '万州区',
    traditional: '萬州區',
    en: 'Wanzhou District',
    type: '区',
    note: '名称 1998 年前为万县区 (named 万县区 until 1998).',
  }),
  region({
    code: '500102',
    zh: '涪陵区',
    traditional: '涪陵區',
    en: 'Fuling District',
    type: '区',
  }),
  region({
    code: '500103',
    zh: '渝中区',
    traditional: '渝中區',
    en: 'Yuzhong District',
    type: '区',
  }),
  region({
    code: '500104',
    zh: '大渡口区',
    traditional: '大渡口區',
    en: 'Dadukou District',
    type: '区',
  }),
  region({
    code: '500105',
    zh: '江北区',
    traditional: '江北區',
    en: 'Jiangbei District',
    type: '区',
    validTo: REFORM_2025_DATE,
    datePrecision: 'day',
    successor: { code: LIANGJIANG_2025_KEY, change: 'merged' },
    note: '2025-11-06 撤销，全域并入两江新区 (abolished; whole area to 两江新区).',
    sources: [SOURCE_CODE_LIST, ...SOURCE_REFORM_2025],
  }),
  region({
    code: '500106',
    zh: '沙坪坝区',
    traditional: '沙坪壩區',
    en: 'Shapingba District',
    type: '区',
  }),
  region({
    code: '500107',
    zh: '九龙坡区',
    traditional: '九龍坡區',
    en: 'Jiulongpo District',
    type: '区',
  }),
  region({
    code: '500108',
    zh: '南岸区',
    traditional: '南岸區',
    en: "Nan'an District",
    type: '区',
  }),
  region({
    code: '500109',
    zh: '北碚区',
    traditional: '北碚區',
    en: 'Beibei District',
    type: '区',
    note: '2025-11-06 起划出 3 街道 2 镇至两江新区，划入原渝北区 5 镇 (boundary change, see lineage).',
  }),
  region({
    code: '500110',
    zh: '綦江区',
    traditional: '綦江區',
    en: 'Qijiang District',
    type: '区',
    validFrom: y(2011),
    note: '由綦江县与万盛区合并设立；代码 500110 在 2011 年前指万盛区。万盛经开区在其境内，不是独立区县 (500110 meant 万盛区 before 2011; never map it to 万盛经开区).',
  }),
  region({
    code: '500111',
    zh: '大足区',
    traditional: '大足區',
    en: 'Dazu District',
    type: '区',
    validFrom: y(2011),
    note: '由大足县与双桥区合并设立；代码 500111 在 2011 年前指双桥区 (500111 meant 双桥区 before 2011).',
  }),
  region({
    code: '500112',
    zh: '渝北区',
    traditional: '渝北區',
    en: 'Yubei District',
    type: '区',
    validTo: REFORM_2025_DATE,
    datePrecision: 'day',
    successor: { code: LIANGJIANG_2025_KEY, change: 'merged' },
    note: '2025-11-06 撤销：除大湾、统景、大盛、兴隆、茨竹 5 镇划入北碚区外，并入两江新区.',
    sources: [SOURCE_CODE_LIST, ...SOURCE_REFORM_2025],
  }),
  region({ code: '500113', zh: '巴南区', traditional: '巴南區', en: 'Banan District', type: '区' }),
  region({
    code: '500114',
    zh: '黔江区',
    traditional: '黔江區',
    en: 'Qianjiang District',
    type: '区',
    validFrom: y(2000),
  }),
  region({
    code: '500115',
    zh: '长寿区',
    traditional: '長壽區',
    en: 'Changshou District',
    type: '区',
    validFrom: y(2001),
  }),
  region({
    code: '500116',
    zh: '江津区',
    traditional: '江津區',
    en: 'Jiangjin District',
    type: '区',
    validFrom: y(2006),
  }),
  region({
    code: '500117',
    zh: '合川区',
    traditional: '合川區',
    en: 'Hechuan District',
    type: '区',
    validFrom: y(2006),
  }),
  region({
    code: '500118',
    zh: '永川区',
    traditional: '永川區',
    en: 'Yongchuan District',
    type: '区',
    validFrom: y(2006),
  }),
  region({
    code: '500119',
    zh: '南川区',
    traditional: '南川區',
    en: 'Nanchuan District',
    type: '区',
    validFrom: y(2006),
  }),
  region({
    code: '500120',
    zh: '璧山区',
    traditional: '璧山區',
    en: 'Bishan District',
    type: '区',
    validFrom: y(2014),
  }),
  region({
    code: '500151',
    zh: '铜梁区',
    traditional: '銅梁區',
    en: 'Tongliang District',
    type: '区',
    validFrom: y(2014),
  }),
  region({
    code: '500152',
    zh: '潼南区',
    traditional: '潼南區',
    en: 'Tongnan District',
    type: '区',
    validFrom: y(2015),
  }),
  region({
    code: '500153',
    zh: '荣昌区',
    traditional: '榮昌區',
    en: 'Rongchang District',
    type: '区',
    validFrom: y(2015),
  }),
  region({
    code: '500154',
    zh: '开州区',
    traditional: '開州區',
    en: 'Kaizhou District',
    type: '区',
    validFrom: y(2016),
  }),
  region({
    code: '500155',
    zh: '梁平区',
    traditional: '梁平區',
    en: 'Liangping District',
    type: '区',
    validFrom: y(2016),
  }),
  region({
    code: '500156',
    zh: '武隆区',
    traditional: '武隆區',
    en: 'Wulong District',
    type: '区',
    validFrom: y(2016),
  }),
  region({
    code: '500229',
    zh: '城口县',
    traditional: '城口縣',
    en: 'Chengkou County',
    type: '县',
  }),
  region({ code: '500230', zh: '丰都县', traditional: '豐都縣', en: 'Fengdu County', type: '县' }),
  region({
    code: '500231',
    zh: '垫江县',
    traditional: '墊江縣',
    en: 'Dianjiang County',
    type: '县',
  }),
  region({
    code: '500233',
    zh: '忠县',
    traditional: '忠縣',
    en: 'Zhong County',
    type: '县',
    extraAliases: ['Zhongxian', 'Zhongxian County'],
  }),
  region({ code: '500235', zh: '云阳县', traditional: '雲陽縣', en: 'Yunyang County', type: '县' }),
  region({ code: '500236', zh: '奉节县', traditional: '奉節縣', en: 'Fengjie County', type: '县' }),
  region({ code: '500237', zh: '巫山县', traditional: '巫山縣', en: 'Wushan County', type: '县' }),
  region({ code: '500238', zh: '巫溪县', traditional: '巫溪縣', en: 'Wuxi County', type: '县' }),
  region({
    code: '500240',
    zh: '石柱土家族自治县',
    traditional: '石柱土家族自治縣',
    en: 'Shizhu Tujia Autonomous County',
    type: '自治县',
  }),
  region({
    code: '500241',
    zh: '秀山土家族苗族自治县',
    traditional: '秀山土家族苗族自治縣',
    en: 'Xiushan Tujia and Miao Autonomous County',
    type: '自治县',
  }),
  region({
    code: '500242',
    zh: '酉阳土家族苗族自治县',
    traditional: '酉陽土家族苗族自治縣',
    en: 'Youyang Tujia and Miao Autonomous County',
    type: '自治县',
  }),
  region({
    code: '500243',
    zh: '彭水苗族土家族自治县',
    traditional: '彭水苗族土家族自治縣',
    en: 'Pengshui Miao and Tujia Autonomous County',
    type: '自治县',
  }),
  region({
    code: LIANGJIANG_2025_KEY,
    codeConfirmed: false,
    zh: '两江新区',
    traditional: '兩江新區',
    en: 'Liangjiang New Area',
    type: '区',
    validFrom: REFORM_2025_DATE,
    datePrecision: 'day',
    extraAliases: ['两江', '兩江', 'Liangjiang'],
    note: '行政区划代码未经核实：在民政部代码表公布前使用临时键 LJXQ-2025，不得自拟 5001xx 代码 (GB/T 2260 code not confirmed; provisional key, do not invent a 5001xx code). 31 街道、11 镇，约 1360 km²、352 万人；2026-01-25 挂牌.',
    sources: SOURCE_REFORM_2025,
  }),
  // Retired units (§1.1 table), kept inactive so historical data still resolves.
  region({
    code: '500110',
    zh: '万盛区',
    traditional: '萬盛區',
    en: 'Wansheng District',
    type: '区',
    validTo: y(2011),
    successor: { code: '500110', change: 'merged' },
    note: '2011 年与綦江县合并为綦江区；其地域今为万盛经开区 (a functional zone without a code).',
  }),
  region({
    code: '500111',
    zh: '双桥区',
    traditional: '雙橋區',
    en: 'Shuangqiao District',
    type: '区',
    validTo: y(2011),
    successor: { code: '500111', change: 'merged' },
    note: '2011 年与大足县合并为大足区；其地域今为双桥经开区.',
  }),
  region({
    code: '500221',
    zh: '长寿县',
    traditional: '長壽縣',
    en: 'Changshou County',
    type: '县',
    validTo: y(2001),
    successor: { code: '500115', change: 'recoded' },
  }),
  region({
    code: '500222',
    zh: '綦江县',
    traditional: '綦江縣',
    en: 'Qijiang County',
    type: '县',
    validTo: y(2011),
    successor: { code: '500110', change: 'merged' },
  }),
  region({
    code: '500223',
    zh: '潼南县',
    traditional: '潼南縣',
    en: 'Tongnan County',
    type: '县',
    validTo: y(2015),
    successor: { code: '500152', change: 'recoded' },
  }),
  region({
    code: '500224',
    zh: '铜梁县',
    traditional: '銅梁縣',
    en: 'Tongliang County',
    type: '县',
    validTo: y(2014),
    successor: { code: '500151', change: 'recoded' },
  }),
  region({
    code: '500225',
    zh: '大足县',
    traditional: '大足縣',
    en: 'Dazu County',
    type: '县',
    validTo: y(2011),
    successor: { code: '500111', change: 'merged' },
  }),
  region({
    code: '500226',
    zh: '荣昌县',
    traditional: '榮昌縣',
    en: 'Rongchang County',
    type: '县',
    validTo: y(2015),
    successor: { code: '500153', change: 'recoded' },
  }),
  region({
    code: '500227',
    zh: '璧山县',
    traditional: '璧山縣',
    en: 'Bishan County',
    type: '县',
    validTo: y(2014),
    successor: { code: '500120', change: 'recoded' },
  }),
  region({
    code: '500228',
    zh: '梁平县',
    traditional: '梁平縣',
    en: 'Liangping County',
    type: '县',
    validTo: y(2016),
    successor: { code: '500155', change: 'recoded' },
  }),
  region({
    code: '500232',
    zh: '武隆县',
    traditional: '武隆縣',
    en: 'Wulong County',
    type: '县',
    validTo: y(2016),
    successor: { code: '500156', change: 'recoded' },
  }),
  region({
    code: '500234',
    zh: '开县',
    traditional: '開縣',
    en: 'Kai County',
    type: '县',
    validTo: y(2016),
    successor: { code: '500154', change: 'recoded' },
    extraAliases: ['Kaixian'],
  }),
  region({
    code: '500239',
    zh: '黔江土家族苗族自治县',
    traditional: '黔江土家族苗族自治縣',
    en: 'Qianjiang Tujia and Miao Autonomous County',
    type: '自治县',
    validTo: y(2000),
    successor: { code: '500114', change: 'recoded' },
  }),
  region({
    code: '500381',
    zh: '江津市',
    traditional: '江津市',
    en: 'Jiangjin City',
    type: '市',
    validTo: y(2006),
    successor: { code: '500116', change: 'recoded' },
  }),
  region({
    code: '500382',
    zh: '合川市',
    traditional: '合川市',
    en: 'Hechuan City',
    type: '市',
    validTo: y(2006),
    successor: { code: '500117', change: 'recoded' },
  }),
  region({
    code: '500383',
    zh: '永川市',
    traditional: '永川市',
    en: 'Yongchuan City',
    type: '市',
    validTo: y(2006),
    successor: { code: '500118', change: 'recoded' },
  }),
  region({
    code: '500384',
    zh: '南川市',
    traditional: '南川市',
    en: 'Nanchuan City',
    type: '市',
    validTo: y(2006),
    successor: { code: '500119', change: 'recoded' },
  }),
];

/** The regional groups (区域分组), with the schemes they belong to. */
export const REGION_GROUPS: readonly RegionGroup[] = [
  {
    code: 'centralUrban',
    name: { zh: '中心城区', en: 'Central urban area' },
    schemes: ['oneAreaTwoClusters', 'metropolitanSubarea'],
  },
  {
    code: 'newUrban',
    name: { zh: '主城新区', en: 'New metropolitan districts' },
    schemes: ['oneAreaTwoClusters'],
  },
  {
    code: 'northeast',
    name: { zh: '渝东北三峡库区城镇群', en: 'Northeast (Three Gorges reservoir) cluster' },
    schemes: ['oneAreaTwoClusters'],
  },
  {
    code: 'southeast',
    name: { zh: '渝东南武陵山区城镇群', en: 'Southeast (Wuling mountains) cluster' },
    schemes: ['oneAreaTwoClusters'],
  },
  {
    code: 'metropolitan',
    name: { zh: '主城都市区', en: 'Chongqing metropolitan area' },
    schemes: ['metropolitanArea'],
  },
  {
    code: 'yuxi',
    name: { zh: '渝西地区', en: 'Western Chongqing (Yuxi)' },
    schemes: ['metropolitanSubarea'],
  },
  {
    code: 'yudongNewTown',
    name: { zh: '渝东新城', en: 'Eastern new towns (Yudong)' },
    schemes: ['metropolitanSubarea'],
  },
];

type MembershipSeed = Omit<GroupMembership, 'group' | 'region'>;

function members(
  group: GroupMembership['group'],
  regions: readonly string[],
  seed: MembershipSeed,
): GroupMembership[] {
  return regions.map((r) => ({ region: r, group, ...seed }));
}

const from2020: MembershipSeed = {
  validFrom: GROUPS_2020_DATE,
  source: SOURCE_GROUPS_2020[0] ?? '',
  confidence: 'sourced',
};
const until2025: MembershipSeed = {
  ...from2020,
  validTo: REFORM_2025_DATE,
  validToConfidence: 'sourced',
};
const ljxqAfter2025 = (note: string): MembershipSeed => ({
  validFrom: REFORM_2025_DATE,
  source: SOURCE_REFORM_2025[0] ?? '',
  confidence: 'unverified',
  note,
});
const CENTRAL_STAYING = ['500103', '500104', '500106', '500107', '500108', '500109', '500113'];
const NEW_URBAN = [
  '500102',
  '500115',
  '500116',
  '500117',
  '500118',
  '500119',
  '500110',
  '500111',
  '500120',
  '500151',
  '500152',
  '500153',
];
const from2024 = (source: string): MembershipSeed => ({
  validFrom: PLAN_2024_DATE,
  source,
  confidence: 'sourced',
});

/**
 * Dated group memberships (一区两群 from 2020-05-09; 主城都市区 = 22 区县 with 垫江 from
 * 2024-02-21; 渝西 and 渝东新城 from 2024-02-21). Periods before 2020-05-09 (五大功能区域, whose
 * core area is not made of whole 区县) are not modelled.
 */
export const GROUP_MEMBERSHIPS: readonly GroupMembership[] = [
  ...members('centralUrban', CENTRAL_STAYING, from2020),
  ...members('centralUrban', ['500105', '500112'], until2025),
  ...members(
    'centralUrban',
    [LIANGJIANG_2025_KEY],
    ljxqAfter2025(
      '新闻稿称两江新区为“中心城区核心增长引擎”，中心城区 = 8 个单位尚无正式名单 (implied by the press release; no formal list yet).',
    ),
  ),
  ...members('newUrban', NEW_URBAN, from2020),
  ...members('metropolitan', [...CENTRAL_STAYING, ...NEW_URBAN], from2020),
  ...members('metropolitan', ['500105', '500112'], until2025),
  ...members('metropolitan', ['500231'], {
    ...from2024(SOURCE_PLAN_2024),
    note: '垫江是唯一纳入主城都市区的县 (the only county in the metropolitan area); see also https://news.qq.com/rain/a/20240924A053US00 (2024-09-24).',
  }),
  ...members(
    'metropolitan',
    [LIANGJIANG_2025_KEY],
    ljxqAfter2025('由原中心城区单位组成，推定属于主城都市区 (inferred from its former units).'),
  ),
  ...members(
    'northeast',
    [
      '500101',
      '500154',
      '500155',
      '500229',
      '500230',
      '500233',
      '500235',
      '500236',
      '500237',
      '500238',
    ],
    from2020,
  ),
  ...members('northeast', ['500231'], {
    ...from2020,
    validTo: PLAN_2024_DATE,
    validToConfidence: 'inferred',
    note: '按分区推定 2024-02-21 起渝东北为 10 个区县；市统计局及指数报告是否随之调整未核实，垫江仍自称“区群联结点” (end inferred from the partition; check each series).',
  }),
  ...members('southeast', ['500114', '500156', '500240', '500241', '500242', '500243'], from2020),
  ...members(
    'yuxi',
    ['500116', '500117', '500118', '500120', '500153', '500111', '500151', '500152'],
    from2024(SOURCE_YUXI_2024),
  ),
  ...members(
    'yudongNewTown',
    ['500102', '500115', '500119', '500110', '500231'],
    from2024(SOURCE_YUDONG_2024),
  ),
];

/** Unit lineage of the 2025 reform (§1.3); the earlier recodings are derived from successors. */
export const REFORM_2025_LINEAGE: readonly LineageRecord[] = [
  {
    date: REFORM_2025_DATE,
    datePrecision: 'day',
    from: '500105',
    to: LIANGJIANG_2025_KEY,
    share: 'whole',
    description: { zh: '江北区全域并入两江新区', en: 'All of Jiangbei joins Liangjiang' },
    sources: SOURCE_REFORM_2025,
  },
  {
    date: REFORM_2025_DATE,
    datePrecision: 'day',
    from: '500112',
    to: LIANGJIANG_2025_KEY,
    share: 'part',
    description: {
      zh: '渝北区除大湾、统景、大盛、兴隆、茨竹 5 镇外并入两江新区',
      en: 'Yubei except 5 towns joins Liangjiang',
    },
    sources: SOURCE_REFORM_2025,
  },
  {
    date: REFORM_2025_DATE,
    datePrecision: 'day',
    from: '500112',
    to: '500109',
    share: 'part',
    parts: ['大湾镇', '统景镇', '大盛镇', '兴隆镇', '茨竹镇'],
    description: { zh: '渝北区 5 镇划入北碚区', en: '5 Yubei towns move to Beibei' },
    sources: SOURCE_REFORM_2025,
  },
  {
    date: REFORM_2025_DATE,
    datePrecision: 'day',
    from: '500109',
    to: LIANGJIANG_2025_KEY,
    share: 'part',
    parts: ['水土街道', '复兴街道', '蔡家岗街道', '施家梁镇', '童家溪镇'],
    description: {
      zh: '北碚区水土、复兴、蔡家岗街道和施家梁、童家溪镇划入两江新区',
      en: '3 Beibei subdistricts and 2 towns move to Liangjiang',
    },
    sources: SOURCE_REFORM_2025,
  },
];

/**
 * Functional zones (功能区): overlays on 区县, never rows of 区县 rankings and never summed into
 * 区县 or city totals (§1.4; the index reports rank only the administrative 区县,
 * http://www.te-ch.tech/news/show-323196.html).
 */
export const FUNCTIONAL_ZONES: readonly FunctionalZone[] = [
  {
    key: 'liangjiang-zone',
    name: { zh: '两江新区（国家级新区）', en: 'Liangjiang New Area (national new area)' },
    kind: 'nationalNewArea',
    validFrom: '2010-06-18',
    validTo: REFORM_2025_DATE,
    overlaps: ['500105', '500112', '500109'],
    overlapsConfidence: 'sourced',
    summableIntoRegions: false,
    note: '规划 1200 km²；2025-11-06 起为行政区（见 LJXQ-2025）(an administrative district from 2025-11-06).',
    sources: ['https://m.how234.com/eamyddssdbb.html', ...SOURCE_REFORM_2025],
  },
  {
    key: 'western-science-city',
    name: { zh: '西部（重庆）科学城', en: 'Western (Chongqing) Science City' },
    kind: 'scienceCity',
    validFrom: null,
    validTo: null,
    overlaps: ['500109', '500106', '500107', '500116', '500120'],
    overlapsConfidence: 'sourced',
    summableIntoRegions: false,
    note: '1198 km²；核心为重庆高新区直管园 (core = the high-tech zone directly administered park).',
    sources: ['http://www.toledorv.com/chongqing/jr/20200916/t20200916_525262766.shtml'],
  },
  {
    key: 'chongqing-hitech-zone',
    name: { zh: '重庆高新区（西部科学城重庆高新区）', en: 'Chongqing High-tech Zone' },
    kind: 'highTechZone',
    validFrom: null,
    validTo: null,
    overlaps: ['500106', '500107'],
    overlapsConfidence: 'unverified',
    summableIntoRegions: false,
    note: '1991-03 获批首批国家高新区；2016 年起国家自主创新示范区；直管园 313.5 km²，市直管。直管园所跨区县（沙坪坝、九龙坡）未经资料核实 (the overlapped 区县 are unverified).',
    sources: [
      'https://m.95262.com/a/79175',
      'https://gxq.cq.gov.cn/zwgk_202/fdzdgknr/tjxx/tjnj/202112/t20211210_10128776.html',
    ],
  },
  {
    key: 'wansheng-zone',
    name: { zh: '万盛经开区', en: 'Wansheng Economic and Technological Development Zone' },
    kind: 'developmentZone',
    validFrom: null,
    validTo: null,
    overlaps: ['500110'],
    overlapsConfidence: 'sourced',
    summableIntoRegions: false,
    note: '位于綦江区内，覆盖原万盛区；有独立科技局和双倍增目标。綦江数据有的含、有的不含万盛经开区，须逐项记录 (record for every 綦江 figure whether it includes the zone).',
    sources: ['http://s.www.hbzqbyyxgs.com/news/702935.html', SOURCE_CODE_HISTORY],
  },
  {
    key: 'shuangqiao-zone',
    name: { zh: '双桥经开区', en: 'Shuangqiao Economic Development Zone' },
    kind: 'developmentZone',
    validFrom: null,
    validTo: null,
    overlaps: ['500111'],
    overlapsConfidence: 'sourced',
    summableIntoRegions: false,
    note: '位于大足区内（原双桥区）；区县统计中计入大足区一说无出处 (counted within 大足: unsourced).',
    sources: [SOURCE_CODE_HISTORY],
  },
];
