import type { RecordingConsent, RecordingDetail } from '@assent/shared';
import { formatDateTime } from '../ui/format';
import { consentKindInWords, roleInWords } from './recording-words';

/** The consent log the recording was made under, in the order it was written. */
export function RecordingConsents({ recording }: { recording: RecordingDetail }) {
  if (recording.consents.length === 0) {
    return <p className="muted">The server sent no consent entries for this recording.</p>;
  }
  const purposeOf = (purpose: string) => (purpose === recording.purpose ? recording.purposeLabel : purpose);
  return (
    <table className="recordings-table recordings-table--consents card-table">
      <caption className="visually-hidden">Consent entries for this recording, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Who</th>
          <th scope="col">Role</th>
          <th scope="col">What</th>
          <th scope="col">For</th>
          <th scope="col">When</th>
          <th scope="col">Purpose</th>
          <th scope="col">Notice version</th>
        </tr>
      </thead>
      <tbody>
        {recording.consents.map((entry) => (
          <tr key={`${entry.at}|${entry.personName}|${entry.kind}|${entry.forName ?? ''}`}>
            <th scope="row" data-label="Who">
              {entry.personName}
            </th>
            <td data-label="Role">{roleInWords(entry.role)}</td>
            <td data-label="What">
              {consentKindInWords(entry.kind)}
              {entry.inAdvance && ' in advance'}
            </td>
            <td data-label="For">
              {entry.forName ?? <span className="muted">{selfOrNobody(entry.kind)}</span>}
            </td>
            <td data-label="When">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            </td>
            <td data-label="Purpose">{purposeOf(entry.purpose)}</td>
            <td data-label="Notice">{entry.noticeVersion}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A request is nobody's consent; anyone else's answer without a child's name is for themselves. */
function selfOrNobody(kind: RecordingConsent['kind']): string {
  return kind === 'request' || kind === 'cancel' ? '—' : 'Themselves';
}
