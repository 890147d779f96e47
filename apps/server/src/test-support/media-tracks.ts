/** What a media file holds, read with mediabunny: its tracks' codecs, and an audio track's packets. */
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';

const inputOf = (bytes: Uint8Array) => new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });

/** The codecs of the file's audio and video tracks. */
export async function tracksOf(bytes: Uint8Array): Promise<{ audio: string[]; video: string[] }> {
  const input = inputOf(bytes);
  const [audio, video] = await Promise.all([input.getAudioTracks(), input.getVideoTracks()]);
  return { audio: audio.map((t) => String(t.codec)), video: video.map((t) => String(t.codec)) };
}

/** The primary audio track's packets as hex, to tell a copy from a re-encoding. */
export async function packetsOf(bytes: Uint8Array): Promise<string[]> {
  const track = await inputOf(bytes).getPrimaryAudioTrack();
  if (!track) return [];
  const packets: string[] = [];
  for await (const packet of new EncodedPacketSink(track).packets()) {
    packets.push(Buffer.from(packet.data).toString('hex'));
  }
  return packets;
}
