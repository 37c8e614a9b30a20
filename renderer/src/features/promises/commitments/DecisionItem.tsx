import { Collapsible } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type Decision, Offer } from '../../../../../shared';
import { formatAmount } from '../../../format/amount';
import { BundleVersion } from '../offers/BundleVersion';
import { PolicyFactList } from '../offers/PolicyFactList';
import { RuleIds } from '../offers/RuleIds';
import { AgentName, When } from '../../../ui/EntryParts';
import { decisionAction } from './decision-action';

/** The stored answer is the host's; only its offers are read here, and an answer of another shape shows none. */
const StoredAnswer = z.object({ offers: z.array(Offer) });

/**
 * One decision already taken on this case: what was done, by whom and when, under which policy version,
 * the rules that fired and what was on offer then, and (on request) the facts it was taken on.
 */
export function DecisionItem({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const stored = StoredAnswer.safeParse(d.answer);
  const offers = stored.success ? stored.data.offers : [];
  return (
    <li className="decision" data-decision-id={d.id} data-action={d.action}>
      <div className="entry-head">
        <span className="decision-action">{decisionAction(d.action, t)}</span>
        <When at={d.createdAt} />
        <AgentName agent={d.actor} />
        <BundleVersion version={d.bundleVersion} />
      </div>
      {offers.length > 0 && (
        <ul className="decision-offers" aria-label={t('decision.offersThen')}>
          {offers.map((o) => (
            <li key={`${o.offer}-${o.ruleId}`} className={`decision-offer decision-offer-${o.status}`}>
              {t(`policy.offer.${o.offer}`)} · {t(`policy.status.${o.status}`)}
              {o.status !== 'not_allowed' && ` · ${t('policy.upTo', { amount: formatAmount(o.limit, o.unit, t) })}`}
            </li>
          ))}
        </ul>
      )}
      <RuleIds ruleIds={d.ruleIds} />
      <Collapsible.Root open={open} onOpenChange={setOpen}>
        <Collapsible.Trigger className="link-button why-trigger">
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('decision.facts')}
        </Collapsible.Trigger>
        <Collapsible.Content className="why-body">
          <PolicyFactList facts={d.facts} />
        </Collapsible.Content>
      </Collapsible.Root>
    </li>
  );
}
