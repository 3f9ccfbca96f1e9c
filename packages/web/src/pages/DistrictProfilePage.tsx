/**
 * District profile (区县画像): composite and 一级 sub-indices against the city average, rank in
 * the city and in its group, history by edition, strengths and weaknesses, why the rank moved,
 * targets with progress and projection, and the enterprise pools and platforms behind them.
 */
import { Button, Card, Col, Descriptions, Row, Space, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { DistrictProfile, IndicatorRank } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import {
  attributionOption,
  historyOption,
  type ProfileLabels,
  pillarOption,
} from '../charts/profileOptions.ts';
import { Chart } from '../components/Chart.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { TargetTable } from '../components/TargetTable.tsx';
import { TierTag } from '../components/TierTag.tsx';
import { formatNumber, formatScore } from '../format/formatNumber.ts';
import { useT } from '../i18n/useT.ts';

/** Strengths or weaknesses: indicator, its value and its rank in the city. */
function IndicatorRankTable({ rows }: { rows: IndicatorRank[] }) {
  const { t, lang, pick } = useT();
  return (
    <Table<IndicatorRank>
      size="small"
      pagination={false}
      rowKey="indicator"
      dataSource={rows}
      columns={[
        {
          title: t('profile.indicator'),
          key: 'name',
          render: (_, r) => <Link to={`/indicators?code=${r.indicator}`}>{pick(r)}</Link>,
        },
        {
          title: t('common.value'),
          dataIndex: 'value',
          align: 'right',
          render: (v: number | null) => formatNumber(v, lang),
        },
        { title: t('profile.rank'), dataIndex: 'rank', align: 'right', width: 64 },
      ]}
    />
  );
}

/** The district profile page (`/districts/:code`). */
export function DistrictProfilePage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const { t, lang, pick } = useT();
  const year = params.get('year') ?? undefined;
  const edition = params.get('edition') ?? undefined;
  const profile = useApi<DistrictProfile>(`/districts/${encodeURIComponent(code)}/profile`, {
    year,
    edition,
  });
  const p = profile.data;
  const name = p ? pick(p.region) : code;

  const labels = useMemo<ProfileLabels>(
    () => ({
      district: name,
      cityAverage: t('profile.cityAverage'),
      score: t('overview.score'),
      rank: t('profile.rank'),
      pick,
    }),
    [name, t, pick],
  );
  const pillars = useMemo(() => (p ? pillarOption(p, labels) : null), [p, labels]);
  const history = useMemo(() => (p ? historyOption(p, labels) : null), [p, labels]);
  const attribution = useMemo(() => (p ? attributionOption(p, labels) : null), [p, labels]);

  return (
    <LoadState loading={profile.loading && !p} error={profile.error} retry={profile.reload}>
      {p && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Title level={2} style={{ margin: 0 }} data-testid="profile-title">
              {t('profile.title', { name })}
            </Typography.Title>
            <Space>
              <Link to="/">{t('common.back')}</Link>
              <Link
                to={`/reports/district/${code}?year=${p.year}&edition=${encodeURIComponent(p.edition)}`}
              >
                <Button>{t('profile.report')}</Button>
              </Link>
            </Space>
          </Space>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('profile.score')} value={formatScore(p.score)} />
                <TierTag tier={p.tier} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('profile.cityAverage')} value={formatScore(p.cityAverage)} />
                <Typography.Text type="secondary">
                  {`${t('overview.cityValue')} ${formatScore(p.cityScore ?? null)} · ${p.year} · ${p.edition}`}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small">
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('profile.rank')}>
                    <span data-testid="profile-rank">
                      {p.rank === null
                        ? '—'
                        : t('profile.rankCity', { rank: p.rank, of: p.rankOf })}
                    </span>
                  </Descriptions.Item>
                  {p.groupRank && (
                    <Descriptions.Item label={t('common.group')}>
                      <span data-testid="profile-group-rank">
                        {t('profile.rankGroup', {
                          group: pick({
                            nameZh: p.groupRank.nameZh,
                            nameEn: p.groupRank.nameEn ?? p.groupRank.groupCode,
                          }),
                          rank: p.groupRank.rank ?? '—',
                          of: p.groupRank.of,
                        })}
                      </span>
                    </Descriptions.Item>
                  )}
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('profile.vsCity')}>
                {pillars && <Chart option={pillars} label={t('profile.vsCity')} height={300} />}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title={t('profile.history')}
                extra={
                  <Typography.Text type="secondary">{t('profile.historyNote')}</Typography.Text>
                }
              >
                {history && <Chart option={history} label={t('profile.history')} height={300} />}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('profile.strengths')}>
                <IndicatorRankTable rows={p.strengths} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('profile.weaknesses')}>
                <IndicatorRankTable rows={p.weaknesses} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('profile.attribution')}>
                <Typography.Paragraph type="secondary">
                  {t('profile.attributionNote')}
                </Typography.Paragraph>
                {attribution && p.rankChangeAttribution.length > 0 ? (
                  <Chart
                    option={attribution}
                    label={t('profile.attribution')}
                    height={Math.max(200, p.rankChangeAttribution.length * 22)}
                  />
                ) : (
                  <Typography.Text>{t('common.noData')}</Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('profile.pools')}>
                <Row gutter={16}>
                  <Col span={8}>
                    <Link
                      to={`/registry/enterprises?region=${code}&qualification=highTechEnterprise`}
                    >
                      <Statistic
                        title={t('profile.highTech')}
                        value={formatNumber(p.pools.highTechEnterprises, lang)}
                      />
                    </Link>
                  </Col>
                  <Col span={8}>
                    <Link to={`/registry/enterprises?region=${code}&qualification=techSme`}>
                      <Statistic
                        title={t('profile.techSmes')}
                        value={formatNumber(p.pools.techSmes, lang)}
                      />
                    </Link>
                  </Col>
                  <Col span={8}>
                    <Link to={`/registry/platforms?region=${code}`}>
                      <Statistic
                        title={t('profile.platforms')}
                        value={formatNumber(p.pools.platforms, lang)}
                      />
                    </Link>
                  </Col>
                </Row>
              </Card>
            </Col>
            <Col span={24}>
              <Card size="small" title={t('profile.targets')}>
                <TargetTable targets={p.targets} />
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </LoadState>
  );
}
