import type { OrganisationPolicy } from '@assent/shared';
import { useId, useState } from 'react';
import { giveAdvanceConsent } from '../api/people';
import { CheckboxField } from '../ui/CheckboxField';

interface Props {
  sessionId: string;
  child: { personId: string; name: string; advanceConsent: string[] };
  purposes: OrganisationPolicy['policy']['purposes'];
}

type Saving =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; message: string };

/**
 * Consent rule 3 ahead of the call, where the organisation allows it: the guardian says yes, for their
 * child, to recording for some purposes, so the child's own yes counts without the guardian in the call.
 * The child is still asked in the call, and anyone can still say no there.
 */
export function AdvanceConsent({ sessionId, child, purposes }: Props) {
  const id = useId();
  const [chosen, setChosen] = useState<string[]>(child.advanceConsent);
  const [saving, setSaving] = useState<Saving>({ kind: 'idle' });
  const toggle = (purpose: string, on: boolean) =>
    setChosen((now) => (on ? [...new Set([...now, purpose])] : now.filter((p) => p !== purpose)));

  async function save() {
    setSaving({ kind: 'saving' });
    try {
      const saved = await giveAdvanceConsent(sessionId, {
        studentPersonId: child.personId,
        purposes: chosen,
      });
      setChosen(saved.purposes);
      setSaving({ kind: 'saved', at: saved.at });
    } catch (error) {
      setSaving({ kind: 'failed', message: error instanceof Error ? error.message : 'Please try again.' });
    }
  }

  return (
    <fieldset className="advance-consent">
      <legend>Consent in advance for {child.name}</legend>
      <p className="muted">
        If you will not be in the call, you can agree now to recording for these purposes; {child.name} is
        still asked, and anyone can say no or stop it in the call.
      </p>
      {purposes.map((purpose) => (
        <CheckboxField
          key={purpose.id}
          id={`${id}-${purpose.id}`}
          label={purpose.label}
          checked={chosen.includes(purpose.id)}
          onChange={(on) => toggle(purpose.id, on)}
        />
      ))}
      <button
        type="button"
        className="button"
        disabled={saving.kind === 'saving'}
        aria-busy={saving.kind === 'saving'}
        onClick={() => void save()}
      >
        Save consent for {child.name}
      </button>
      {saving.kind === 'saved' && (
        <p role="status">
          {chosen.length === 0
            ? `No advance consent for ${child.name}: you will be asked in the call.`
            : `Saved: you consent in advance for ${child.name}.`}
        </p>
      )}
      {saving.kind === 'failed' && <p role="alert">{saving.message}</p>}
    </fieldset>
  );
}
