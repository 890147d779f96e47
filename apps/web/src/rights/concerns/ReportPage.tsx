// Placeholder: the feature fills this in.
export function ReportPage(_props: { reportId: string }) {
  return null;
}
