// Placeholder: the feature fills this in.
export function GuardianPresencePage() {
  return null;
}
