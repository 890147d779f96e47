// Placeholder: the feature fills this in.
export function ResearchSharingCard() {
  return null;
}
