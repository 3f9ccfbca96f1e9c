/**
 * ECharts core (`echarts/core`, tree-shaken) with the SVG renderer (crisp in printed PDFs) and
 * tooltips. Series are registered where they are used: the map registers the map series and its
 * visual map, `registerCharts.ts` the bar, line, radar and scatter series, so the overview's
 * first load carries only what the map needs.
 */
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([TooltipComponent, SVGRenderer]);

export { echarts };
/** An ECharts option object as `setOption` takes it. */
export type ChartOption = Parameters<echarts.ECharts['setOption']>[0];
