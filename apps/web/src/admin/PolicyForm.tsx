import type { OrganisationPolicy } from '@assent/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { AdminFailureAlert } from '../ui/AdminFailureAlert';
import { type FieldErrors, fieldErrorsFrom, unplacedErrors } from '../ui/field-errors';
import { savePolicy } from './admin-api';
import { ChatLogRules } from './ChatLogRules';
import { InsightsRules } from './InsightsRules';
import { ParticipantRules } from './ParticipantRules';
import { PolicyTexts } from './PolicyTexts';
import { PurposeFieldset } from './PurposeFieldset';
import { checkPolicyDraft, draftFromPolicy, newPurpose, type PolicyDraft } from './policy-form';
import { RetentionEffectsNotice } from './RetentionEffectsNotice';
import { SaveOutcome } from './SaveOutcome';
import { SchedulingRules } from './SchedulingRules';
import { useRetentionEffects } from './useRetentionEffects';

const MAX_PURPOSES = 20;

/** The problems some field of this form shows beside itself; any other is listed above Save. */
const isPlaced = (path: string) =>
  /^(purposes|participantPlaybackDays|noticeText|agreementText|purposes\.\d+\.(label|id|retentionDays|viewerRoles))$/.test(
    path,
  ) ||
  /^(joinOpensMinutesBefore|joinGraceMinutes|guardianPresenceMinutes|reminderLeadMinutes(\.\d+)?)$/.test(
    path,
  ) ||
  /^(talkTime(ReaderRoles|EngagingPercent|LowPercent|HighPercent|RetentionDays)|transcriptRetentionDays)$/.test(
    path,
  );

export type SaveState =
  | { kind: 'editing' }
  | { kind: 'saving' }
  | { kind: 'invalid'; fields: FieldErrors }
  | { kind: 'stale' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'saved'; version: number }
  /** The server found nothing different from the version in force, so wrote nothing. */
  | { kind: 'unchanged'; version: number };

interface PolicyFormProps {
  saved: OrganisationPolicy;
  onSaved: (policy: OrganisationPolicy) => void;
  /** Fetch the version in force again, dropping this form's edits (after someone else saved). */
  onReload: () => void;
}

/** The recording policy's every rule, saved together as one new version. */
export function PolicyForm({ saved, onSaved, onReload }: PolicyFormProps) {
  const [draft, setDraft] = useState<PolicyDraft>(() => draftFromPolicy(saved));
  const [save, setSave] = useState<SaveState>({ kind: 'editing' });
  const errors = save.kind === 'invalid' ? save.fields : {};
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused save, start the person at the first field to fix.
  useEffect(() => {
    if (save.kind === 'invalid')
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save]);
  const update = (patch: Partial<PolicyDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const retentionPreview = useRetentionEffects(saved, draft);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkPolicyDraft(draft);
    if (!check.ok) return setSave({ kind: 'invalid', fields: check.fields });
    setSave({ kind: 'saving' });
    try {
      const policy = await savePolicy(check.body);
      setDraft(draftFromPolicy(policy));
      if (policy.version === check.body.basedOnVersion) {
        setSave({ kind: 'unchanged', version: policy.version });
      } else {
        setSave({ kind: 'saved', version: policy.version });
        onSaved(policy);
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'policy_version_stale') setSave({ kind: 'stale' });
      else if (error instanceof ApiError && error.code === 'validation_failed' && error.issues.length > 0)
        setSave({ kind: 'invalid', fields: fieldErrorsFrom(error.issues) });
      else setSave({ kind: 'failed', error });
    }
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="policy-heading">
      <h2 className="admin__subheading">Purposes</h2>
      <p className="muted">
        A tutor chooses one of these when asking to record. The consent prompt shows it.
      </p>
      {errors.purposes && <p className="field__error">{errors.purposes}</p>}
      {draft.purposes.map((purpose, index) => (
        <PurposeFieldset
          key={purpose.key}
          index={index}
          purpose={purpose}
          errors={errors}
          canRemove={draft.purposes.length > 1}
          onChange={(changed) =>
            update({ purposes: draft.purposes.map((p) => (p.key === changed.key ? changed : p)) })
          }
          onRemove={() => {
            // Errors are keyed by position; once the list shifts they would point at the wrong purpose.
            if (save.kind === 'invalid') setSave({ kind: 'editing' });
            update({ purposes: draft.purposes.filter((p) => p.key !== purpose.key) });
          }}
        />
      ))}
      <button
        type="button"
        className="button button--secondary"
        disabled={draft.purposes.length >= MAX_PURPOSES}
        onClick={() => update({ purposes: [...draft.purposes, newPurpose()] })}
      >
        Add a purpose
      </button>

      <h2 className="admin__subheading">Who takes part</h2>
      <ParticipantRules draft={draft} errors={errors} onChange={update} />

      <h2 className="admin__subheading">Scheduling</h2>
      <SchedulingRules draft={draft} errors={errors} onChange={update} />

      <h2 className="admin__subheading">Session insights</h2>
      <InsightsRules draft={draft} errors={errors} onChange={update} />

      <h2 className="admin__subheading">Chat log</h2>
      <ChatLogRules draft={draft} errors={errors} onChange={update} />

      <h2 className="admin__subheading">What people read</h2>
      <PolicyTexts draft={draft} errors={errors} onChange={update} />

      <RetentionEffectsNotice preview={retentionPreview} />
      {save.kind === 'failed' && <AdminFailureAlert error={save.error} returnTo="/admin/policy" />}
      <SaveOutcome save={save} unplaced={unplacedErrors(errors, isPlaced)} onReload={onReload} />
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={save.kind === 'saving'}
          aria-busy={save.kind === 'saving'}
        >
          Save policy
        </button>
      </div>
    </form>
  );
}
