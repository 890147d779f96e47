import { type ComponentType, lazy, Suspense } from 'react';

/**
 * A part of a page fetched the first time it is shown (a dialog opened from a button), so the page loads
 * without it. Nothing shows while it is fetched (a moment, on the server the page came from); if the
 * fetch fails (the connection dropped), `Failed` shows in its place rather than the error taking the
 * whole page down.
 */
export function onDemand<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Failed: ComponentType<P>,
): ComponentType<P> {
  const Part = lazy(() =>
    load().then(
      (component) => ({ default: component }),
      () => ({ default: Failed }),
    ),
  );
  return function OnDemand(props: P) {
    return (
      <Suspense fallback={null}>
        <Part {...props} />
      </Suspense>
    );
  };
}
