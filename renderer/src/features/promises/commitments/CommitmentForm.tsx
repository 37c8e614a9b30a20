import { RadioGroup } from 'radix-ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AppError,
  CommitmentKind,
  OfferKind,
  type PolicyAnswer,
  type ProcedureOutput,
  type SuppliedFacts,
  WORDING_MAX_CHARS,
} from '../../../../../shared';
import { fieldsAtFault } from '../../../errors/describe-error';
import { formatAmount, unitOf } from '../../../format/amount';
import { formatDayTime } from '../../../format/date-time';
import { fromLocalInput } from '../../../format/datetime-input';
import { useServerNow } from '../../../state/server-clock';
import { Field } from '../../../ui/Field';
import { describeCommitmentError } from './describe-commitment-error';
import { parseAmount } from './parse-amount';
import type { CommitmentPrefill } from './prefill';
import { useProcedureMutation } from '../../../state/use-procedure-mutation';

export type CreatedCommitment = ProcedureOutput<'commitments.create'>;
import { FormFooter } from '../../../ui/FormFooter';

type SmsLocale = 'zh-CN' | 'en';
const SMS_LOCALES: readonly SmsLocale[] = ['zh-CN', 'en'];
const HOUR = 3_600_000;

function grantOf(kind: CommitmentKind): OfferKind | null {
  const parsed = OfferKind.safeParse(kind);
  return parsed.success ? parsed.data : null;
}

interface CommitmentFormProps {
  caseId: string;
  answer: PolicyAnswer | null;
  supplied: SuppliedFacts;
  prefill: CommitmentPrefill;
  onCreated(result: CreatedCommitment): void;
  onBack(): void;
}

/**
 * A promise to the customer: what kind, the exact words they will read, when it is due (the policy's
 * time limit unless the agent sets one), and how much for a grant. The host checks it against policy
 * and the agent's authority, records it, and writes the confirmation SMS.
 */
