import { useEffect, useState } from 'react';

async function copyText(text: string, fallbackInput: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The async clipboard needs a secure context; plain http on a LAN address falls back to selection.
    if (!fallbackInput) return false;
    fallbackInput.select();
    return document.execCommand('copy');
  }
}

interface CopyLinkButtonProps {
  /** What the button copies, for screen readers: "Copy invite link for Ana". */
  label: string;
  url: string;
  inputId: string;
}

export function CopyLinkButton({ label, url, inputId }: CopyLinkButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  const onCopy = async () => {
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    setState((await copyText(url, input)) ? 'copied' : 'failed');
  };

  return (
    <>
      <button type="button" className="button button--secondary" onClick={onCopy}>
        <span className="visually-hidden">{label}</span>
        <span aria-hidden="true">{state === 'copied' ? 'Copied' : 'Copy'}</span>
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select the link and copy it' : ''}
      </span>
    </>
  );
}
