import type { FieldErrors } from '../ui/field-errors';
import { FieldError } from './FieldError';
import { NumberField } from './PolicyFields';
import type { PolicyDraft, SchedulingDraft } from './policy-form';
import './scheduling-rules.css';

interface SchedulingRulesProps {
  draft: Pick<PolicyDraft, 'scheduling'>;
  errors: FieldErrors;
  onChange: (patch: Pick<PolicyDraft, 'scheduling'>) => void;
}

/** The first problem with the reminders: the list as a whole, or one of its numbers. */
function remindersError(errors: FieldErrors): string | undefined {
  return (
    errors.reminderLeadMinutes ??
    Object.entries(errors).find(([path]) => /^reminderLeadMinutes\.\d+$/.test(path))?.[1]
  );
}

/**
 * Scheduled sessions: when Join opens and closes around each one, the guardian-presence window, and the
 * reminders mailed before each occurrence.
 */
export function SchedulingRules({ draft, errors, onChange }: SchedulingRulesProps) {
  const set = (patch: Partial<SchedulingDraft>) =>
    onChange({ scheduling: { ...draft.scheduling, ...patch } });
  const reminders = remindersError(errors);
  const remindersDescribedBy = ['reminder-lead-minutes-hint', reminders ? 'reminder-lead-minutes-error' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <NumberField
        id="join-opens-minutes"
        label="Minutes before the start Join opens"
        className="field admin__minutes"
        min={0}
        max={120}
        value={draft.scheduling.joinOpensMinutesBefore}
        hint="Before then, “Your sessions” says when Join opens. At most two hours."
        error={errors.joinOpensMinutesBefore}
        onChange={(joinOpensMinutesBefore) => set({ joinOpensMinutesBefore })}
      />
      <NumberField
        id="join-grace-minutes"
        label="Minutes after the end Join stays open"
        className="field admin__minutes"
        min={0}
        max={240}
        value={draft.scheduling.joinGraceMinutes}
        hint="For a session that runs late. At most four hours."
        error={errors.joinGraceMinutes}
        onChange={(joinGraceMinutes) => set({ joinGraceMinutes })}
      />
      <NumberField
        id="guardian-presence-minutes"
        label="Minutes a guardian has to be there at a child’s start and end"
        className="field admin__minutes"
        min={1}
        max={60}
        value={draft.scheduling.guardianPresenceMinutes}
        hint="Judged from the scheduled start and end, and from the child’s arrival and departure."
        error={errors.guardianPresenceMinutes}
        onChange={(guardianPresenceMinutes) => set({ guardianPresenceMinutes })}
      />
      <div className="field admin__minutes">
        <label htmlFor="reminder-lead-minutes">Reminders, in minutes before each session</label>
        <input
          id="reminder-lead-minutes"
          type="text"
          inputMode="numeric"
          value={draft.scheduling.reminderLeadMinutes}
          aria-invalid={reminders ? true : undefined}
          aria-describedby={remindersDescribedBy}
          onChange={(e) => set({ reminderLeadMinutes: e.target.value })}
        />
        <p className="admin__hint muted" id="reminder-lead-minutes-hint">
          Up to four, separated by commas: 1440 is a day before, 15 a quarter of an hour. Leave it empty for
          no reminders.
        </p>
        <FieldError id="reminder-lead-minutes" error={reminders} />
      </div>
    </>
  );
}
