import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseCategory, CasePriority, type CaseSummary } from '../../../../shared';
import { describeError, fieldsAtFault } from '../../errors/describe-error';
import { useClient } from '../../state/client-context';
import { useMutationAttempt } from '../../state/use-mutation-attempt';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';

interface CreateCaseDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  customerId: string;
  customerName: string;
  onCreated(created: CaseSummary): void;
}

export function CreateCaseDialog({ open, onOpenChange, customerId, customerName, onCreated }: CreateCaseDialogProps) {
  const { t } = useTranslation();
  const client = useClient();
  const attempt = useMutationAttempt();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<CaseCategory>('other');
  const [priority, setPriority] = useState<CasePriority>('normal');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const faulty = fieldsAtFault(error);

  const submit = () => {
    const input = { customerId, title, category, priority };
    setBusy(true);
    setError(null);
    client
      .call('cases.create', input, { mutationId: attempt.idFor(JSON.stringify(input)) })
      .then((created) => {
        attempt.succeeded();
        setTitle('');
        onOpenChange(false);
        onCreated(created);
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('createCase.title')}
      description={t('createCase.description', { name: customerName })}
      submitLabel={busy ? t('createCase.saving') : t('createCase.submit')}
      busy={busy}
      error={error ? describeError(error, t) : null}
      onSubmit={submit}
    >
      <Field label={t('createCase.caseTitle')} invalid={faulty.has('title')}>
        {(props) => (
          <input
            {...props}
            className="input"
            value={title}
            maxLength={120}
            autoComplete="off"
            autoFocus
            placeholder={t('createCase.caseTitlePlaceholder')}
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </Field>
      <div className="field-row">
        <Field label={t('createCase.category')}>
          {(props) => (
            <select {...props} className="input" value={category} onChange={(e) => setCategory(CaseCategory.parse(e.target.value))}>
              {CaseCategory.options.map((option) => (
                <option key={option} value={option}>
                  {t(`category.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('createCase.priority')}>
          {(props) => (
            <select {...props} className="input" value={priority} onChange={(e) => setPriority(CasePriority.parse(e.target.value))}>
              {CasePriority.options.map((option) => (
                <option key={option} value={option}>
                  {t(`priority.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </FormDialog>
  );
}
