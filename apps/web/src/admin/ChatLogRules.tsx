import type { FieldErrors } from '../ui/field-errors';
import { FieldError } from './FieldError';
import { type PolicyDraft, viewerChoices, withViewer } from './policy-form';

type ChatDraft = Pick<PolicyDraft, 'chatRetentionDays' | 'chatReaderRoles' | 'chatParticipantsRead'>;

interface ChatLogRulesProps {
  draft: ChatDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<ChatDraft>) => void;
}

/** The chat log is session record of its own: how long it is kept, and who may read it afterwards. */
export function ChatLogRules({ draft, errors, onChange }: ChatLogRulesProps) {
  const error = errors.chatRetentionDays;
  return (
    <>
      <div className="field admin__days">
        <label htmlFor="chat-retention-days">Days the chat log is kept</label>
        <input
          id="chat-retention-days"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          step={1}
          value={draft.chatRetentionDays}
          aria-invalid={error ? true : undefined}
          aria-describedby={`chat-retention-days-hint${error ? ' chat-retention-days-error' : ''}`}
          onChange={(e) => onChange({ chatRetentionDays: e.target.value })}
        />
        <p className="admin__hint muted" id="chat-retention-days-hint">
          Counted from the session’s last message, whether or not the session was recorded. Three years is
          1095 days.
        </p>
        <FieldError id="chat-retention-days" error={error} />
      </div>
      <fieldset className="admin-choices">
        <legend>Who may read the chat log afterwards</legend>
        {viewerChoices.map(({ role, label }) => (
          <div className="admin-check" key={role}>
            <input
              id={`chat-reader-${role}`}
              type="checkbox"
              checked={draft.chatReaderRoles.includes(role)}
              onChange={(e) =>
                onChange({ chatReaderRoles: withViewer(draft.chatReaderRoles, role, e.target.checked) })
              }
            />
            <label htmlFor={`chat-reader-${role}`}>
              {role === 'tutor' ? 'Tutors (their own sessions)' : label}
            </label>
          </div>
        ))}
        <div className="admin-check">
          <input
            id="chat-participants-read"
            type="checkbox"
            checked={draft.chatParticipantsRead}
            onChange={(e) => onChange({ chatParticipantsRead: e.target.checked })}
          />
          <label htmlFor="chat-participants-read">Students and guardians (sessions they were in)</label>
        </div>
      </fieldset>
    </>
  );
}
