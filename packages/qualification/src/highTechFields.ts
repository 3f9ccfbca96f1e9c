/**
 * 国家重点支持的高新技术领域 (the supported high-tech fields, appendix to 国科发火〔2016〕32号):
 * 8 top-level fields and their second-level fields with the codes used by filing systems
 * (`qualification-rules.md` §1.2; ⚠ that these codes are official is unconfirmed). The third level
 * (5 digits, about 200 items) is not listed here: a 5-digit code is accepted when its 3-digit parent
 * is known.
 */
import type { Bilingual } from '@kechuang/domain';

/** A supported high-tech field (高新技术领域) with its code. */
export type HighTechField = Bilingual & { code: string; parent: string | null };

const TOP: [string, string, string][] = [
  ['10', '电子信息', 'Electronic information'],
  ['20', '生物与新医药', 'Biology and new medicine'],
  ['30', '航空航天', 'Aerospace'],
  ['40', '新材料', 'New materials'],
  ['50', '高技术服务', 'High-tech services'],
  ['60', '新能源与节能', 'New energy and energy saving'],
  ['70', '资源与环境', 'Resources and environment'],
  ['80', '先进制造与自动化', 'Advanced manufacturing and automation'],
];

const SECOND: Record<string, string[]> = {
  '10': [
    '软件',
    '微电子技术',
    '计算机产品及其网络应用技术',
    '通信技术',
    '广播影视技术',
    '新型电子元器件',
    '信息安全技术',
    '智能交通和轨道交通技术',
  ],
  '20': [
    '医药生物技术',
    '中药、天然药物',
    '化学药研发技术',
    '药物新剂型与制剂创制技术',
    '医疗仪器、设备与医学专用软件',
    '轻工和化工生物技术',
    '农业生物技术',
  ],
  '30': ['航空技术', '航天技术'],
  '40': [
    '金属材料',
    '无机非金属材料',
    '高分子材料',
    '生物医用材料',
    '精细和专用化学品',
    '与文化艺术产业相关的新材料',
  ],
  '50': [
    '研发与设计服务',
    '检验检测认证与标准服务',
    '信息技术服务',
    '高技术专业化服务',
    '知识产权与成果转化服务',
    '电子商务与现代物流技术',
    '城市管理与社会服务',
    '文化创意产业支撑技术',
  ],
  '60': ['可再生清洁能源', '核能及氢能', '新型高效能量转换与储存技术', '高效节能技术'],
  '70': [
    '水污染控制与水资源利用技术',
    '大气污染控制技术',
    '固体废弃物处置与综合利用技术',
    '物理性污染防治技术',
    '环境监测及环境事故应急处理技术',
    '生态环境建设与保护技术',
    '清洁生产技术',
    '资源勘查、高效开采与综合利用技术',
  ],
  '80': [
    '工业生产过程控制系统',
    '安全生产技术',
    '高性能、智能化仪器仪表',
    '先进制造工艺与装备',
    '新型机械',
    '电力系统与设备',
    '汽车及轨道车辆相关技术',
    '高技术船舶与海洋工程装备设计制造技术',
    '传统文化产业改造技术',
  ],
};

/** The 8 top-level and 52 second-level supported fields (English names only for the top level). */
export const HIGH_TECH_FIELDS: readonly HighTechField[] = TOP.flatMap(([code, zh, en]) => [
  { code, zh, en, parent: null },
  ...(SECOND[code] ?? []).map((name, i) => ({
    code: `${code.charAt(0)}0${i + 1}`,
    zh: name,
    en: `${en}: ${name}`,
    parent: code,
  })),
]);

const BY_CODE = new Map(HIGH_TECH_FIELDS.map((f) => [f.code, f]));

/** The field with this code (2 or 3 digits; a 5-digit code resolves to its 3-digit parent). */
export function findHighTechField(code: string): HighTechField | undefined {
  if (/^\d{5}$/.test(code) && code.slice(3) !== '00') return BY_CODE.get(code.slice(0, 3));
  return BY_CODE.get(code);
}

/** Whether `code` is a known supported-field code (HT-03: anything else is invalid input). */
export function isHighTechFieldCode(code: string): boolean {
  return findHighTechField(code) !== undefined;
}
