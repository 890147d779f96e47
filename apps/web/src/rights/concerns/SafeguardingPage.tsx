// Placeholder: the feature fills this in.
export function SafeguardingPage() {
  return null;
}
