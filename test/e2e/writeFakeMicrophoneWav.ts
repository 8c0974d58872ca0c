import { writeFileSync } from 'node:fs';
import { synthesizeSpeech } from '../../src/emulator/synthesizeSpeech.ts';

/**
 * Write the fake microphone's WAV (48 kHz mono PCM16): `leadMs` of silence (covers connecting),
 * a speech-like burst, then long silence so Chromium's looping of the file never reaches the
 * burst again during a test (two minutes: a WebSocket page, with its barge-ins and microphone
 * switch, lives about a minute on a loaded machine; a second burst would be a stray user turn).
 */
export function writeFakeMicrophoneWav(path: string, options: { leadMs?: number; burstMs?: number; tailMs?: number } = {}): void {
  const rate = 48000;
  const lead = new Int16Array(Math.round(((options.leadMs ?? 4000) / 1000) * rate));
  const burst = synthesizeSpeech('Hello there, can you hear me now?', {
    sampleRate: rate,
    amplitude: 0.5,
    minMs: options.burstMs ?? 1600,
    maxMs: options.burstMs ?? 1600,
  });
  const tail = new Int16Array(Math.round(((options.tailMs ?? 120000) / 1000) * rate));
  const samples = lead.length + burst.length + tail.length;
  const data = Buffer.alloc(44 + samples * 2);
  data.write('RIFF', 0);
  data.writeUInt32LE(36 + samples * 2, 4);
  data.write('WAVE', 8);
  data.write('fmt ', 12);
  data.writeUInt32LE(16, 16);
  data.writeUInt16LE(1, 20); // PCM
  data.writeUInt16LE(1, 22); // mono
  data.writeUInt32LE(rate, 24);
  data.writeUInt32LE(rate * 2, 28);
  data.writeUInt16LE(2, 32);
  data.writeUInt16LE(16, 34);
  data.write('data', 36);
  data.writeUInt32LE(samples * 2, 40);
  let offset = 44;
  for (const part of [lead, burst, tail]) {
    for (const sample of part) {
      data.writeInt16LE(sample, offset);
      offset += 2;
    }
  }
  writeFileSync(path, data);
}
