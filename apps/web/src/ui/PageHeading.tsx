import { type ReactNode, useEffect, useRef } from 'react';
import { navigatedInApp } from '../router';

/**
 * A page's h1. After an in-app navigation it takes focus, so a screen reader announces the new page and
 * Tab starts from its top; on a fresh load the browser's own start point is left alone.
 */
export function PageHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (navigatedInApp()) ref.current?.focus();
  }, []);
  return (
    <h1 id={id} ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
