/**
 * The district and city reports (区县报告 / 全市报告) as XLSX sheets, built from the dashboard's
 * views (district profile, rankings) so the workbook shows exactly the figures of the web
 * report. Every workbook ends with a 说明 (Notes) sheet: the run id and its inputs' SHA-256, and
 * for each input value its source URL or "synthetic" (合成), so a reader can trace every number.
 */
import type { IndexBuild } from '@kechuang/index-engine';
import type { Db } from '@kechuang/registry';
import type { DistrictProfile } from './dashboardViews.ts';
import { groupName, num, type Rankings } from './indexViews.ts';
import type { RunMeta } from './runCache.ts';
import type { SheetData } from './sheets.ts';

/** One input value of a run with where it came from. */
export type InputSource = {
  regionCode: string;
  code: string;
  kind: 'indicator' | 'denominator';
  nameZh: string;
  nameEn: string;
  unit: string | null;
  /** The value the run used (its stored inputs). */
  value: number | null;
  /** Source URL, `derived:<code>`, or null (no registry row found). */
  source: string | null;
  synthetic: boolean | null;
  /** Edition of the registry row ('' = plain stored values, 'derived'). */
  edition: string | null;
  /** Whether the registry row still holds the value the run used. */
  matchesRun: boolean | null;
};

const SCORE = '0.00';
const AREA_ORDER = ['centralUrban', 'newUrban', 'northeast', 'southeast'];
const yesNo = (b: boolean | null) => (b === null ? '' : b ? '是 yes' : '否 no');
const both = (zh: string, en: string) => (zh === en ? zh : `${zh} ${en}`);

/**
 * The run's input values (from its stored inputs) with their registry source, for some regions
 * or all. The registry row is chosen as the run chose its values: the run's edition first, then
 * plain stored values, then derived ones (registry `loadRunInputs`).
 */
export async function inputSources(
  db: Db,
  build: IndexBuild,
  run: { year: number; edition: string },
  regionCodes?: readonly string[],
): Promise<InputSource[]> {
  const { ctx, raw } = build.input;
  const nodes = ctx.tree.framework.nodes.filter((n) => n.level === 1);
  const denominators = new Map<string, { nameZh: string; nameEn: string; unit: string | null }>();
  for (const d of ctx.tree.framework.denominators ?? []) {
    denominators.set(d.code, {
      nameZh: d.names.zh ?? d.code,
      nameEn: d.names.en ?? d.names.zh ?? d.code,
      unit: d.unit ?? null,
    });
  }
  for (const code of Object.keys(ctx.denominators)) {
    if (!denominators.has(code)) denominators.set(code, { nameZh: code, nameEn: code, unit: null });
  }
  const codes = [...nodes.map((n) => n.code), ...denominators.keys()];
  const editions = [run.edition, '', 'derived'];
  const { rows } = await db.query<{
    region_code: string;
    indicator_code: string;
    value: number | null;
    unit: string | null;
    source_url: string | null;
    synthetic: boolean;
    edition: string;
  }>(
    `SELECT region_code, indicator_code, value, unit, source_url, synthetic, edition
     FROM indicator_values
     WHERE year = $1 AND indicator_code = ANY($2::text[]) AND edition = ANY($3::text[])
       AND ($4::text[] IS NULL OR region_code = ANY($4::text[]))`,
    [run.year, codes, editions, regionCodes ? [...regionCodes] : null],
  );
  const best = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const k = `${r.region_code}|${r.indicator_code}`;
    const seen = best.get(k);
    if (!seen || editions.indexOf(r.edition) < editions.indexOf(seen.edition)) best.set(k, r);
  }
  const units = regionCodes ?? ctx.units.filter((u) => !u.isReference).map((u) => u.code);
  const out: InputSource[] = [];
  for (const regionCode of units) {
    const i = ctx.unitIndex.get(regionCode);
    if (i === undefined) continue;
    const entries = [
      ...nodes.map((n) => ({
        code: n.code,
        kind: 'indicator' as const,
        nameZh: n.names.zh ?? n.code,
        nameEn: n.names.en ?? n.names.zh ?? n.code,
        unit: n.unit ?? null,
        value: num(raw.columns.get(n.code)?.[i]),
      })),
      ...[...denominators].map(([code, d]) => ({
        code,
        kind: 'denominator' as const,
        ...d,
        value: num(ctx.denominators[code]?.[i]),
      })),
    ];
    for (const e of entries) {
      const row = best.get(`${regionCode}|${e.code}`);
      out.push({
        regionCode,
        ...e,
        unit: e.unit ?? row?.unit ?? null,
        source: row ? (row.synthetic ? 'synthetic' : row.source_url) : null,
        synthetic: row ? row.synthetic : null,
        edition: row ? row.edition : null,
        matchesRun: row ? num(row.value ?? undefined) === e.value : null,
      });
    }
  }
  return out;
}

