import type { Dispatch, SetStateAction } from 'react';
import type { FieldErrors } from '../ui/field-errors';
import { TextField } from '../ui/TextField';
import { guestsNotAllowed, MAX_GUESTS, newGuest, type SessionDraft } from './session-form';

interface GuestListProps {
  /** The organisation's policy allows adult guests; false hides the list and says why. */
  allowed: boolean;
  draft: SessionDraft;
  errors: FieldErrors;
  onChange: Dispatch<SetStateAction<SessionDraft>>;
}

/** Adult guests without an account (a second tutor, an observer): each gets a personal invite link. */
export function GuestList({ allowed, draft, errors, onChange }: GuestListProps) {
  const rename = (key: number, name: string) =>
    onChange((d) => ({ ...d, guests: d.guests.map((g) => (g.key === key ? { ...g, name } : g)) }));
  const remove = (key: number) => onChange((d) => ({ ...d, guests: d.guests.filter((g) => g.key !== key) }));

  if (!allowed) {
    return (
      <fieldset className="choices">
        <legend>Guests</legend>
        <p className="muted choices__hint">{guestsNotAllowed}</p>
      </fieldset>
    );
  }
  return (
    <fieldset className="choices">
      <legend>Guests</legend>
      <p className="muted choices__hint">Adults only, such as a second tutor or an observer.</p>
      {draft.guests.map((guest, index) => (
        <div className="row-with-remove" key={guest.key}>
          <TextField
            id={`guest-${guest.key}`}
            label={`Guest name ${index + 1}`}
            value={guest.name}
            error={errors[`guests.${index}.name`]}
            onChange={(name) => rename(guest.key, name)}
          />
          <button type="button" className="button button--quiet" onClick={() => remove(guest.key)}>
            <span className="visually-hidden">Remove guest {index + 1}</span>
            <span aria-hidden="true">Remove</span>
          </button>
        </div>
      ))}
      {errors.guests && <p className="field__error">{errors.guests}</p>}
      <button
        type="button"
        className="button button--secondary"
        disabled={draft.guests.length >= MAX_GUESTS}
        onClick={() => {
          const guest = newGuest();
          onChange((d) => ({ ...d, guests: [...d.guests, guest] }));
          // The new row's field takes focus once it exists.
          requestAnimationFrame(() => document.getElementById(`guest-${guest.key}`)?.focus());
        }}
      >
        Add a guest
      </button>
    </fieldset>
  );
}
