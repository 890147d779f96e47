/** The transcript as sealed in the vault: its lines, and each line's speaker's seat (for pseudonyms). */
import { TranscriptLine } from '@assent/shared';
import { z } from 'zod';
import type { Vault } from '../vault/vault';

const Sealed = z.object({
  lines: z.array(TranscriptLine),
  speakerIds: z.array(z.string().nullable()).optional(),
});
export type SealedTranscriptText = z.infer<typeof Sealed>;

/** Decrypts and parses a ready transcript. */
export async function openSealedTranscript(
  vault: Pick<Vault, 'openTranscript'>,
  transcriptId: string,
): Promise<SealedTranscriptText> {
  return Sealed.parse(JSON.parse((await vault.openTranscript(transcriptId)).toString('utf8')));
}
