import WebSocket from 'ws';
import { parseServerEvent } from '../../src/core/protocol/parseServerEvent.ts';

export interface ServerEventRecord {
  type: string;
  [key: string]: unknown;
}

/** A `ws` client that validates every server event with the kit's schema as it arrives. */
export async function openEmulatorSocket(url: string, key: string) {
  const socket = new WebSocket(url, ['realtime', `openai-insecure-api-key.${key}`]);
  const events: ServerEventRecord[] = [];
  const invalid: string[] = [];
  const waiters: Array<{ test: (e: ServerEventRecord) => boolean; resolve: (e: ServerEventRecord) => void }> = [];
  let closed: { code: number; reason: string } | null = null;
  socket.on('message', (data) => {
    const event = JSON.parse(String(data)) as ServerEventRecord;
    const parsed = parseServerEvent(event);
    if (!parsed.ok) invalid.push(`${event.type}: ${JSON.stringify(parsed).slice(0, 300)}`);
    events.push(event);
    for (const waiter of [...waiters]) {
      if (waiter.test(event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  });
  const closedPromise = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => {
      closed = { code, reason: reason.toString() };
      resolve(closed);
    }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    events,
    invalid,
    closed: closedPromise,
    get isClosed() {
      return closed !== null;
    },
    send(event: object | string) {
      socket.send(typeof event === 'string' ? event : JSON.stringify(event));
    },
    /** Resolves with the first event (already received or future) of this type after `from`. */
    next(type: string, timeoutMs = 5000, from = 0): Promise<ServerEventRecord> {
      const seen = events.slice(from).find((e) => e.type === type);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeoutMs} ms; got ${events.map((e) => e.type).join(', ')}`)), timeoutMs);
        waiters.push({
          test: (e) => e.type === type,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
    /** Stream `ms` of PCM16 24 kHz audio in 20 ms appends: a tone when `loud`, zeros otherwise. */
    append(ms: number, loud: boolean) {
      for (let t = 0; t < ms; t += 20) {
        const pcm = new Int16Array(480);
        if (loud) for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(9000 * Math.sin((2 * Math.PI * 200 * i) / 24000));
        socket.send(JSON.stringify({ type: 'input_audio_buffer.append', audio: Buffer.from(pcm.buffer).toString('base64') }));
      }
    },
  };
}
