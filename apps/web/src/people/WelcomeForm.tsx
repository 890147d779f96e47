import type { InvitationPreview } from '@assent/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { describeFailure, type FailureMessage } from '../api/failure-words';
import { acceptInvitation } from '../api/people';
import { navigate } from '../router';
import { AppLink } from '../ui/AppLink';
import { ErrorAlert } from '../ui/ErrorAlert';
import { type FieldErrors, fieldErrorsFrom, unplacedErrors } from '../ui/field-errors';
import { TextField } from '../ui/TextField';
import { signedInUser, useAccount, useAccountStore } from './account-store';
import { preloadAccountNav } from './SignedInNav';
import { initialWelcomeDraft, toAcceptRequest, type WelcomeDraft } from './welcome-form';

const fieldPaths = new Set(['name', 'email', 'password']);
/** Failures after which this link will never work: offer signing in instead. */
const offerSignIn = new Set(['link_used', 'setup_done', 'email_taken']);

type Outcome = { attempt: number; fields: FieldErrors; failure: FailureMessage | null; code: string } | null;

export function WelcomeForm({ linkToken, preview }: { linkToken: string; preview: InvitationPreview }) {
  const current = signedInUser(useAccount());
  const setMe = useAccountStore((s) => s.setMe);
  const [draft, setDraft] = useState<WelcomeDraft>(() => initialWelcomeDraft(preview));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const fields = outcome?.fields ?? {};
  useEffect(preloadAccountNav, []);
  const change = (patch: Partial<WelcomeDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      setMe(await acceptInvitation(linkToken, toAcceptRequest(draft, preview)));
      navigate('/', { replace: true });
    } catch (error) {
      const invalid = error instanceof ApiError && error.code === 'validation_failed';
      setOutcome({
        attempt: (outcome?.attempt ?? 0) + 1,
        code: error instanceof ApiError ? error.code : 'internal',
        fields: invalid ? fieldErrorsFrom(error.issues) : {},
        failure: describeFailure(error),
      });
      setBusy(false);
    }
  };

  const unplaced = unplacedErrors(fields, (path) => fieldPaths.has(path));
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="welcome-heading">
      {current && (
        <p className="notice-line">
          You are signed in as {current.name}. Creating this account signs you in as the new account instead.
        </p>
      )}
      {outcome?.failure && (
        <ErrorAlert
          key={outcome.attempt}
          title={outcome.failure.title}
          focusOnMount
          actions={
            offerSignIn.has(outcome.code) && (
              <AppLink className="button button--secondary" href="/sign-in">
                Go to sign in
              </AppLink>
            )
          }
        >
          <p>{outcome.failure.detail}</p>
          {unplaced.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </ErrorAlert>
      )}
      <TextField
        id="welcome-name"
        label="Your name"
        autoComplete="name"
        value={draft.name}
        error={fields.name}
        onChange={(name) => change({ name })}
      />
      <TextField
        id="welcome-email"
        label="Email"
        type="email"
        autoComplete="username"
        value={draft.email}
        readOnly={preview.email !== null}
        hint={preview.email !== null ? 'The address this invitation was sent to.' : undefined}
        error={fields.email}
        onChange={(email) => change({ email })}
      />
      <TextField
        id="welcome-password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. A passphrase of a few words is easy to remember."
        value={draft.password}
        error={fields.password}
        onChange={(password) => change({ password })}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
          Create account
        </button>
      </div>
    </form>
  );
}
