import { useTranslation } from 'react-i18next';
import type { AnswerDifference, SimulationResult } from '../../../../shared';
import { shortVersion } from '../../format/bundle-version';
import { formatDateTime } from '../../format/date-time';

const OFFER_STATE = /^(allowed|needs_approval|not_allowed) (\S+) (yuan|days)$/;
const ESCALATION_STATE = /^(escalate|stay) (\d+)$/;

/** The host's plain answer text in words: `allowed 50 yuan` → 可以给 50 元; anything else as it came. */
function useWords() {
  const { t } = useTranslation();
  const item = (d: AnswerDifference) => {
    if (d.item === 'escalation') return t('policyAdmin.item.escalation');
    if (d.item.startsWith('sla.')) return t('policyAdmin.item.sla', { key: d.item.slice(4) });
    return t(`policy.offer.${d.item as 'goodwill'}`, { defaultValue: d.item });
  };
  const state = (text: string) =>
    text
      .split(', ')
      .map((part) => {
        const offer = OFFER_STATE.exec(part);
        if (offer)
          return t('policyAdmin.offerState', {
            status: t(`policy.status.${offer[1] as 'allowed'}`),
            limit: offer[2],
            unit: t(`policyAdmin.unit.${offer[3] as 'yuan'}`),
          });
        const escalation = ESCALATION_STATE.exec(part);
        if (escalation) return t(`policyAdmin.escalationState.${escalation[1] as 'stay'}`, { level: escalation[2] });
        return part;
      })
      .join(', ');
  return { item, state };
}

/** What the draft would change: the counts, then one row per changed decision (case, customer, item, old → new, rules). */
export function SimulationResults({ result }: { result: SimulationResult }) {
  const { t, i18n } = useTranslation();
  const words = useWords();
  return (
    <section className="policy-simulation" aria-labelledby="policy-simulation-title">
      <h2 id="policy-simulation-title">{t('policyAdmin.simulationTitle')}</h2>
      <p role="status" className="policy-simulation-counts">
        {t('policyAdmin.simulationCounts', {
          evaluated: result.evaluated,
          changed: result.changed,
          since: formatDateTime(result.since, i18n.language),
        })}{' '}
        <span className="muted">
          {t('policyAdmin.draftVersion', { version: shortVersion(result.draftVersion) })} ·{' '}
          {t('policyAdmin.simulationElapsed', { seconds: (result.elapsedMs / 1000).toFixed(1) })}
        </span>
      </p>
      {result.changed === 0 && <p>{t('policyAdmin.simulationNone')}</p>}
      {result.decisions.length > 0 && (
        <>
          {result.decisions.length < result.changed && (
            <p className="muted">{t('policyAdmin.simulationShown', { shown: result.decisions.length })}</p>
          )}
          <div className="policy-simulation-scroll" tabIndex={0} role="region" aria-labelledby="policy-simulation-title">
            <table className="policy-simulation-table">
              <thead>
                <tr>
                  <th scope="col">{t('policyAdmin.col.decidedAt')}</th>
                  <th scope="col">{t('policyAdmin.col.case')}</th>
                  <th scope="col">{t('policyAdmin.col.customer')}</th>
                  <th scope="col">{t('policyAdmin.col.offer')}</th>
                  <th scope="col">{t('policyAdmin.col.change')}</th>
                  <th scope="col">{t('policyAdmin.col.rules')}</th>
                </tr>
              </thead>
              <tbody>
                {result.decisions.map((d) => (
                  <tr key={d.decisionId} data-decision-id={d.decisionId}>
                    <td>{formatDateTime(d.decidedAt, i18n.language)}</td>
                    <td>{d.caseNumber}</td>
                    <td>{d.customerName}</td>
                    <td>{d.offer ? t(`policy.offer.${d.offer as 'goodwill'}`, { defaultValue: d.offer }) : t('policyAdmin.noOffer')}</td>
                    <td>
                      <ul className="policy-differences">
                        {d.differences.map((diff) => (
                          <li key={diff.item} data-item={diff.item}>
                            <strong>{words.item(diff)}</strong>: <span className="policy-old">{words.state(diff.old)}</span> →{' '}
                            <span className="policy-new">{words.state(diff.new)}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="policy-rules">
                      {d.oldRules.join(', ') || '—'} → {d.newRules.join(', ') || '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
