import type { ConsentCommandKind, ConsentLogEntry } from '@assent/shared';
import { useEffect, useState } from 'react';
import { fetchConsentLog } from '../api/recording';
import { useAssentStore } from '../store';
import { CallDialog } from './CallDialog';
import { useCallSession } from './call-session';

const whatHappened: Record<ConsentCommandKind, string> = {
  request: 'Requested recording',
  consent: 'Consented',
  decline: 'Declined',
  withdraw: 'Withdrew consent',
  cancel: 'Cancelled the request',
};

/** Entries the server made on someone's behalf say why instead. */
const whyCancelled: Record<NonNullable<ConsentLogEntry['reason']>, string> = {
  do_not_record: 'Request cancelled: “Do not record” was set for them',
};

type LogState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; entries: ConsentLogEntry[] };

const roleNames: Record<string, string> = {
  tutor: 'Tutor',
  student: 'Student',
  guardian: 'Guardian',
  admin: 'Admin',
};

const localTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** In the reader's own time zone; an unreadable timestamp is shown as stored rather than hidden. */
function when(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : localTime.format(date);
}

/** The session's consent record: the tutor sees everyone's entries, others their own (the server decides). */
export function ConsentRecordDialog({ onClose }: { onClose: () => void }) {
  const { inviteToken, role } = useCallSession();
  const [log, setLog] = useState<LogState>({ kind: 'loading' });
  const current = useAssentStore((s) => s.recording?.request);

  useEffect(() => {
    let cancelled = false;
    fetchConsentLog(inviteToken).then(
      ({ entries }) => !cancelled && setLog({ kind: 'ready', entries }),
      (e: unknown) =>
        !cancelled &&
        setLog({ kind: 'failed', message: e instanceof Error ? e.message : 'Please try again.' }),
    );
    return () => {
      cancelled = true;
    };
  }, [inviteToken]);

  const purposeOf = (entry: ConsentLogEntry) =>
    entry.purpose === current?.purpose ? current.purposeLabel : entry.purpose.replace(/[_-]+/g, ' ');

  return (
    <CallDialog title="Consent record" onClose={onClose} className="record-dialog">
      <p className="call-dialog__hint">
        {role === 'tutor'
          ? 'Every request and answer in this session, as stored.'
          : 'Your own answers in this session, as stored.'}
      </p>
      {log.kind === 'loading' && <p aria-busy="true">Loading the consent record…</p>}
      {log.kind === 'failed' && (
        <p className="call-dialog__error" role="alert">
          Could not load the consent record: {log.message}
        </p>
      )}
      {log.kind === 'ready' && log.entries.length === 0 && (
        <p>Nothing recorded yet: no requests or answers.</p>
      )}
      {log.kind === 'ready' && log.entries.length > 0 && (
        <div className="record-table__scroll">
          <table className="record-table">
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Role</th>
                <th scope="col">What</th>
                <th scope="col">When</th>
                <th scope="col">Purpose</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((entry) => (
                <tr key={entry.id}>
                  <td data-label="Who">{entry.personName}</td>
                  <td data-label="Role">{roleNames[entry.role] ?? entry.role}</td>
                  <td data-label="What">
                    {entry.reason ? whyCancelled[entry.reason] : (whatHappened[entry.kind] ?? entry.kind)}
                  </td>
                  <td data-label="When">
                    <time dateTime={entry.at}>{when(entry.at)}</time>
                  </td>
                  <td data-label="Purpose">{purposeOf(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="call-dialog__actions">
        <button type="button" className="lk-button" onClick={onClose}>
          Close
        </button>
      </div>
    </CallDialog>
  );
}
