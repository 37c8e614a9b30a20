import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseCategory, CasePriority, CaseStatus, type CaseSummary, type CaseView } from '../../../../shared';
import { describeError, isStaleVersion } from '../../errors/describe-error';
import { EnumField } from '../../ui/EnumField';
import { Field } from '../../ui/Field';
import { useProcedureMutation } from '../../state/use-procedure-mutation';

interface Fields {
  title: string;
  category: CaseCategory;
  priority: CasePriority;
  status: CaseStatus;
}
type Baseline = Fields & { version: number };

const pick = (c: CaseSummary): Baseline => ({
  title: c.title,
  category: c.category,
  priority: c.priority,
  status: c.status,
  version: c.version,
});

/** Only what the agent changed travels, so a save never rewrites a field with the value it already had. */
function changedFields(base: Fields, fields: Fields): Partial<Fields> {
  const out: Partial<Fields> = {};
  if (fields.title.trim() !== base.title) out.title = fields.title.trim();
  if (fields.category !== base.category) out.category = fields.category;
  if (fields.priority !== base.priority) out.priority = fields.priority;
  if (fields.status !== base.status) out.status = fields.status;
  return out;
}

type Message = { tone: 'ok' | 'error' | 'conflict'; text: string };

interface CaseFieldsFormProps {
  view: CaseView;
  reload(): Promise<CaseView | null>;
  /** The case changed (here, or elsewhere as a conflict showed): the desk re-reads the customer. */
  onChanged(): void;
}

/**
 * Title, category, priority and status, changed against the version the agent was looking at. If
 * someone else changed the case first, the host refuses; the agent is told so in plain words, the
 * case is read again, and the agent's own edits stay in the form to be checked and saved again.
 */
export function CaseFieldsForm({ view, reload, onChanged }: CaseFieldsFormProps) {
  const { t } = useTranslation();
  const update = useProcedureMutation('cases.update').call;
  const [base, setBase] = useState<Baseline>(() => pick(view));
  const [fields, setFields] = useState<Fields>(() => pick(view));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const changes = changedFields(base, fields);
  const dirty = Object.keys(changes).length > 0;

  // The case moved on elsewhere. Follow it while the agent has not started editing; once they have,
  // the base stays where they began, so their save meets the conflict instead of silently winning.
  useEffect(() => {
    if (view.version === base.version) return;
    if (!dirty) {
      const next = pick(view);
      setBase(next);
      setFields(next);
    }
    // Only a newer case matters here; the form's own state is read as it stands.
  }, [view.version]);

  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => {
    setFields((current) => ({ ...current, [key]: value }));
    setMessage(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (fields.title.trim().length === 0) return setMessage({ tone: 'error', text: t('issue.required', { field: t('field.title') }) });
    if (!dirty) return setMessage({ tone: 'error', text: t('issue.nothing_to_change') });
    setBusy(true);
    setMessage(null);
    try {
      const saved = await update({ id: view.id, version: base.version, ...changes });
      const next = pick(saved);
      setBase(next);
      setFields(next);
      setMessage({ tone: 'ok', text: t('caseEdit.saved') });
      onChanged();
    } catch (error) {
      if (!isStaleVersion(error)) {
        setMessage({ tone: 'error', text: describeError(error, t) });
        return;
      }
      const fresh = await reload();
      if (fresh) {
        const next = pick(fresh);
        setBase(next);
        setFields({ ...next, ...changes });
      }
      const by = fresh?.changes[0]?.actor;
      setMessage({
        tone: 'conflict',
        text: by ? t('caseEdit.conflictBy', { name: by.name, employeeNo: by.employeeNo }) : t('caseEdit.conflict'),
      });
      onChanged();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="case-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="case-form-title">
      <h3 id="case-form-title" className="case-section-title">
        {t('caseEdit.heading')}
      </h3>
      <Field label={t('caseEdit.title')} invalid={fields.title.trim().length === 0}>
        {(props) => (
          <input
            {...props}
            className="input"
            value={fields.title}
            maxLength={120}
            autoComplete="off"
            onChange={(e) => set('title', e.target.value)}
          />
        )}
      </Field>
      <div className="field-row">
        <EnumField
          label={t('caseEdit.status')}
          value={fields.status}
          schema={CaseStatus}
          optionLabel={(option) => t(`status.${option}`)}
          onChange={(v) => set('status', v)}
        />
        <EnumField
          label={t('caseEdit.priority')}
          value={fields.priority}
          schema={CasePriority}
          optionLabel={(option) => t(`priority.${option}`)}
          onChange={(v) => set('priority', v)}
        />
      </div>
      <EnumField
        label={t('caseEdit.category')}
        value={fields.category}
        schema={CaseCategory}
        optionLabel={(option) => t(`category.${option}`)}
        onChange={(v) => set('category', v)}
      />
      {message && (
        <p className={`form-message form-message-${message.tone}`} role={message.tone === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <div className="case-form-actions">
        <button
          type="button"
          className="button"
          disabled={!dirty || busy}
          onClick={() => {
            setFields(base);
            setMessage(null);
          }}
        >
          {t('caseEdit.undo')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {busy ? t('caseEdit.saving') : t('caseEdit.save')}
        </button>
      </div>
    </form>
  );
}
