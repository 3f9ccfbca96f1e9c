import { type CSSProperties, useEffect, useRef } from 'react';
import { type ChartOption, echarts } from './echarts.ts';

/** Props of {@link EChart}. */
export type EChartProps = {
  option: ChartOption;
  /** Accessible name of the chart (the figure's caption for screen readers). */
  label: string;
  height?: number | string;
  style?: CSSProperties;
  /** Called with the clicked item's `name` and `data`. */
  onItemClick?: (name: string, data: unknown) => void;
  /** Test hook and anchor: `data-chart` on the container. */
  id?: string;
};

/**
 * A small ECharts wrapper (instead of echarts-for-react, which needs a phantom `tslib`):
 * init once, `setOption` on change, resize with the container, dispose on unmount.
 */
export function EChart({ option, label, height = 320, style, onItemClick, id }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (p) => {
      const params = p as { name?: string; data?: unknown };
      if (params.name) clickRef.current?.(params.name, params.data);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-chart={id}
      style={{ width: '100%', height, ...style }}
    />
  );
}
