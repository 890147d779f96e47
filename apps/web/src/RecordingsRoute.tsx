import { RequireAccount } from './people/RequireAccount';
import { RecordingPage } from './recordings/RecordingPage';
import { RecordingsPage } from './recordings/RecordingsPage';

/** `/recordings` and `/recordings/:id`, for anyone signed in: the server decides what each person may watch. */
export function RecordingsRoute({ path, recordingId }: { path: string; recordingId?: string }) {
  return (
    <RequireAccount returnTo={path}>
      {(user) =>
        recordingId === undefined ? (
          <RecordingsPage />
        ) : (
          <RecordingPage recordingId={recordingId} showAccessLog={user.role === 'admin'} />
        )
      }
    </RequireAccount>
  );
}
