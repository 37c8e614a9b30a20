import { Field } from './Field';

interface ReasonFieldProps {
  label: string;
  value: string;
  placeholder: string;
  invalid: boolean;
  onChange(value: string): void;
}

/** The short "why" an inline form asks for first (a reason to approve, keep, cancel or move a promise): two lines, focused. */
export function ReasonField({ label, value, placeholder, invalid, onChange }: ReasonFieldProps) {
  return (
    <Field label={label} invalid={invalid}>
      {(props) => (
        <textarea
          {...props}
          className="input input-multiline"
          rows={2}
          value={value}
          autoFocus
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
