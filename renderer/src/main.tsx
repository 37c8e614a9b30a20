import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseClient } from './api/choose-client';
import { App } from './app/App';
import { chooseAuth } from './features/sign-in/auth-api';
import { AuthGate } from './features/sign-in/AuthGate';
import { setupI18n } from './i18n/setup';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/brief.css';
import './styles/search.css';
import './styles/case-view.css';
import './styles/dialogs.css';
import './styles/promises.css';

async function start(): Promise<void> {
  await setupI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <AuthGate makeClient={chooseClient} auth={chooseAuth()}>
        <App />
      </AuthGate>
    </StrictMode>,
  );
}

void start();
