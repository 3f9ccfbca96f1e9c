/**
 * One registry record (`/registry/:kind/:key`): its fields, for enterprises its yearly figures and
 * qualifications, and an edit form shown to roles that may write it (city administrator; a
 * district editor in her 区县; an enterprise user for her own 统一社会信用代码). The API checks
 * the same rules and its bilingual refusal is shown as is.
 */
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../api/client.ts';
import { fieldOf, findRegistryKind } from '../api/registryKinds.ts';
import type { RegistryRecord } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useRegions } from '../api/useRegions.ts';
import { LoadState } from '../components/LoadState.tsx';
import { RecordValue } from '../components/RecordValue.tsx';
import { useT } from '../i18n/useT.ts';
import type { MessageKey } from '../i18n/zh.ts';
import { useSession } from '../session/useSession.ts';

const READ_ONLY_FIELDS = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'created_at',
  'updated_at',
  'version',
]);

/** Rows of a sub-list (figures, qualifications) as a plain table of all their fields. */
function PlainTable({ rows }: { rows: RegistryRecord[] }) {
  const { byCode } = useRegions();
  const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter(
    (f) => !READ_ONLY_FIELDS.has(f),
  );
  return (
    <Table<RegistryRecord>
      size="small"
      scroll={{ x: true }}
      pagination={false}
      rowKey={(r) => JSON.stringify(r)}
      dataSource={rows}
      columns={fields.map((f) => ({
        title: f,
        key: f,
        render: (_: unknown, r: RegistryRecord) => <RecordValue value={r[f]} regions={byCode} />,
      }))}
    />
  );
}

/** The record page. */
export function RecordPage() {
  const { kind = '', key = '' } = useParams();
  const { t, lang, pick } = useT();
  const { user } = useSession();
  const { byCode } = useRegions();
  const spec = findRegistryKind(kind);
  const path = `/${kind}/${encodeURIComponent(key)}`;
  const record = useApi<RegistryRecord>(path);
  const isEnterprise = kind === 'enterprises';
  const figures = useApi<RegistryRecord[] | { items: RegistryRecord[] }>(
    isEnterprise ? `${path}/figures` : null,
  );
  const qualifications = useApi<RegistryRecord[] | { items: RegistryRecord[] }>(
    isEnterprise ? `${path}/qualifications` : null,
  );
  const [editing, setEditing] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  const r = record.data;
  const region = r ? String(fieldOf(r, 'regionCode') ?? '') : '';
  const canEdit =
    !!user &&
    (user.role === 'cityAdmin' ||
      (user.role === 'districtEditor' && !!user.regionCode && user.regionCode === region) ||
      (user.role === 'enterpriseUser' && isEnterprise && user.uscc === key));
  const editable = r
    ? Object.entries(r).filter(
        ([f, v]) => !READ_ONLY_FIELDS.has(f) && (typeof v === 'string' || typeof v === 'number'),
      )
    : [];
  const label = (f: string) => spec?.columns.find((c) => c.field === f)?.[lang] ?? f;
  const listOf = (d: RegistryRecord[] | { items: RegistryRecord[] } | undefined) =>
    Array.isArray(d) ? d : (d?.items ?? []);

  const save = async (values: Record<string, unknown>) => {
    setSaveError(null);
    setSaved(false);
    try {
      await api.put(path, { ...r, ...values });
      setSaved(true);
      setEditing(false);
      record.reload();
    } catch (e) {
      setSaveError(
        e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) }),
      );
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {r ? String(fieldOf(r, 'name') ?? fieldOf(r, 'title') ?? key) : key}
        </Typography.Title>
        <Space>
          <Link to={`/registry/${kind}`}>{t('common.back')}</Link>
          {canEdit && !editing && (
            <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
          )}
        </Space>
      </Space>
      {spec && <Typography.Text type="secondary">{t(spec.label as MessageKey)}</Typography.Text>}
      {saved && <Alert type="success" showIcon title={t('common.saved')} />}
      {saveError && <Alert type="error" showIcon title={pick(saveError.text)} />}
      {!canEdit && user && (
        <Typography.Text type="secondary">{t('registry.readOnly')}</Typography.Text>
      )}
      <LoadState loading={record.loading && !r} error={record.error} retry={record.reload}>
        {r && !editing && (
          <Card size="small">
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              {Object.entries(r).map(([f, v]) => (
                <Descriptions.Item key={f} label={label(f)}>
                  <RecordValue
                    value={v}
                    format={spec?.columns.find((c) => c.field === f)?.format}
                    regions={byCode}
                  />
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        )}
        {r && editing && (
          <Card size="small" title={t('registry.editTitle')}>
            <Form layout="vertical" initialValues={Object.fromEntries(editable)} onFinish={save}>
              {editable.map(([f, v]) => (
                <Form.Item key={f} name={f} label={label(f)}>
                  {typeof v === 'number' ? (
                    <InputNumber style={{ width: 240 }} />
                  ) : (
                    <Input disabled={spec?.keys[0] === f} />
                  )}
                </Form.Item>
              ))}
              <Space>
                <Button type="primary" htmlType="submit">
                  {t('common.save')}
                </Button>
                <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
              </Space>
            </Form>
          </Card>
        )}
      </LoadState>
      {isEnterprise && (
        <Tabs
          items={[
            {
              key: 'figures',
              label: t('registry.figures'),
              children: (
                <LoadState loading={figures.loading} error={figures.error}>
                  <PlainTable rows={listOf(figures.data)} />
                </LoadState>
              ),
            },
            {
              key: 'qualifications',
              label: t('registry.qualifications'),
              children: (
                <LoadState loading={qualifications.loading} error={qualifications.error}>
                  <PlainTable rows={listOf(qualifications.data)} />
                </LoadState>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
