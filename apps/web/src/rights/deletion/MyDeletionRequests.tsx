// Placeholder: the feature fills this in.
export function MyDeletionRequests() {
  return null;
}
