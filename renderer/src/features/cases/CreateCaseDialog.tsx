import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseCategory, CasePriority, type CaseSummary } from '../../../../shared';
import { describeError, fieldsAtFault } from '../../errors/describe-error';
import { useProcedureMutation } from '../../state/use-procedure-mutation';
import { EnumField } from '../../ui/EnumField';
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
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<CaseCategory>('other');
  const [priority, setPriority] = useState<CasePriority>('normal');
  const { busy, error, send } = useProcedureMutation('cases.create');
  const faulty = fieldsAtFault(error);

  const submit = () =>
    send({ customerId, title, category, priority }, (created) => {
      setTitle('');
      onOpenChange(false);
      onCreated(created);
    });

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
        <EnumField
          label={t('createCase.category')}
          value={category}
          schema={CaseCategory}
          optionLabel={(option) => t(`category.${option}`)}
          onChange={setCategory}
        />
        <EnumField
          label={t('createCase.priority')}
          value={priority}
          schema={CasePriority}
          optionLabel={(option) => t(`priority.${option}`)}
          onChange={setPriority}
        />
      </div>
    </FormDialog>
  );
}
