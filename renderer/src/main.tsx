// The global sheets first: each feature's own sheet (imported by its index.ts) comes after them.
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/notices.css';
import './styles/tones.css';
import './styles/dialogs.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseClient } from './api/choose-client';
import { App } from './app/App';
import { setupI18n } from './i18n/setup';
import { ClientProvider } from './state/client-context';
import { createQueryClient } from './state/query-client';
import { SessionProvider } from './state/use-session';

async function start(): Promise<void> {
  await setupI18n();
  const client = chooseClient();
  window.addEventListener('pagehide', () => client.close());
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <ClientProvider client={client}>
        <QueryClientProvider client={createQueryClient()}>
          <SessionProvider>
            <App />
          </SessionProvider>
        </QueryClientProvider>
      </ClientProvider>
    </StrictMode>,
  );
}

void start();
