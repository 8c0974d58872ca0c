import type { EmulatorSession, EmulatorSessionOptions, MediaPlayback } from './createEmulatorSession.ts';
import { createEmulatorSession } from './createEmulatorSession.ts';

/** One emulated WebRTC call: the SDP answer to return and a way to hang up. */
export interface WebRTCCall {
  answer: string;
  close(): void;
  readonly closed: boolean;
  readonly session: EmulatorSession;
}

interface OpusCodec {
  encode(pcm: Buffer, frameSize: number): Buffer;
  decode(packet: Buffer): Buffer;
  delete(): void;
}

const FRAME_MS = 20;
const FRAME_48K = 960;

/**
 * Answer a browser's SDP offer with a `werift` peer (pure TypeScript WebRTC): the `oai-events`
 * data channel carries the events, the microphone track arrives as Opus RTP and is decoded with
 * `opusscript` (libopus in WebAssembly) so the same energy VAD as over WebSocket hears it, and
 * the assistant's speech-like audio is Opus-encoded and sent back in real time, which is how
 * the emulator knows when playback ends (`output_audio_buffer.stopped`).
 *
 * Only loopback candidates are offered, so the media never leaves the machine.
 *
 * @example
 * ```ts
 * const call = await createWebRTCCall(offerSdp, { session: keySession });
 * response.end(call.answer);
 * ```
 */
export async function createWebRTCCall(
  offer: string,
  sessionOptions: Omit<EmulatorSessionOptions, 'transport' | 'send' | 'playAudio'>,
): Promise<WebRTCCall> {
  const werift = await import('werift');
  const OpusScript = (await import('opusscript')).default as unknown as new (
    rate: number,
    channels: number,
    application: number,
  ) => OpusCodec;
  const decoder = new OpusScript(48000, 1, 2048);
  const encoder = new OpusScript(48000, 1, 2048);

  const pc = new werift.RTCPeerConnection({
    codecs: {
      audio: [new werift.RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48000, channels: 2 })],
    },
    iceAdditionalHostAddresses: ['127.0.0.1'],
    iceInterfaceAddresses: { udp4: '127.0.0.1' },
    iceUseIpv6: false,
  });

  let channel: InstanceType<typeof werift.RTCDataChannel> | null = null;
  const queued: string[] = [];
  let closed = false;
  const playbacks = new Set<MediaPlayback>();

  let sender: InstanceType<typeof werift.RTCRtpSender> | null = null;
  let payloadType = 111;
  let sequence = Math.floor(Math.random() * 0xffff);
  let timestamp = Math.floor(Math.random() * 0x7fffffff);

  const playAudio = (pcm: Int16Array, onEnd: () => void): MediaPlayback => {
    const pcm48 = upsample2x(pcm);
    const frames = Math.ceil(pcm48.length / FRAME_48K);
    const started = Date.now();
    let sent = 0;
    let stopped = false;
    const timer = setInterval(() => {
      // Catch up on wall time rather than trusting the interval: timers drift, audio may not.
      const due = Math.min(frames, Math.floor((Date.now() - started) / FRAME_MS) + 1);
      for (; sent < due && sender; sent++) {
        const frame = new Int16Array(FRAME_48K);
        frame.set(pcm48.subarray(sent * FRAME_48K, (sent + 1) * FRAME_48K));
        const payload = encoder.encode(Buffer.from(frame.buffer), FRAME_48K);
        const header = new werift.RtpHeader({
          payloadType,
          sequenceNumber: sequence,
          timestamp,
          marker: sent === 0,
        });
        sequence = (sequence + 1) & 0xffff;
        timestamp = (timestamp + FRAME_48K) >>> 0;
        void sender.sendRtp(new werift.RtpPacket(header, payload)).catch(() => undefined);
      }
      if (sent >= frames) {
        clearInterval(timer);
        playbacks.delete(handle);
        // Leave the browser's jitter buffer time to play the last frames.
        setTimeout(() => {
          if (!stopped && !closed) onEnd();
        }, 120);
      }
    }, FRAME_MS / 2);
    const handle: MediaPlayback = {
      stop() {
        stopped = true;
        clearInterval(timer);
        playbacks.delete(handle);
      },
    };
    playbacks.add(handle);
    return handle;
  };

  const session = createEmulatorSession({
    ...sessionOptions,
    transport: 'webrtc',
    send: (event) => {
      const text = JSON.stringify(event);
      if (channel && channel.readyState === 'open') channel.send(text);
      else queued.push(text);
    },
    playAudio,
  });

  pc.onDataChannel.subscribe((dc) => {
    if (dc.label !== 'oai-events') return;
    channel = dc;
    dc.onMessage.subscribe((data) => session.receive(typeof data === 'string' ? data : data.toString('utf8')));
    const flush = () => {
      for (const text of queued.splice(0)) dc.send(text);
    };
    if (dc.readyState === 'open') flush();
    dc.stateChanged.subscribe((state) => {
      if (state === 'open') flush();
      if (state === 'closed') close();
    });
    session.start();
  });

  pc.onTrack.subscribe((track) => {
    if (track.kind !== 'audio') return;
    track.onReceiveRtp.subscribe((rtp) => {
      if (closed || rtp.payload.length === 0) return;
      try {
        const decoded = decoder.decode(rtp.payload);
        session.pushAudio(new Int16Array(decoded.buffer, decoded.byteOffset, decoded.byteLength >> 1).slice(), 48000);
      } catch {
        // A packet libopus rejects (padding, DTX) counts as no audio.
      }
    });
  });

  pc.connectionStateChange.subscribe((state) => {
    if (state === 'failed' || state === 'closed') close();
  });

  await pc.setRemoteDescription({ type: 'offer', sdp: offer });
  const transceiver = pc.getTransceivers().find((t) => t.kind === 'audio');
  if (transceiver) {
    transceiver.setDirection('sendrecv');
    sender = transceiver.sender;
    payloadType = transceiver.codecs.find((codec) => /opus/i.test(codec.mimeType))?.payloadType ?? payloadType;
  }
  await pc.setLocalDescription(await pc.createAnswer());
  await waitForGathering(pc);

  function close() {
    if (closed) return;
    closed = true;
    for (const playback of [...playbacks]) playback.stop();
    session.close();
    void pc.close().catch(() => undefined);
    decoder.delete();
    encoder.delete();
  }

  return {
    answer: pc.localDescription?.sdp ?? '',
    close,
    session,
    get closed() {
      return closed;
    },
  };
}

async function waitForGathering(pc: { iceGatheringState: string; iceGatheringStateChange: { subscribe(f: (s: string) => void): unknown } }) {
  if (pc.iceGatheringState === 'complete') return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 3000);
    pc.iceGatheringStateChange.subscribe((state) => {
      if (state === 'complete') {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

function upsample2x(pcm: Int16Array): Int16Array {
  const out = new Int16Array(pcm.length * 2);
  for (let i = 0; i < pcm.length; i++) {
    const a = pcm[i] ?? 0;
    const b = pcm[i + 1] ?? a;
    out[2 * i] = a;
    out[2 * i + 1] = (a + b) >> 1;
  }
  return out;
}
