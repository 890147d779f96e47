import { type ReactNode, useId } from 'react';
import { CopyLinkButton } from './CopyLinkButton';
import './controls.css';

interface LinkFieldProps {
  /** The textbox's accessible name, e.g. "Invite link for Ana". */
  label: string;
  /** What sighted people read as the label, when it says more (a name and a role badge). */
  visibleLabel?: ReactNode;
  url: string;
}

/** A personal link to copy and send: read-only, selected on focus, with a Copy button. */
export function LinkField({ label, visibleLabel, url }: LinkFieldProps) {
  const inputId = useId();
  return (
    <div className="link-field">
      <label htmlFor={inputId} className="link-field__label">
        {visibleLabel ? (
          <>
            <span className="visually-hidden">{label}</span>
            <span aria-hidden="true">{visibleLabel}</span>
          </>
        ) : (
          label
        )}
      </label>
      <div className="link-field__row">
        <input id={inputId} type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <CopyLinkButton
          label={`Copy ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
          url={url}
          inputId={inputId}
        />
      </div>
    </div>
  );
}
