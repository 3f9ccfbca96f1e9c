/**
 * Index workbench (指数工作台, analysts): pick edition and year, change pillar weights and the
 * normalisation/aggregation methods and recompute at once (`POST /api/index-runs/preview`,
 * nothing stored), compare with the published ranks; uncertainty bands and Sobol sensitivity of
 * the run.
 */
import { Alert, Button, Card, Col, Row, Select, Slider, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../api/client.ts';
import type {
  IndexRunDetail,
  PreviewRankings,
  RankingItem,
  Rankings,
  SensitivityRow,
  UncertaintyRow,
} from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import {
  sensitivityOption,
  uncertaintyOption,
  type WorkbenchLabels,
} from '../charts/workbenchOptions.ts';
import { Chart } from '../components/Chart.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { RankChange } from '../components/RankChange.tsx';
import { RunPicker } from '../components/RunPicker.tsx';
import { formatScore } from '../format/formatNumber.ts';
import { useT } from '../i18n/useT.ts';
import { hasRole, useSession } from '../session/useSession.ts';

/** A list as the API answers it: bare, paged, or as `units` (uncertainty) / `inputs` (Sobol). */
type Listed<T> = T[] | { items?: T[]; units?: T[]; inputs?: T[] };
function itemsOf<T>(d: Listed<T> | undefined): T[] {
  return Array.isArray(d) ? d : (d?.items ?? d?.units ?? d?.inputs ?? []);
}

/** Method choices: the API's method name and the catalogue key of its label. */
const NORMALISATIONS = [
  ['default', 'default'],
  ['minMax', 'minmax'],
  ['zScore', 'zscore'],
  ['rank', 'rank'],
] as const;
const AGGREGATIONS = [
  ['default', 'default'],
  ['arithmeticMean', 'arithmetic'],
  ['geometricMean', 'geometric'],
] as const;

function toError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) });
}

