import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BRIDGE_KEY, type SimulationResult } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { shortVersion } from '../../format/bundle-version';
import { formatDateTime } from '../../format/date-time';
import { useClient } from '../../state/client-context';
import { useProcedureQuery } from '../../state/queries';
import { RetryError } from '../../ui/RetryError';
import { writeDraft } from './draft-store';
import { describePolicyError } from './policy-error';
import { PublishForm } from './PublishForm';
import { SimulationResults } from './SimulationResults';
import { usePolicyChanges } from './use-policy-changes';
import { TABLE_FILES, type TableFile, usePolicyDraft } from './use-policy-draft';
import { VersionHistory } from './VersionHistory';

/**
 * Policy administration (administrators; the host checks the role on every call): the bundle's tables
 * as JDM JSON, a draft edited in place, its simulation against the decisions of the last 30 days,
 * publishing with a note, and the version history.
 */
export function PolicyAdmin() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const current = useProcedureQuery('policy.current', {}, { staleTime: 0 });
  usePolicyChanges();
  const draft = usePolicyDraft(current.data);
  const [table, setTable] = useState<TableFile>('remedies.json');
  const [simulation, setSimulation] = useState<{ busy: boolean; result: SimulationResult | null; error: unknown }>({
    busy: false,
    result: null,
    error: null,
  });

  const simulate = () => {
    setSimulation({ busy: true, result: null, error: null });
    client.call('policy.simulate', { files: draft.texts }).then(
      (result) => setSimulation({ busy: false, result, error: null }),
      (error: unknown) => setSimulation({ busy: false, result: null, error }),
    );
  };
  const published = () => {
    // The draft is now the bundle in force: nothing is left to set aside.
    draft.reset();
    setSimulation({ busy: false, result: null, error: null });
    void queryClient.invalidateQueries({ queryKey: ['policy.current'] });
    void queryClient.invalidateQueries({ queryKey: ['policy.versions'] });
  };

  const policy = current.data;
  // The editor's page needs 'wasm-unsafe-eval', which only the browser host grants it (a page of its own);
  // the desktop keeps one strict policy for every page, so there the JSON view is the editor.
  const desktop = BRIDGE_KEY in window;
  return (
    <section className="policy-admin panel" aria-labelledby="policy-admin-title">
      <div className="policy-head">
        <h1 id="policy-admin-title">{t('policyAdmin.title')}</h1>
        <p className="muted">{t('policyAdmin.intro')}</p>
        {policy && (
          <p className="policy-current" data-version={policy.version}>
            <strong title={policy.version}>{t('policyAdmin.current', { version: shortVersion(policy.version) })}</strong> ·{' '}
            {policy.published
              ? t('policyAdmin.sourcePublished', {
                  name: policy.published.publishedBy.name,
                  time: formatDateTime(policy.published.publishedAt, i18n.language),
                  note: policy.published.note,
                })
              : t('policyAdmin.sourceShipped')}
          </p>
        )}
      </div>
      {!policy && !current.error && <p aria-busy="true">{t('policyAdmin.loading')}</p>}
      {current.error != null && (
        <RetryError onRetry={() => void current.refetch()}>
          {t('policyAdmin.failed', { reason: describeError(current.error, t) })}
        </RetryError>
      )}
      {policy && draft.setAside && (
        <p className="policy-set-aside" role="status">
          {t('policyAdmin.setAside', { version: shortVersion(draft.setAside.base), files: draft.setAside.files.join(', ') })}{' '}
          <button type="button" className="button button-small" onClick={draft.restore}>
            {t('policyAdmin.restore')}
          </button>
        </p>
      )}
      {policy && (
        <div className="policy-work">
          <nav className="policy-tables" aria-label={t('policyAdmin.tables')}>
            <ul>
              {TABLE_FILES.map((file) => (
                <li key={file}>
                  <button
                    type="button"
                    className="button policy-table-button"
                    aria-current={file === table ? 'true' : undefined}
                    onClick={() => setTable(file)}
                  >
                    {t(`policyAdmin.table.${file}`)}
                    {draft.edited(file) && <span className="policy-edited"> · {t('policyAdmin.edited')}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div className="policy-editor">
            <label className="field" htmlFor="policy-json">
              <span>{t('policyAdmin.jsonLabel', { table: t(`policyAdmin.table.${table}`) })}</span>
            </label>
            <p id="policy-json-hint" className="muted">
              {t('policyAdmin.jsonHint')}
            </p>
            <textarea
              id="policy-json"
              className="policy-json"
              spellCheck={false}
              value={draft.texts[table] ?? ''}
              onChange={(e) => draft.setText(table, e.target.value)}
              aria-describedby="policy-json-hint"
              rows={18}
            />
            <div className="policy-actions">
              <button type="button" className="button button-primary" onClick={simulate} disabled={simulation.busy}>
                {simulation.busy ? t('policyAdmin.simulating') : t('policyAdmin.simulate')}
              </button>
              <button type="button" className="button" onClick={draft.reset} disabled={!draft.anyEdited}>
                {t('policyAdmin.resetDraft')}
              </button>
              {!draft.anyEdited && <span className="muted">{t('policyAdmin.draftUnchanged')}</span>}
              {!desktop && (
                <a
                  className="button"
                  href={`./policy-editor.html#${table}`}
                  onClick={() => writeDraft({ base: policy.version, texts: draft.texts })}
                >
                  {t('policyAdmin.openEditor')}
                </a>
              )}
            </div>
            {simulation.error != null && (
              <p className="form-error" role="alert">
                {describePolicyError(simulation.error, t)}
              </p>
            )}
          </div>
        </div>
      )}
      {simulation.result && <SimulationResults result={simulation.result} />}
      {policy && <PublishForm files={draft.texts} onPublished={published} />}
      <VersionHistory activeId={policy?.published?.id ?? null} />
    </section>
  );
}