function runNotes(meta: RunMeta, inputsMatch: boolean, generatedAt: string): unknown[][] {
  return [
    ['计算编号 Run id', meta.id],
    ['数据年度 Year', meta.year],
    ['版本 Edition', meta.edition],
    ['指标体系 Framework', meta.frameworkId ?? ''],
    ['指标体系版本 Framework version', meta.frameworkVersion ?? ''],
    ['输入哈希 Inputs SHA-256', meta.inputsHash],
    ['输入与哈希一致 Inputs match the stored hash', yesNo(inputsMatch)],
    ['已发布 Published', yesNo(meta.published)],
    ['计算时间 Computed at', meta.createdAt],
    ['生成时间 Generated at', generatedAt],
  ];
}

const SOURCE_HEADER = [
  '区县代码 District code',
  '代码 Code',
  '名称 Name',
  'Name (EN)',
  '类型 Kind',
  '数值 Value (as used)',
  '单位 Unit',
  '来源 Source',
  '合成 Synthetic',
  '数据版本 Value edition',
  '登记库现值一致 Registry still holds it',
];

function sourceRow(s: InputSource): unknown[] {
  return [
    s.regionCode,
    s.code,
    s.nameZh,
    s.nameEn,
    s.kind === 'indicator' ? '指标 indicator' : '分母 denominator',
    s.value,
    s.unit,
    s.source ?? '（登记库中没有）not in the registry',
    yesNo(s.synthetic),
    s.edition === null ? '' : s.edition === '' ? '（存储值）stored' : s.edition,
    yesNo(s.matchesRun),
  ];
}

