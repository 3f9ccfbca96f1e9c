/**
 * `kechuang demo` — the main job until the server exists: compute the Chongqing demo index
 * (data/demo: 38 区县 + the city as reference unit, several years) and print the latest year's
 * ranking with 梯队 by the Chongqing rule and the change from the previous year.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  compareBuilds,
  frameworkFromMeta,
  getResults,
  type IndexBuild,
  type IndexSpec,
  runPanel,
  type TierRule,
  tablesFromData,
  tiersOf,
  validateSpec,
} from '@kechuang/index-engine';
import { readTable } from '../io/readTable.ts';
import { renderTable } from '../io/textTable.ts';
import { writeDatasets } from '../io/writeDatasets.ts';

/** The repository's demo folder. */
export const DEMO_DIR = fileURLToPath(new URL('../../../../data/demo/', import.meta.url));

export type DemoOptions = { dir?: string; year?: number; out?: string };

export type DemoResult = {
  year: number;
  previousYear?: number;
  build: IndexBuild;
  lines: string[];
  /** Share of demo values that are synthetic (from chongqing-sources.csv). */
  syntheticShare: number;
};

export async function demoCommand(options: DemoOptions = {}): Promise<DemoResult> {
  const dir = options.dir ?? DEMO_DIR;
  const [meta, data, sources, specText] = await Promise.all([
    readTable(`${dir}/chongqing-iMeta.csv`),
    readTable(`${dir}/chongqing-iData.csv`),
    readTable(`${dir}/chongqing-sources.csv`),
    readFile(`${dir}/chongqing-spec.json`, 'utf8'),
  ]);
  const spec = validateSpec(JSON.parse(specText)) as IndexSpec;
  const framework = frameworkFromMeta(meta.rows, 'chongqing-demo', meta.rowNumbers);
  const { tables } = tablesFromData(data.rows, framework, data.rowNumbers);
  const panel = runPanel(framework, tables, spec);
  const year = options.year ?? (panel.times.at(-1) as number);
  const at = panel.times.indexOf(year);
  if (at < 0) throw new Error(`示例数据没有 ${year} 年 / the demo data have no year ${year}`);
  const build = panel.builds[at] as IndexBuild;
  const previous = at > 0 ? panel.builds[at - 1] : undefined;
  const synthetic = sources.rows.filter((r) => String(r.synthetic) === '1').length;
  const syntheticShare = synthetic / Math.max(sources.rows.length, 1);
  const lines = rankingReport(build, previous, spec.tiers ?? { rule: 'chongqing' }, syntheticShare);
  if (options.out) {
    const files = await writeDatasets(build, options.out);
    lines.push(
      '',
      `已写出 ${files.length} 个文件到 ${options.out} / wrote ${files.length} files to ${options.out}`,
    );
  }
  return { year, previousYear: previous?.time, build, lines, syntheticShare };
}

function fmt(v: number, digits = 2): string {
  return Number.isNaN(v) ? '—' : v.toFixed(digits);
}

function signed(v: number, digits = 0): string {
  if (Number.isNaN(v)) return '—';
  if (v === 0) return '0';
  return (v > 0 ? '+' : '') + v.toFixed(digits);
}

/** The printed ranking: title, city value and tier rule, then one row per 区县. */
export function rankingReport(
  build: IndexBuild,
  previous: IndexBuild | undefined,
  rule: TierRule,
  syntheticShare: number,
): string[] {
  const root = build.input.ctx.tree.root;
  const rootNode = build.input.ctx.tree.byCode.get(root);
  const results = getResults(build, { group: 'Area' });
  const tiers = new Map(tiersOf(build, rule).map((t) => [t.unit, t.tier]));
  const changes = previous
    ? new Map(compareBuilds(previous, build).map((c) => [c.unit, c]))
    : undefined;
  const city = results.find((r) => r.isReference);
  const cityScore = city ? (city.scores[root] as number) : Number.NaN;
  const rows = results
    .filter((r) => !r.isReference)
    .map((r) => {
      const c = changes?.get(r.unit);
      const group = String(r.groups.Area ?? '—');
      return [
        String(r.ranks[root]),
        r.names.zh ?? r.unit,
        r.unit,
        group,
        `${group}第${r.groupRanks?.[root]}位`,
        fmt(r.scores[root] as number),
        tiers.get(r.unit)?.label.zh ?? '—',
        c ? signed(c.rankChange) : '—',
        c ? signed(c.change, 2) : '—',
      ];
    });
  const title = `${rootNode?.names.zh ?? root}（示例数据）${build.time ?? ''} 年 / ${rootNode?.names.en ?? root} (demo data), ${build.time ?? ''}`;
  return [
    title,
    `全市 ${fmt(cityScore)}%；梯队：高于全市为第一梯队，30 至全市为第二梯队，低于 30 为第三梯队 / city ${fmt(cityScore)}; tiers: above the city / 30 to the city / below 30`,
    '',
    ...renderTable(
      [
        { header: '名次', align: 'right' },
        { header: '区县' },
        { header: '代码' },
        { header: '区域' },
        { header: '区域内' },
        { header: '指数', align: 'right' },
        { header: '梯队' },
        { header: '名次变化', align: 'right' },
        { header: '得分变化', align: 'right' },
      ],
      rows,
    ),
    '',
    `数据来源逐值见 data/demo/chongqing-sources.csv；其中 ${(syntheticShare * 100).toFixed(0)}% 为合成数据（已标注），结果仅作演示。`,
    `Every value's source is in data/demo/chongqing-sources.csv; ${(syntheticShare * 100).toFixed(0)}% are synthetic (flagged): a demonstration, not an official ranking.`,
  ];
}
