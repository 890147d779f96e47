import { type FormEvent, useState } from 'react';
import { describeFailure, type FailureMessage } from '../api/failure-words';
import { requestPasswordReset } from '../api/passwords';
import { AppLink } from '../ui/AppLink';
import { FormCard } from '../ui/FormCard';
import { TextField } from '../ui/TextField';
import { usePageTitle } from '../ui/usePageTitle';
import '../styles/signed-in.css';

/** `/forgot-password`: asks for a mailed one-time link; says the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  usePageTitle('Forgot password');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<FailureMessage | null>(null);
  const [missing, setMissing] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setFailure(null);
    try {
      await requestPasswordReset(email);
      setSentTo(email.trim());
    } catch (error) {
      setFailure(describeFailure(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormCard
      headingId="forgot-heading"
      title="Forgot your password?"
      level="page"
      className="card narrow"
      replacedBy={
        sentTo ? (
          <p role="status">
            If {sentTo} has an Assent account, we have sent it a link to choose a new password. The link works
            once, for an hour. Check your spam folder if it does not arrive in a few minutes.
          </p>
        ) : undefined
      }
      before={
        <p>Enter the email address you sign in with. We will send you a link to choose a new password.</p>
      }
      failure={failure}
      onSubmit={onSubmit}
      submitLabel="Send reset link"
      busy={busy}
      after={
        <p className="muted">
          <AppLink href="/sign-in">Back to sign in</AppLink>
        </p>
      }
    >
      <TextField
        id="forgot-email"
        label="Email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        error={missing ? 'Enter your email address' : undefined}
      />
    </FormCard>
  );
}
