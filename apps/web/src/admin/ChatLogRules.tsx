import type { FieldErrors } from '../ui/field-errors';
import { NumberField, RoleChecks } from './PolicyFields';
import type { PolicyDraft } from './policy-form';

type ChatDraft = Pick<PolicyDraft, 'chatRetentionDays' | 'chatReaderRoles' | 'chatParticipantsRead'>;

interface ChatLogRulesProps {
  draft: ChatDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<ChatDraft>) => void;
}

/** The chat log is session record of its own: how long it is kept, and who may read it afterwards. */
export function ChatLogRules({ draft, errors, onChange }: ChatLogRulesProps) {
  return (
    <>
      <NumberField
        id="chat-retention-days"
        label="Days the chat log is kept"
        min={1}
        max={3650}
        value={draft.chatRetentionDays}
        hint="Counted from the session’s last message, whether or not the session was recorded. Three years is 1095 days."
        error={errors.chatRetentionDays}
        onChange={(chatRetentionDays) => onChange({ chatRetentionDays })}
      />
      <RoleChecks
        idPrefix="chat-reader"
        legend="Who may read the chat log afterwards"
        roles={draft.chatReaderRoles}
        labelOf={(role, label) => (role === 'tutor' ? 'Tutors (their own sessions)' : label)}
        onChange={(chatReaderRoles) => onChange({ chatReaderRoles })}
      >
        <div className="admin-check">
          <input
            id="chat-participants-read"
            type="checkbox"
            checked={draft.chatParticipantsRead}
            onChange={(e) => onChange({ chatParticipantsRead: e.target.checked })}
          />
          <label htmlFor="chat-participants-read">Students and guardians (sessions they were in)</label>
        </div>
      </RoleChecks>
    </>
  );
}
