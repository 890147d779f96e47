/**
 * A ZIP archive written as it is read: each entry's bytes are pulled only when the reader wants more,
 * so a recording passes through (decrypted, never stored again) without being held whole in memory.
 */
import { Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

export interface ArchiveEntry {
  name: string;
  /** Media is stored as is (already compressed); text is deflated. */
  store: boolean;
  content: () => AsyncIterable<Uint8Array> | Promise<AsyncIterable<Uint8Array>>;
}

async function* zipChunks(entries: readonly ArchiveEntry[], modifiedAt: Date): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  // With pass-through and synchronous deflate, fflate hands over each piece during the push that made it.
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  function* drain() {
    if (failure) throw failure;
    while (ready.length > 0) yield ready.shift() as Uint8Array;
  }
  for (const entry of entries) {
    const file = entry.store ? new ZipPassThrough(entry.name) : new ZipDeflate(entry.name, { level: 6 });
    file.mtime = modifiedAt;
    zip.add(file);
    for await (const chunk of await entry.content()) {
      file.push(chunk);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** The archive as a web stream for the response body; it errors if an entry fails midway. */
export function zipStream(entries: readonly ArchiveEntry[], modifiedAt: Date): ReadableStream<Uint8Array> {
  return Readable.toWeb(Readable.from(zipChunks(entries, modifiedAt))) as ReadableStream<Uint8Array>;
}

/** One in-memory text file as an entry's content. */
export async function* textContent(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}
