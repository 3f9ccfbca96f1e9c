import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { apiUrl } from '../api/client.ts';
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
  const { t, lang, setLang } = useT();
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
          <a href={apiUrl(xlsxPath, { ...xlsxQuery, format: 'xlsx' })} download>
            <Button>{t('reports.xlsx')}</Button>
          </a>
        </Space>
      </div>
      <article className="kc-report" data-testid="report">
        {children}
      </article>
    </div>
  );
}
