/** The policy form's repeated fields: a whole-number field (days, minutes) and a fieldset of staff roles. */

import type { StaffRole } from '@assent/shared';
import type { ReactNode } from 'react';
import { FieldError } from './FieldError';
import { viewerChoices, withViewer } from './policy-form';

interface NumberFieldProps {
  id: string;
  label: string;
  value: string;
  min: number;
  max: number;
  /** Words under the field; the field's description, with the error when there is one. */
  hint?: ReactNode;
  error: string | undefined;
  className?: string;
  onChange: (value: string) => void;
}

/** A whole number in a range, such as a count of days. */
export function NumberField({
  id,
  label,
  value,
  min,
  max,
  hint,
  error,
  className,
  onChange,
}: NumberFieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={className ?? 'field admin__days'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p className="admin__hint muted" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

interface RoleChecksProps {
  /** Each box's id is `${idPrefix}-${role}`. */
  idPrefix: string;
  legend: string;
  roles: readonly StaffRole[];
  /** A role's words, when they differ from the usual label. */
  labelOf?: (role: StaffRole, label: string) => string;
  onChange: (roles: StaffRole[]) => void;
  /** More boxes after the roles'. */
  children?: ReactNode;
}

/** A fieldset of the staff roles, each a checkbox: who may watch, who may read. */
export function RoleChecks({ idPrefix, legend, roles, labelOf, onChange, children }: RoleChecksProps) {
  return (
    <fieldset className="admin-choices">
      <legend>{legend}</legend>
      {viewerChoices.map(({ role, label }) => (
        <div className="admin-check" key={role}>
          <input
            id={`${idPrefix}-${role}`}
            type="checkbox"
            checked={roles.includes(role)}
            onChange={(e) => onChange(withViewer(roles, role, e.target.checked))}
          />
          <label htmlFor={`${idPrefix}-${role}`}>{labelOf ? labelOf(role, label) : label}</label>
        </div>
      ))}
      {children}
    </fieldset>
  );
}
