/** One stretch of speech the engine heard, in seconds from the start of the audio. */
export interface HeardSegment {
  start: number;
  end: number;
  text: string;
}

export interface Heard {
  segments: HeardSegment[];
  /** Seconds of audio the engine read. */
  audioSeconds: number;
  /** The model that heard it (its directory's name). */
  model: string;
}

/**
 * Speech to text on this machine (the faster-whisper worker the server starts). Nothing it is given or
 * returns leaves the machine; the caller owns the plaintext file and removes it.
 */
export interface Transcriber {
  /** Transcribes a decrypted media file (audio or video) at `path`, in tmpfs or memory-backed storage. */
  transcribe(path: string): Promise<Heard>;
  stop(): Promise<void>;
}
