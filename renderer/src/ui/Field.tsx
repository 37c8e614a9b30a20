import { type ReactNode, useId } from 'react';

interface FieldProps {
  label: string;
  invalid?: boolean;
  children(props: { id: string; 'aria-invalid': boolean | undefined }): ReactNode;
}

/** A labelled form control; the label is always visible, never only a placeholder. */
export function Field({ label, invalid, children }: FieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children({ id, 'aria-invalid': invalid || undefined })}
    </div>
  );
}
