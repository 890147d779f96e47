/**
 * Per-participant state pushed to LiveKit, sent only where it changed: `sent` remembers what each present
 * identity last received; identities no longer wanted are forgotten, and a failed send is tried again on
 * the next call.
 */
export async function sendChanges<T>(
  sent: Map<string, T>,
  wanted: ReadonlyMap<string, T>,
  send: (identity: string, value: T) => Promise<void>,
  onFailure: (err: unknown, identity: string, value: T) => void,
): Promise<void> {
  for (const identity of sent.keys()) if (!wanted.has(identity)) sent.delete(identity);
  await Promise.all(
    [...wanted].map(async ([identity, value]) => {
      if (sent.get(identity) === value) return;
      try {
        await send(identity, value);
        sent.set(identity, value);
      } catch (err) {
        onFailure(err, identity, value);
      }
    }),
  );
}