export function CommitmentForm({ caseId, answer, supplied, prefill, onCreated, onBack }: CommitmentFormProps) {
  const { t, i18n } = useTranslation();
  const create = useProcedureMutation('commitments.create').call;
  const serverNow = useServerNow();
  const [kind, setKind] = useState<CommitmentKind>(prefill.kind);
  const [locale, setLocale] = useState<SmsLocale>('zh-CN');
  const [amountText, setAmountText] = useState(prefill.amount === null ? '' : String(prefill.amount));
  const suggest = (k: CommitmentKind, amount: string, lng: SmsLocale) => {
    const grant = grantOf(k);
    const value = parseAmount(amount);
    return grant && value !== null ? t(`promise.suggest.${grant}`, { count: value, lng }) : '';
  };
  const [wording, setWording] = useState(() => suggest(prefill.kind, amountText, 'zh-CN'));
  // The suggested words follow the kind, amount and language until the agent writes their own.
  const [ownWords, setOwnWords] = useState(false);
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const grant = grantOf(kind);
  const offer = grant ? (answer?.offers.find((o) => o.offer === grant) ?? null) : null;
  const amount = grant ? parseAmount(amountText) : null;
  const faulty = fieldsAtFault(error);
  const length = [...wording.trim()].length;

  const change = (next: { kind?: CommitmentKind; amount?: string; locale?: SmsLocale }) => {
    const k = next.kind ?? kind;
    const a = next.amount ?? amountText;
    const l = next.locale ?? locale;
    if (next.kind !== undefined) setKind(k);
    if (next.amount !== undefined) setAmountText(a);
    if (next.locale !== undefined) setLocale(l);
    if (!ownWords) setWording(suggest(k, a, l));
    setError(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const dueAt = fromLocalInput(due);
    if (due && !dueAt) return setError(new AppError('invalid_input', 'dueAt', [{ path: 'dueAt', message: 'required' }]));
    const fromOffer = grant && prefill.fromOffer === grant ? grant : null;
    setBusy(true);
    setError(null);
    create({
      caseId,
      kind,
      wording,
      locale,
      supplied,
      ...(dueAt ? { dueAt } : {}),
      ...(amount !== null ? { amount } : {}),
      ...(fromOffer ? { fromOffer } : {}),
    })
      .then(onCreated)
      .catch(setError)
      .finally(() => setBusy(false));
  };

  const sla = answer?.sla;
  const slaRule = answer?.ruleIds.sla?.[0];
  const defaultHours = sla ? (kind === 'callback' ? sla.callbackHours : sla.resolutionHours) : null;

  return (
    <form className="promise-form" onSubmit={submit} noValidate aria-label={t('promise.title')}>
      <div className="field-row">
        <Field label={t('promise.kind')}>
          {(props) => (
            <select {...props} className="input" value={kind} onChange={(e) => change({ kind: CommitmentKind.parse(e.target.value) })}>
              {CommitmentKind.options.map((option) => (
                <option key={option} value={option}>
                  {t(`commitment.kind.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {grant && (
          <Field label={t(unitOf(grant) === 'days' ? 'promise.days' : 'promise.amount')} invalid={faulty.has('amount')}>
            {(props) => (
              <input
                {...props}
                className="input input-amount"
                type="number"
                step={1}
                min={0}
                value={amountText}
                aria-describedby="promise-amount-hint"
                onChange={(e) => change({ amount: e.target.value })}
              />
            )}
          </Field>
        )}
      </div>
      {grant && (
        <p id="promise-amount-hint" className="promise-hint">
          {offer
            ? t('promise.amountHint', {
                status: t(`policy.status.${offer.status}`),
                limit: formatAmount(offer.limit, offer.unit, t),
                authority: formatAmount(offer.authorityLimit, offer.unit, t),
                rule: offer.ruleId,
              })
            : t('promise.noOffer')}
        </p>
      )}
      <Field label={t('promise.wording')} invalid={faulty.has('wording')}>
        {(props) => (
          <textarea
            {...props}
            className="input input-multiline"
            rows={3}
            value={wording}
            autoFocus
            placeholder={t('promise.wordingPlaceholder')}
            aria-describedby="promise-wording-counter"
            onChange={(e) => {
              setWording(e.target.value);
              // Emptied, the box takes suggestions again.
              setOwnWords(e.target.value.trim() !== '');
              setError(null);
            }}
          />
        )}
      </Field>
      <p id="promise-wording-counter" className={`field-hint${length > WORDING_MAX_CHARS ? ' field-hint-over' : ''}`}>
        {t('promise.counter', { count: length, max: WORDING_MAX_CHARS })}
      </p>
      <div className="field-row">
        <Field label={t('promise.dueAt')} invalid={faulty.has('dueAt')}>
          {(props) => (
            <input
              {...props}
              className="input"
              type="datetime-local"
              value={due}
              aria-describedby="promise-due-hint"
              onChange={(e) => {
                setDue(e.target.value);
                setError(null);
              }}
            />
          )}
        </Field>
        <fieldset className="field">
          <legend className="field-label">{t('promise.locale')}</legend>
          <RadioGroup.Root
            className="segmented"
            aria-label={t('promise.locale')}
            value={locale}
            orientation="horizontal"
            onValueChange={(value) => {
              const next = SMS_LOCALES.find((l) => l === value);
              if (next) change({ locale: next });
            }}
          >
            {SMS_LOCALES.map((option) => (
              <RadioGroup.Item key={option} value={option} className="segmented-item">
                {t(`promise.localeName.${option}`)}
              </RadioGroup.Item>
            ))}
          </RadioGroup.Root>
        </fieldset>
      </div>
      <p id="promise-due-hint" className="promise-hint">
        {due
          ? t('promise.dueSet')
          : defaultHours !== null
            ? t('promise.dueDefault', {
                what: t(kind === 'callback' ? 'promise.dueWhat.callback' : 'promise.dueWhat.resolution'),
                hours: defaultHours,
                rule: slaRule ?? '—',
                when: formatDayTime(new Date(Date.parse(serverNow()) + defaultHours * HOUR).toISOString(), i18n.language),
              })
            : t('promise.dueDefaultUnknown')}
      </p>
      <FormFooter
        error={error !== null ? describeCommitmentError(error, t, offer, amount) : null}
        busy={busy}
        busyLabel={t('promise.saving')}
        submitLabel={t('promise.submit')}
        onCancel={onBack}
        cancelLabel={t('promise.back')}
      />
    </form>
  );
}
