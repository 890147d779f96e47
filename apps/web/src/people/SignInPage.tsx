import { type FormEvent, useEffect, useRef, useState } from 'react';
import { signInWithPassword } from '../api/auth';
import { describeFailure, type FailureMessage } from '../api/failure-words';
import { fetchMe } from '../api/me';
import { navigate, safeNextPath } from '../router';
import { AppLink } from '../ui/AppLink';
import { ErrorAlert } from '../ui/ErrorAlert';
import { PageHeading } from '../ui/PageHeading';
import { TextField } from '../ui/TextField';
import { usePageTitle } from '../ui/usePageTitle';
import { signedInUser, useAccount, useAccountStore } from './account-store';
import { PasskeySignIn } from './PasskeySignIn';
import { preloadAccountNav } from './SignedInNav';
import '../styles/signed-in.css';

/** `/sign-in`: email and password, or a passkey; then back to the page that sent the person here. */
export function SignInPage() {
  usePageTitle('Sign in');
  const user = signedInUser(useAccount());
  const setMe = useAccountStore((s) => s.setMe);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<'password' | 'passkey' | null>(null);
  const [failure, setFailure] = useState<FailureMessage | null>(null);
  const [notice] = useState(() => useAccountStore.getState().notice);
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(preloadAccountNav, []);

  // Already signed in (another tab, or Back after signing in): nothing to do here.
  useEffect(() => {
    if (user && busy === null) navigate(safeNextPath(window.location.search), { replace: true });
  }, [user, busy]);

  const finish = async () => {
    setMe(await fetchMe());
    navigate(safeNextPath(window.location.search), { replace: true });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('password');
    setFailure(null);
    try {
      await signInWithPassword(email, password);
      await finish();
    } catch (error) {
      setFailure(describeFailure(error, 'sign-in'));
      setPassword('');
      setBusy(null);
      emailRef.current?.focus();
    }
  };

  return (
    <section className="card narrow" aria-labelledby="sign-in-heading">
      {notice && (
        <p className="notice-line" role="status">
          {notice}
        </p>
      )}
      <PageHeading id="sign-in-heading">Sign in</PageHeading>
      {failure && (
        <ErrorAlert title={failure.title}>
          <p>{failure.detail}</p>
        </ErrorAlert>
      )}
      <form onSubmit={onSubmit} noValidate aria-labelledby="sign-in-heading">
        <TextField
          id="sign-in-email"
          label="Email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          inputRef={emailRef}
        />
        <TextField
          id="sign-in-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <div className="actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy !== null}
            aria-busy={busy === 'password'}
          >
            Sign in
          </button>
          <AppLink href="/forgot-password">Forgot password?</AppLink>
        </div>
      </form>
      <PasskeySignIn
        busy={busy !== null}
        onStart={() => {
          setBusy('passkey');
          setFailure(null);
        }}
        onSignedIn={() =>
          finish().catch((error: unknown) => {
            setFailure(describeFailure(error, 'sign-in'));
            setBusy(null);
          })
        }
        onFailed={(message) => {
          setFailure(message);
          setBusy(null);
        }}
      />
      <p className="muted sign-in__help">
        No account yet? Accounts are made from an invitation: open the link in the email you were sent.
      </p>
    </section>
  );
}
