// Placeholder: the feature fills this in.
export function MyAccessRequests() {
  return null;
}
