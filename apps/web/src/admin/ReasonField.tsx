import { FieldError } from './FieldError';
import { errorProps } from './field-errors';

/** The reason an administrator gives for an account action; the audit log keeps it with who gave it. */
export function ReasonField({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (reason: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        rows={2}
        maxLength={500}
        required
        {...errorProps(id, error)}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}
