import { CallDialog } from './CallDialog';

/** In place of a call dialog whose code could not be fetched: the call goes on, and the person knows why. */
export function DialogUnavailable({ title, onClose }: { title: string; onClose: () => void }) {
  return (
    <CallDialog title={title} onClose={onClose}>
      <p role="alert">
        This could not be opened: the connection to Assent was interrupted. The call goes on; reload the page
        to try again.
      </p>
      <div className="actions">
        <button type="button" className="lk-button" onClick={onClose}>
          Close
        </button>
      </div>
    </CallDialog>
  );
}
