// Placeholder: the feature fills this in.
export function ReportConcernPage(_props: { sessionId: string }) {
  return null;
}
