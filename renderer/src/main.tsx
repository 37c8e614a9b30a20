// The global sheets first: each feature's own sheet (imported by its index.ts) comes after them.
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/notices.css';
import './styles/tones.css';
import './styles/dialogs.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseClient } from './api/choose-client';
import { App } from './app/App';
import { chooseDesk, DeskGate } from './features/desk-lock';
import { chooseSync, ServerUnlock } from './features/desk-sync';
import { AuthGate, chooseAuth } from './features/sign-in';
import { setupI18n } from './i18n/setup';

async function start(): Promise<void> {
  await setupI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  const desk = chooseDesk();
  const sync = chooseSync();
  createRoot(root).render(
    <StrictMode>
      <DeskGate
        desk={desk}
        // With a team server named, a person unlocks the desk as their server account.
        lockExtra={desk && sync ? (onState) => <ServerUnlock desk={desk} sync={sync} onState={onState} /> : undefined}
      >
        <AuthGate makeClient={chooseClient} auth={chooseAuth()}>
          <App />
        </AuthGate>
      </DeskGate>
    </StrictMode>,
  );
}

void start();
