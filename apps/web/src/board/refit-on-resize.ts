/**
 * Calls `refit` once after the window has been resized, on the next animation frame (the editor measures its
 * box on the same event first; a drag that fires many events fits once per frame). Returns the unsubscribe.
 */
export function refitOnResize(target: Window, refit: () => void): () => void {
  let frame: number | undefined;
  const onResize = () => {
    if (frame !== undefined) return;
    frame = target.requestAnimationFrame(() => {
      frame = undefined;
      refit();
    });
  };
  target.addEventListener('resize', onResize);
  return () => {
    target.removeEventListener('resize', onResize);
    if (frame !== undefined) target.cancelAnimationFrame(frame);
  };
}
