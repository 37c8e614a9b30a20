import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyVersion } from '../../../../shared';
import { shortVersion } from '../../format/bundle-version';
import { useProcedureMutation } from '../../state/use-procedure-mutation';
import { describePolicyError } from './policy-error';

/** Publish the draft with a note: in force at once on every host (`policy.publish`). */
export function PublishForm({ files, onPublished }: { files: Record<string, string>; onPublished(version: PolicyVersion): void }) {
  const { t } = useTranslation();
  const publish = useProcedureMutation('policy.publish');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<PolicyVersion | null>(null);
  const [missingNote, setMissingNote] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (note.trim() === '') return setMissingNote(true);
    setMissingNote(false);
    publish.send({ files, note }, (version) => {
      setDone(version);
      setNote('');
      onPublished(version);
    });
  };
  return (
    <form className="policy-publish" onSubmit={submit} aria-labelledby="policy-publish-title" noValidate>
      <h2 id="policy-publish-title" className="visually-hidden">
        {t('policyAdmin.publish')}
      </h2>
      <label className="field">
        <span>{t('policyAdmin.note')}</span>
        <input
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={missingNote || undefined}
          aria-describedby="policy-publish-hint"
        />
      </label>
      <p id="policy-publish-hint" className="muted">
        {t('policyAdmin.publishHint')}
      </p>
      <button type="submit" className="button button-primary" disabled={publish.busy}>
        {publish.busy ? t('policyAdmin.publishing') : t('policyAdmin.publish')}
      </button>
      {missingNote && (
        <p className="form-error" role="alert">
          {t('policyAdmin.noteRequired')}
        </p>
      )}
      {publish.error != null && (
        <p className="form-error" role="alert">
          {describePolicyError(publish.error, t)}
        </p>
      )}
      {done && <p role="status">{t('policyAdmin.published', { version: shortVersion(done.version) })}</p>}
    </form>
  );
}