/** The workbench page. */
export function WorkbenchPage() {
  const { t, pick } = useT();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const edition = params.get('edition') ?? undefined;
  const published = useApi<Rankings>('/rankings', { year, edition });
  const run = published.data?.run;
  const pillars = published.data?.items[0]?.subIndices ?? [];
  // The run's own pillar weights (framework, then the run's spec) are the sliders' defaults.
  const detail = useApi<IndexRunDetail>(run ? `/index-runs/${run.id}` : null);
  const defaults = useMemo(() => {
    const out: Record<string, number> = {};
    for (const node of detail.data?.framework.nodes ?? []) {
      out[node.code] = detail.data?.spec.weights?.[node.code] ?? node.weight;
    }
    return out;
  }, [detail.data]);
  const defaultWeight = (code: string) => defaults[code] ?? 1;
  const [weights, setWeights] = useState<Record<string, number>>({});
  const [normalisation, setNormalisation] = useState<string>('default');
  const [aggregation, setAggregation] = useState<string>('default');
  const [preview, setPreview] = useState<PreviewRankings | null>(null);
  const [previewError, setPreviewError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const analyst = hasRole(user?.role, 'cityAdmin', 'cityAnalyst');

  const uncertainty = useApi<Listed<UncertaintyRow>>(
    run ? `/index-runs/${run.id}/uncertainty` : null,
  );
  const sensitivity = useApi<Listed<SensitivityRow>>(
    run ? `/index-runs/${run.id}/sensitivity` : null,
  );
  const [analysisError, setAnalysisError] = useState<ApiError | null>(null);

  const changed =
    Object.entries(weights).some(([code, w]) => w !== (defaults[code] ?? 1)) ||
    normalisation !== 'default' ||
    aggregation !== 'default';

  // Recompute shortly after the last change ("instantly", without one request per slider step).
  useEffect(() => {
    if (!run || !changed) {
      setPreview(null);
      return;
    }
    // A late answer to an older request must not replace a newer one.
    let live = true;
    const timer = setTimeout(() => {
      setBusy(true);
      setPreviewError(null);
      api
        .post<PreviewRankings>('/index-runs/preview', {
          edition: run.edition,
          year: run.year,
          weights,
          ...(normalisation === 'default' ? {} : { normalisation }),
          ...(aggregation === 'default' ? {} : { aggregation }),
        })
        .then((p) => {
          if (live) setPreview(p);
        })
        .catch((e: unknown) => {
          if (!live) return;
          setPreview(null);
          setPreviewError(toError(e));
        })
        .finally(() => {
          if (live) setBusy(false);
        });
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [run, weights, normalisation, aggregation, changed]);

  const labels = useMemo<WorkbenchLabels>(
    () => ({
      median: t('workbench.medianRank'),
      interval: t('workbench.interval'),
      nominal: t('workbench.published'),
      si: t('workbench.si'),
      sti: t('workbench.sti'),
    }),
    [t],
  );
  const nameOf = useMemo(() => {
    const m = new Map((published.data?.items ?? []).map((i) => [i.regionCode, pick(i)]));
    return (r: UncertaintyRow) =>
      m.get(r.regionCode ?? r.unit ?? '') ?? r.regionCode ?? r.unit ?? '';
  }, [published.data, pick]);

  const compute = async (what: 'uncertainty' | 'sensitivity') => {
    if (!run) return;
    setAnalysisError(null);
    try {
      await api.post(`/index-runs/${run.id}/${what}`, {
        n: what === 'uncertainty' ? 500 : 200,
        seed: 1,
      });
      (what === 'uncertainty' ? uncertainty : sensitivity).reload();
    } catch (e) {
      setAnalysisError(toError(e));
    }
  };

  const previewRank = new Map((preview?.items ?? []).map((i) => [i.regionCode, i]));
  const rows = (published.data?.items ?? []).map((i) => {
    const p = previewRank.get(i.regionCode);
    return { ...i, previewScore: p?.score ?? null, previewRank: p?.rank ?? null };
  });
  const uRows = itemsOf(uncertainty.data);
  // A Sobol answer also carries the rank statistics (`units`); the bars are its `inputs`.
  const sRows =
    sensitivity.data && !Array.isArray(sensitivity.data) && sensitivity.data.inputs
      ? sensitivity.data.inputs
      : itemsOf(sensitivity.data);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('workbench.title')}
        </Typography.Title>
        <RunPicker
          year={year ?? run?.year}
          edition={edition ?? run?.edition}
          onChange={(c) => {
            const next = new URLSearchParams();
            if (c.year) next.set('year', String(c.year));
            if (c.edition) next.set('edition', c.edition);
            setParams(next, { replace: true });
            setWeights({});
          }}
        />
      </Space>
      <Typography.Text type="secondary">{t('workbench.intro')}</Typography.Text>
      <LoadState
        loading={published.loading && !published.data}
        error={published.error}
        retry={published.reload}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            <Card
              size="small"
              title={t('workbench.weights')}
              extra={
                <Button
                  size="small"
                  onClick={() => {
                    setWeights({});
                    setNormalisation('default');
                    setAggregation('default');
                  }}
                >
                  {t('workbench.reset')}
                </Button>
              }
            >
              {pillars.map((p) => (
                <div key={p.code}>
                  <Typography.Text
                    id={`w-${p.code}`}
                  >{`${pick(p)}: ${(weights[p.code] ?? defaultWeight(p.code)).toFixed(1)}`}</Typography.Text>
                  <Slider
                    min={0}
                    max={3}
                    step={0.1}
                    value={weights[p.code] ?? defaultWeight(p.code)}
                    onChange={(v: number) => setWeights((w) => ({ ...w, [p.code]: v }))}
                    aria-labelledby={`w-${p.code}`}
                  />
                </div>
              ))}
              <Space orientation="vertical" style={{ width: '100%' }}>
                <span>{t('workbench.normalisation')}</span>
                <Select
                  aria-label={t('workbench.normalisation')}
                  style={{ width: '100%' }}
                  value={normalisation}
                  onChange={setNormalisation}
                  options={NORMALISATIONS.map(([value, key]) => ({
                    value,
                    label: t(`workbench.method.${key}`),
                  }))}
                />
                <span>{t('workbench.aggregation')}</span>
                <Select
                  aria-label={t('workbench.aggregation')}
                  style={{ width: '100%' }}
                  value={aggregation}
                  onChange={setAggregation}
                  options={AGGREGATIONS.map(([value, key]) => ({
                    value,
                    label: t(`workbench.method.${key}`),
                  }))}
                />
              </Space>
            </Card>
          </Col>
          <Col xs={24} lg={16}>
            <Card
              size="small"
              title={t('workbench.preview')}
              extra={busy ? t('common.loading') : null}
            >
              {previewError && (
                <Alert
                  type="error"
                  showIcon
                  title={pick(previewError.text)}
                  style={{ marginBottom: 8 }}
                />
              )}
              <div data-testid="preview-table">
                <Table<RankingItem & { previewScore: number | null; previewRank: number | null }>
                  size="small"
                  rowKey="regionCode"
                  pagination={false}
                  scroll={{ y: 420 }}
                  dataSource={rows}
                  columns={[
                    { title: t('overview.district'), key: 'name', render: (_, r) => pick(r) },
                    {
                      title: t('overview.score'),
                      dataIndex: 'score',
                      align: 'right',
                      render: (v: number | null) => formatScore(v),
                    },
                    {
                      title: t('workbench.published'),
                      dataIndex: 'rank',
                      align: 'right',
                      defaultSortOrder: 'ascend',
                      sorter: (a, b) => (a.rank ?? 99) - (b.rank ?? 99),
                    },
                    {
                      title: t('workbench.preview'),
                      dataIndex: 'previewScore',
                      align: 'right',
                      render: (v: number | null) => formatScore(v),
                    },
                    {
                      title: t('workbench.previewRank'),
                      dataIndex: 'previewRank',
                      align: 'right',
                      render: (v: number | null) => (
                        <span data-testid="preview-rank">{v ?? '—'}</span>
                      ),
                    },
                    {
                      title: t('workbench.shift'),
                      key: 'shift',
                      align: 'center',
                      render: (_, r) => (
                        <RankChange
                          change={
                            r.previewRank === null || r.rank === null
                              ? null
                              : r.rank - r.previewRank
                          }
                        />
                      ),
                    },
                  ]}
                />
              </div>
            </Card>
          </Col>
          {analysisError && (
            <Col span={24}>
              <Alert type="error" showIcon title={pick(analysisError.text)} />
            </Col>
          )}
          <Col xs={24} lg={12}>
            <Card
              size="small"
              title={t('workbench.uncertainty')}
              extra={
                analyst ? (
                  <Button size="small" onClick={() => compute('uncertainty')}>
                    {t('workbench.compute')}
                  </Button>
                ) : null
              }
            >
              {uRows.length > 0 ? (
                <Chart
                  option={uncertaintyOption(uRows, nameOf, labels)}
                  label={t('workbench.uncertainty')}
                  height={Math.max(300, uRows.length * 16)}
                />
              ) : (
                <Typography.Text type="secondary">
                  {uncertainty.loading ? t('common.loading') : t('workbench.notComputed')}
                  {analyst ? '' : ` ${t('workbench.analystOnly')}`}
                </Typography.Text>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card
              size="small"
              title={t('workbench.sensitivity')}
              extra={
                analyst ? (
                  <Button size="small" onClick={() => compute('sensitivity')}>
                    {t('workbench.compute')}
                  </Button>
                ) : null
              }
            >
              {sRows.length > 0 ? (
                <Chart
                  option={sensitivityOption(sRows, labels)}
                  label={t('workbench.sensitivity')}
                  height={300}
                />
              ) : (
                <Typography.Text type="secondary">
                  {sensitivity.loading ? t('common.loading') : t('workbench.notComputed')}
                  {analyst ? '' : ` ${t('workbench.analystOnly')}`}
                </Typography.Text>
              )}
            </Card>
          </Col>
        </Row>
      </LoadState>
    </Space>
  );
}
