import type { ConsentAnswerCounts, ConsentCommandKind, ConsentLogEntry } from '@assent/shared';
import { useEffect, useState } from 'react';
import { fetchConsentLog } from '../api/consent';
import { useAssentStore } from '../store';
import { DataTable } from '../ui/DataTable';
import { countInWords } from '../ui/format';
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
  | { kind: 'ready'; entries: ConsentLogEntry[]; counts: ConsentAnswerCounts[] };

const roleNames: Record<string, string> = {
  tutor: 'Tutor',
  student: 'Student',
  guardian: 'Guardian',
  observer: 'Observer',
  admin: 'Admin',
};

const localTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** In the reader's own time zone; an unreadable timestamp is shown as stored rather than hidden. */
function when(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : localTime.format(date);
}

const people = (n: number) => countInWords(n, 'person', 'people');

/** "Safeguarding: 2 people consented, 1 person declined", never who. */
export function answersInWords(count: ConsentAnswerCounts, purpose: string): string {
  const parts = [
    count.consented > 0 ? `${people(count.consented)} consented` : '',
    count.declined > 0 ? `${people(count.declined)} declined` : '',
    count.withdrawn > 0 ? `${people(count.withdrawn)} withdrew consent` : '',
  ].filter(Boolean);
  return `${purpose}: ${parts.join(', ')}`;
}

/** The session's consent record: everyone sees their own entries, the tutor also counts of others' (the server decides). */
export function ConsentRecordDialog({ onClose }: { onClose: () => void }) {
  const { inviteToken, role } = useCallSession();
  const [log, setLog] = useState<LogState>({ kind: 'loading' });
  const current = useAssentStore((s) => s.recording?.request);

  useEffect(() => {
    let cancelled = false;
    fetchConsentLog(inviteToken).then(
      ({ entries, counts }) => !cancelled && setLog({ kind: 'ready', entries, counts: counts ?? [] }),
      (e: unknown) =>
        !cancelled &&
        setLog({ kind: 'failed', message: e instanceof Error ? e.message : 'Please try again.' }),
    );
    return () => {
      cancelled = true;
    };
  }, [inviteToken]);

  const purposeOf = (entry: Pick<ConsentLogEntry, 'purpose'>) =>
    entry.purpose === current?.purpose ? current.purposeLabel : entry.purpose.replace(/[_-]+/g, ' ');

  return (
    <CallDialog title="Consent record" onClose={onClose} className="record-dialog">
      <p className="call-dialog__hint">
        {role === 'tutor'
          ? 'Your requests and answers in this session, as stored, and how many others answered each request. Nobody in the call sees who said no; reviewers and administrators keep the full record.'
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
          <DataTable
            className="record-table"
            rows={log.entries}
            rowKey={(entry) => entry.id}
            rowHeaders={false}
            columns={[
              { header: 'Who', cell: (entry) => entry.personName },
              { header: 'Role', cell: (entry) => roleNames[entry.role] ?? entry.role },
              {
                header: 'What',
                cell: (entry) =>
                  entry.reason ? whyCancelled[entry.reason] : (whatHappened[entry.kind] ?? entry.kind),
              },
              { header: 'When', cell: (entry) => <time dateTime={entry.at}>{when(entry.at)}</time> },
              { header: 'Purpose', cell: (entry) => purposeOf(entry) },
            ]}
          />
        </div>
      )}
      {log.kind === 'ready' && log.counts.length > 0 && (
        <ul className="record-counts" aria-label="Answers from others">
          {log.counts.map((count) => (
            <li key={count.requestId}>{answersInWords(count, purposeOf(count))}</li>
          ))}
        </ul>
      )}
      <div className="call-dialog__actions">
        <button type="button" className="lk-button" onClick={onClose}>
          Close
        </button>
      </div>
    </CallDialog>
  );
}
