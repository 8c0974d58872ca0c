import { describe, expect, it } from 'vitest';
import { createEnergyDetector } from '../../src/emulator/createEnergyDetector.ts';
import { synthesizeSpeech } from '../../src/emulator/synthesizeSpeech.ts';

const frame = (amplitude: number) =>
  Int16Array.from({ length: 480 }, (_, i) => Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * 200 * i) / 24000)));

describe('createEnergyDetector', () => {
  it('starts a turn after sustained energy (with prefix padding) and stops after the silence duration', () => {
    const vad = createEnergyDetector({ prefixPaddingMs: 300, silenceDurationMs: 500, minSpeechMs: 60 });
    const changes = [];
    for (let t = 0; t < 1000; t += 20) changes.push(vad.push(frame(0), 20));
    for (let t = 0; t < 800; t += 20) changes.push(vad.push(frame(0.3), 20));
    for (let t = 0; t < 1000; t += 20) changes.push(vad.push(frame(0), 20));
    const events = changes.filter(Boolean);
    expect(events).toEqual([
      { type: 'speech_started', audioStartMs: 700 },
      { type: 'speech_stopped', audioEndMs: 2300 },
    ]);
    expect(vad.audioMs).toBe(2800);
  });

  it('ignores a click shorter than minSpeechMs and quiet noise below the threshold', () => {
    const vad = createEnergyDetector({ minSpeechMs: 60 });
    expect(vad.push(frame(0.5), 20)).toBeNull();
    expect(vad.push(frame(0), 20)).toBeNull();
    for (let t = 0; t < 1000; t += 20) expect(vad.push(frame(0.01), 20)).toBeNull();
    expect(vad.speaking).toBe(false);
  });

  it('hears the synthetic speech the emulator and the e2e microphone use', () => {
    const vad = createEnergyDetector();
    const speech = synthesizeSpeech('Hello there, can you hear me?');
    const events = [];
    for (let i = 0; i + 480 <= speech.length; i += 480) events.push(vad.push(speech.subarray(i, i + 480), 20));
    for (let t = 0; t < 600; t += 20) events.push(vad.push(new Int16Array(480), 20));
    expect(events.filter(Boolean).map((e) => e?.type)).toEqual(['speech_started', 'speech_stopped']);
  });
});
