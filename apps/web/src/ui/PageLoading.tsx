/** A page's place while it, or who is signed in, is being fetched. */
export function PageLoading() {
  return (
    <p className="card muted" aria-busy="true">
      Loading…
    </p>
  );
}
