import { Checkbox } from 'radix-ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseCategory } from '../../../../shared';
import { describeError, type FieldLabels, fieldsAtFault } from '../../errors/describe-error';
import { fromLocalInput, toLocalInput } from '../../format/datetime-input';
import { useProcedureMutation } from '../../state/use-procedure-mutation';
import { Field } from '../../ui/Field';
import { FormFooter } from '../../ui/FormFooter';

/**
 * Records a known incident: what is broken, which case categories it touches, from when (and until
 * when, if known), and the words agents may say. The host checks every field and the window; its
 * answer is shown as it comes, field by field.
 */
export function IncidentForm({ onDone, onCancel }: { onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { busy, error, send } = useProcedureMutation('incidents.create');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [categories, setCategories] = useState<ReadonlySet<CaseCategory>>(new Set());
  const [startsAt, setStartsAt] = useState(() => toLocalInput(new Date()));
  const [endsAt, setEndsAt] = useState('');
  const [guidance, setGuidance] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const faulty = fieldsAtFault(error);
  const labels = {
    title: t('incident.fieldTitle'),
    description: t('incident.fieldDescription'),
    categories: t('incident.fieldCategories'),
    guidance: t('incident.fieldGuidance'),
    startsAt: t('incident.fieldStarts'),
    endsAt: t('incident.fieldEnds'),
  } satisfies FieldLabels;

  const toggle = (category: CaseCategory, on: boolean) =>
    setCategories((current) => {
      const next = new Set(current);
      if (on) next.add(category);
      else next.delete(category);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const start = fromLocalInput(startsAt);
    const end = fromLocalInput(endsAt);
    if (!start) return setProblem(t('issue.required', { field: labels.startsAt }));
    if (endsAt && !end) return setProblem(t('incident.badEnd'));
    setProblem(null);
    const input = {
      title,
      description,
      guidance,
      categories: CaseCategory.options.filter((c) => categories.has(c)),
      startsAt: start,
      endsAt: end,
    };
    send(input, onDone);
  };

  const message = problem ?? (error ? describeError(error, t, labels) : null);
  return (
    <form className="dialog-form incident-form" onSubmit={submit} noValidate>
      <Field label={labels.title} invalid={faulty.has('title')}>
        {(props) => (
          <input
            {...props}
            className="input"
            value={title}
            maxLength={120}
            autoComplete="off"
            autoFocus
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </Field>
      <Field label={labels.description} invalid={faulty.has('description')}>
        {(props) => (
          <textarea
            {...props}
            className="input input-multiline"
            rows={2}
            value={description}
            placeholder={t('incident.descriptionPlaceholder')}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <fieldset className="field" aria-invalid={faulty.has('categories') || undefined}>
        <legend className="field-label">{labels.categories}</legend>
        <ul className="check-grid">
          {CaseCategory.options.map((category) => {
            const id = `incident-category-${category}`;
            return (
              <li key={category} className="check-item">
                <Checkbox.Root
                  id={id}
                  className="checkbox"
                  checked={categories.has(category)}
                  onCheckedChange={(value) => toggle(category, value === true)}
                >
                  <Checkbox.Indicator className="checkbox-mark">✓</Checkbox.Indicator>
                </Checkbox.Root>
                <label htmlFor={id} className="check-label">
                  {t(`category.${category}`)}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="field-row">
        <Field label={labels.startsAt} invalid={faulty.has('startsAt')}>
          {(props) => (
            <input {...props} className="input" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
          )}
        </Field>
        <Field label={t('incident.fieldEndsOptional')} invalid={faulty.has('endsAt')}>
          {(props) => (
            <input {...props} className="input" type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
          )}
        </Field>
      </div>
      <Field label={labels.guidance} invalid={faulty.has('guidance')}>
        {(props) => (
          <textarea
            {...props}
            className="input input-multiline"
            rows={3}
            value={guidance}
            placeholder={t('incident.guidancePlaceholder')}
            onChange={(e) => setGuidance(e.target.value)}
          />
        )}
      </Field>
      <FormFooter error={message} busy={busy} busyLabel={t('incident.saving')} submitLabel={t('incident.submit')} onCancel={onCancel} />
    </form>
  );
}
