/**
 * The app shell: header (title, language switch, session), the navigation menu filtered by role,
 * and the routes. Every page is a lazy chunk, so the first load carries only the shell.
 */
import { Button, ConfigProvider, Layout, Menu, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import type { Role } from './api/types.ts';
import { useT } from './i18n/useT.ts';
import type { MessageKey } from './i18n/zh.ts';
import { hasRole, useSession } from './session/useSession.ts';

/** `lazy()` for a named export (pages are named after their component). */
function page<K extends string>(
  load: () => Promise<Record<K, () => ReactNode>>,
  name: K,
): ComponentType {
  return lazy(async () => {
    const Page: () => ReactNode = (await load())[name];
    return { default: Page };
  });
}

const OverviewPage = page(() => import('./pages/OverviewPage.tsx'), 'OverviewPage');
const DistrictProfilePage = page(
  () => import('./pages/DistrictProfilePage.tsx'),
  'DistrictProfilePage',
);
const IndicatorExplorerPage = page(
  () => import('./pages/IndicatorExplorerPage.tsx'),
  'IndicatorExplorerPage',
);
const WorkbenchPage = page(() => import('./pages/WorkbenchPage.tsx'), 'WorkbenchPage');
const RegistryPage = page(() => import('./pages/RegistryPage.tsx'), 'RegistryPage');
const RecordPage = page(() => import('./pages/RecordPage.tsx'), 'RecordPage');
const ImportWizardPage = page(() => import('./pages/ImportWizardPage.tsx'), 'ImportWizardPage');
const AssessmentPage = page(() => import('./pages/AssessmentPage.tsx'), 'AssessmentPage');
const BureauAssessmentsPage = page(
  () => import('./pages/BureauAssessmentsPage.tsx'),
  'BureauAssessmentsPage',
);
const ReportsPage = page(() => import('./pages/ReportsPage.tsx'), 'ReportsPage');
const DistrictReportPage = page(
  () => import('./pages/DistrictReportPage.tsx'),
  'DistrictReportPage',
);
const CityReportPage = page(() => import('./pages/CityReportPage.tsx'), 'CityReportPage');
const AdminPage = page(() => import('./pages/AdminPage.tsx'), 'AdminPage');
const LoginPage = page(() => import('./pages/LoginPage.tsx'), 'LoginPage');
const NotFoundPage = page(() => import('./pages/NotFoundPage.tsx'), 'NotFoundPage');

/** Menu entries; `roles` hides an entry from other roles (the API enforces the same). */
const NAV: { path: string; key: MessageKey; roles?: Role[] }[] = [
  { path: '/', key: 'nav.overview' },
  { path: '/indicators', key: 'nav.indicators' },
  { path: '/workbench', key: 'nav.workbench' },
  { path: '/registry/enterprises', key: 'nav.registry' },
  { path: '/imports', key: 'nav.imports', roles: ['cityAdmin', 'districtEditor'] },
  { path: '/assessments', key: 'nav.assessments' },
  {
    path: '/assessments/bureau',
    key: 'nav.bureau',
    roles: ['cityAdmin', 'cityAnalyst', 'districtEditor'],
  },
  { path: '/reports', key: 'nav.reports' },
  { path: '/admin', key: 'nav.admin', roles: ['cityAdmin'] },
];

/** The menu key for the current path: the longest NAV path that prefixes it. */
function activeNav(pathname: string): string {
  const hits = NAV.filter((n) =>
    n.path === '/'
      ? pathname === '/' || pathname.startsWith('/districts')
      : pathname.startsWith(n.path.replace(/\/enterprises$/, '')),
  );
  return hits.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '/';
}

/** The dashboard: layout, navigation and lazy routes. */
export function App() {
  const { t, lang, setLang, pick } = useT();
  const { user, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const isReport = location.pathname.startsWith('/reports/');
  const nav = NAV.filter((n) => !n.roles || hasRole(user?.role, ...n.roles));
  // The API refuses everything until a one-time password is replaced: send the user to do it.
  const mustChange = user?.mustChangePassword === true && location.pathname !== '/login';

  const routes = (
    <Suspense
      fallback={
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin description={t('common.loading')} />
        </div>
      }
    >
      {mustChange && (
        <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />
      )}
      <Routes>
        <Route path="/" element={<OverviewPage />} />
        <Route path="/districts/:code" element={<DistrictProfilePage />} />
        <Route path="/indicators" element={<IndicatorExplorerPage />} />
        <Route path="/workbench" element={<WorkbenchPage />} />
        <Route path="/registry/:kind" element={<RegistryPage />} />
        <Route path="/registry/:kind/:key" element={<RecordPage />} />
        <Route path="/imports" element={<ImportWizardPage />} />
        <Route path="/assessments" element={<AssessmentPage />} />
        <Route path="/assessments/bureau" element={<BureauAssessmentsPage />} />
        <Route path="/reports" element={<ReportsPage />} />
        <Route path="/reports/district/:code" element={<DistrictReportPage />} />
        <Route path="/reports/city" element={<CityReportPage />} />
        <Route path="/admin" element={<AdminPage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );

  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{
        token: {
          colorPrimary: '#1668dc',
          fontFamily:
            '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, -apple-system, sans-serif',
        },
      }}
    >
      <a href="#main" className="kc-skip">
        {t('app.skipToContent')}
      </a>
      {isReport ? (
        <main id="main">{routes}</main>
      ) : (
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Header
            className="kc-noprint"
            style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 20 }}
          >
            <Link to="/" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
              <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
                {t('app.short')}
              </Typography.Text>
              <Typography.Text style={{ color: 'rgba(255,255,255,.75)', marginInlineStart: 10 }}>
                {t('app.subtitle')}
              </Typography.Text>
            </Link>
            <nav aria-label={t('nav.menu')} style={{ flex: 1, minWidth: 0 }}>
              <Menu
                theme="dark"
                mode="horizontal"
                selectedKeys={[activeNav(location.pathname)]}
                items={nav.map((n) => ({
                  key: n.path,
                  label: <Link to={n.path}>{t(n.key)}</Link>,
                }))}
              />
            </nav>
            <Space>
              <Button
                size="small"
                ghost
                lang={lang === 'zh' ? 'en' : 'zh-CN'}
                aria-label={t('lang.switchLabel')}
                onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
                data-testid="lang-switch"
              >
                {t('lang.switch')}
              </Button>
              {user ? (
                <>
                  <Typography.Text style={{ color: '#fff' }} data-testid="session-user">
                    {t('session.as', {
                      user: user.username,
                      role: t(`role.${user.role}` as MessageKey) || pick(null),
                    })}
                  </Typography.Text>
                  <Button size="small" onClick={() => logout().then(() => navigate('/'))}>
                    {t('session.logout')}
                  </Button>
                </>
              ) : (
                <Button size="small" type="primary" onClick={() => navigate('/login')}>
                  {t('session.login')}
                </Button>
              )}
            </Space>
          </Layout.Header>
          <Layout.Content
            id="main"
            style={{ padding: 20, maxWidth: 1440, width: '100%', margin: '0 auto' }}
          >
            {routes}
          </Layout.Content>
          <Layout.Footer className="kc-noprint" style={{ textAlign: 'center', fontSize: 12 }}>
            {t('app.footer')}
          </Layout.Footer>
        </Layout>
      )}
    </ConfigProvider>
  );
}
