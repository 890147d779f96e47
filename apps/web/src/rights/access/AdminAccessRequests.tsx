// Placeholder: the feature fills this in.
export function AdminAccessRequests() {
  return null;
}
