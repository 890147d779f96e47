// Placeholder: the feature fills this in.
export function ResearchExportPage() {
  return null;
}
