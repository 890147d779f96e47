import type { InviteeDraft } from './session-form';

interface InviteeRowProps {
  index: number;
  invitee: InviteeDraft;
  nameError?: string | undefined;
  canRemove: boolean;
  onChange: (patch: Partial<InviteeDraft>) => void;
  onRemove: () => void;
}

/** One invited person: name, role, and whether a student is a minor. Numbered from 1 for people. */
export function InviteeRow({ index, invitee, nameError, canRemove, onChange, onRemove }: InviteeRowProps) {
  const n = index + 1;
  const id = `person-${invitee.key}`;
  const isStudent = invitee.role === 'student';
  return (
    <li className="invitee">
      <div className="field invitee__name">
        <label htmlFor={`${id}-name`}>Name of person {n}</label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="off"
          value={invitee.name}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
          onChange={(e) => onChange({ name: e.target.value })}
        />
        {nameError && (
          <p className="field__error" id={`${id}-name-error`}>
            {nameError}
          </p>
        )}
      </div>
      <div className="field invitee__role">
        <label htmlFor={`${id}-role`}>Role of person {n}</label>
        <select
          id={`${id}-role`}
          value={invitee.role}
          onChange={(e) => onChange({ role: e.target.value as InviteeDraft['role'] })}
        >
          <option value="student">Student</option>
          <option value="guardian">Guardian</option>
        </select>
      </div>
      <div className="invitee__minor">
        <input
          id={`${id}-minor`}
          type="checkbox"
          checked={isStudent && invitee.minor}
          disabled={!isStudent}
          onChange={(e) => onChange({ minor: e.target.checked })}
        />
        <label htmlFor={`${id}-minor`}>Person {n} is a minor</label>
      </div>
      <button
        type="button"
        className="button button--quiet invitee__remove"
        disabled={!canRemove}
        onClick={onRemove}
        aria-label={`Remove person ${n}`}
      >
        Remove
      </button>
    </li>
  );
}
