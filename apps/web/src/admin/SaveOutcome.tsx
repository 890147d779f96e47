import { ErrorAlert } from '../ui/ErrorAlert';
import type { SaveState } from './PolicyForm';

/** What the last press of "Save policy" did; the status region stays mounted so screen readers hear it. */
interface SaveOutcomeProps {
  save: SaveState;
  /** Problems no field shows beside itself (a path this form does not know). */
  unplaced: readonly string[];
  onReload: () => void;
}

export function SaveOutcome({ save, unplaced, onReload }: SaveOutcomeProps) {
  return (
    <>
      {save.kind === 'stale' && (
        <ErrorAlert
          title="Someone else saved the policy meanwhile"
          focusOnMount
          actions={
            <button type="button" className="button button--secondary" onClick={onReload}>
              Reload the policy
            </button>
          }
        >
          <p>
            Your changes were not saved. Reload to see their version, then make your changes again. Reloading
            discards what you changed here.
          </p>
        </ErrorAlert>
      )}
      {save.kind === 'invalid' && (
        <ErrorAlert title="Some details need fixing">
          <p>Check the fields marked above.</p>
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </ErrorAlert>
      )}
      <p role="status" className="admin__saved">
        {outcomeText(save)}
      </p>
    </>
  );
}

function outcomeText(save: SaveState): string {
  if (save.kind === 'saving') return 'Saving…';
  if (save.kind === 'saved') return `Saved as version ${save.version}`;
  if (save.kind === 'unchanged') return `Nothing was changed, so version ${save.version} stays in force`;
  return '';
}
