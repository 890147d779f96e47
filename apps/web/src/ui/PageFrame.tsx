import type { ReactNode } from 'react';

/** Header and main landmark shared by the pages outside a call. */
export function PageFrame({ children }: { children: ReactNode }) {
  return (
    <div className="page">
      <header className="page__header">
        <p className="brand">Assent</p>
        <p className="brand__tagline">Tutoring calls recorded only when everyone agrees</p>
      </header>
      <main className="page__main">{children}</main>
    </div>
  );
}
