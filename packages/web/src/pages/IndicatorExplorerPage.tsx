/**
 * Indicator explorer (指标浏览): any indicator across the 区县 (map + sorted bars) for a year and
 * over time for chosen 区县; every value shows its source URL or “synthetic”.
 */
import { Card, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { IndicatorInfo, IndicatorValueRow } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useRegions } from '../api/useRegions.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { Chart } from '../components/Chart.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { formatNumber } from '../format/formatNumber.ts';
import { useT } from '../i18n/useT.ts';

const DistrictMap = lazy(() =>
  import('../map/DistrictMap.tsx').then((m) => ({ default: m.DistrictMap })),
);

const CITY = '500000';

/** A value's source as a link, `derived:<code>` as text, or a “synthetic” tag. */
function SourceCell({ row }: { row: IndicatorValueRow }) {
  const { t } = useT();
  if (row.synthetic || row.source === 'synthetic')
    return <Tag color="orange">{t('common.synthetic')}</Tag>;
  if (!row.source) return <span>—</span>;
  if (/^https?:\/\//.test(row.source)) {
    return (
      <a href={row.source} target="_blank" rel="noreferrer">
        {row.source.replace(/^https?:\/\//, '').slice(0, 48)}
      </a>
    );
  }
  return <code>{row.source}</code>;
}

/** The indicator explorer page. */
export function IndicatorExplorerPage() {
  const { t, lang, pick } = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { byCode } = useRegions();
  const indicators = useApi<IndicatorInfo[]>('/indicators');
  const code = params.get('code') ?? indicators.data?.[0]?.code ?? null;
  const values = useApi<IndicatorValueRow[]>(
    code ? `/indicators/${encodeURIComponent(code)}/values` : null,
  );
  const indicator = indicators.data?.find((i) => i.code === code);

  const editions = useMemo(
    () => [...new Set((values.data ?? []).map((v) => v.edition ?? ''))],
    [values.data],
  );
  const edition = params.get('edition') ?? editions[0] ?? '';
  const rows = useMemo(
    () => (values.data ?? []).filter((v) => (v.edition ?? '') === edition),
    [values.data, edition],
  );
  const years = useMemo(() => [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b), [rows]);
  const year = params.get('year') ? Number(params.get('year')) : years[years.length - 1];
  const selected = params.getAll('region');

  const set = (patch: Record<string, string | string[] | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      next.delete(k);
      for (const x of [v ?? []].flat()) if (x) next.append(k, x);
    }
    setParams(next, { replace: true });
  };

  const name = useCallback(
    (regionCode: string) => {
      const r = byCode.get(regionCode);
      return r ? pick(r) : regionCode === CITY ? t('common.city') : regionCode;
    },
    [byCode, pick, t],
  );
  const fmt = (v: number) => formatNumber(v, lang);
  const ofYear = rows
    .filter((r) => r.year === year && r.regionCode !== CITY)
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  const cityValue = rows.find((r) => r.year === year && r.regionCode === CITY)?.value ?? null;

  const bars = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: ofYear.map((r) => name(r.regionCode)),
        axisLabel: { fontSize: 10 },
      },
      series: [
        {
          type: 'bar',
          data: ofYear.map((r) => r.value),
          markLine:
            cityValue === null
              ? undefined
              : {
                  symbol: 'none',
                  data: [{ xAxis: cityValue, name: t('common.city') }],
                  label: { formatter: t('common.city') },
                },
        },
      ],
    }),
    [ofYear, cityValue, name, t],
  );

  const lines = useMemo<ChartOption>(() => {
    const shown = selected.length ? selected : [CITY];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', scale: true },
      series: shown.map((c) => ({
        name: name(c),
        type: 'line',
        data: years.map((y) => rows.find((r) => r.year === y && r.regionCode === c)?.value ?? null),
      })),
    };
  }, [selected, years, rows, name]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('indicators.title')}
      </Typography.Title>
      <Space wrap>
        <Select
          aria-label={t('indicators.pick')}
          style={{ width: 360 }}
          showSearch={{ optionFilterProp: 'label' }}
          value={code ?? undefined}
          onChange={(c: string) => set({ code: c, year: undefined, edition: undefined })}
          options={(indicators.data ?? []).map((i) => ({
            value: i.code,
            label: `${pick(i)}${i.derived ? ` · ${t('indicators.derived')}` : ''}`,
          }))}
        />
        <Select
          aria-label={t('common.year')}
          style={{ width: 110 }}
          value={year}
          onChange={(y: number) => set({ year: String(y) })}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        {editions.length > 1 && (
          <Select
            aria-label={t('common.edition')}
            style={{ width: 160 }}
            value={edition}
            onChange={(e: string) => set({ edition: e })}
            options={editions.map((e) => ({ value: e, label: e || '—' }))}
          />
        )}
        {indicator && (
          <Typography.Text type="secondary">
            {`${t('common.unit')}: ${indicator.unit ?? '—'} · ${t('indicators.direction')}: ${
              indicator.direction < 0 ? t('indicators.negative') : t('indicators.positive')
            }`}
          </Typography.Text>
        )}
      </Space>
      <LoadState
        loading={(values.loading || indicators.loading) && !values.data}
        error={values.error ?? indicators.error}
        retry={values.reload}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={`${indicator ? pick(indicator) : ''} · ${year ?? ''}`}>
              <Suspense fallback={<div style={{ height: 460 }} />}>
                <DistrictMap
                  height={460}
                  title={indicator ? pick(indicator) : ''}
                  format={fmt}
                  lowerIsBetter={indicator ? indicator.direction < 0 : false}
                  values={ofYear.map((r) => ({
                    code: r.regionCode,
                    label: name(r.regionCode),
                    value: r.value,
                  }))}
                  onSelect={(c) => navigate(`/districts/${c}`)}
                />
              </Suspense>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('indicators.byDistrict')}>
              <Chart option={bars} label={t('indicators.byDistrict')} height={460} />
            </Card>
          </Col>
          <Col span={24}>
            <Card
              size="small"
              title={t('indicators.overTime')}
              extra={
                <Select
                  mode="multiple"
                  aria-label={t('indicators.pickRegion')}
                  placeholder={t('indicators.pickRegion')}
                  style={{ minWidth: 320 }}
                  maxCount={6}
                  value={selected}
                  onChange={(v: string[]) => set({ region: v })}
                  options={[...byCode.values()].map((r) => ({ value: r.code, label: pick(r) }))}
                />
              }
            >
              <Chart option={lines} label={t('indicators.overTime')} height={280} />
            </Card>
          </Col>
          <Col span={24}>
            <Table<IndicatorValueRow>
              size="small"
              rowKey={(r) => `${r.regionCode}-${r.year}-${r.edition ?? ''}`}
              pagination={{ pageSize: 40, hideOnSinglePage: true }}
              dataSource={ofYear}
              columns={[
                { title: t('common.region'), key: 'region', render: (_, r) => name(r.regionCode) },
                { title: t('common.year'), dataIndex: 'year', width: 80 },
                {
                  title: t('common.value'),
                  dataIndex: 'value',
                  align: 'right',
                  render: (v: number | null) => formatNumber(v, lang),
                },
                { title: t('common.unit'), dataIndex: 'unit', width: 120 },
                {
                  title: t('common.source'),
                  key: 'source',
                  render: (_, r) => <SourceCell row={r} />,
                },
              ]}
            />
          </Col>
        </Row>
      </LoadState>
    </Space>
  );
}
