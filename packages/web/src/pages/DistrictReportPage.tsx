/**
 * The district report (区县报告), laid out for A4: summary, pillars against the city, history,
 * strengths and weaknesses, why the rank moved, targets, location on the map. Printed to PDF by
 * the browser (Chromium with CJK fonts); the same figures as XLSX come from the API.
 */
import { lazy, Suspense, useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import type { DistrictProfile, Rankings } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { historyOption, type ProfileLabels, pillarOption } from '../charts/profileOptions.ts';
import { Chart } from '../components/Chart.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { ReportFrame } from '../components/ReportFrame.tsx';
import { formatChange, formatNumber, formatScore } from '../format/formatNumber.ts';
import { useT } from '../i18n/useT.ts';

const DistrictMap = lazy(() =>
  import('../map/DistrictMap.tsx').then((m) => ({ default: m.DistrictMap })),
);

/** The district report page (`/reports/district/:code`). */
export function DistrictReportPage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const { t, lang, pick } = useT();
  const query = {
    year: params.get('year') ?? undefined,
    edition: params.get('edition') ?? undefined,
  };
  const profile = useApi<DistrictProfile>(`/districts/${encodeURIComponent(code)}/profile`, query);
  const rankings = useApi<Rankings>('/rankings', query);
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
  const today = new Date().toISOString().slice(0, 10);

  return (
    <ReportFrame
      xlsxPath={`/reports/district/${code}`}
      xlsxQuery={{ year: p?.year, edition: p?.edition }}
      back={`/districts/${code}`}
    >
      <LoadState loading={profile.loading && !p} error={profile.error} retry={profile.reload}>
        {p && (
          <>
            <h1 data-testid="report-title">{t('reports.districtTitle', { name, year: p.year })}</h1>
            <div style={{ color: '#595959', fontSize: 12 }}>
              {t('reports.generated', { date: today, year: p.year, edition: p.edition })}
            </div>
            <section>
              <h2>{t('reports.summary')}</h2>
              <p>
                {t('reports.summaryText', {
                  name,
                  score: formatScore(p.score),
                  rank: p.rank ?? '—',
                  tier: p.tier ? pick(p.tier) : '—',
                })}
                {p.groupRank
                  ? ` ${t('profile.rankGroup', {
                      group: pick({
                        nameZh: p.groupRank.nameZh,
                        nameEn: p.groupRank.nameEn ?? p.groupRank.groupCode,
                      }),
                      rank: p.groupRank.rank ?? '—',
                      of: p.groupRank.of,
                    })}。`
                  : ''}
              </p>
              <table className="kc-t">
                <thead>
                  <tr>
                    <th>{t('profile.indicator')}</th>
                    <th>{t('overview.score')}</th>
                    <th>{t('profile.cityAverage')}</th>
                    <th>{t('profile.rank')}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td>
                      <b>{t('profile.score')}</b>
                    </td>
                    <td className="num">{formatScore(p.score)}</td>
                    <td className="num">{formatScore(p.cityAverage)}</td>
                    <td className="num">{p.rank ?? '—'}</td>
                  </tr>
                  {p.subIndices.map((s) => (
                    <tr key={s.code}>
                      <td>{pick(s)}</td>
                      <td className="num">{formatScore(s.score)}</td>
                      <td className="num">{formatScore(s.cityAverage)}</td>
                      <td className="num">{s.rank ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section>
              <h2>{t('profile.vsCity')}</h2>
              <Chart option={pillarOption(p, labels)} label={t('profile.vsCity')} height={260} />
            </section>
            <section>
              <h2>{t('overview.map')}</h2>
              <Suspense fallback={<div style={{ height: 300 }} />}>
                <DistrictMap
                  height={320}
                  labels={false}
                  title={t('overview.composite')}
                  selected={code}
                  values={(rankings.data?.items ?? []).map((i) => ({
                    code: i.regionCode,
                    label: pick(i),
                    value: i.score,
                  }))}
                />
              </Suspense>
            </section>
            <section>
              <h2>{t('profile.history')}</h2>
              <Chart option={historyOption(p, labels)} label={t('profile.history')} height={240} />
              <div style={{ fontSize: 11, color: '#8c8c8c' }}>{t('profile.historyNote')}</div>
            </section>
            <section>
              <h2>
                {t('profile.strengths')} / {t('profile.weaknesses')}
              </h2>
              <table className="kc-t">
                <thead>
                  <tr>
                    <th>{t('profile.indicator')}</th>
                    <th>{t('common.value')}</th>
                    <th>{t('profile.rank')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[
                    ...p.strengths.map((s) => ['+', s] as const),
                    ...p.weaknesses.map((s) => ['−', s] as const),
                  ].map(([sign, s]) => (
                    <tr key={`${sign}${s.indicator}`}>
                      <td>{`${sign} ${pick(s)}`}</td>
                      <td className="num">{formatNumber(s.value, lang)}</td>
                      <td className="num">{s.rank ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            {p.rankChangeAttribution.length > 0 && (
              <section>
                <h2>{t('profile.attribution')}</h2>
                <table className="kc-t">
                  <tbody>
                    {p.rankChangeAttribution.slice(0, 10).map((a) => (
                      <tr key={a.indicator}>
                        <td>{pick(a)}</td>
                        <td className="num">{formatChange(a.contribution, 3)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}
            {p.targets.length > 0 && (
              <section>
                <h2>{t('profile.targets')}</h2>
                <table className="kc-t">
                  <thead>
                    <tr>
                      <th>{t('profile.indicator')}</th>
                      <th>{t('common.year')}</th>
                      <th>{t('profile.target')}</th>
                      <th>{t('profile.current')}</th>
                      <th>{t('profile.progress')}</th>
                      <th>{t('profile.projected')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.targets.map((g) => (
                      <tr key={`${g.indicator}-${g.year}`}>
                        <td>{pick(g)}</td>
                        <td>{g.year}</td>
                        <td className="num">{formatNumber(g.target, lang)}</td>
                        <td className="num">
                          {g.current ? formatNumber(g.current.value, lang) : '—'}
                        </td>
                        <td className="num">
                          {g.progress === null ? '—' : `${(g.progress * 100).toFixed(1)}%`}
                        </td>
                        <td className="num">
                          {g.projected ? formatNumber(g.projected.value, lang) : '—'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}
          </>
        )}
      </LoadState>
    </ReportFrame>
  );
}
