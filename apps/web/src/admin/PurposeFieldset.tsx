import type { FieldErrors } from '../ui/field-errors';
import { FieldError } from './FieldError';
import { errorProps } from './field-errors';
import {
  type PurposeDraft,
  purposeIdOf,
  type RetentionChoice,
  retentionChoices,
  viewerChoices,
  withRetention,
  withViewer,
} from './policy-form';

interface PurposeFieldsetProps {
  index: number;
  purpose: PurposeDraft;
  errors: FieldErrors;
  canRemove: boolean;
  onChange: (purpose: PurposeDraft) => void;
  onRemove: () => void;
}

/** One purpose a recording can be requested for: its name, how long it is kept and which staff may watch. */
export function PurposeFieldset({
  index,
  purpose,
  errors,
  canRemove,
  onChange,
  onRemove,
}: PurposeFieldsetProps) {
  const id = `purpose-${purpose.key}`;
  const at = (field: string) => errors[`purposes.${index}.${field}`];
  const name = purpose.label.trim() || `purpose ${index + 1}`;
  const purposeId = purposeIdOf(purpose);
  // An empty label also makes an empty id; saying so twice would not help.
  const idError = at('label') ? undefined : at('id');
  const viewersError = at('viewerRoles');

  return (
    <fieldset className="admin-purpose">
      <legend>{purpose.label.trim() || 'New purpose'}</legend>
      <div className="admin-purpose__names">
        <div className="field">
          <label htmlFor={`${id}-label`}>Label</label>
          <input
            id={`${id}-label`}
            type="text"
            autoComplete="off"
            value={purpose.label}
            {...errorProps(`${id}-label`, at('label'))}
            onChange={(e) => onChange({ ...purpose, label: e.target.value })}
          />
          <FieldError id={`${id}-label`} error={at('label')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-id`}>Id</label>
          <input
            id={`${id}-id`}
            type="text"
            readOnly
            className="admin-purpose__id"
            value={purposeId}
            aria-describedby={idError ? `${id}-id-hint ${id}-id-error` : `${id}-id-hint`}
            aria-invalid={idError ? true : undefined}
          />
          <p className="admin__hint muted" id={`${id}-id-hint`}>
            {purpose.savedId === null
              ? 'Made from the label. It cannot change once saved.'
              : 'Consent records cite this id, so it stays as it is.'}
          </p>
          <FieldError id={`${id}-id`} error={idError} />
        </div>
      </div>
      <div className="admin-purpose__retention">
        <div className="field">
          <label htmlFor={`${id}-retention`}>Keep recordings for</label>
          <select
            id={`${id}-retention`}
            value={purpose.retention}
            onChange={(e) => onChange(withRetention(purpose, e.target.value as RetentionChoice))}
          >
            {retentionChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        {purpose.retention === 'custom' && (
          <div className="field admin__days">
            <label htmlFor={`${id}-days`}>Days</label>
            <input
              id={`${id}-days`}
              type="number"
              inputMode="numeric"
              min={1}
              max={3650}
              step={1}
              value={purpose.customDays}
              {...errorProps(`${id}-days`, at('retentionDays'))}
              onChange={(e) => onChange({ ...purpose, customDays: e.target.value })}
            />
            <FieldError id={`${id}-days`} error={at('retentionDays')} />
          </div>
        )}
      </div>
      <fieldset className="admin-checks" aria-describedby={viewersError ? `${id}-viewers-error` : undefined}>
        <legend>Who may watch</legend>
        {viewerChoices.map(({ role, label }) => (
          <div className="admin-check" key={role}>
            <input
              id={`${id}-viewer-${role}`}
              type="checkbox"
              checked={purpose.viewerRoles.includes(role)}
              onChange={(e) =>
                onChange({ ...purpose, viewerRoles: withViewer(purpose.viewerRoles, role, e.target.checked) })
              }
            />
            <label htmlFor={`${id}-viewer-${role}`}>{label}</label>
          </div>
        ))}
        <FieldError id={`${id}-viewers`} error={viewersError} />
      </fieldset>
      <div className="admin-purpose__remove">
        <button type="button" className="button button--quiet" disabled={!canRemove} onClick={onRemove}>
          Remove {name}
        </button>
      </div>
    </fieldset>
  );
}
