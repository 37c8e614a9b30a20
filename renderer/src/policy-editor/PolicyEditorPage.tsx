import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { prettyJson, readDraft, type StoredDraft, TABLE_FILES, type TableFile, writeDraft } from '../features/policy';
import './policy-editor.css';

// Heavy (antd, reactflow, codemirror): fetched only when this page opens, never with the desk.
const TableEditor = lazy(() => import('./TableEditor'));

function tableOf(hash: string): TableFile {
  const name = decodeURIComponent(hash.replace(/^#/, ''));
  return (TABLE_FILES as readonly string[]).includes(name) ? (name as TableFile) : 'remedies.json';
}

function parsed(text: string | undefined): object | null {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

/**
 * One table of the draft in the GoRules editor (the JDM format the engine runs). The draft comes from
 * the policy screen (this tab's sessionStorage) and goes back there, where it is simulated and published.
 */
export function PolicyEditorPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<StoredDraft | null>(() => readDraft());
  const [table, setTable] = useState<TableFile>(() => tableOf(window.location.hash));
  const back = (
    <a className="button" href="./#/policy">
      {t('policyAdmin.editorBack')}
    </a>
  );
  if (!draft)
    return (
      <main className="policy-editor-page">
        <h1>{t('policyAdmin.editorTitle')}</h1>
        <p>{t('policyAdmin.editorNoDraft')}</p>
        {back}
      </main>
    );
  const graph = parsed(draft.texts[table]);
  const change = (next: object) => {
    const updated = { ...draft, texts: { ...draft.texts, [table]: prettyJson(next) } };
    writeDraft(updated);
    setDraft(updated);
  };
  return (
    <main className="policy-editor-page">
      <div className="policy-editor-head">
        <h1>{t('policyAdmin.editorTitle')}</h1>
        <nav aria-label={t('policyAdmin.tables')}>
          {TABLE_FILES.map((file) => (
            <a
              key={file}
              className="button button-small"
              href={`#${file}`}
              aria-current={file === table ? 'page' : undefined}
              onClick={() => setTable(file)}
            >
              {t(`policyAdmin.table.${file}`)}
            </a>
          ))}
        </nav>
        {back}
      </div>
      {graph ? (
        <Suspense fallback={<p aria-busy="true">{t('policyAdmin.editorLoading')}</p>}>
          <TableEditor key={table} graph={graph} onChange={change} />
        </Suspense>
      ) : (
        <p className="form-error" role="alert">
          {t('policyAdmin.editorBadJson', { file: table })}
        </p>
      )}
    </main>
  );
}
