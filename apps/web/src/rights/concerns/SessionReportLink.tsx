// Placeholder: the feature fills this in.
export function SessionReportLink(_props: { sessionId: string; title: string }) {
  return null;
}
