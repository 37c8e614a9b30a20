// The decision-table editor's own page: served with the one CSP that allows WebAssembly
// ('wasm-unsafe-eval', which the GoRules editor's engine needs), so the desk's pages never get it.
import '../styles/base.css';
import '../styles/controls.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupI18n } from '../i18n/setup';
import { PolicyEditorPage } from './PolicyEditorPage';

async function start(): Promise<void> {
  await setupI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('policy-editor.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <PolicyEditorPage />
    </StrictMode>,
  );
}

void start();
