/**
 * The JSON object of a data message the server sent on `topic`, or undefined for anything else.
 *
 * SECURITY: only the server sends on these topics (LiveKit names no sender for what the server sends); a
 * packet from a participant is ignored, though no browser token may publish data anyway. Each topic's
 * reader checks the fields by hand, not with the shared zod schema, so the call page does not carry zod.
 */
export function serverPacket(
  payload: Uint8Array,
  sender: { identity: string } | undefined,
  topic: string | undefined,
  expected: string,
): Record<string, unknown> | undefined {
  if (sender !== undefined || topic !== expected) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return undefined;
  }
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : undefined;
}
