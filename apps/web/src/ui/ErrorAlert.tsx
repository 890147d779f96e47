import { type ReactNode, useEffect, useId, useRef } from 'react';

interface ErrorAlertProps {
  title: string;
  children?: ReactNode;
  /** Buttons or links offering a way out (Retry, Join without camera...). */
  actions?: ReactNode;
  /** Move focus to the alert when it appears, for errors that replace the page's content. */
  focusOnMount?: boolean;
}

/** A human error message: role alert, a heading naming the problem, what to do next. */
export function ErrorAlert({ title, children, actions, focusOnMount = false }: ErrorAlertProps) {
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <div className="error-alert" role="alert" aria-labelledby={headingId} tabIndex={-1} ref={ref}>
      <h2 id={headingId} className="error-alert__title">
        {title}
      </h2>
      {children && <div className="error-alert__body">{children}</div>}
      {actions && <div className="error-alert__actions">{actions}</div>}
    </div>
  );
}
