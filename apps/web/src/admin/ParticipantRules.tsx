import type { ResearchExportMedia, WithdrawalRule } from '@assent/shared';
import type { FieldErrors } from '../ui/field-errors';
import { NumberField } from './PolicyFields';
import type { PolicyDraft } from './policy-form';

type RulesDraft = Pick<
  PolicyDraft,
  | 'playback'
  | 'playbackDays'
  | 'withdrawalRule'
  | 'advanceGuardianConsent'
  | 'studentsMayShare'
  | 'adultGuestsAllowed'
  | 'researchExportMedia'
  | 'lateRequestDays'
  | 'askAgainAfterMinutes'
>;

interface ParticipantRulesProps {
  draft: RulesDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<RulesDraft>) => void;
}

/**
 * Who takes part and what they may do: play back, what a withdrawal erases, consenting in advance, and
 * whether adults without an account may be invited as guests.
 */
export function ParticipantRules({ draft, errors, onChange }: ParticipantRulesProps) {
  const playbackError = errors.participantPlaybackDays;
  return (
    <>
      <fieldset className="admin-choices">
        <legend>Participant playback</legend>
        <Radio
          name="playback"
          id="playback-none"
          checked={draft.playback === 'none'}
          onSelect={() => onChange({ playback: 'none' })}
          label="Students and guardians may not play back"
        />
        <Radio
          name="playback"
          id="playback-days"
          checked={draft.playback === 'days'}
          onSelect={() => onChange({ playback: 'days' })}
          label="Students and guardians may play back for"
        />
        {draft.playback === 'days' && (
          <NumberField
            id="playback-days-count"
            label="Playback days"
            className="field admin__days admin-choices__indent"
            min={1}
            max={3650}
            value={draft.playbackDays}
            error={playbackError}
            onChange={(playbackDays) => onChange({ playbackDays })}
          />
        )}
      </fieldset>
      <fieldset className="admin-choices">
        <legend>When someone withdraws consent</legend>
        {(
          [
            ['keep', 'Keep earlier recordings', 'What was recorded while everyone agreed stays.'],
            [
              'erase',
              'Erase the session’s recordings',
              'Every recording of that session is destroyed, and what the person who withdrew wrote in its chat is erased.',
            ],
          ] as const satisfies ReadonlyArray<readonly [WithdrawalRule, string, string]>
        ).map(([rule, label, hint]) => (
          <Radio
            key={rule}
            name="withdrawal"
            id={`withdrawal-${rule}`}
            checked={draft.withdrawalRule === rule}
            onSelect={() => onChange({ withdrawalRule: rule })}
            label={label}
            hint={hint}
          />
        ))}
      </fieldset>
      <fieldset className="admin-choices">
        <legend>Research exports</legend>
        {(
          [
            [
              'audio',
              'Sound only',
              'Each recording’s sound, copied without the video. Voices can still identify people.',
            ],
            [
              'audio_and_video',
              'Sound and video',
              'Recordings as made: faces, voices and the names shown under each picture.',
            ],
          ] as const satisfies ReadonlyArray<readonly [ResearchExportMedia, string, string]>
        ).map(([media, label, hint]) => (
          <Radio
            key={media}
            name="research-export-media"
            id={`research-export-${media}`}
            checked={draft.researchExportMedia === media}
            onSelect={() => onChange({ researchExportMedia: media })}
            label={label}
            hint={hint}
          />
        ))}
      </fieldset>
      <NumberField
        id="late-request-days"
        label="Days an expired link may still report or ask for deletion"
        min={1}
        max={365}
        value={draft.lateRequestDays}
        hint="Counted from the end of the session. Saying no never needs a live link; agreeing always does."
        error={errors.lateRequestDays}
        onChange={(lateRequestDays) => onChange({ lateRequestDays })}
      />
      <div className="admin-check admin-check--single">
        <input
          id="advance-guardian-consent"
          type="checkbox"
          checked={draft.advanceGuardianConsent}
          aria-describedby="advance-guardian-consent-hint"
          onChange={(e) => onChange({ advanceGuardianConsent: e.target.checked })}
        />
        <label htmlFor="advance-guardian-consent">Guardians may consent in advance</label>
        <p className="admin__hint muted" id="advance-guardian-consent-hint">
          A guardian’s consent from their account then counts for their child without them joining the call.
        </p>
      </div>
      <div className="admin-check admin-check--single">
        <input
          id="students-may-share"
          type="checkbox"
          checked={draft.studentsMayShare}
          aria-describedby="students-may-share-hint"
          onChange={(e) => onChange({ studentsMayShare: e.target.checked })}
        />
        <label htmlFor="students-may-share">Students may share their screen from the start</label>
        <p className="admin__hint muted" id="students-may-share-hint">
          Otherwise a student shares only when the tutor lets them. Shared screens are recorded like cameras.
        </p>
      </div>
      <div className="admin-check admin-check--single">
        <input
          id="adult-guests-allowed"
          type="checkbox"
          checked={draft.adultGuestsAllowed}
          aria-describedby="adult-guests-allowed-hint"
          onChange={(e) => onChange({ adultGuestsAllowed: e.target.checked })}
        />
        <label htmlFor="adult-guests-allowed">Tutors may invite adult guests</label>
        <p className="admin__hint muted" id="adult-guests-allowed-hint">
          Adults without an account, such as a second tutor or an observer, join from a personal link.
          Unticked, sessions are for enrolled students and their guardians only.
        </p>
      </div>
      <NumberField
        id="ask-again-after"
        label="Minutes before a tutor may ask again after a no"
        min={0}
        max={1440}
        value={draft.askAgainAfterMinutes}
        hint="After anyone declines or withdraws, the tutor waits this long before asking the call again, and the person who said no is told when that will be. Nobody in the call sees who it was."
        error={errors.askAgainAfterMinutes}
        onChange={(askAgainAfterMinutes) => onChange({ askAgainAfterMinutes })}
      />
    </>
  );
}

interface RadioProps {
  name: string;
  id: string;
  checked: boolean;
  label: string;
  hint?: string;
  onSelect: () => void;
}

function Radio({ name, id, checked, label, hint, onSelect }: RadioProps) {
  return (
    <div className="admin-check">
      <input
        id={id}
        type="radio"
        name={name}
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={onSelect}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="admin__hint muted" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
