import { Checkbox } from 'radix-ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary, Contact } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { formatDateTime } from '../../format/date-time';
import { newestFirst } from '../../format/cases';
import { useClient } from '../../state/client-context';
import { useMutationAttempt } from '../../state/use-mutation-attempt';
import { FormDialog } from '../../ui/FormDialog';

interface LinkContactDialogProps {
  contact: Contact | null;
  cases: readonly CaseSummary[];
  onClose(): void;
  onLinked(contact: Contact): void;
}

/** A call is often about more than one thing: link it to more of the customer's cases. Links are only ever added. */
export function LinkContactDialog({ contact, cases, onClose, onLinked }: LinkContactDialogProps) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const attempt = useMutationAttempt();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const linked = new Set(contact?.cases.map((c) => c.id) ?? []);

  useEffect(() => {
    setChosen(new Set());
    setError(null);
  }, [contact?.id]);

  const toggle = (caseId: string, on: boolean) => {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(caseId);
      else next.delete(caseId);
      return next;
    });
    setError(null);
  };

  const submit = () => {
    if (!contact) return;
    if (chosen.size === 0) return setError(t('link.chooseOne'));
    const input = { contactId: contact.id, caseIds: [...chosen].sort() };
    setBusy(true);
    setError(null);
    client
      .call('contacts.link', input, { mutationId: attempt.idFor(JSON.stringify(input)) })
      .then((updated) => {
        attempt.succeeded();
        onLinked(updated);
        onClose();
      })
      .catch((e: unknown) => setError(describeError(e, t)))
      .finally(() => setBusy(false));
  };

  return (
    <FormDialog
      open={contact !== null}
      onOpenChange={(open) => !open && onClose()}
      title={t('link.title')}
      description={
        contact ? t('link.description', { when: formatDateTime(contact.startedAt, i18n.language), name: contact.agent.name }) : ''
      }
      submitLabel={busy ? t('link.saving') : t('link.submit')}
      busy={busy}
      error={error}
      onSubmit={submit}
    >
      <fieldset className="field">
        <legend className="field-label">{t('link.cases')}</legend>
        <ul className="check-list">
          {newestFirst(cases).map((c) => {
            const already = linked.has(c.id);
            const id = `link-case-${c.id}`;
            return (
              <li key={c.id} className="check-item">
                <Checkbox.Root
                  id={id}
                  className="checkbox"
                  checked={already || chosen.has(c.id)}
                  disabled={already || busy}
                  onCheckedChange={(value) => toggle(c.id, value === true)}
                >
                  <Checkbox.Indicator className="checkbox-mark">✓</Checkbox.Indicator>
                </Checkbox.Root>
                <label htmlFor={id} className="check-label">
                  <span className="case-number">{c.number}</span> {c.title}
                  <span className="check-note">{already ? t('link.already') : t(`status.${c.status}`)}</span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </FormDialog>
  );
}
