import { Collapsible } from 'radix-ui';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyAnswer } from '../../../../../shared';
import { BundleVersion } from './BundleVersion';
import { PolicyFactList } from './PolicyFactList';
import { RuleIds } from './RuleIds';

/**
 * "Why?": every rule that fired, table by table, the time limits, the facts read, and the exact policy version.
 * `children` sit on the bar beside the trigger (the version, actions).
 */
export function WhyDetails({ answer, children }: { answer: PolicyAnswer; children?: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const body = useRef<HTMLDivElement>(null);
  // Opened at the foot of a long panel, the answer would unfold out of sight.
  useEffect(() => {
    if (open) body.current?.scrollIntoView({ block: 'nearest' });
  }, [open]);
  const { sla } = answer;
  return (
    <Collapsible.Root className="why" open={open} onOpenChange={setOpen}>
      <div className="why-bar">
        <Collapsible.Trigger className="link-button why-trigger">
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('policy.why')}
        </Collapsible.Trigger>
        {children}
      </div>
      <Collapsible.Content className="why-body" ref={body}>
        <section aria-labelledby={`${id}-rules`}>
          <h4 id={`${id}-rules`} className="why-heading">
            {t('policy.rulesFired')}
          </h4>
          <RuleIds ruleIds={answer.ruleIds} />
        </section>
        <section aria-labelledby={`${id}-sla`}>
          <h4 id={`${id}-sla`} className="why-heading">
            {t('policy.slaHeading')}
          </h4>
          <p className="why-sla">
            {t('policy.slaLine', {
              first: sla.firstResponseHours,
              callback: sla.callbackHours,
              resolution: sla.resolutionHours,
              grace: sla.graceHours,
            })}
          </p>
        </section>
        <section aria-labelledby={`${id}-facts`}>
          <h4 id={`${id}-facts`} className="why-heading">
            {t('policy.factsUsed')}
          </h4>
          <PolicyFactList facts={answer.facts} />
        </section>
        <p className="why-version">
          <BundleVersion version={answer.bundleVersion} copy />
        </p>
      </Collapsible.Content>
    </Collapsible.Root>
  );
}
