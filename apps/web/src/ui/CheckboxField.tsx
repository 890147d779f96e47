import type { ReactNode } from 'react';
import './controls.css';

interface CheckboxFieldProps {
  id: string;
  /** The accessible name: keep it to what is being said yes to. */
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  /** Read out after the name: why it is disabled, what it means. */
  description?: ReactNode;
  error?: string | undefined;
  className?: string;
}

export function CheckboxField(props: CheckboxFieldProps) {
  const { id, label, checked, onChange, disabled, description, error } = props;
  const describedBy = [description && `${id}-description`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={props.className ? `check ${props.className}` : 'check'}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <div className="check__text">
        <label htmlFor={id}>{label}</label>
        {description && (
          <p className="check__description" id={`${id}-description`}>
            {description}
          </p>
        )}
        {error && (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
