import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { codeOf, describeFailure, type FailureMessage } from '../api/failure-words';
import { resetPassword } from '../api/passwords';
import { navigate } from '../router';
import { AppLink } from '../ui/AppLink';
import { FormCard } from '../ui/FormCard';
import { TextField } from '../ui/TextField';
import { usePageTitle } from '../ui/usePageTitle';
import { useAccountStore } from './account-store';
import '../styles/signed-in.css';

/** `/reset-password/:token`: the page a mailed reset link opens; a new password, then sign in with it. */
export function ResetPasswordPage({ token }: { token: string }) {
  usePageTitle('Choose a new password');
  const signedOut = useAccountStore((s) => s.signedOut);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  // A dead link gets a way to a new one.
  const [failure, setFailure] = useState<{ words: FailureMessage; linkDead: boolean } | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < 10) {
      setFieldError('Use at least 10 characters');
      return;
    }
    setBusy(true);
    setFailure(null);
    setFieldError(undefined);
    try {
      await resetPassword(token, password);
      signedOut('Your password is changed, and every device is signed out. Sign in with your new password.');
      navigate('/sign-in', { replace: true });
    } catch (error) {
      const linkDead = codeOf(error) === 'link_invalid';
      if (!linkDead && error instanceof ApiError && error.issues[0]) setFieldError(error.issues[0].message);
      else setFailure({ words: describeFailure(error, 'reset-password'), linkDead });
      setBusy(false);
    }
  };

  return (
    <FormCard
      headingId="reset-heading"
      title="Choose a new password"
      level="page"
      className="card narrow"
      failure={failure?.words}
      failureMore={
        failure?.linkDead && (
          <p>
            <AppLink href="/forgot-password">Send a new link</AppLink>
          </p>
        )
      }
      onSubmit={onSubmit}
      submitLabel="Set new password"
      busy={busy}
      after={<p className="muted">Setting a new password signs your account out on every device.</p>}
    >
      <TextField
        id="reset-password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. A few unrelated words are easy to remember and hard to guess."
        value={password}
        onChange={setPassword}
        error={fieldError}
      />
    </FormCard>
  );
}