/** The district report's sheets (from `districtProfile`). */
export function districtReportSheets(
  profile: DistrictProfile,
  meta: RunMeta,
  sources: readonly InputSource[],
  generatedAt: string,
): SheetData[] {
  const p = profile;
  const region = p.region;
  const summary: SheetData = {
    name: '概况 Summary',
    widths: [34, 28, 60],
    rows: [
      ['项目 Item', '数值 Value', '说明 Note'],
      ['区县 District', region.nameZh, region.nameEn],
      ['区县代码 Code', region.code, ''],
      ['数据年度 Year', p.year, ''],
      ['版本 Edition', p.edition, ''],
      ['综合指数 Composite index', p.score, ''],
      ['全市排名 Rank in the city', p.rank, `共 ${p.rankOf} 个区县 of ${p.rankOf} districts`],
      [
        '片区排名 Rank in its group',
        p.groupRank?.rank ?? null,
        p.groupRank
          ? `${p.groupRank.nameZh}第${p.groupRank.rank ?? '—'}位（共 ${p.groupRank.of} 个）/ ${p.groupRank.nameEn}: ${p.groupRank.rank ?? '—'} of ${p.groupRank.of}`
          : '',
      ],
      ['梯队 Tier', p.tier ? both(p.tier.nameZh, p.tier.nameEn) : '', ''],
      ['全市指数 City score', p.cityScore, '全市作为参照单元 the city as the reference unit'],
      ['区县平均 District average', p.cityAverage, '38 个区县的平均 mean of the districts'],
      ['名次变化 Rank change', p.rankChange, '上年名次 − 本年名次 last year’s rank − this year’s'],
      ['得分变化 Score change', p.scoreChange, ''],
      ['高新技术企业 High-tech enterprises', p.pools.highTechEnterprises, 'HTE_COUNT'],
      ['科技型企业 Registered tech SMEs', p.pools.techSmes, 'TECH_SME_REGISTERED'],
      ['研发平台 Platforms', p.pools.platforms, 'PLATFORMS'],
    ],
  };
  const subIndices: SheetData = {
    name: '分项指数 Sub-indices',
    widths: [18, 28, 36, 14, 18, 18, 16],
    numberFormats: [undefined, undefined, undefined, SCORE, SCORE, SCORE],
    rows: [
      [
        '代码 Code',
        '名称 Name',
        'Name (EN)',
        '得分 Score',
        '全市平均 City average',
        '与平均之差 Difference',
        '全市排名 Rank',
      ],
      [
        'INDEX',
        '综合指数',
        'Composite index',
        p.score,
        p.cityAverage,
        p.score === null || p.cityAverage === null ? null : p.score - p.cityAverage,
        p.rank,
      ],
      ...p.subIndices.map((s) => [
        s.code,
        s.nameZh,
        s.nameEn,
        s.score,
        s.cityAverage,
        s.score === null || s.cityAverage === null ? null : s.score - s.cityAverage,
        s.rank,
      ]),
    ],
  };
  const history: SheetData = {
    name: '历年 History',
    widths: [12, 22, 14, 14, 12, 24],
    numberFormats: [undefined, undefined, undefined, SCORE],
    rows: [
      ['年份 Year', '版本 Edition', '计算编号 Run id', '得分 Score', '排名 Rank', '梯队 Tier'],
      ...p.history.map((h) => [
        h.year,
        h.edition,
        h.runId,
        h.score,
        h.rank,
        h.tier ? both(h.tier.nameZh, h.tier.nameEn) : '',
      ]),
    ],
  };
  const strengths: SheetData = {
    name: '优势劣势 Strengths',
    widths: [18, 28, 36, 48, 14, 14, 12],
    rows: [
      [
        '类别 Kind',
        '指标代码 Code',
        '指标 Indicator',
        'Indicator (EN)',
        '数值 Value',
        '单位 Unit',
        '排名 Rank',
      ],
      ...p.strengths.map((s) => [
        '优势 Strength',
        s.indicator,
        s.nameZh,
        s.nameEn,
        s.value,
        s.unit,
        s.rank,
      ]),
      ...p.weaknesses.map((s) => [
        '劣势 Weakness',
        s.indicator,
        s.nameZh,
        s.nameEn,
        s.value,
        s.unit,
        s.rank,
      ]),
    ],
  };
  const attribution: SheetData = {
    name: '变化归因 Attribution',
    widths: [28, 36, 48, 24],
    numberFormats: [undefined, undefined, undefined, '0.000'],
    rows: [
      [
        '指标代码 Code',
        '指标 Indicator',
        'Indicator (EN)',
        '对得分变化的贡献 Contribution (points)',
      ],
      ...p.rankChangeAttribution.map((a) => [a.indicator, a.nameZh, a.nameEn, a.contribution]),
      [],
      [p.rankChangeAttributionNote],
    ],
  };
  const targets: SheetData = {
    name: '目标 Targets',
    widths: [24, 30, 12, 12, 14, 14, 14, 14, 12, 16, 16, 12, 30, 16],
    numberFormats: [
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      '0.0%',
    ],
    rows: [
      [
        '指标代码 Code',
        '指标 Indicator',
        '目标年 Target year',
        '目标 Target',
        '基期年 Baseline year',
        '基期值 Baseline',
        '当前年 Current year',
        '当前值 Current',
        '进度 Progress',
        '预测年 Projected year',
        '按当前速度预测 Projected',
        '可达成 On track',
        '依据 Document',
        '方法 Method',
      ],
      ...p.targets.map((t) => [
        t.indicator,
        both(t.nameZh, t.nameEn),
        t.year,
        t.target,
        t.baseline?.year ?? null,
        t.baseline?.value ?? null,
        t.current?.year ?? null,
        t.current?.value ?? null,
        t.progress,
        t.projected?.year ?? null,
        t.projected?.value ?? null,
        t.onTrack === null ? '' : yesNo(t.onTrack),
        t.document,
        t.method,
      ]),
    ],
  };
  const synthetic = sources.filter((s) => s.synthetic).length;
  const notes: SheetData = {
    name: '说明 Notes',
    widths: [30, 22, 28, 40, 18, 18, 12, 60, 10, 16, 16],
    rows: [
      ['项目 Item', '内容 Value'],
      [
        '报告 Report',
        `${region.nameZh}科技创新指数报告（${p.year} 年）/ ${region.nameEn} S&T innovation index report ${p.year}`,
      ],
      ...runNotes(meta, p.run.inputsMatch, generatedAt),
      [
        '合成数据 Synthetic values',
        `${synthetic} / ${sources.length}`,
        '标为“合成”的数值为示例数据，不是官方统计 values marked synthetic are demo data, not official statistics',
      ],
      [],
      SOURCE_HEADER,
      ...sources.map(sourceRow),
    ],
  };
  return [summary, subIndices, history, strengths, attribution, targets, notes];
}

