import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './app/AppRoutes';
import { Providers } from './app/Providers';
import { preloadStartPage } from './app/preloadPage';
import { reloadOnFailedChunk } from './app/reloadOnFailedChunk';
import { makeStore } from './app/store';
import { ErrorBoundary } from './components/ErrorBoundary';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

reloadOnFailedChunk();

const store = makeStore();
// The first page's code and data start loading now, alongside the shell's own start-up.
preloadStartPage(store.dispatch);

createRoot(root).render(
  <StrictMode>
    <Providers store={store}>
      <ErrorBoundary>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </ErrorBoundary>
    </Providers>
  </StrictMode>,
);
