import { Checkbox } from 'radix-ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary, Contact } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { formatDateTime } from '../../format/date-time';
import { newestFirst } from '../../format/cases';
import { useProcedureMutation } from '../../state/use-procedure-mutation';
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
  const link = useProcedureMutation('contacts.link');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const busy = link.busy;
  const error = problem ?? (link.error ? describeError(link.error, t) : null);
  const linked = new Set(contact?.cases.map((c) => c.id) ?? []);

  useEffect(() => {
    setChosen(new Set());
    setProblem(null);
    link.setError(null);
  }, [contact?.id]);

  const toggle = (caseId: string, on: boolean) => {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(caseId);
      else next.delete(caseId);
      return next;
    });
    setProblem(null);
  };

  const submit = () => {
    if (!contact) return;
    if (chosen.size === 0) return setProblem(t('link.chooseOne'));
    setProblem(null);
    link.send({ contactId: contact.id, caseIds: [...chosen].sort() }, (updated) => {
      onLinked(updated);
      onClose();
    });
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