/** The city report's sheets (from `rankings`). */
export function cityReportSheets(
  rankings: Rankings,
  meta: RunMeta,
  sources: readonly InputSource[],
  generatedAt: string,
): SheetData[] {
  const items = [...rankings.items].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  const subs = items[0]?.subIndices ?? [];
  const groupLabel = (code: string | null) => {
    if (!code) return '';
    const g = groupName(code);
    return both(g.zh, g.en);
  };
  const ranking: SheetData = {
    name: '排名 Ranking',
    widths: [10, 12, 18, 30, 24, 14, 12, 22, 14, 14, ...subs.map(() => 22)],
    numberFormats: [
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      SCORE,
      undefined,
      undefined,
      SCORE,
      ...subs.map(() => SCORE),
    ],
    rows: [
      [
        '排名 Rank',
        '代码 Code',
        '区县 District',
        'District (EN)',
        '片区 Group',
        '片区排名 Group rank',
        '得分 Score',
        '梯队 Tier',
        '名次变化 Rank change',
        '得分变化 Score change',
        ...subs.map((s) => both(s.nameZh, s.nameEn)),
      ],
      ...items.map((i) => [
        i.rank,
        i.regionCode,
        i.nameZh,
        i.nameEn,
        groupLabel(i.areaGroup),
        i.groupRank,
        i.score,
        i.tier ? both(i.tier.nameZh, i.tier.nameEn) : '',
        i.rankChange,
        i.scoreChange,
        ...i.subIndices.map((s) => s.score),
      ]),
    ],
  };
  const order = (code: string | null) => {
    const k = AREA_ORDER.indexOf(code ?? '');
    return k < 0 ? AREA_ORDER.length : k;
  };
  const byGroup = [...items].sort(
    (a, b) =>
      order(a.areaGroup) - order(b.areaGroup) ||
      (a.areaGroup ?? '').localeCompare(b.areaGroup ?? '') ||
      (a.groupRank ?? 1e9) - (b.groupRank ?? 1e9),
  );
  const groupSheet: SheetData = {
    name: '分片区 By group',
    widths: [24, 14, 18, 30, 12, 14, 22],
    numberFormats: [undefined, undefined, undefined, undefined, SCORE],
    rows: [
      [
        '片区 Group',
        '片区排名 Group rank',
        '区县 District',
        'District (EN)',
        '得分 Score',
        '全市排名 City rank',
        '梯队 Tier',
      ],
      ...byGroup.map((i) => [
        groupLabel(i.areaGroup),
        i.groupRank,
        i.nameZh,
        i.nameEn,
        i.score,
        i.rank,
        i.tier ? both(i.tier.nameZh, i.tier.nameEn) : '',
      ]),
    ],
  };
  const tiers: SheetData = {
    name: '梯队 Tiers',
    widths: [24, 14, 12, 12, 80],
    numberFormats: [undefined, SCORE],
    rows: [
      ['梯队 Tier', '下限 Minimum', '含下限 Inclusive', '区县数 Count', '区县 Districts'],
      ...rankings.city.tierThresholds.map((t) => {
        const members = items.filter((i) => i.tier?.code === t.code);
        return [
          both(t.nameZh, t.nameEn),
          t.min,
          t.min === null ? '' : yesNo(t.inclusive),
          members.length,
          members.map((m) => m.nameZh).join('、'),
        ];
      }),
      [],
      ['全市指数 City score', rankings.city.score],
    ],
  };
  // One line per input: how many 区县 have a value, how many are synthetic, which sources.
  const perInput = new Map<string, InputSource[]>();
  for (const s of sources) perInput.set(s.code, [...(perInput.get(s.code) ?? []), s]);
  const synthetic = sources.filter((s) => s.synthetic).length;
  const notes: SheetData = {
    name: '说明 Notes',
    widths: [30, 40, 48, 18, 14, 14, 80],
    rows: [
      ['项目 Item', '内容 Value'],
      [
        '报告 Report',
        `重庆市科技创新指数报告（${meta.year} 年）/ Chongqing S&T innovation index report ${meta.year}`,
      ],
      ...runNotes(meta, rankings.run.inputsMatch, generatedAt),
      [
        '上一年计算 Previous run',
        rankings.previousRun ? `${rankings.previousRun.year}（${rankings.previousRun.id}）` : '',
      ],
      [
        '梯队规则 Tier rule',
        rankings.city.tierThresholds
          .map(
            (t) =>
              `${t.nameZh} ${t.min === null ? '其余' : `${t.inclusive ? '≥' : '>'} ${t.min.toFixed(2)}`}`,
          )
          .join('；'),
      ],
      [
        '合成数据 Synthetic values',
        `${synthetic} / ${sources.length}`,
        '标为“合成”的数值为示例数据，不是官方统计 values marked synthetic are demo data, not official statistics',
      ],
      [],
      [
        '代码 Code',
        '名称 Name',
        'Name (EN)',
        '类型 Kind',
        '有值区县 Districts with a value',
        '合成 Synthetic',
        '来源 Sources',
      ],
      ...[...perInput].map(([code, list]) => [
        code,
        list[0]?.nameZh ?? code,
        list[0]?.nameEn ?? code,
        list[0]?.kind === 'denominator' ? '分母 denominator' : '指标 indicator',
        list.filter((s) => s.value !== null).length,
        list.filter((s) => s.synthetic).length,
        [...new Set(list.map((s) => s.source ?? '（登记库中没有）not in the registry'))].join(
          ' ; ',
        ),
      ]),
    ],
  };
  return [ranking, groupSheet, tiers, notes];
}
