import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinnedFact } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { formatDay } from '../../format/date-time';

interface FactItemProps {
  fact: PinnedFact;
  caseNumber: string | undefined;
  onUnpin?: (id: string) => Promise<void>;
}

/** One pinned fact with who pinned it and when. Unpinning asks once, in place, so a stray click costs nothing. */
export function FactItem({ fact, caseNumber, onUnpin }: FactItemProps) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const unpin = () => {
    if (!onUnpin) return;
    setBusy(true);
    setError(null);
    onUnpin(fact.id)
      .catch((e: unknown) => setError(e))
      .finally(() => {
        setBusy(false);
        setConfirming(false);
      });
  };

  return (
    <li className="fact" data-fact-id={fact.id}>
      <p className="fact-text">{fact.body}</p>
      <p className="fact-meta">
        <span data-employee-no={fact.author.employeeNo}>
          {t('timeline.agent', { name: fact.author.name, employeeNo: fact.author.employeeNo })}
        </span>
        <time dateTime={fact.createdAt}>{formatDay(fact.createdAt, i18n.language)}</time>
        {caseNumber && <span className="case-number">{caseNumber}</span>}
        {onUnpin &&
          (confirming ? (
            <span className="fact-confirm" role="group" aria-label={t('fact.unpinConfirm')}>
              {t('fact.unpinConfirm')}
              <button type="button" className="link-button link-button-danger" onClick={unpin} disabled={busy} autoFocus>
                {t('fact.unpinYes')}
              </button>
              <button type="button" className="link-button" onClick={() => setConfirming(false)} disabled={busy}>
                {t('fact.unpinNo')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="link-button fact-unpin"
              onClick={() => setConfirming(true)}
              aria-label={t('fact.unpinLabel', { text: fact.body })}
            >
              {t('fact.unpin')}
            </button>
          ))}
      </p>
      {error !== null && (
        <p className="fact-error" role="alert">
          {t('fact.unpinFailed', { reason: describeError(error, t) })}
        </p>
      )}
    </li>
  );
}
