/**
 * ECharts options of the district profile and report: pillars against the city average, the
 * history (one line per framework edition, never joined across editions) and the rank-change
 * attribution. Pure functions of the API's profile, so the report reuses them.
 */
import type { DistrictProfile } from '../api/types.ts';
import type { ChartOption } from './echarts.ts';

/** Labels the options need, already translated. */
export type ProfileLabels = {
  district: string;
  cityAverage: string;
  score: string;
  rank: string;
  pick: (x: { nameZh: string; nameEn: string }) => string;
};

/** Grouped bars: each 一级 sub-index of the district beside the city average. */
export function pillarOption(p: DistrictProfile, l: ProfileLabels): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 60 },
    xAxis: {
      type: 'category',
      data: p.subIndices.map((s) => l.pick(s)),
      axisLabel: { interval: 0, rotate: 20, fontSize: 11 },
    },
    yAxis: { type: 'value', min: 0 },
    series: [
      { name: l.district, type: 'bar', data: p.subIndices.map((s) => s.score) },
      {
        name: l.cityAverage,
        type: 'bar',
        data: p.subIndices.map((s) => s.cityAverage),
        itemStyle: { color: '#bfbfbf' },
      },
    ],
  };
}

/**
 * Score by year, one series per edition (a framework change breaks the line), and the rank on a
 * reversed second axis.
 */
export function historyOption(p: DistrictProfile, l: ProfileLabels): ChartOption {
  const years = [...new Set(p.history.map((h) => h.year))].sort((a, b) => a - b);
  const editions = [...new Set(p.history.map((h) => h.edition))];
  const scoreSeries = editions.map((edition) => ({
    name: `${l.score} · ${edition}`,
    type: 'line' as const,
    connectNulls: false,
    symbolSize: 8,
    data: years.map(
      (y) => p.history.find((h) => h.year === y && h.edition === edition)?.score ?? null,
    ),
  }));
  const rankSeries = editions.map((edition) => ({
    name: `${l.rank} · ${edition}`,
    type: 'line' as const,
    yAxisIndex: 1,
    connectNulls: false,
    lineStyle: { type: 'dashed' as const },
    data: years.map(
      (y) => p.history.find((h) => h.year === y && h.edition === edition)?.rank ?? null,
    ),
  }));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 40, right: 40, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: [
      { type: 'value', name: l.score, scale: true },
      { type: 'value', name: l.rank, inverse: true, min: 1, minInterval: 1 },
    ],
    series: [...scoreSeries, ...rankSeries],
  };
}

/** Horizontal bars: each indicator's contribution to the change of the composite score. */
export function attributionOption(p: DistrictProfile, l: ProfileLabels): ChartOption {
  const rows = [...p.rankChangeAttribution].sort((a, b) => a.contribution - b.contribution);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rows.map((r) => l.pick(r)), axisLabel: { fontSize: 11 } },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => ({
          value: Number(r.contribution.toFixed(3)),
          itemStyle: { color: r.contribution >= 0 ? '#52c41a' : '#f5222d' },
        })),
      },
    ],
  };
}
