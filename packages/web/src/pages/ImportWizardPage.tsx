/**
 * Import wizard (数据导入): template download → upload → row-level report (nothing written while
 * any row fails) → commit. The API keeps the checked upload under an id until it is committed
 * or discarded.
 */
import { Alert, Button, Card, Checkbox, Select, Space, Steps, Table, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api, apiUrl } from '../api/client.ts';
import type { ImportCheck, ImportIssue } from '../api/types.ts';
import { useT } from '../i18n/useT.ts';
import type { MessageKey } from '../i18n/zh.ts';
import { hasRole, useSession } from '../session/useSession.ts';

/** Import kinds of the registry (see `packages/registry/src/imports/kinds.ts`). */
const IMPORT_KINDS = [
  'enterprises',
  'enterpriseFigures',
  'qualifications',
  'platforms',
  'talents',
  'patents',
  'achievements',
  'contracts',
  'projects',
  'targets',
  'indicators',
];

/** A commit summary in words, whatever counts the API returns. */
function summaryText(summary: unknown): string {
  if (summary && typeof summary === 'object') {
    return Object.entries(summary as Record<string, unknown>)
      .filter(([, v]) => typeof v === 'number' || typeof v === 'string')
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(', ');
  }
  return String(summary ?? '');
}

/** The import wizard page. */
export function ImportWizardPage() {
  const { t, pick, lang } = useT();
  const { user, ready } = useSession();
  const fileInputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState('enterprises');
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [committed, setCommitted] = useState<unknown>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [acceptUsccWarnings, setAcceptUsccWarnings] = useState(false);

  if (ready && !hasRole(user?.role, 'cityAdmin', 'districtEditor')) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('imports.loginRequired')}
        action={
          <Link to="/login?next=/imports">
            <Button type="primary">{t('session.login')}</Button>
          </Link>
        }
      />
    );
  }

  const fail = (e: unknown) =>
    setError(
      e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) }),
    );

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setCheck(null);
    setCommitted(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      setCheck(
        await api.upload<ImportCheck>(`/imports/${kind}`, form, {
          acceptUsccWarnings: acceptUsccWarnings || undefined,
        }),
      );
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!check) return;
    setBusy(true);
    setError(null);
    try {
      setCommitted(
        (await api.post<unknown>(`/imports/${encodeURIComponent(check.id)}/commit`)) ?? {},
      );
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const reset = async (discard: boolean) => {
    if (discard && check && !committed) {
      await api.delete(`/imports/${encodeURIComponent(check.id)}`).catch(() => undefined);
    }
    setCheck(null);
    setCommitted(null);
    setFile(null);
    setError(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const step = committed ? 3 : check ? 2 : file ? 1 : 0;
  const kindLabel = (k: string) => t(`registry.kind.${k}` as MessageKey);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('imports.title')}
      </Typography.Title>
      <Steps
        current={step}
        items={[
          { title: t('imports.step.template') },
          { title: t('imports.step.upload') },
          { title: t('imports.step.check') },
          { title: t('imports.step.commit') },
        ]}
      />
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('imports.templateHint')}</Typography.Text>
          <Space wrap>
            <Select
              aria-label={t('imports.kind')}
              style={{ width: 220 }}
              value={kind}
              onChange={(k: string) => {
                setKind(k);
                void reset(true);
              }}
              options={IMPORT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
              data-testid="import-kind"
            />
            <a href={apiUrl(`/templates/${kind}`)} download>
              <Button>{t('imports.template', { kind: kindLabel(kind) })}</Button>
            </a>
          </Space>
          <Space wrap>
            <label htmlFor={fileInputId}>{t('imports.chooseFile')}</label>
            <input
              id={fileInputId}
              ref={fileInput}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="import-file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setCheck(null);
                setCommitted(null);
              }}
            />
            <Checkbox
              checked={acceptUsccWarnings}
              onChange={(e) => setAcceptUsccWarnings(e.target.checked)}
            >
              {t('imports.acceptUsccWarnings')}
            </Checkbox>
            <Button type="primary" disabled={!file} loading={busy && !check} onClick={upload}>
              {t('imports.check')}
            </Button>
          </Space>
        </Space>
      </Card>
      {error && (
        <Alert type="error" showIcon role="alert" title={`${pick(error.text)} (${error.code})`} />
      )}
      {check && (
        <Card size="small" title={`${check.fileName} · ${t('imports.rows', { n: check.rows })}`}>
          {check.report.ok ? (
            <Alert
              type="success"
              showIcon
              title={t('imports.ok', { n: check.rows })}
              data-testid="import-ok"
            />
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Alert
                type="error"
                showIcon
                role="alert"
                data-testid="import-failed"
                title={t('imports.failed', { n: check.report.issues.length })}
              />
              <Table<ImportIssue>
                data-testid="import-issues"
                size="small"
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                rowKey={(i) => `${i.row}-${i.column ?? ''}-${i.zh}`}
                dataSource={check.report.issues}
                columns={[
                  { title: t('imports.row'), dataIndex: 'row', width: 70 },
                  { title: t('imports.column'), dataIndex: 'column', width: 160 },
                  {
                    title: t('imports.value'),
                    dataIndex: 'value',
                    width: 200,
                    render: (v: unknown) => (v === undefined || v === null ? '' : String(v)),
                  },
                  {
                    title: t('imports.problem'),
                    key: 'problem',
                    render: (_, i) => i[lang] || i.zh,
                  },
                ]}
              />
            </Space>
          )}
          <Space style={{ marginTop: 12 }}>
            {check.report.ok && !committed && (
              <Button type="primary" loading={busy} onClick={commit} data-testid="import-commit">
                {t('imports.commit')}
              </Button>
            )}
            {!committed && <Button onClick={() => reset(true)}>{t('imports.discard')}</Button>}
          </Space>
        </Card>
      )}
      {committed !== null && (
        <Alert
          type="success"
          showIcon
          data-testid="import-committed"
          title={t('imports.committed', { summary: summaryText(committed) })}
          action={<Button onClick={() => reset(false)}>{t('imports.again')}</Button>}
        />
      )}
    </Space>
  );
}
