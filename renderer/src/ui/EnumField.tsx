import { Field } from './Field';

/** What a zod enum offers: its values in order, and a check that turns a chosen string back into one. */
interface EnumSchema<T extends string> {
  options: readonly T[];
  parse(value: unknown): T;
}

interface EnumFieldProps<T extends string> {
  label: string;
  schema: EnumSchema<T>;
  value: NoInfer<T>;
  /** Each option's words; the value sent stays the option itself. */
  optionLabel(option: NoInfer<T>): string;
  onChange(value: NoInfer<T>): void;
}

/** A labelled choice among an enum's values, the same wherever a case's category, status or priority is set. */
export function EnumField<T extends string>({ label, schema, value, optionLabel, onChange }: EnumFieldProps<T>) {
  return (
    <Field label={label}>
      {(props) => (
        <select {...props} className="input" value={value} onChange={(e) => onChange(schema.parse(e.target.value))}>
          {schema.options.map((option) => (
            <option key={option} value={option}>
              {optionLabel(option)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
