/**
 * Writes the synthetic demo registry `data/demo/registry/*.csv` (every row invented; see
 * data/demo/README.md): enterprises with valid 统一社会信用代码 (check characters computed with the
 * domain's functions), yearly figures, qualifications, platforms, talents, patents, achievements,
 * contracts, projects and targets. Deterministic: mulberry32, seed 20250301.
 * Run: `npx tsx scripts/generateDemoRegistry.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHONGQING_REGIONS,
  computeOrganisationCodeCheckChar,
  computeUsccCheckChar,
} from '@kechuang/domain';
import { stringify } from 'csv-stringify/sync';
import { mulberry32 } from './seededRandom.ts';

const SEED = 20250301;
const OUT = join(import.meta.dirname, '..', 'data', 'demo', 'registry');

const random = mulberry32(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const round1 = (x: number) => Math.round(x * 10) / 10;

// The 38 区县 of 2011–2025 (current codes, confirmed).
const REGIONS = CHONGQING_REGIONS.filter(
  (r) => r.codeConfirmed && r.validTo === null && /^500[12]\d\d$/.test(r.code),
).concat(
  CHONGQING_REGIONS.filter((r) => ['500105', '500112'].includes(r.code) && r.validTo !== null),
);
const regionNames = [...new Map(REGIONS.map((r) => [r.code, r.name.zh])).values()];

/** A valid USCC: 91 (enterprise), the region, 'MA' + 6 characters, both check characters. */
function uscc(regionCode: string, n: number): string {
  const body = `MA${n.toString(36).toUpperCase().padStart(6, '0')}`.replace(/[IOSVZ]/g, '1');
  const org = body + computeOrganisationCodeCheckChar(body);
  const first17 = `91${regionCode}${org}`;
  return first17 + computeUsccCheckChar(first17);
}

const WORDS = ['智能', '精密', '数联', '新材', '生物', '光电', '绿能', '云图', '芯创', '机器人'];
const SUFFIX = ['科技有限公司', '技术有限公司', '制造有限公司', '信息技术有限公司'];
const FIELDS = ['电子信息', '生物与新医药', '新材料', '高技术服务', '先进制造与自动化'];
const INDUSTRY = ['C3971', 'C3812', 'I6513', 'C2761', 'M7320', 'C3670'];

type Row = (string | number)[];
function write(name: string, header: string[], rows: Row[]): void {
  writeFileSync(join(OUT, name), stringify([header, ...rows]));
}

mkdirSync(OUT, { recursive: true });

const N = 120;
const firms = Array.from({ length: N }, (_, i) => {
  const regionName = pick(regionNames);
  const region = REGIONS.find((r) => r.name.zh === regionName);
  const code = uscc(region?.code ?? '500112', 1000 + i * 37);
  const name = `重庆${pick(WORDS)}${pick(WORDS)}示例${i + 1}号${pick(SUFFIX)}`;
  return { code, name, region: regionName, size: 500 + random() * 20000 };
});

write(
  'enterprises.csv',
  ['统一社会信用代码', '企业名称', '所在区县', '国民经济行业代码', '高新技术领域', '成立日期'],
  firms.map((f) => [
    f.code,
    f.name,
    f.region,
    pick(INDUSTRY),
    pick(FIELDS),
    `${between(2005, 2021)}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`,
  ]),
);

write(
  'enterprise-figures.csv',
  [
    '统一社会信用代码',
    '年度',
    '销售收入（万元）',
    '总收入（万元）',
    '高新技术产品（服务）收入（万元）',
    '研发费用（万元）',
    '境内研发费用（万元）',
    '职工总数（人）',
    '科技人员数（人）',
    '净资产（万元）',
    '总资产（万元）',
    'Ⅰ类知识产权数（件）',
    'Ⅱ类知识产权数（件）',
  ],
  firms.flatMap((f) =>
    [2021, 2022, 2023].map((year) => {
      const sales = round1(f.size * (1 + 0.08 * (year - 2021)) * (0.9 + random() * 0.2));
      const rd = round1(sales * (0.02 + random() * 0.06));
      const staff = between(20, 600);
      return [
        f.code,
        year,
        sales,
        round1(sales * 1.05),
        round1(sales * (0.5 + random() * 0.4)),
        rd,
        rd,
        staff,
        Math.round(staff * (0.1 + random() * 0.3)),
        round1(sales * 0.6),
        round1(sales * 1.4),
        between(0, 6),
        between(0, 20),
      ];
    }),
  ),
);

write(
  'qualifications.csv',
  ['统一社会信用代码', '资质类型', '证书编号', '发证机关', '发证日期', '有效期至', '状态'],
  firms.slice(0, 70).map((f, i) => {
    const y = between(2021, 2023);
    const hte = i % 2 === 0;
    return [
      f.code,
      hte ? '高新技术企业' : '科技型中小企业',
      hte
        ? `GR${y}55${String(100000 + i * 13).slice(-6)}`
        : `${y}500000${String(10000 + i).slice(-5)}`,
      hte ? '重庆市科学技术局' : '重庆市科学技术局',
      `${y}-11-${String(between(1, 28)).padStart(2, '0')}`,
      hte ? `${y + 3}-11-01` : `${y + 1}-03-31`,
      '有效',
    ];
  }),
);

