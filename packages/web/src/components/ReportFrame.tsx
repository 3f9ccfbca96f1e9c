import { Alert, Button, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api, saveBlob } from '../api/client.ts';
import { useT } from '../i18n/useT.ts';

/** Print rules of the report pages: A4, no toolbar, no page break inside a section. */
const PRINT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
.kc-report { max-width: 186mm; margin: 0 auto; padding: 16px; background: #fff; color: #141414; }
.kc-report h1 { font-size: 22px; margin: 0 0 4px; }
.kc-report h2 { font-size: 16px; margin: 18px 0 8px; border-bottom: 2px solid #1668dc; padding-bottom: 2px; }
.kc-report section { break-inside: avoid; }
.kc-report table.kc-t { width: 100%; border-collapse: collapse; font-size: 12px; }
.kc-report table.kc-t th, .kc-report table.kc-t td { border: 1px solid #d9d9d9; padding: 3px 6px; text-align: left; }
.kc-report table.kc-t td.num { text-align: right; font-variant-numeric: tabular-nums; }
@media print { .kc-report { padding: 0; } }
`;

/** Props of {@link ReportFrame}. */
export type ReportFrameProps = {
  /** The API's XLSX export of the same report, `/reports/…` (after `/api`). */
  xlsxPath: string;
  xlsxQuery?: Record<string, string | number | undefined>;
  back: string;
  children: ReactNode;
};

/** A printable report: toolbar (back, language, print, Excel) hidden in print, A4 article. */
export function ReportFrame({ xlsxPath, xlsxQuery, back, children }: ReportFrameProps) {
  const { t, lang, setLang, pick } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Through the API client, so a refusal (401, 404) shows as a message instead of a saved file.
  const downloadXlsx = async () => {
    setBusy(true);
    setError(null);
    try {
      const { blob, fileName } = await api.download(xlsxPath, { ...xlsxQuery, format: 'xlsx' });
      saveBlob(blob, fileName ?? 'report.xlsx');
    } catch (e) {
      setError(
        e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ background: '#f0f2f5', minHeight: '100vh' }}>
      <style>{PRINT_CSS}</style>
      <div className="kc-noprint" style={{ padding: 12, textAlign: 'center' }}>
        <Space wrap>
          <Link to={back}>{t('common.back')}</Link>
          <Button onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch">
            {t('lang.switch')}
          </Button>
          <Button type="primary" onClick={() => window.print()}>
            {t('reports.print')}
          </Button>
          <Button loading={busy} onClick={downloadXlsx} data-testid="report-xlsx">
            {t('reports.xlsx')}
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={pick(error.text)} style={{ marginTop: 8 }} />}
      </div>
      <article className="kc-report" data-testid="report">
        {children}
      </article>
    </div>
  );
}
