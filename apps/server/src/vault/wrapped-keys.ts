/**
 * The one store of wrapped data keys. A recording's media and a transcript's text are each encrypted
 * under a fresh data key, which is kept only wrapped by the key-encryption key, bound to its owner's id
 * (a key never opens another owner's blob). Both kinds live here alike: stored when their blob is
 * sealed, read to open it, rewrapped on key rotation and deleted (crypto-shredding) when it is destroyed.
 * Each kind keeps its own table, named for its owner.
 */
import type { DbOrTrx } from '../db/database';
import type { KeyStore, WrappedKey } from './crypto/key-store';
import { VaultKeyError } from './vault-errors';

const keyTables = {
  recording: { table: 'recording_keys', owner: 'recording_id' },
  transcript: { table: 'transcript_keys', owner: 'transcript_id' },
} as const;

/** Whose data key: a recording's or a transcript's. */
export type KeyOwnerKind = keyof typeof keyTables;
export const keyOwnerKinds = Object.keys(keyTables) as KeyOwnerKind[];

/** A stored wrapped key with the id of what it opens. */
export interface OwnedWrappedKey extends WrappedKey {
  ownerId: string;
}

/** Stores (or replaces, when a blob is sealed again) the owner's wrapped data key. */
export async function storeWrappedKey(
  db: DbOrTrx,
  kind: KeyOwnerKind,
  ownerId: string,
  wrapped: WrappedKey,
  at: Date,
): Promise<void> {
  const { table, owner } = keyTables[kind];
  const row = { kek_id: wrapped.kekId, wrapped_key: wrapped.wrapped, wrapped_at: at.toISOString() };
  await db
    .insertInto(table)
    .values({ ...row, [owner]: ownerId })
    .onConflict((oc) => oc.column(owner).doUpdateSet({ kek_id: row.kek_id, wrapped_key: row.wrapped_key }))
    .execute();
}

/** The owner's wrapped data key; undefined when it was never stored or has been shredded. */
export async function wrappedKeyOf(
  db: DbOrTrx,
  kind: KeyOwnerKind,
  ownerId: string,
): Promise<WrappedKey | undefined> {
  const { table, owner } = keyTables[kind];
  const row = await db
    .selectFrom(table)
    .select(['kek_id', 'wrapped_key'])
    .where(owner, '=', ownerId)
    .executeTakeFirst();
  return row && { kekId: row.kek_id, wrapped: row.wrapped_key };
}

/**
 * The owner's data key, unwrapped for one use: the caller wipes it (`fill(0)`) as soon as it is done.
 * Rejects with a `VaultKeyError` (`no_key`) when there is none: never stored, or destroyed.
 */
export async function unwrapDataKey(
  deps: { db: DbOrTrx; keys: KeyStore },
  kind: KeyOwnerKind,
  ownerId: string,
): Promise<Buffer> {
  const wrapped = await wrappedKeyOf(deps.db, kind, ownerId);
  if (!wrapped) {
    throw new VaultKeyError('no_key', `${kind} ${ownerId} has no data key: never stored, or destroyed`);
  }
  return deps.keys.unwrap(wrapped, ownerId);
}

/** Crypto-shredding: deletes the owner's wrapped key, in the transaction that marks it destroyed. */
export async function shredWrappedKey(db: DbOrTrx, kind: KeyOwnerKind, ownerId: string): Promise<void> {
  const { table, owner } = keyTables[kind];
  await db.deleteFrom(table).where(owner, '=', ownerId).execute();
}

/** Up to `limit` keys of this kind not wrapped under `kekId` (for key rotation), by owner id. */
export async function wrappedKeysNotUnder(
  db: DbOrTrx,
  kind: KeyOwnerKind,
  kekId: string,
  limit: number,
): Promise<OwnedWrappedKey[]> {
  const { table, owner } = keyTables[kind];
  const rows = await db
    .selectFrom(table)
    .select((eb) => [eb.ref(owner).as('owner_id'), 'kek_id', 'wrapped_key'])
    .where('kek_id', '!=', kekId)
    .orderBy(owner)
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ownerId: row.owner_id, kekId: row.kek_id, wrapped: row.wrapped_key }));
}

/**
 * Replaces the owner's wrapped key `from` by `to` (the same data key under another key-encryption key).
 * False when nobody's key was `from` any more: changed or shredded meanwhile.
 */
export async function replaceWrappedKey(
  db: DbOrTrx,
  kind: KeyOwnerKind,
  ownerId: string,
  from: WrappedKey,
  to: WrappedKey,
  at: Date,
): Promise<boolean> {
  const { table, owner } = keyTables[kind];
  const result = await db
    .updateTable(table)
    .set({ kek_id: to.kekId, wrapped_key: to.wrapped, wrapped_at: at.toISOString() })
    .where(owner, '=', ownerId)
    .where('wrapped_key', '=', from.wrapped)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
