import { type FormEvent, useState } from 'react';
import { type AuditFilters, actionGroups, noFilters } from './audit-query';
import { FieldError } from './FieldError';

interface AuditFilterFormProps {
  applied: AuditFilters;
  personError: string | undefined;
  onApply: (filters: AuditFilters) => void;
}

/** Narrows the log to one person, one session or recording, a kind of action, or refusals only. */
export function AuditFilterForm({ applied, personError, onApply }: AuditFilterFormProps) {
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const set = (patch: Partial<AuditFilters>) => setDraft((d) => ({ ...d, ...patch }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <form className="admin-filters" onSubmit={onSubmit} noValidate aria-labelledby="audit-filters-heading">
      <h2 id="audit-filters-heading" className="visually-hidden">
        Filters
      </h2>
      <div className="field">
        <label htmlFor="audit-person">Person</label>
        <input
          id="audit-person"
          type="text"
          autoComplete="off"
          aria-describedby={personError ? 'audit-person-hint audit-person-error' : 'audit-person-hint'}
          value={draft.person}
          aria-invalid={personError ? true : undefined}
          onChange={(e) => set({ person: e.target.value })}
        />
        <p className="admin__hint muted" id="audit-person-hint">
          Name, email or account id
        </p>
        <FieldError id="audit-person" error={personError} />
      </div>
      <div className="field">
        <label htmlFor="audit-target">Recording or session id</label>
        <input
          id="audit-target"
          type="text"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="audit-target-hint"
          value={draft.target}
          onChange={(e) => set({ target: e.target.value, targetType: undefined })}
        />
        <p className="admin__hint muted" id="audit-target-hint">
          Session ids start with ses_
        </p>
      </div>
      <div className="field">
        <label htmlFor="audit-action">Action</label>
        <select id="audit-action" value={draft.action} onChange={(e) => set({ action: e.target.value })}>
          {actionGroups.map((group) => (
            <option key={group.prefix} value={group.prefix}>
              {group.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-outcome">Outcome</label>
        <select
          id="audit-outcome"
          value={draft.outcome}
          onChange={(e) => set({ outcome: e.target.value as AuditFilters['outcome'] })}
        >
          <option value="">All</option>
          <option value="done">Done</option>
          <option value="denied">Denied</option>
        </select>
      </div>
      <div className="admin-filters__actions">
        <button type="submit" className="button button--primary">
          Show entries
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setDraft(noFilters);
            onApply(noFilters);
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
