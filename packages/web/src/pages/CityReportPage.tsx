/**
 * The city report (全市报告), laid out for A4: the city composite and tier rule, districts per
 * tier, the map and the full ranking with tiers and changes.
 */
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Rankings } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { LoadState } from '../components/LoadState.tsx';
import { ReportFrame } from '../components/ReportFrame.tsx';
import { tierOrder } from '../components/TierTag.tsx';
import { formatChange, formatScore } from '../format/formatNumber.ts';
import { useT } from '../i18n/useT.ts';

const DistrictMap = lazy(() =>
  import('../map/DistrictMap.tsx').then((m) => ({ default: m.DistrictMap })),
);

/** The city report page (`/reports/city`). */
export function CityReportPage() {
  const [params] = useSearchParams();
  const { t, pick } = useT();
  const query = {
    year: params.get('year') ?? undefined,
    edition: params.get('edition') ?? undefined,
  };
  const rankings = useApi<Rankings>('/rankings', query);
  const r = rankings.data;
  const today = new Date().toISOString().slice(0, 10);
  const items = [...(r?.items ?? [])].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999));
  const tiers = new Map<number, { name: string; n: number }>();
  for (const i of items) {
    if (!i.tier) continue;
    const k = tierOrder(i.tier);
    tiers.set(k, { name: pick(i.tier), n: (tiers.get(k)?.n ?? 0) + 1 });
  }

  return (
    <ReportFrame
      xlsxPath="/reports/city"
      xlsxQuery={{ year: r?.run.year, edition: r?.run.edition }}
      back="/"
    >
      <LoadState loading={rankings.loading && !r} error={rankings.error} retry={rankings.reload}>
        {r && (
          <>
            <h1 data-testid="report-title">{t('reports.cityTitle', { year: r.run.year })}</h1>
            <div style={{ color: '#595959', fontSize: 12 }}>
              {t('reports.generated', { date: today, year: r.run.year, edition: r.run.edition })}
            </div>
            <section>
              <h2>{t('reports.summary')}</h2>
              <p>
                {`${t('overview.cityValue')}: ${formatScore(r.city.score)}。${t('reports.tierCounts')}: `}
                {[...tiers.entries()]
                  .sort((a, b) => a[0] - b[0])
                  .map(([, v]) => `${v.name} ${v.n}`)
                  .join('，')}
              </p>
            </section>
            <section>
              <h2>{t('overview.map')}</h2>
              <Suspense fallback={<div style={{ height: 420 }} />}>
                <DistrictMap
                  height={440}
                  title={t('overview.composite')}
                  values={items.map((i) => ({
                    code: i.regionCode,
                    label: pick(i),
                    value: i.score,
                  }))}
                />
              </Suspense>
            </section>
            <section>
              <h2>{t('overview.ranking')}</h2>
              <table className="kc-t">
                <thead>
                  <tr>
                    <th>{t('overview.rank')}</th>
                    <th>{t('overview.district')}</th>
                    <th>{t('overview.score')}</th>
                    <th>{t('overview.tier')}</th>
                    <th>{t('overview.rankChange')}</th>
                    <th>{t('overview.scoreChange')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.regionCode}>
                      <td className="num">{i.rank ?? '—'}</td>
                      <td>{pick(i)}</td>
                      <td className="num">{formatScore(i.score)}</td>
                      <td>{i.tier ? pick(i.tier) : '—'}</td>
                      <td className="num">
                        {i.rankChange === null ? '—' : formatChange(i.rankChange, 0)}
                      </td>
                      <td className="num">{formatChange(i.scoreChange)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        )}
      </LoadState>
    </ReportFrame>
  );
}
