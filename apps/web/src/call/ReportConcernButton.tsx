import { useState } from 'react';
import { ReportConcernDialog } from './call-dialogs';

/** Always in the control bar, for everyone: reporting must never depend on the call's state or a role. */
export function ReportConcernButton() {
  const [open, setOpen] = useState(false);
  return (
    <div className="report-concern">
      <button
        type="button"
        className="lk-button report-concern__button"
        aria-expanded={open}
        // The name whole, also on a phone, where the bar shows only "Report".
        aria-label="Report a concern"
        onClick={() => setOpen((was) => !was)}
      >
        <span>
          Report<span className="control-label--wide">{' a concern'}</span>
        </span>
      </button>
      {open && <ReportConcernDialog onClose={() => setOpen(false)} />}
    </div>
  );
}
