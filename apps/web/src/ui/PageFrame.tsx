import type { ReactNode } from 'react';

/** Header and main landmark shared by the pages outside a call; `nav` is the signed-in person's bar. */
export function PageFrame({ children, nav }: { children: ReactNode; nav?: ReactNode }) {
  return (
    <div className="page">
      <header className="page__header">
        <div className="page__brand">
          <p className="brand">Assent</p>
          <p className="brand__tagline">Tutoring calls recorded only when everyone agrees</p>
        </div>
        {nav}
      </header>
      <main className="page__main">{children}</main>
    </div>
  );
}
