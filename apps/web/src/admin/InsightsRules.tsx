import type { FieldErrors } from '../ui/field-errors';
import { FieldError } from './FieldError';
import { NumberField, RoleChecks } from './PolicyFields';
import type { InsightsDraft, PolicyDraft } from './policy-form';

interface InsightsRulesProps {
  draft: Pick<PolicyDraft, 'insights'>;
  errors: FieldErrors;
  onChange: (patch: Pick<PolicyDraft, 'insights'>) => void;
}

function Switch({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="admin-check admin-check--single">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <p className="admin__hint muted" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}

/**
 * Session insights: talk time (measured from sound levels in every call, who sees it, the policy's lines,
 * how long it is kept) and transcripts of stored recordings (on or off, how long they are kept). Each is
 * a data class of its own, said in the pre-session notice.
 */
export function InsightsRules({ draft, errors, onChange }: InsightsRulesProps) {
  const insights = draft.insights;
  const set = (patch: Partial<InsightsDraft>) => onChange({ insights: { ...insights, ...patch } });
  return (
    <>
      <Switch
        id="talk-time-enabled"
        label="Measure talk time in every session"
        hint="How long each person speaks, measured by the server from sound levels: what is said is not recorded by this. The pre-session notice says so and the call shows “Talk time measured”."
        checked={insights.talkTimeEnabled}
        onChange={(talkTimeEnabled) => set({ talkTimeEnabled })}
      />
      <RoleChecks
        idPrefix="talk-time-reader"
        legend="Who may see a session’s talk time"
        roles={insights.talkTimeReaderRoles}
        labelOf={(role, label) => (role === 'tutor' ? 'Tutors (their own sessions)' : label)}
        onChange={(talkTimeReaderRoles) => set({ talkTimeReaderRoles })}
      >
        <div className="admin-check">
          <input
            id="talk-time-learners-see-own"
            type="checkbox"
            checked={insights.talkTimeLearnersSeeOwn}
            onChange={(e) => set({ talkTimeLearnersSeeOwn: e.target.checked })}
          />
          <label htmlFor="talk-time-learners-see-own">
            Each learner their own share (and their guardians)
          </label>
        </div>
      </RoleChecks>
      <FieldError id="talk-time-reader" error={errors.talkTimeReaderRoles} />
      <NumberField
        id="talk-time-engaging-percent"
        label="Highly engaging from, in percent of talk by learners"
        className="field admin__minutes"
        min={1}
        max={99}
        value={insights.talkTimeEngagingPercent}
        hint="Schoolhouse calls a session highly engaging when learners say at least 10 % of it."
        error={errors.talkTimeEngagingPercent}
        onChange={(talkTimeEngagingPercent) => set({ talkTimeEngagingPercent })}
      />
      <NumberField
        id="talk-time-low-percent"
        label="Low below, in percent of talk by learners"
        className="field admin__minutes"
        min={1}
        max={99}
        value={insights.talkTimeLowPercent}
        hint="Talk Meter’s red band is below 25 %."
        error={errors.talkTimeLowPercent}
        onChange={(talkTimeLowPercent) => set({ talkTimeLowPercent })}
      />
      <NumberField
        id="talk-time-high-percent"
        label="High from, in percent of talk by learners"
        className="field admin__minutes"
        min={1}
        max={99}
        value={insights.talkTimeHighPercent}
        hint="Talk Meter’s green band is from 50 %. Above the low line."
        error={errors.talkTimeHighPercent}
        onChange={(talkTimeHighPercent) => set({ talkTimeHighPercent })}
      />
      <NumberField
        id="talk-time-retention-days"
        label="Days talk time is kept"
        min={1}
        max={3650}
        value={insights.talkTimeRetentionDays}
        hint="Counted from the session, whatever happens to its recordings. Three years is 1095 days."
        error={errors.talkTimeRetentionDays}
        onChange={(talkTimeRetentionDays) => set({ talkTimeRetentionDays })}
      />
      <Switch
        id="transcripts-enabled"
        label="Make transcripts of stored recordings"
        hint="Only of recordings everyone consented to, made on this server and never sent elsewhere. Whoever may watch a recording may read its transcript; each reading is audited."
        checked={insights.transcriptsEnabled}
        onChange={(transcriptsEnabled) => set({ transcriptsEnabled })}
      />
      <NumberField
        id="transcript-retention-days"
        label="Days a transcript is kept"
        min={1}
        max={3650}
        value={insights.transcriptRetentionDays}
        hint="Counted from when it is made; it may outlive its recording. A withdrawal under the erase rule destroys it with the recording."
        error={errors.transcriptRetentionDays}
        onChange={(transcriptRetentionDays) => set({ transcriptRetentionDays })}
      />
    </>
  );
}
