import { Progress, Table, Tag } from 'antd';
import type { TargetProgress } from '../api/types.ts';
import { formatNumber } from '../format/formatNumber.ts';
import { useT } from '../i18n/useT.ts';

/** Targets (e.g. 双倍增 高企 / 科技型企业 counts) with progress, projection and on-track flag. */
export function TargetTable({ targets }: { targets: TargetProgress[] }) {
  const { t, lang, pick } = useT();
  return (
    <Table<TargetProgress>
      size="small"
      pagination={false}
      rowKey={(r) => `${r.indicator}-${r.scope.kind}-${r.scope.code}-${r.year}`}
      dataSource={targets}
      columns={[
        { title: t('profile.indicator'), key: 'name', render: (_, r) => pick(r) },
        { title: t('common.year'), dataIndex: 'year', width: 70 },
        {
          title: t('profile.target'),
          dataIndex: 'target',
          align: 'right',
          render: (v: number) => formatNumber(v, lang),
        },
        {
          title: t('profile.current'),
          key: 'current',
          align: 'right',
          render: (_, r) =>
            r.current ? `${formatNumber(r.current.value, lang)} (${r.current.year})` : '—',
        },
        {
          title: t('profile.progress'),
          key: 'progress',
          width: 160,
          render: (_, r) =>
            r.progress === null || r.progress === undefined ? (
              '—'
            ) : (
              <Progress
                percent={Math.round(r.progress * 1000) / 10}
                size="small"
                status={r.onTrack === false ? 'exception' : 'normal'}
                aria-label={`${t('profile.progress')} ${Math.round(r.progress * 100)}%`}
              />
            ),
        },
        {
          title: t('profile.projected'),
          key: 'projected',
          align: 'right',
          render: (_, r) =>
            r.projected ? `${formatNumber(r.projected.value, lang)} (${r.projected.year})` : '—',
        },
        {
          title: '',
          key: 'onTrack',
          render: (_, r) =>
            r.onTrack === null ? (
              <Tag>{t('profile.unknownTrack')}</Tag>
            ) : r.onTrack ? (
              <Tag color="green">{t('profile.onTrack')}</Tag>
            ) : (
              <Tag color="red">{t('profile.offTrack')}</Tag>
            ),
        },
      ]}
    />
  );
}
