import { useState } from 'react';
import { ReportConcernDialog } from './ReportConcernDialog';

/** Always in the control bar, for everyone: reporting must never depend on the call's state or a role. */
export function ReportConcernButton() {
  const [open, setOpen] = useState(false);
  return (
    <div className="report-concern">
      <button
        type="button"
        className="lk-button report-concern__button"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        Report a concern
      </button>
      {open && <ReportConcernDialog onClose={() => setOpen(false)} />}
    </div>
  );
}
