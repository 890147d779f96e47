import { type InviteeDraft, withGuardianOf } from './session-form';

interface InviteeRowProps {
  index: number;
  invitee: InviteeDraft;
  /** The student rows with a name, which a guardian row can be linked to. */
  students: readonly InviteeDraft[];
  nameError?: string | undefined;
  guardianErrors: readonly string[];
  canRemove: boolean;
  onChange: (patch: Partial<InviteeDraft>) => void;
  onRemove: () => void;
}

/**
 * One invited person: name, role, whether a student is a minor and which students a guardian is
 * guardian of. Numbered from 1 for people.
 */
export function InviteeRow(props: InviteeRowProps) {
  const { index, invitee, students, nameError, guardianErrors, canRemove, onChange, onRemove } = props;
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
      {invitee.role === 'guardian' && (
        <GuardianOf
          n={n}
          id={id}
          guardian={invitee}
          students={students}
          errors={guardianErrors}
          onChange={(guardianOf) => onChange({ guardianOf })}
        />
      )}
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

interface GuardianOfProps {
  n: number;
  id: string;
  guardian: InviteeDraft;
  students: readonly InviteeDraft[];
  errors: readonly string[];
  onChange: (guardianOf: number[]) => void;
}

/** Which of the named students this guardian may consent for (rule 3); none ticked means all of them. */
function GuardianOf({ n, id, guardian, students, errors, onChange }: GuardianOfProps) {
  if (students.length === 0 && errors.length === 0) return null;
  const hintId = `${id}-guardian-of-hint`;
  const errorId = `${id}-guardian-of-error`;
  return (
    <fieldset
      className="invitee__guardian-of"
      aria-describedby={errors.length > 0 ? `${hintId} ${errorId}` : hintId}
    >
      <legend>Guardian of</legend>
      <p className="invitee__hint" id={hintId}>
        Tick none to let them consent for every student.
      </p>
      {students.map((student) => {
        const checkboxId = `${id}-guardian-of-${student.key}`;
        return (
          <div className="invitee__check" key={student.key}>
            <input
              id={checkboxId}
              type="checkbox"
              checked={guardian.guardianOf.includes(student.key)}
              onChange={(e) => onChange(withGuardianOf(guardian, student.key, e.target.checked))}
            />
            <label htmlFor={checkboxId}>
              <span className="visually-hidden">Person {n} is guardian of </span>
              {student.name.trim()}
            </label>
          </div>
        );
      })}
      {errors.length > 0 && (
        <div id={errorId}>
          {errors.map((message) => (
            <p className="field__error" key={message}>
              {message}
            </p>
          ))}
        </div>
      )}
    </fieldset>
  );
}
