import type { MyConcernReport } from '@assent/shared';
import { useEffect, useState } from 'react';
import { reportsFromCall } from '../api/concerns';

const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

function inWords(report: MyConcernReport): string {
  return report.status === 'handled' && report.handledAt
    ? `Your report about this session was handled on ${day.format(new Date(report.handledAt))}. Thank you for telling us.`
    : 'Your report about this session was received; the safeguarding team is looking into it.';
}

/**
 * Someone who reported a concern from the call without an account (a child, a guest) learns from their
 * own link that it was received and, later, handled; nothing shows for anyone else, and a failure to ask
 * shows nothing either (it must never get in the way of joining).
 */
export function JoinReportStatus({ inviteToken }: { inviteToken: string }) {
  const [reports, setReports] = useState<MyConcernReport[]>([]);
  useEffect(() => {
    let live = true;
    reportsFromCall(inviteToken).then(
      (list) => live && setReports(list.reports),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [inviteToken]);
  if (reports.length === 0) return null;
  return (
    <ul className="join-reports" aria-label="Your reports">
      {reports.map((report) => (
        <li key={report.id} className="notice-line">
          {inWords(report)}
        </li>
      ))}
    </ul>
  );
}
