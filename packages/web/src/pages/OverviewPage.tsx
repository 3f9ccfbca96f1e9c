/**
 * Overview (总览): the district map coloured by the composite index, a pillar or an indicator;
 * the ranking with tier badges, rank and score change; filters by group and year/edition; the
 * city value and the tier rule. Clicking a district (map or table) opens its profile.
 */
import { Card, Col, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type {
  GroupInfo,
  IndicatorInfo,
  IndicatorValueRow,
  RankingItem,
  Rankings,
  TierThreshold,
} from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { LoadState } from '../components/LoadState.tsx';
import { RankChange } from '../components/RankChange.tsx';
import { RunPicker } from '../components/RunPicker.tsx';
import { TierTag } from '../components/TierTag.tsx';
import { formatChange, formatNumber, formatScore } from '../format/formatNumber.ts';
import { useT } from '../i18n/useT.ts';

// Fetched as soon as this page loads, in parallel with the rankings (not after them).
const mapChunk = import('../map/DistrictMap.tsx');
const DistrictMap = lazy(() => mapChunk.then((m) => ({ default: m.DistrictMap })));

/** Colour keys: `index`, `sub:<pillar code>`, `ind:<indicator code>`. */
type ColourKey = string;

/**
 * The tier rule as text: `第一梯队 > 81.26；第二梯队 ≥ 30.00；第三梯队 < 30.00` (a tier without a
 * lower bound is "below" the previous one).
 */
function tierRuleText(
  thresholds: (TierThreshold | number)[],
  pick: (x: { nameZh: string; nameEn: string }) => string,
): string {
  let previous: number | null = null;
  return thresholds
    .map((x) => {
      if (typeof x === 'number') return formatScore(x);
      const name = x.nameZh ? pick({ nameZh: x.nameZh, nameEn: x.nameEn ?? x.nameZh }) : '';
      const min = x.min ?? x.value ?? null;
      const text =
        min === null
          ? `${name} < ${formatScore(previous)}`
          : `${name} ${x.inclusive === false ? '>' : '≥'} ${formatScore(min)}`;
      previous = min;
      return text;
    })
    .join('；');
}

/** The overview page. */
export function OverviewPage() {
  const { t, lang, pick } = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const edition = params.get('edition') ?? undefined;
  const group = params.get('group') ?? undefined;
  const colour: ColourKey = params.get('colour') ?? 'index';

  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
  };

  const rankings = useApi<Rankings>('/rankings', { year, edition, group });
  const groups = useApi<GroupInfo[]>('/groups');
  const indicators = useApi<IndicatorInfo[]>('/indicators');
  const indicatorCode = colour.startsWith('ind:') ? colour.slice(4) : null;
  const runYear = rankings.data?.run.year;
  const indicatorValues = useApi<IndicatorValueRow[]>(
    indicatorCode && runYear ? `/indicators/${encodeURIComponent(indicatorCode)}/values` : null,
    { year: runYear },
  );

  const items = rankings.data?.items ?? [];
  const pillars = items[0]?.subIndices ?? [];
  const indicator = indicators.data?.find((i) => i.code === indicatorCode);

  const mapValues = useMemo(() => {
    if (indicatorCode) {
      const names = new Map(items.map((i) => [i.regionCode, i]));
      return (indicatorValues.data ?? [])
        .filter((v) => v.regionCode !== '500000')
        .map((v) => {
          const item = names.get(v.regionCode);
          return {
            code: v.regionCode,
            label: item ? pick(item) : v.regionCode,
            value: v.value,
            detail: `${t('common.source')}: ${v.source === 'synthetic' ? t('common.synthetic') : v.source}`,
          };
        });
    }
    return items.map((i) => ({
      code: i.regionCode,
      label: pick(i),
      value: colour.startsWith('sub:')
        ? (i.subIndices.find((s) => s.code === colour.slice(4))?.score ?? null)
        : i.score,
      detail: `${t('overview.rank')}: ${i.rank ?? '—'} · ${i.tier ? pick(i.tier) : ''}`,
    }));
  }, [items, colour, indicatorCode, indicatorValues.data, pick, t]);

  const colourTitle = indicator
    ? pick(indicator)
    : colour.startsWith('sub:')
      ? pick(pillars.find((p) => `sub:${p.code}` === colour) ?? null)
      : t('overview.composite');

  const groupName = (code: string) => {
    const g = groups.data?.find((x) => x.code === code);
    return g ? pick(g) : code;
  };

  const columns = [
    {
      title: t('overview.rank'),
      dataIndex: 'rank',
      width: 64,
      sorter: (a: RankingItem, b: RankingItem) => (a.rank ?? 999) - (b.rank ?? 999),
      defaultSortOrder: 'ascend' as const,
    },
    {
      title: t('overview.district'),
      key: 'name',
      render: (_: unknown, r: RankingItem) => (
        <Link to={`/districts/${r.regionCode}`} data-region={r.regionCode}>
          {pick(r)}
        </Link>
      ),
    },
    {
      title: t('common.group'),
      key: 'group',
      responsive: ['xl' as const],
      render: (_: unknown, r: RankingItem) =>
        r.areaGroup ? groupName(r.areaGroup) : r.groupCodes.map(groupName).join(' / '),
    },
    {
      title: t('overview.score'),
      dataIndex: 'score',
      align: 'right' as const,
      sorter: (a: RankingItem, b: RankingItem) => (a.score ?? 0) - (b.score ?? 0),
      render: (v: number | null) => formatScore(v),
    },
    {
      title: t('overview.tier'),
      key: 'tier',
      render: (_: unknown, r: RankingItem) => <TierTag tier={r.tier} />,
    },
    {
      title: t('overview.rankChange'),
      dataIndex: 'rankChange',
      align: 'center' as const,
      render: (v: number | null) => <RankChange change={v} />,
    },
    {
      title: t('overview.scoreChange'),
      dataIndex: 'scoreChange',
      align: 'right' as const,
      render: (v: number | null) => formatChange(v),
    },
  ];

  const city = rankings.data?.city;
  const run = rankings.data?.run;
  const formatMap = (v: number) =>
    indicator && !indicator.unit?.includes('%') ? formatNumber(v, lang) : formatScore(v);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('overview.title')}
        </Typography.Title>
        <Space wrap>
          <RunPicker
            year={year ?? run?.year}
            edition={edition ?? run?.edition}
            onChange={(c) => update({ year: c.year, edition: c.edition })}
          />
          <Select
            aria-label={t('common.group')}
            style={{ width: 150 }}
            allowClear
            placeholder={t('common.group')}
            value={group}
            onChange={(g: string | undefined) => update({ group: g })}
            options={(groups.data ?? []).map((g) => ({ value: g.code, label: pick(g) }))}
          />
          <Select
            aria-label={t('overview.colourBy')}
            style={{ width: 260 }}
            value={colour}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(c: string) => update({ colour: c === 'index' ? undefined : c })}
            options={[
              { value: 'index', label: t('overview.composite') },
              {
                label: t('overview.subIndex'),
                options: pillars.map((p) => ({ value: `sub:${p.code}`, label: pick(p) })),
              },
              {
                label: t('overview.indicator'),
                options: (indicators.data ?? []).map((i) => ({
                  value: `ind:${i.code}`,
                  label: pick(i),
                })),
              },
            ]}
          />
        </Space>
      </Space>
      <LoadState
        loading={rankings.loading && !rankings.data}
        error={rankings.error}
        retry={rankings.reload}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} sm={8}>
            <Card size="small">
              <Statistic
                title={t('overview.cityValue')}
                value={formatScore(city?.score ?? null)}
                suffix={
                  run ? (
                    <span style={{ fontSize: 12 }}>{`${run.year} · ${run.edition}`}</span>
                  ) : null
                }
              />
            </Card>
          </Col>
          <Col xs={24} sm={16}>
            <Card size="small" title={t('overview.tierRule')}>
              <Typography.Text data-testid="tier-thresholds">
                {tierRuleText(city?.tierThresholds ?? [], pick) ||
                  t('overview.tierRuleText', { low: '30' })}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary">
                {t('overview.districts', { n: items.length })}
                {run
                  ? ` · ${t('overview.run', { id: String(run.id), edition: run.edition, year: run.year })}`
                  : ''}
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={`${t('overview.map')} · ${colourTitle}`}
              extra={<Typography.Text type="secondary">{t('overview.mapHint')}</Typography.Text>}
            >
              <Suspense fallback={<div style={{ height: 520 }} />}>
                <DistrictMap
                  title={colourTitle}
                  values={mapValues}
                  format={formatMap}
                  lowerIsBetter={indicator ? indicator.direction < 0 : false}
                  onSelect={(code) => navigate(`/districts/${code}`)}
                />
              </Suspense>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('overview.ranking')}>
              <Table<RankingItem>
                data-testid="ranking-table"
                rowKey="regionCode"
                size="small"
                pagination={false}
                scroll={{ y: 560 }}
                columns={columns}
                dataSource={items}
              />
            </Card>
          </Col>
        </Row>
      </LoadState>
    </Space>
  );
}
