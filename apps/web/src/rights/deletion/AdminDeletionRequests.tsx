// Placeholder: the feature fills this in.
export function AdminDeletionRequests() {
  return null;
}
