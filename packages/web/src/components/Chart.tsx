/**
 * The non-map charts: one lazy boundary around ECharts' bar/line/radar/scatter series so pages
 * render their text at once and the chart code arrives as its own chunk.
 */
import { lazy, Suspense } from 'react';
import type { EChartProps } from '../charts/EChart.tsx';

const LazyChart = lazy(async () => {
  const [{ EChart }] = await Promise.all([
    import('../charts/EChart.tsx'),
    import('../charts/registerCharts.ts'),
  ]);
  return { default: EChart };
});

/** A lazily loaded chart with the props of `EChart`. */
export function Chart(props: EChartProps) {
  return (
    <Suspense fallback={<div style={{ height: props.height ?? 320 }} aria-busy="true" />}>
      <LazyChart {...props} />
    </Suspense>
  );
}
