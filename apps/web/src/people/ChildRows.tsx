import type { Dispatch, SetStateAction } from 'react';
import { CheckboxField } from '../ui/CheckboxField';
import type { FieldErrors } from '../ui/field-errors';
import { TextField } from '../ui/TextField';
import { type FamilyDraft, MAX_CHILDREN, newChild } from './enrol-family-form';

interface ChildRowsProps {
  draft: FamilyDraft;
  errors: FieldErrors;
  onChange: Dispatch<SetStateAction<FamilyDraft>>;
}

/** The children the inviter expects; the guardian confirms them and may add more. */
export function ChildRows({ draft, errors, onChange }: ChildRowsProps) {
  const update = (key: number, patch: { name?: string; minor?: boolean }) =>
    onChange((d) => ({ ...d, children: d.children.map((c) => (c.key === key ? { ...c, ...patch } : c)) }));
  const remove = (key: number) =>
    onChange((d) => ({ ...d, children: d.children.filter((c) => c.key !== key) }));

  return (
    <fieldset className="choices">
      <legend>Children</legend>
      <p className="muted choices__hint">Optional: the guardian can add their children themselves.</p>
      {draft.children.map((child, index) => {
        const n = index + 1;
        return (
          <div className="child-row" key={child.key}>
            <TextField
              id={`child-${child.key}-name`}
              label={`Child's name ${n}`}
              value={child.name}
              error={errors[`children.${index}.name`]}
              onChange={(name) => update(child.key, { name })}
            />
            <CheckboxField
              id={`child-${child.key}-minor`}
              label={`Child ${n} is under 18`}
              checked={child.minor}
              onChange={(minor) => update(child.key, { minor })}
            />
            <button type="button" className="button button--quiet" onClick={() => remove(child.key)}>
              <span className="visually-hidden">Remove child {n}</span>
              <span aria-hidden="true">Remove</span>
            </button>
          </div>
        );
      })}
      {errors.children && <p className="field__error">{errors.children}</p>}
      <button
        type="button"
        className="button button--secondary"
        disabled={draft.children.length >= MAX_CHILDREN}
        onClick={() => {
          const child = newChild();
          onChange((d) => ({ ...d, children: [...d.children, child] }));
          requestAnimationFrame(() => document.getElementById(`child-${child.key}-name`)?.focus());
        }}
      >
        Add a child
      </button>
    </fieldset>
  );
}
