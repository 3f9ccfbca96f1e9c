/**
 * Ranks of aggregate scores (1 = highest, ties share the best rank, NaN stays unranked) and the
 * ranking table printed after a build. Reference units (e.g. the city as a whole, `Reference` = 1
 * in iData) are shown but not ranked.
 */
import {
  type Dataset,
  type IndexBuild,
  rankColumn,
  tiersOf,
  type Unit,
} from '@kechuang/index-engine';
import { renderTable } from './io/textTable.ts';

/** A unit's display name: Chinese if there is one, else English, else its code. */
export function unitName(unit: Unit | undefined, code: string): string {
  return unit?.names.zh ?? unit?.names.en ?? code;
}

/** Units of a build by code. */
export function unitsByCode(build: IndexBuild): Map<string, Unit> {
  return new Map(build.input.ctx.units.map((u) => [u.code, u]));
}

/** Codes of the aggregates (level ≥ 2) present in a dataset, in dataset order. */
export function aggregateCodes(build: IndexBuild, dataset: Dataset): string[] {
  const { byCode } = build.input.ctx.tree;
  return [...dataset.columns.keys()].filter((c) => (byCode.get(c)?.level ?? 1) >= 2);
}

/** Ranks of every aggregate column of the Aggregated dataset (undefined if not aggregated). */
export function aggregateRanks(build: IndexBuild): Dataset | undefined {
  const dataset = build.datasets.Aggregated;
  if (!dataset) return undefined;
  const _units = unitsByCode(build);
  const columns = new Map<string, Float64Array>();
  for (const code of aggregateCodes(build, dataset)) {
    columns.set(code, rankColumn(build, dataset, code));
  }
  return { unitCodes: dataset.unitCodes, columns };
}

/**
 * The ranking of the top-level index as aligned text lines: a title, then rank, uCode, name and
 * score (2 decimals), best first; units without a score come last.
 */
export function rankingLines(build: IndexBuild, top?: number): string[] {
  const dataset = build.datasets.Aggregated;
  const { tree } = build.input.ctx;
  const root = tree.byCode.get(tree.root);
  const zh = root?.names.zh ?? root?.names.en ?? tree.root;
  const en = root?.names.en ?? root?.names.zh ?? tree.root;
  const when = build.time === undefined ? '' : `, ${build.time}`;
  if (!dataset?.columns.has(tree.root)) {
    return [
      `未汇总到顶层指数 ${tree.root}，无排名 / the index ${tree.root} was not computed; no ranking`,
    ];
  }
  const units = unitsByCode(build);
  const scores = dataset.columns.get(tree.root) as Float64Array;
  const ranks = rankColumn(build, dataset, tree.root);
  const order = dataset.unitCodes
    .map((code, i) => ({ code, i, score: scores[i] as number, rank: ranks[i] as number }))
    .sort((a, b) => {
      const sa = Number.isNaN(a.score) ? Number.NEGATIVE_INFINITY : a.score;
      const sb = Number.isNaN(b.score) ? Number.NEGATIVE_INFINITY : b.score;
      return sb - sa || a.code.localeCompare(b.code);
    });
  const shown = top === undefined ? order : order.slice(0, top);
  const rule = build.spec.tiers;
  const tiers = rule ? new Map(tiersOf(build, rule).map((t) => [t.unit, t.tier])) : undefined;
  const rows = shown.map(({ code, score, rank }) => [
    Number.isNaN(rank) ? (units.get(code)?.isReference ? '参照' : '—') : String(rank),
    code,
    unitName(units.get(code), code),
    Number.isNaN(score) ? 'NA' : score.toFixed(2),
    ...(tiers ? [tiers.get(code)?.label.zh ?? ''] : []),
  ]);
  const title = zh === en ? `${zh}（${tree.root}${when}）` : `${zh} / ${en}（${tree.root}${when}）`;
  return [
    title,
    ...renderTable(
      [
        { header: '排名', align: 'right' },
        { header: 'uCode' },
        { header: '名称 Name' },
        { header: '得分 Score', align: 'right' },
        ...(tiers ? [{ header: '梯队 Tier' }] : []),
      ],
      rows,
    ),
    `共 ${dataset.unitCodes.length} 个单元${shown.length < order.length ? `，显示前 ${shown.length} 个` : ''} / ${dataset.unitCodes.length} units${shown.length < order.length ? `, top ${shown.length} shown` : ''}`,
  ];
}
