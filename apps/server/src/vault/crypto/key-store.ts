/**
 * Key-encryption keys (KEKs): each recording's data key is stored only wrapped by one. Rotating means
 * adding a key and making it current; old ones stay listed until every key they wrapped is rewrapped or
 * shredded. Destroying a recording's wrapped key is what deletes it for good.
 */
import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { assertMasterKey, type MasterKey } from '../master-keys-source';
import { VaultKeyError } from '../vault-errors';
import { DATA_KEY_BYTES } from './stream-format';

export interface WrappedKey {
  kekId: string;
  /** base64url of iv(12) | ciphertext(32) | tag(16). */
  wrapped: string;
}

/** Wraps per-recording data keys; the default keeps KEKs from config, a cloud KMS can implement the same. */
export interface KeyStore {
  readonly currentKekId: string;
  /** `context` (e.g. the recording id) is bound as AAD: the wrapped key unwraps only for that recording. */
  wrap(dataKey: Buffer, context: string): Promise<WrappedKey>;
  /** Wrong context, unknown KEK or any tampering rejects with a `VaultKeyError`. */
  unwrap(wrapped: WrappedKey, context: string): Promise<Buffer>;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const WRAPPED_BYTES = IV_BYTES + DATA_KEY_BYTES + TAG_BYTES;

/** The AAD names the format, the KEK and the context, so a wrapped key cannot be replayed elsewhere. */
const additionalData = (kekId: string, context: string) =>
  Buffer.from(`assent-vault-key:v1:${kekId}:${context}`, 'utf8');

/** A key store over master keys held in config (`VAULT_MASTER_KEYS`); wraps with `currentKekId`. */
export function configKeyStore(keys: readonly MasterKey[], currentKekId: string): KeyStore {
  const keks = new Map<string, KeyObject>();
  for (const { id, key } of keys) {
    assertMasterKey(id, key);
    if (keks.has(id)) throw new VaultKeyError('invalid_master_keys', `master key id "${id}" appears twice`);
    keks.set(id, createSecretKey(key));
  }
  const current = keks.get(currentKekId);
  if (!current) {
    throw new VaultKeyError('invalid_master_keys', `the current master key "${currentKekId}" is not listed`);
  }

  return {
    currentKekId,

    async wrap(dataKey, context) {
      assertContext(context);
      if (dataKey.length !== DATA_KEY_BYTES) {
        throw new VaultKeyError('invalid_input', `a data key is ${DATA_KEY_BYTES} bytes`);
      }
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, current, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(additionalData(currentKekId, context));
      const sealed = Buffer.concat([iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
      return { kekId: currentKekId, wrapped: sealed.toString('base64url') };
    },

    async unwrap({ kekId, wrapped }, context) {
      assertContext(context);
      const kek = keks.get(kekId);
      if (!kek) throw new VaultKeyError('unknown_kek', `no master key "${kekId}" is configured`);
      const sealed = Buffer.from(wrapped, 'base64url');
      // Node's decoder ignores stray characters and trailing bits; accept only the text wrap() writes.
      if (sealed.length !== WRAPPED_BYTES || sealed.toString('base64url') !== wrapped) {
        throw new VaultKeyError('unwrap_failed', 'the wrapped key is not well-formed');
      }
      const decipher = createDecipheriv(ALGORITHM, kek, sealed.subarray(0, IV_BYTES), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(additionalData(kekId, context));
      decipher.setAuthTag(sealed.subarray(IV_BYTES + DATA_KEY_BYTES));
      const dataKey = decipher.update(sealed.subarray(IV_BYTES, IV_BYTES + DATA_KEY_BYTES));
      try {
        decipher.final();
      } catch {
        dataKey.fill(0);
        throw new VaultKeyError(
          'unwrap_failed',
          `the key does not unwrap with "${kekId}" for this context: wrong recording, or altered`,
        );
      }
      return dataKey;
    },
  };
}

function assertContext(context: string): void {
  if (context === '') throw new VaultKeyError('invalid_input', 'a wrapped key needs a context to bind to');
}
