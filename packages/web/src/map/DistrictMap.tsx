/**
 * The Chongqing district choropleth (lazy chunk: ECharts map series + the vendored GeoJSON of
 * the 38 pre-2025 区县, see PROVENANCE.md). Regions are keyed by GB/T 2260 code.
 */
import { MapChart } from 'echarts/charts';
import { VisualMapContinuousComponent } from 'echarts/components';
import { useEffect, useMemo, useState } from 'react';
import { EChart } from '../charts/EChart.tsx';
import { type ChartOption, echarts } from '../charts/echarts.ts';

echarts.use([MapChart, VisualMapContinuousComponent]);

/** One district's value on the map. */
export type MapValue = { code: string; label: string; value: number | null; detail?: string };

/** Props of {@link DistrictMap}. */
export type DistrictMapProps = {
  values: MapValue[];
  /** Accessible name and tooltip series name, e.g. 综合指数. */
  title: string;
  onSelect?: (code: string) => void;
  height?: number;
  /** Format of values in tooltips and the legend. */
  format?: (value: number) => string;
  /** Show district labels on the map (off in small report figures). */
  labels?: boolean;
  /** Reversed colour scale for indicators where lower is better. */
  lowerIsBetter?: boolean;
  /** Highlighted district. */
  selected?: string;
};

type GeoFeature = { properties: { adcode: number | string; name: string } };
type GeoJson = { type: 'FeatureCollection'; features: GeoFeature[] };

const MAP_NAME = 'chongqing';
let geoPromise: Promise<GeoJson> | null = null;

/** Loads and registers the GeoJSON once per page (a separate chunk of ~160 KB). */
function loadGeo(): Promise<GeoJson> {
  geoPromise ??= import('./chongqing.geo.json').then((m) => {
    const geo = (m as { default: GeoJson }).default;
    echarts.registerMap(MAP_NAME, geo as unknown as Parameters<typeof echarts.registerMap>[1]);
    return geo;
  });
  return geoPromise;
}

// Start loading the geometry with this chunk, before the first render asks for it.
void loadGeo();

/**
 * A short map label: 石柱土家族自治县 → 石柱, 渝中区 → 渝中 (full names stay in tooltips). Latin
 * names drop " District" / " County" / " Autonomous County".
 */
export function shortLabel(name: string): string {
  if (/[\u4e00-\u9fff]/.test(name)) {
    const short = name.replace(/((?:土家族|苗族)+自治县|区|县)$/u, '');
    return short.length >= 2 ? short : name;
  }
  return name.replace(/\s+(Autonomous County|District|County)$/i, '');
}

/** The district map; renders nothing until the geometry has loaded. */
export function DistrictMap({
  values,
  title,
  onSelect,
  height = 520,
  format = (v) => v.toFixed(2),
  labels = true,
  lowerIsBetter = false,
  selected,
}: DistrictMapProps) {
  const [geo, setGeo] = useState<GeoJson | null>(null);
  useEffect(() => {
    let live = true;
    loadGeo().then((g) => {
      if (live) setGeo(g);
    });
    return () => {
      live = false;
    };
  }, []);

  const codeByName = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of geo?.features ?? []) m.set(f.properties.name, String(f.properties.adcode));
    return m;
  }, [geo]);

  const option = useMemo<ChartOption | null>(() => {
    if (!geo) return null;
    const byCode = new Map(values.map((v) => [v.code, v]));
    const numbers = values.map((v) => v.value).filter((v): v is number => v !== null);
    const min = numbers.length ? Math.min(...numbers) : 0;
    const max = numbers.length ? Math.max(...numbers) : 1;
    const colours = ['#fff7e6', '#ffd591', '#fa8c16', '#d4380d', '#871400'];
    const data = geo.features.map((f) => {
      const code = String(f.properties.adcode);
      const v = byCode.get(code);
      return {
        name: f.properties.name,
        value: v?.value ?? null,
        code,
        label: v?.label ?? f.properties.name,
        detail: v?.detail,
        selected: code === selected,
      };
    });
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const d = (p as { data?: (typeof data)[number] }).data;
          if (!d) return '';
          const value = d.value === null ? '—' : format(d.value);
          return `${d.label}<br/>${title}: <b>${value}</b>${d.detail ? `<br/>${d.detail}` : ''}`;
        },
      },
      visualMap: {
        type: 'continuous',
        min,
        max: max === min ? min + 1 : max,
        left: 8,
        bottom: 8,
        calculable: false,
        inRange: { color: lowerIsBetter ? [...colours].reverse() : colours },
        text: [format(max), format(min)],
        textStyle: { fontSize: 11 },
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          name: title,
          roam: false,
          layoutCenter: ['50%', '50%'],
          layoutSize: '98%',
          selectedMode: 'single',
          data,
          label: {
            show: labels,
            fontSize: 9,
            color: '#262626',
            formatter: (p: unknown) => {
              const d = (p as { data?: (typeof data)[number] }).data;
              return d ? shortLabel(d.label) : '';
            },
          },
          emphasis: {
            label: { show: true, fontWeight: 'bold' },
            itemStyle: { areaColor: '#69b1ff' },
          },
          select: { itemStyle: { areaColor: '#1677ff' }, label: { color: '#fff' } },
          itemStyle: { borderColor: '#8c8c8c', borderWidth: 0.6 },
        },
      ],
    } as ChartOption;
  }, [geo, values, title, format, labels, lowerIsBetter, selected]);

  if (!option) return <div style={{ height }} aria-busy="true" />;
  return (
    <EChart
      id="district-map"
      option={option}
      label={title}
      height={height}
      onItemClick={(name) => {
        const code = codeByName.get(name);
        if (code) onSelect?.(code);
      }}
    />
  );
}
