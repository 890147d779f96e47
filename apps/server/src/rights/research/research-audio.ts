/**
 * A recording's sound alone, for research exports: the audio track's packets copied into a new file
 * (no decoding, no re-encoding), the video track left behind. Egress records Opus in MP4, which goes
 * into Ogg (the usual home of Opus); any other audio codec goes into an audio-only MP4. The source is
 * read by byte ranges, so the vault decrypts only what the demuxer asks for.
 */
import {
  ALL_FORMATS,
  BufferTarget,
  CustomSource,
  EncodedAudioPacketSource,
  EncodedPacketSink,
  Input,
  Mp4OutputFormat,
  OggOutputFormat,
  Output,
} from 'mediabunny';

/** A file readable by byte ranges, `read(start, end)` answering bytes start … end - 1. */
export interface RangedFile {
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

export interface AudioFile {
  bytes: Uint8Array;
  /** `ogg` for Opus, `m4a` for anything else. */
  extension: 'ogg' | 'm4a';
}

const inputOf = (file: RangedFile) =>
  new Input({
    source: new CustomSource({
      getSize: () => file.size,
      read: (start, end) => file.read(start, end),
      prefetchProfile: 'fileSystem',
    }),
    formats: ALL_FORMATS,
  });

/** The extension `audioOnly` will give this recording's sound, or null when it has no audio track. */
export async function audioExtensionOf(file: RangedFile): Promise<AudioFile['extension'] | null> {
  if (file.size === 0) return null;
  const input = inputOf(file);
  try {
    const track = await input.getPrimaryAudioTrack();
    if (!track?.codec) return null;
    return track.codec === 'opus' ? 'ogg' : 'm4a';
  } finally {
    input.dispose();
  }
}

/** The sound of `file` in a file of its own, or null when the recording has no audio track. */
export async function audioOnly(file: RangedFile): Promise<AudioFile | null> {
  if (file.size === 0) return null;
  const input = inputOf(file);
  try {
    const track = await input.getPrimaryAudioTrack();
    if (!track?.codec) return null;
    const ogg = track.codec === 'opus';
    const output = new Output({
      format: ogg ? new OggOutputFormat() : new Mp4OutputFormat({ fastStart: 'in-memory' }),
      target: new BufferTarget(),
    });
    const packets = new EncodedAudioPacketSource(track.codec);
    output.addAudioTrack(packets);
    await output.start();
    const decoderConfig = await track.getDecoderConfig();
    if (!decoderConfig) throw new Error('the recording’s audio track has no decoder configuration');
    let first = true;
    for await (const packet of new EncodedPacketSink(track).packets()) {
      await packets.add(packet, first ? { decoderConfig } : undefined);
      first = false;
    }
    packets.close();
    await output.finalize();
    const buffer = output.target.buffer;
    if (!buffer) throw new Error('the audio file was not written');
    return { bytes: new Uint8Array(buffer), extension: ogg ? 'ogg' : 'm4a' };
  } finally {
    input.dispose();
  }
}
