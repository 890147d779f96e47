import type { ReactNode } from 'react';
import { useState } from 'react';
import { describeFailure, type FailureMessage } from '../api/failure-words';
import { replaceSeatLink } from '../api/families';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LinkField } from '../ui/LinkField';

interface ReplaceableLinkProps {
  sessionId: string;
  personId: string;
  /** Whose seat: names the field and the button ("Replace link for Ana"). */
  name: string;
  label: string;
  visibleLabel?: ReactNode;
  url: string;
}

/**
 * A seat's join link with "Replace link": a new link for the seat, after which every earlier one is
 * refused ("This link was replaced"). The new link is shown here, once: send it again yourself.
 */
export function ReplaceableLink({
  sessionId,
  personId,
  name,
  label,
  visibleLabel,
  url,
}: ReplaceableLinkProps) {
  const [replaced, setReplaced] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FailureMessage | null>(null);

  const replace = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setReplaced((await replaceSeatLink(sessionId, personId)).url);
    } catch (error) {
      setFailure(describeFailure(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="replaceable-link">
      <LinkField label={label} visibleLabel={visibleLabel} url={replaced ?? url} />
      {replaced && (
        <p role="status" className="muted">
          New link made for {name}. The earlier link no longer works: send this one instead.
        </p>
      )}
      {failure && (
        <ErrorAlert title={failure.title} focusOnMount>
          <p>{failure.detail}</p>
        </ErrorAlert>
      )}
      <button
        type="button"
        className="button button--quiet"
        onClick={replace}
        disabled={busy}
        aria-busy={busy}
        aria-label={`Replace link for ${name}`}
      >
        Replace link
      </button>
    </div>
  );
}
