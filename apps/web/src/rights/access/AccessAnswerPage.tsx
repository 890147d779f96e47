// Placeholder: the feature fills this in.
export function AccessAnswerPage(_props: { requestId: string }) {
  return null;
}
