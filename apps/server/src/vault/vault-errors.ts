/**
 * The vault's errors, typed so callers can tell "this blob cannot be trusted" (never serve it), "that
 * range is not in the recording" (HTTP 416) and "that key cannot be unwrapped" apart without reading
 * messages. Messages never hold key material.
 */

/** The blob is damaged, truncated, extended, reordered, tampered with, not a vault blob, or the key is wrong. */
export class VaultIntegrityError extends Error {
  override name = 'VaultIntegrityError';
}

/** A plaintext range that is empty or reaches outside the recording; `plaintextBytes` is for `Content-Range: bytes *\/n`. */
export class VaultRangeError extends RangeError {
  override name = 'VaultRangeError';

  constructor(
    readonly start: number,
    readonly endInclusive: number,
    readonly plaintextBytes: number,
  ) {
    super(`bytes ${start}-${endInclusive} are not within the ${plaintextBytes} bytes of the recording`);
  }
}

export type VaultKeyProblem =
  | 'unknown_kek'
  | 'unwrap_failed'
  | 'invalid_master_keys'
  | 'invalid_input'
  /** The recording has no data key: it was never stored, or has been destroyed. */
  | 'no_key';

/** A data key could not be wrapped or unwrapped, or the master keys given are unusable. */
export class VaultKeyError extends Error {
  override name = 'VaultKeyError';

  constructor(
    readonly problem: VaultKeyProblem,
    message: string,
  ) {
    super(message);
  }
}
