import type { Ref } from 'react';
import { Field } from './Field';

interface CredentialFieldsProps {
  labels: { employeeNo: string; password: string };
  employeeNo: string;
  password: string;
  onEmployeeNo(value: string): void;
  onPassword(value: string): void;
  invalid?: boolean;
  required?: boolean;
  employeeRef?: Ref<HTMLInputElement>;
  passwordRef?: Ref<HTMLInputElement>;
}

/**
 * Employee number and password, as every sign-in asks them (the browser's page, the desk's team-server
 * sign-in and its unlock): autocomplete hints so password managers fill them, a numeric keypad for the number.
 */
export function CredentialFields(props: CredentialFieldsProps) {
  return (
    <>
      <Field label={props.labels.employeeNo} invalid={props.invalid}>
        {(field) => (
          <input
            {...field}
            ref={props.employeeRef}
            name="username"
            className="input"
            inputMode="numeric"
            autoComplete="username"
            value={props.employeeNo}
            onChange={(e) => props.onEmployeeNo(e.target.value)}
            required={props.required}
          />
        )}
      </Field>
      <Field label={props.labels.password} invalid={props.invalid}>
        {(field) => (
          <input
            {...field}
            ref={props.passwordRef}
            name="password"
            type="password"
            className="input"
            autoComplete="current-password"
            value={props.password}
            onChange={(e) => props.onPassword(e.target.value)}
            required={props.required}
          />
        )}
      </Field>
    </>
  );
}
