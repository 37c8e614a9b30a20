import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { useProcedureQuery } from '../../state/queries';
import { RetryError } from '../../ui/RetryError';
import { AuditChainStatus } from './AuditChainStatus';
import { AuditEntryList } from './AuditEntryList';
import { type AuditTarget, auditHref, auditTargetOf } from './audit-target';

const PAGE = 50;

/** The case or person asked for does not exist: said as such, with nothing to retry. */
const isNotFound = (error: unknown) => error instanceof AppError && error.code === 'not_found';

/** The target named in the address; follows Back and links (a case view's "audit trail"). */
function useAuditTarget(): [AuditTarget | null, (target: AuditTarget) => void] {
  const [target, setTarget] = useState(() => auditTargetOf(window.location.hash));
  useEffect(() => {
    const onHash = () => setTarget(auditTargetOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [
    target,
    (next) => {
      window.location.hash = auditHref(next);
      setTarget(next);
    },
  ];
}

/** One page of a target's trail, newest first; `before` is the cursor of an older page. */
function useTrail(target: AuditTarget | null, before: number | undefined) {
  const paging = { limit: PAGE, ...(before !== undefined ? { before } : {}) };
  const forCase = useProcedureQuery('audit.forCase', target?.kind === 'case' ? { case: target.ref, ...paging } : null, { staleTime: 0 });
  const forPerson = useProcedureQuery('audit.forPerson', target?.kind === 'person' ? { employeeNo: target.employeeNo, ...paging } : null, {
    staleTime: 0,
  });
  return target?.kind === 'person' ? forPerson : forCase;
}

/** The audit trail (`#/audit`): pick a case or a person, see who did what with old → new, and whether the chain is intact. */
export function AuditTrail() {
  const { t } = useTranslation();
  const [target, show] = useAuditTarget();
  const [kind, setKind] = useState<AuditTarget['kind']>(target?.kind ?? 'case');
  const [text, setText] = useState(target ? (target.kind === 'case' ? target.ref : target.employeeNo) : '');
  const [missing, setMissing] = useState(false);
  // Older pages: the cursors that led here, so "newest" and "older" move along them.
  const [cursors, setCursors] = useState<number[]>([]);
  const before = cursors[cursors.length - 1];
  const { data, error, refetch } = useTrail(target, before);

  useEffect(() => {
    setCursors([]);
    if (target) {
      setKind(target.kind);
      setText(target.kind === 'case' ? target.ref : target.employeeNo);
    }
  }, [target]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = text.trim();
    setMissing(value === '');
    if (value === '') return;
    show(kind === 'case' ? { kind: 'case', ref: value } : { kind: 'person', employeeNo: value });
  };

  const heading = data
    ? 'case' in data
      ? t('audit.forCase', { number: data.case.number, title: data.case.title })
      : t('audit.forPerson', { name: data.person.name, employeeNo: data.person.employeeNo })
    : null;

  return (
    <section className="audit-trail" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <p className="muted">{t('audit.intro')}</p>
      <div className="audit-layout">
        <div className="audit-side">
          <form className="audit-pick panel" onSubmit={submit} noValidate>
            <fieldset className="audit-kind">
              <legend>{t('audit.pick')}</legend>
              {(['case', 'person'] as const).map((k) => (
                <label key={k} className="audit-kind-choice">
                  <input type="radio" name="audit-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                  {t(k === 'case' ? 'audit.byCase' : 'audit.byPerson')}
                </label>
              ))}
            </fieldset>
            <label className="field">
              <span className="field-label">{t(kind === 'case' ? 'audit.caseField' : 'audit.personField')}</span>
              <input
                className="input"
                name="audit-ref"
                value={text}
                onChange={(e) => setText(e.target.value)}
                inputMode={kind === 'person' ? 'numeric' : 'text'}
                aria-invalid={missing || undefined}
                aria-describedby={missing ? 'audit-required' : undefined}
                autoComplete="off"
              />
            </label>
            {missing && (
              <p id="audit-required" className="form-error" role="alert">
                {t('audit.required')}
              </p>
            )}
            <button type="submit" className="button button-primary">
              {t('audit.show')}
            </button>
          </form>
          <AuditChainStatus />
        </div>
        <div className="audit-main panel" aria-busy={target !== null && !data && !error}>
          {heading && <h2 className="audit-section-title">{heading}</h2>}
          {target && !data && !error && <p className="muted">{t('audit.loading')}</p>}
          {error != null && target && isNotFound(error) && (
            <p className="form-error" role="alert">
              {target.kind === 'case'
                ? t('audit.notFoundCase', { ref: target.ref })
                : t('audit.notFoundPerson', { employeeNo: target.employeeNo })}
            </p>
          )}
          {error != null && !isNotFound(error) && (
            <RetryError onRetry={() => void refetch()}>{t('audit.failed', { reason: describeError(error, t) })}</RetryError>
          )}
          {data && data.entries.length === 0 && <p className="muted">{t('audit.none')}</p>}
          {data && data.entries.length > 0 && <AuditEntryList entries={data.entries} />}
          {data && (cursors.length > 0 || data.next !== null) && (
            <div className="audit-paging">
              <button type="button" className="button" disabled={cursors.length === 0} onClick={() => setCursors([])}>
                {t('audit.newer')}
              </button>
              <span className="muted">{t('audit.page', { page: cursors.length + 1 })}</span>
              <button
                type="button"
                className="button"
                disabled={data.next === null}
                onClick={() => data.next !== null && setCursors([...cursors, data.next])}
              >
                {t('audit.older')}
              </button>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
