import '../../styles/recordings.css';
import './guardian-presence.css';
import type { GuardianPresenceSession } from '@assent/shared';
import { useState } from 'react';
import { AdminFailureAlert } from '../../ui/AdminFailureAlert';
import { CheckboxField } from '../../ui/CheckboxField';
import { DataTable } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { endInWords, startInWords } from './presence-words';
import { useGuardianPresence } from './useGuardianPresence';

const returnTo = '/admin/guardian-presence';

/** `/admin/guardian-presence`: sessions with children, and whether a guardian was there at start and end. */
export function GuardianPresencePage() {
  usePageTitle('Guardian presence');
  const [missedOnly, setMissedOnly] = useState(true);
  const { state, older, reload, loadOlder } = useGuardianPresence(missedOnly);

  return (
    <section className="card recordings recordings--wide" aria-labelledby="guardian-presence-heading">
      <PageHeading id="guardian-presence-heading">Guardian presence</PageHeading>
      <p className="muted">
        A parent or guardian should be present at the start and end of each session. For each child, this
        shows whether one of their guardians was in the call in the child's first and last five minutes.
      </p>
      <CheckboxField
        id="guardian-presence-missed-only"
        label="Only sessions where a guardian was missing"
        checked={missedOnly}
        onChange={setMissedOnly}
      />
      <div aria-busy={state.kind === 'loading'}>
        {state.kind === 'loading' && <p className="muted">Loading sessions…</p>}
        {state.kind === 'failed' && (
          <AdminFailureAlert error={state.error} returnTo={returnTo} onRetry={reload} />
        )}
        {state.kind === 'ready' && state.data.sessions.length === 0 && (
          <p>
            {missedOnly ? 'No session is missing a guardian.' : 'No session with children has been held yet.'}
          </p>
        )}
        {state.kind === 'ready' && state.data.sessions.length > 0 && (
          <PresenceTable sessions={state.data.sessions} />
        )}
        {state.kind === 'ready' && state.data.nextBefore && (
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={loadOlder}
              disabled={older.kind === 'loading'}
            >
              {older.kind === 'loading' ? 'Loading older sessions…' : 'Show older sessions'}
            </button>
          </div>
        )}
        {older.kind === 'failed' && (
          <AdminFailureAlert error={older.error} returnTo={returnTo} onRetry={loadOlder} />
        )}
      </div>
    </section>
  );
}

function PresenceTable({ sessions }: { sessions: readonly GuardianPresenceSession[] }) {
  return (
    <DataTable
      className="recordings-table card-table"
      caption="Sessions with children, newest first"
      rows={sessions}
      rowKey={(session) => session.sessionId}
      columns={[
        { header: 'Session', cell: (session) => session.title },
        {
          header: 'Date',
          cell: (session) => {
            const when = session.callStartedAt ?? session.createdAt;
            return <time dateTime={when}>{formatDateTime(when)}</time>;
          },
        },
        { header: 'Tutor', cell: (session) => session.tutorName ?? <span className="muted">Not known</span> },
        {
          header: 'Children',
          cell: (session) => (
            <ul className="presence-children">
              {session.minors.map((minor) => (
                <li key={minor.personId}>
                  <strong>{minor.name}:</strong>{' '}
                  <span className={minor.start === 'missed' ? 'presence-missed' : undefined}>
                    {startInWords(minor.start)}
                  </span>
                  <span className="presence-children__sep" aria-hidden="true">
                    {' · '}
                  </span>
                  <span className={minor.end === 'missed' ? 'presence-missed' : undefined}>
                    {endInWords(minor.end)}
                  </span>
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
