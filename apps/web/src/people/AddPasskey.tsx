import { useState } from 'react';
import { type FailureMessage, failureWords } from '../api/failure-words';
import { ErrorAlert } from '../ui/ErrorAlert';
import { TextField } from '../ui/TextField';
import { describePasskeyFailure, passkeysUnavailableHere } from './passkey-failure';

const loadAuthClient = () => import('./auth-client');

type AddState =
  | { kind: 'idle' }
  | { kind: 'adding' }
  | { kind: 'added'; name: string }
  | { kind: 'failed'; failure: FailureMessage };

/** Adds a passkey to the signed-in account (better-auth's passkey plugin, loaded when first needed). */
export function AddPasskey() {
  const [name, setName] = useState('');
  const [state, setState] = useState<AddState>({ kind: 'idle' });
  const unavailable = passkeysUnavailableHere();

  const onAdd = async () => {
    if (unavailable) {
      setState({
        kind: 'failed',
        failure: { title: "Passkeys can't be used here", detail: unavailable, retryable: false },
      });
      return;
    }
    setState({ kind: 'adding' });
    const label = name.trim() || 'Passkey';
    try {
      const { authClient } = await loadAuthClient();
      const result = await authClient.passkey.addPasskey({ name: label });
      if (result?.error) setState({ kind: 'failed', failure: describePasskeyFailure(result.error, 'add') });
      else {
        setState({ kind: 'added', name: label });
        setName('');
      }
    } catch {
      setState({
        kind: 'failed',
        failure: failureWords.unreachable,
      });
    }
  };

  return (
    <section className="card" aria-labelledby="passkey-heading">
      <h2 id="passkey-heading">Passkeys</h2>
      <p>
        A passkey signs you in with your device's screen lock (fingerprint, face or PIN) instead of a
        password. It cannot be guessed or phished.
      </p>
      {unavailable && <p className="muted">{unavailable}</p>}
      {state.kind === 'failed' && (
        <ErrorAlert title={state.failure.title} focusOnMount>
          <p>{state.failure.detail}</p>
        </ErrorAlert>
      )}
      <TextField
        id="passkey-name"
        label="Name for this passkey (optional)"
        hint="So you can tell your passkeys apart later, such as “Work laptop”."
        value={name}
        onChange={setName}
      />
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={state.kind === 'adding'}
          aria-busy={state.kind === 'adding'}
          onPointerEnter={() => void loadAuthClient()}
          onFocus={() => void loadAuthClient()}
          onClick={onAdd}
        >
          Add a passkey
        </button>
      </div>
      <p role="status" className="status-line">
        {state.kind === 'added' && `Passkey “${state.name}” added. Next time, choose Sign in with a passkey.`}
      </p>
    </section>
  );
}
