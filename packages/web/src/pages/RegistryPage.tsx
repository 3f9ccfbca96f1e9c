/**
 * Registry lists (名录): one tab per kind, Chinese search (name and former names), filters by
 * 区县 and, for enterprises, qualification; paged; CSV/XLSX export with the same filters; each
 * row opens its record.
 */
import { Button, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { apiUrl } from '../api/client.ts';
import {
  fieldOf,
  findRegistryKind,
  REGISTRY_KINDS,
  type RegistryKind,
  recordKey,
} from '../api/registryKinds.ts';
import type { Paged, RegistryRecord } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useRegions } from '../api/useRegions.ts';
import { LoadState } from '../components/LoadState.tsx';
import { RecordValue } from '../components/RecordValue.tsx';
import { useT } from '../i18n/useT.ts';
import type { MessageKey } from '../i18n/zh.ts';

const PAGE_SIZE = 20;
const QUALIFICATIONS = [
  'highTechEnterprise',
  'techSme',
  'innovativeSme',
  'specialisedSme',
  'littleGiant',
];
const QUALIFICATION_LABELS: Record<string, { zh: string; en: string }> = {
  highTechEnterprise: { zh: '高新技术企业', en: 'High-tech enterprise' },
  techSme: { zh: '科技型中小企业', en: 'Tech-based SME' },
  innovativeSme: { zh: '创新型中小企业', en: 'Innovative SME' },
  specialisedSme: { zh: '专精特新中小企业', en: 'Specialised SME' },
  littleGiant: { zh: '专精特新“小巨人”', en: '“Little giant”' },
};

function RegistryTable({ kind }: { kind: RegistryKind }) {
  const { t, lang, pick } = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { regions, byCode } = useRegions();
  const q = params.get('q') ?? '';
  const region = params.get('region') ?? undefined;
  const qualification = params.get('qualification') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const filters = {
    q: q || undefined,
    region,
    qualification: kind.kind === 'enterprises' ? qualification : undefined,
  };
  const list = useApi<Paged<RegistryRecord>>(`/${kind.kind}`, {
    ...filters,
    page,
    pageSize: PAGE_SIZE,
  });

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('registry.searchPlaceholder')}
          defaultValue={q}
          allowClear
          enterButton={t('common.search')}
          style={{ width: 360 }}
          onSearch={(v) => set({ q: v.trim() || undefined })}
        />
        <Select
          aria-label={t('common.region')}
          placeholder={t('common.region')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 180 }}
          value={region}
          onChange={(v: string | undefined) => set({ region: v })}
          options={regions.map((r) => ({ value: r.code, label: pick(r) }))}
        />
        {kind.kind === 'enterprises' && (
          <Select
            aria-label={t('registry.qualification')}
            placeholder={t('registry.qualification')}
            allowClear
            style={{ width: 200 }}
            value={qualification}
            onChange={(v: string | undefined) => set({ qualification: v })}
            options={QUALIFICATIONS.map((c) => ({
              value: c,
              label: QUALIFICATION_LABELS[c]?.[lang] ?? c,
            }))}
          />
        )}
        <a href={apiUrl(`/exports/${kind.kind}`, { format: 'csv', ...filters })} download>
          <Button>{t('common.exportCsv')}</Button>
        </a>
        <a href={apiUrl(`/exports/${kind.kind}`, { format: 'xlsx', ...filters })} download>
          <Button>{t('common.exportXlsx')}</Button>
        </a>
      </Space>
      <LoadState loading={list.loading && !list.data} error={list.error} retry={list.reload}>
        <Table<RegistryRecord>
          data-testid="registry-table"
          size="small"
          loading={list.loading}
          rowKey={(r) => recordKey(kind, r) ?? JSON.stringify(r)}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: list.data?.page ?? page,
            pageSize: list.data?.pageSize ?? PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('common.total', { n }),
            onChange: (p) => set({ page: String(p) }),
          }}
          onRow={(r) => ({
            onDoubleClick: () => {
              const key = recordKey(kind, r);
              if (key) navigate(`/registry/${kind.kind}/${encodeURIComponent(key)}`);
            },
          })}
          columns={kind.columns.map((c, i) => ({
            title: c[lang],
            key: c.field,
            render: (_: unknown, r: RegistryRecord) => {
              const value = (
                <RecordValue
                  value={fieldOf(r, c.field)}
                  format={c.format}
                  codes={c.codes}
                  regions={byCode}
                />
              );
              const key = recordKey(kind, r);
              return i === 0 && key ? (
                <Link to={`/registry/${kind.kind}/${encodeURIComponent(key)}`}>{value}</Link>
              ) : (
                value
              );
            },
          }))}
        />
      </LoadState>
    </Space>
  );
}

/** The registry page (`/registry/:kind`). */
export function RegistryPage() {
  const { kind = 'enterprises' } = useParams();
  const { t } = useT();
  const navigate = useNavigate();
  const current = findRegistryKind(kind) ?? REGISTRY_KINDS[0];
  if (!current) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('registry.title')}
      </Typography.Title>
      <Tabs
        activeKey={current.kind}
        onChange={(k) => navigate(`/registry/${k}`)}
        items={REGISTRY_KINDS.map((k) => ({
          key: k.kind,
          label: t(k.label as MessageKey),
          children: k.kind === current.kind ? <RegistryTable key={k.kind} kind={k} /> : null,
        }))}
      />
    </Space>
  );
}