const PLATFORM_KINDS = [
  '重点实验室',
  '工程技术研究中心',
  '企业技术中心',
  '新型研发机构',
  '众创空间',
  '科技企业孵化器',
];
write(
  'platforms.csv',
  ['平台名称', '平台类型', '级别', '依托单位统一社会信用代码', '依托单位', '所在区县', '认定日期'],
  firms.slice(0, 30).map((f, i) => {
    const kind = PLATFORM_KINDS[i % PLATFORM_KINDS.length] as string;
    return [
      `${f.name.replace(/有限公司$/, '')}${kind}（示例）`,
      kind,
      i % 5 === 0 ? '国家级' : i % 2 === 0 ? '市级' : '区县级',
      f.code,
      f.name,
      f.region,
      `${between(2016, 2023)}-12-${String(between(1, 28)).padStart(2, '0')}`,
    ];
  }),
);

const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '涛', '明'];
const TALENT = ['市级人才计划入选者', '博士', '高级职称人员', '技术经理人', '博士后'];
write(
  'talents.csv',
  ['姓名或团队名称', '人才类别', '所在单位', '所在区县', '年度'],
  Array.from({ length: 40 }, (_, i) => {
    const f = firms[i * 2] ?? firms[0];
    return [
      `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}（示例）`,
      pick(TALENT),
      f?.name ?? '',
      f?.region ?? '',
      between(2021, 2023),
    ];
  }),
);

write(
  'patents.csv',
  [
    '专利号',
    '专利类型',
    '法律状态',
    '权利人统一社会信用代码',
    '权利人',
    '所在区县',
    '申请日',
    '授权日',
  ],
  Array.from({ length: 80 }, (_, i) => {
    const f = firms[i % N] ?? firms[0];
    const y = between(2019, 2023);
    const type = pick(['发明', '实用新型', '外观设计']);
    const digit = type === '发明' ? 1 : type === '实用新型' ? 2 : 3;
    return [
      `ZL${y}${digit}${String(1000000 + i * 7919).slice(-7)}.${i % 10}`,
      type,
      '授权',
      f?.code ?? '',
      f?.name ?? '',
      f?.region ?? '',
      `${y}-${String(between(1, 12)).padStart(2, '0')}-15`,
      `${y + 1}-${String(between(1, 12)).padStart(2, '0')}-20`,
    ];
  }),
);

write(
  'achievements.csv',
  [
    '登记号',
    '成果名称',
    '成果类型',
    '第一完成单位',
    '完成单位统一社会信用代码',
    '所在区县',
    '登记日期',
    '成熟程度',
    '登记年度',
  ],
  Array.from({ length: 20 }, (_, i) => {
    const f = firms[i * 3] ?? firms[0];
    const y = between(2021, 2023);
    return [
      `5000${y - 2000}${String(100000 + i * 17).slice(-6)}`.padEnd(12, '0').slice(0, 12),
      `${pick(WORDS)}关键技术研究（示例）${i + 1}`,
      '应用技术',
      f?.name ?? '',
      f?.code ?? '',
      f?.region ?? '',
      `${y}-09-01`,
      '成熟应用阶段',
      y,
    ];
  }),
);

write(
  'contracts.csv',
  [
    '合同登记号',
    '合同类型',
    '成交金额（万元）',
    '卖方所在区县',
    '买方所在区县',
    '技术领域',
    '签订日期',
  ],
  Array.from({ length: 60 }, (_, i) => {
    const y = between(2021, 2023);
    return [
      `${y}5000${String(100000 + i * 31).slice(-6)}`,
      pick(['技术开发', '技术转让', '技术许可', '技术咨询', '技术服务']),
      round1(10 + random() * 490),
      pick(regionNames),
      i % 4 === 0 ? '' : pick(regionNames),
      pick(FIELDS),
      `${y}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`,
    ];
  }),
);

write(
  'projects.csv',
  [
    '项目编号',
    '项目名称',
    '级别',
    '资助金额（万元）',
    '承担单位',
    '承担单位统一社会信用代码',
    '所在区县',
    '立项年度',
  ],
  Array.from({ length: 30 }, (_, i) => {
    const f = firms[(i * 5) % N] ?? firms[0];
    const y = between(2021, 2023);
    return [
      `DEMO${y}-${String(i + 1).padStart(4, '0')}`,
      `${pick(WORDS)}${pick(WORDS)}技术攻关（示例）`,
      pick(['国家级', '市级', '区县级']),
      between(10, 300),
      f?.name ?? '',
      f?.code ?? '',
      f?.region ?? '',
      y,
    ];
  }),
);

write(
  'targets.csv',
  ['范围类型', '范围', '指标代码', '年度', '目标值', '依据文件'],
  [
    [
      '全市',
      '500000',
      'HTE_COUNT',
      2027,
      12800,
      '示例：双倍增行动计划（目标值为示例，非官方数字）',
    ],
    [
      '全市',
      '500000',
      'TECH_ENTERPRISE_COUNT',
      2027,
      86000,
      '示例：双倍增行动计划（目标值为示例，非官方数字）',
    ],
    ...regionNames
      .slice(0, 10)
      .map((name, i) => ['区县', name, 'HTE_COUNT', 2027, 100 + i * 20, '示例：区县目标（合成）']),
  ],
);

console.log(`wrote ${OUT}`);
