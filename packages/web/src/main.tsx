/** Entry: providers (language, session), the router and the app shell. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App.tsx';
import { prefetch } from './api/client.ts';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';

// Most visits start at the overview: fetch its data and code while React starts.
if (window.location.pathname === '/' && !window.location.search) {
  for (const path of ['/rankings', '/index-runs', '/groups', '/indicators']) prefetch(path);
  void import('./pages/OverviewPage.tsx');
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
