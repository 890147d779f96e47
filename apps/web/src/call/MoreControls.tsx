import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/**
 * The control bar's lower-priority controls (raise hand, the layout switch). On a wide screen they sit in
 * the bar as they are; on a phone (call.css) behind "More", a disclosure button that opens them above the
 * bar, so the bar keeps to one or two rows. Escape or a click elsewhere closes it; Escape gives the focus
 * back to "More". Nothing about consent or recording ever goes in here.
 */
export function MoreControls({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);
  return (
    <div className="more-controls" ref={box}>
      <button
        ref={button}
        type="button"
        className="lk-button more-controls__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        <MoreIcon />
        More
      </button>
      <div id={panelId} className="more-controls__panel" data-open={open}>
        {children}
      </div>
    </div>
  );
}

function MoreIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="3" cy="8" r="1.6" fill="currentColor" />
      <circle cx="8" cy="8" r="1.6" fill="currentColor" />
      <circle cx="13" cy="8" r="1.6" fill="currentColor" />
    </svg>
  );
}
