/**
 * Administration (系统管理, city administrators): users with their roles and scopes, a form for
 * new users, and the append-only audit log.
 */
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { AuditEntry, Paged, RegistryRecord, Role } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useRegions } from '../api/useRegions.ts';
import { LoadState } from '../components/LoadState.tsx';
import { RecordValue } from '../components/RecordValue.tsx';
import { useT } from '../i18n/useT.ts';
import type { MessageKey } from '../i18n/zh.ts';
import { useSession } from '../session/useSession.ts';

const ROLES: Role[] = ['cityAdmin', 'cityAnalyst', 'districtEditor', 'enterpriseUser', 'public'];

type Listed<T> = T[] | Paged<T>;
function itemsOf<T>(d: Listed<T> | undefined): T[] {
  return Array.isArray(d) ? d : (d?.items ?? []);
}

function Users() {
  const { t, pick } = useT();
  const { regions, byCode } = useRegions();
  const users = useApi<Listed<RegistryRecord>>('/users');
  const [error, setError] = useState<ApiError | null>(null);
  const [form] = Form.useForm();
  const role = Form.useWatch('role', form) as Role | undefined;
  const rows = itemsOf(users.data);
  const create = async (values: Record<string, string>) => {
    setError(null);
    try {
      await api.post('/users', values);
      form.resetFields();
      users.reload();
    } catch (e) {
      setError(
        e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) }),
      );
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <LoadState loading={users.loading && !users.data} error={users.error} retry={users.reload}>
        <Table<RegistryRecord>
          size="small"
          rowKey={(r) => String(r.id ?? r.username)}
          dataSource={rows}
          pagination={false}
          columns={[
            { title: t('session.username'), dataIndex: 'username' },
            {
              title: t('admin.role'),
              dataIndex: 'role',
              render: (r: string) => t(`role.${r}` as MessageKey),
            },
            {
              title: t('admin.regionCode'),
              key: 'region',
              render: (_, r) => (
                <RecordValue
                  value={r.regionCode ?? r.region_code}
                  format="region"
                  regions={byCode}
                />
              ),
            },
            { title: t('admin.uscc'), key: 'uscc', render: (_, r) => String(r.uscc ?? '') },
          ]}
        />
      </LoadState>
      <Card size="small" title={t('admin.createUser')}>
        {error && (
          <Alert type="error" showIcon title={pick(error.text)} style={{ marginBottom: 12 }} />
        )}
        <Form form={form} layout="inline" onFinish={create}>
          <Form.Item name="username" label={t('session.username')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t('session.password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}>
            <Select
              style={{ width: 160 }}
              options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))}
            />
          </Form.Item>
          {role === 'districtEditor' && (
            <Form.Item name="regionCode" label={t('common.region')} rules={[{ required: true }]}>
              <Select
                style={{ width: 160 }}
                showSearch={{ optionFilterProp: 'label' }}
                options={regions.map((r) => ({ value: r.code, label: pick(r) }))}
              />
            </Form.Item>
          )}
          {role === 'enterpriseUser' && (
            <Form.Item name="uscc" label={t('admin.uscc')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit">
            {t('admin.createUser')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}

function Audit() {
  const { t } = useT();
  const [page, setPage] = useState(1);
  const [table, setTable] = useState<string>();
  const audit = useApi<Listed<AuditEntry>>('/audit', { page, table });
  const data = audit.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.Search
        aria-label={t('admin.table')}
        placeholder={t('admin.table')}
        allowClear
        style={{ width: 240 }}
        onSearch={(v) => {
          setPage(1);
          setTable(v || undefined);
        }}
      />
      <LoadState loading={audit.loading && !data} error={audit.error} retry={audit.reload}>
        <Table<AuditEntry>
          size="small"
          rowKey={(r) => String(r.id ?? JSON.stringify(r))}
          dataSource={itemsOf(data)}
          pagination={
            data && !Array.isArray(data)
              ? {
                  current: data.page,
                  pageSize: data.pageSize,
                  total: data.total,
                  onChange: setPage,
                  showSizeChanger: false,
                }
              : false
          }
          columns={[
            {
              title: t('admin.time'),
              key: 'at',
              render: (_, r) => String(r.at ?? r.createdAt ?? r.created_at ?? ''),
            },
            {
              title: t('admin.actor'),
              key: 'actor',
              render: (_, r) => String(r.actor ?? r.actor_name ?? ''),
            },
            {
              title: t('admin.action'),
              key: 'action',
              render: (_, r) => String(r.action ?? r.operation ?? ''),
            },
            {
              title: t('admin.table'),
              key: 'table',
              render: (_, r) => String(r.table ?? r.table_name ?? ''),
            },
            {
              title: t('admin.key'),
              key: 'key',
              render: (_, r) => String(r.key ?? r.record_key ?? ''),
            },
          ]}
        />
      </LoadState>
    </Space>
  );
}

/** The admin page (`/admin`). */
export function AdminPage() {
  const { t } = useT();
  const { user } = useSession();
  if (user?.role !== 'cityAdmin')
    return <Alert type="warning" showIcon title={t('admin.cityAdminOnly')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('admin.title')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'users', label: t('admin.users'), children: <Users /> },
          { key: 'audit', label: t('admin.audit'), children: <Audit /> },
        ]}
      />
    </Space>
  );
}
