import { type ConsentScope, consentScopeText } from './consent-scope';

/** Rule 3 in one sentence, where someone is asked to consent; nothing when it does not concern them. */
export function ConsentScopeNote({ scope, className }: { scope: ConsentScope; className?: string }) {
  const text = consentScopeText(scope);
  if (!text) return null;
  return <p className={className ? `consent-scope ${className}` : 'consent-scope'}>{text}</p>;
}
