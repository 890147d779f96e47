import { type FormEvent, useEffect, useId, useState } from 'react';
import { fetchRecordingOptions, type RecordingOptions } from '../api/consent';
import { useAssentStore } from '../store';
import { RequestFacts } from '../ui/RequestFacts';
import { CallDialog } from './CallDialog';
import { useCallSession } from './call-session';

type OptionsState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; options: RecordingOptions };

/** The tutor picks one of the organisation's purposes; everyone is then asked, the tutor too. */
export function RequestRecordingDialog({ onClose }: { onClose: () => void }) {
  const { inviteToken, commands } = useCallSession();
  const [options, setOptions] = useState<OptionsState>({ kind: 'loading' });
  const [purpose, setPurpose] = useState('');
  const sending = useAssentStore((s) => Boolean(s.pendingCommands.request));
  const error = useAssentStore((s) => (s.commandError?.kind === 'request' ? s.commandError.message : null));
  const selectId = useId();

  useEffect(() => {
    let cancelled = false;
    fetchRecordingOptions(inviteToken).then(
      (loaded) => {
        if (cancelled) return;
        setOptions({ kind: 'ready', options: loaded });
        setPurpose((current) => current || loaded.purposes[0]?.id || '');
      },
      (e: unknown) =>
        !cancelled &&
        setOptions({
          kind: 'failed',
          message: e instanceof Error ? e.message : 'Could not load the purposes.',
        }),
    );
    return () => {
      cancelled = true;
    };
  }, [inviteToken]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!purpose) return;
    if (await commands.requestRecording(purpose)) onClose();
  };

  const chosen =
    options.kind === 'ready' ? options.options.purposes.find((p) => p.id === purpose) : undefined;

  return (
    <CallDialog title="Request recording" onClose={onClose} className="request-dialog">
      {options.kind === 'loading' && <p aria-busy="true">Loading the purposes you can choose…</p>}
      {options.kind === 'failed' && (
        <p className="call-dialog__error" role="alert">
          Could not load the recording purposes: {options.message}
        </p>
      )}
      {options.kind === 'ready' && (
        <form onSubmit={submit}>
          <label htmlFor={selectId}>Purpose</label>
          <select id={selectId} value={purpose} onChange={(e) => setPurpose(e.target.value)} required>
            {options.options.purposes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          {chosen && (
            <RequestFacts
              showPurpose={false}
              request={{
                purposeLabel: chosen.label,
                viewers: chosen.viewers,
                retentionDays: chosen.retentionDays,
              }}
            />
          )}
          <p className="call-dialog__hint">
            Everyone in the call, you included, is asked to consent. Recording starts only when all have.
          </p>
          {error && (
            <p className="call-dialog__error" role="alert">
              {error}
            </p>
          )}
          <div className="call-dialog__actions">
            <button type="submit" className="lk-button call-dialog__primary" disabled={sending || !purpose}>
              Send request
            </button>
            <button type="button" className="lk-button" onClick={onClose}>
              Close
            </button>
          </div>
        </form>
      )}
      {options.kind !== 'ready' && (
        <div className="call-dialog__actions">
          <button type="button" className="lk-button" onClick={onClose}>
            Close
          </button>
        </div>
      )}
    </CallDialog>
  );
}
