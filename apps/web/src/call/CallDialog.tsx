import { type ReactNode, useEffect, useId, useRef } from 'react';

interface CallDialogProps {
  title: string;
  children: ReactNode;
  /** Without it the dialog closes only by being answered (the consent prompt). */
  onClose?: () => void;
  className?: string;
}

/**
 * A dialog over the video, focused when it opens. Not modal: the banner, Withdraw consent and Leave
 * stay reachable while it is open, so nobody is trapped in a question.
 */
export function CallDialog({ title, children, onClose, className }: CallDialogProps) {
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const node = ref.current;
    node?.focus();
    return () => {
      // Give focus back to where it was, unless the person has moved on to something else.
      const lost = document.activeElement === document.body || node?.contains(document.activeElement);
      if (lost && opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <section
      ref={ref}
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      tabIndex={-1}
      className={className ? `call-dialog ${className}` : 'call-dialog'}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onClose) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 id={headingId} className="call-dialog__title">
        {title}
      </h2>
      {children}
    </section>
  );
}
