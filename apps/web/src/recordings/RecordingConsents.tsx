import type { RecordingConsent, RecordingDetail } from '@assent/shared';
import { DataTable } from '../ui/DataTable';
import { formatDateTime } from '../ui/format';
import { consentKindInWords, roleInWords } from './recording-words';

/** The consent log the recording was made under, in the order it was written. */
export function RecordingConsents({ recording }: { recording: RecordingDetail }) {
  if (recording.consents.length === 0) {
    return <p className="muted">The server sent no consent entries for this recording.</p>;
  }
  const purposeOf = (purpose: string) => (purpose === recording.purpose ? recording.purposeLabel : purpose);
  return (
    <DataTable
      className="recordings-table recordings-table--consents card-table"
      caption="Consent entries for this recording, oldest first"
      rows={recording.consents}
      rowKey={(entry) => `${entry.at}|${entry.personName}|${entry.kind}|${entry.forName ?? ''}`}
      columns={[
        { header: 'Who', cell: (entry) => entry.personName },
        { header: 'Role', cell: (entry) => roleInWords(entry.role) },
        {
          header: 'What',
          cell: (entry) => (
            <>
              {consentKindInWords(entry.kind)}
              {entry.inAdvance && ' in advance'}
            </>
          ),
        },
        {
          header: 'For',
          cell: (entry) => entry.forName ?? <span className="muted">{selfOrNobody(entry.kind)}</span>,
        },
        { header: 'When', cell: (entry) => <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> },
        { header: 'Purpose', cell: (entry) => purposeOf(entry.purpose) },
        { header: 'Notice version', label: 'Notice', cell: (entry) => entry.noticeVersion },
      ]}
    />
  );
}

/** A request is nobody's consent; anyone else's answer without a child's name is for themselves. */
function selfOrNobody(kind: RecordingConsent['kind']): string {
  return kind === 'request' || kind === 'cancel' ? '—' : 'Themselves';
}
