// Placeholder: the feature fills this in.
export function MyReports() {
  return null;
}
