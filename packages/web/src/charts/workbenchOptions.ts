/**
 * ECharts options of the index workbench: rank intervals from the uncertainty analysis (median
 * and 5–95 % band per district) and Sobol first-order / total-order bars.
 */
import type { SensitivityRow, UncertaintyRow } from '../api/types.ts';
import type { ChartOption } from './echarts.ts';

/** Labels the options need, already translated. */
export type WorkbenchLabels = {
  median: string;
  interval: string;
  nominal: string;
  si: string;
  sti: string;
};

/**
 * One row per district, sorted by median rank: an invisible bar up to q05 stacked with a visible
 * bar from q05 to q95, the median and the nominal rank as points.
 */
export function uncertaintyOption(
  rows: UncertaintyRow[],
  name: (row: UncertaintyRow) => string,
  l: WorkbenchLabels,
): ChartOption {
  const sorted = [...rows].sort((a, b) => a.medianRank - b.medianRank);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [l.interval, l.median, l.nominal] },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 1, max: Math.max(1, ...rows.map((r) => r.q95)), minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: sorted.map(name), axisLabel: { fontSize: 10 } },
    series: [
      {
        name: 'base',
        type: 'bar',
        stack: 'ci',
        itemStyle: { color: 'transparent' },
        data: sorted.map((r) => r.q05),
        tooltip: { show: false },
      },
      {
        name: l.interval,
        type: 'bar',
        stack: 'ci',
        itemStyle: { color: '#91caff' },
        data: sorted.map((r) => Math.max(0, r.q95 - r.q05)),
      },
      {
        name: l.median,
        type: 'scatter',
        symbolSize: 8,
        itemStyle: { color: '#0958d9' },
        data: sorted.map((r) => r.medianRank),
      },
      {
        name: l.nominal,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 7,
        itemStyle: { color: '#fa541c' },
        data: sorted.map((r) => r.nominalRank),
      },
    ],
  };
}

/** First-order (Si) and total-order (STi) Sobol indices per uncertain input. */
export function sensitivityOption(rows: SensitivityRow[], l: WorkbenchLabels): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { interval: 0, rotate: 15, fontSize: 11 },
    },
    yAxis: { type: 'value', min: 0 },
    series: [
      { name: l.si, type: 'bar', data: rows.map((r) => Number(r.si.toFixed(3))) },
      { name: l.sti, type: 'bar', data: rows.map((r) => Number(r.sti.toFixed(3))) },
    ],
  };
}
