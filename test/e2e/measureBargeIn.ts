import type { Page } from 'playwright-core';
import type { ClockStamp } from './app/instrument.ts';
import type { OutputTransition } from './app/outputTap.ts';

/** One barge-in, measured on the page's clocks. */
export interface BargeInSample {
  /**
   * Audio clock: from the AudioContext time at which `speech_started` reached the page to the
   * context time of the first render quantum of the player's output that stayed silent
   * (0 when the reply was in a pause between syllables at that moment and never sounded again).
   */
  silentAfterMs: number;
  /** Main thread: performance.now() from the message's arrival to the player's first `source.stop()`. */
  stopCalledAfterMs: number;
  /** The reply was between two syllables when the message arrived. */
  inPause: boolean;
}

export interface BargeInReport {
  samples: BargeInSample[];
  /** Rounds that did not count: the reply had already finished when the speech arrived. */
  skipped: number;
  /** The page's AudioContext: sample rate and device latencies, for the report. */
  context: { sampleRate: number; baseLatency: number; outputLatency: number };
}

// After the cut, the emulator needs 500 ms of silence before it can answer again, so an output
// that is silent 300 ms after the arrival stayed silent because of the cut.
const SILENT_HOLD_SEC = 0.3;
// The synthetic voice pauses about 45 ms between syllables; longer silence means nothing played.
const LONGEST_PAUSE_SEC = 0.1;

/**
 * Barge in on assistant replies over the WebSocket transport and time how fast playback goes
 * silent. Each round waits until a reply is playing, then makes the user speak: 300 ms of a
 * loud tone sent as `input_audio_buffer.append` on the page's own socket (what the microphone
 * would send, right away instead of at the fake microphone's fixed time). The emulator's VAD
 * answers `input_audio_buffer.speech_started` and cancels the response; when the user "stops"
 * (the real microphone's silence follows) it answers with a new reply, which the next round
 * interrupts. The page's probes stamp the message's arrival (a listener that runs before the
 * transport's), the player's `stop()` calls and each audible/silent change of the rendered
 * output (an AudioWorklet tap, ?tap=output).
 */
export async function measureBargeIn(
  page: Page,
  wanted: number,
  log?: (line: string) => void,
  maxRounds = wanted * 2,
): Promise<BargeInReport> {
  const samples: BargeInSample[] = [];
  let skipped = 0;
  let since = await page.evaluate(() => performance.now());
  await page.click('#send-text');
  for (let round = 0; round < maxRounds && samples.length < wanted; round++) {
    await page.waitForFunction(
      (after) => window.__e2e.events.some((e) => e.type === 'audio_started' && e.at > after),
      since,
      { timeout: 20000 },
    );
    const arrivals = await page.evaluate(() => window.__e2e.speechStartedArrivals.length);
    await page.evaluate(speakInto, 300);
    await page.waitForFunction((count) => window.__e2e.speechStartedArrivals.length > count, arrivals, { timeout: 10000 });
    // Let the audio clock run past the hold and the tap's messages arrive.
    await page.waitForFunction(
      (hold) => {
        const arrival = window.__e2e.speechStartedArrivals.at(-1);
        const context = window.__e2e.audioContexts.at(-1);
        return arrival !== undefined && context !== undefined && context.currentTime > arrival.contextTime + hold + 0.05;
      },
      SILENT_HOLD_SEC,
      { timeout: 10000 },
    );
    await page.waitForTimeout(100);
    const seen = await page.evaluate(() => ({
      arrival: window.__e2e.speechStartedArrivals.at(-1) as ClockStamp,
      stops: window.__e2e.sourceStops,
      transitions: window.__e2e.outputTransitions,
    }));
    since = seen.arrival.at;
    log?.(
      `barge-in ${round}: arrival ${JSON.stringify(seen.arrival)}, output changes near it ${JSON.stringify(
        seen.transitions.filter((t) => Math.abs(t.time - seen.arrival.contextTime) < 0.4),
      )}`,
    );
    const sample = analyseBargeIn(seen.arrival, seen.stops, seen.transitions);
    if (sample === 'not playing') skipped++;
    else samples.push(sample);
  }
  const context = await page.evaluate(() => {
    const audio = window.__e2e.audioContexts.at(-1);
    return { sampleRate: audio?.sampleRate ?? 0, baseLatency: audio?.baseLatency ?? 0, outputLatency: audio?.outputLatency ?? 0 };
  });
  return { samples, skipped, context };
}

/**
 * Read one barge-in from the stamps: was the output sounding when the message arrived, when
 * did it turn silent for good, and when did the player stop its sources. Throws when the
 * output was still sounding `SILENT_HOLD_SEC` after the arrival (the barge-in failed).
 */
export function analyseBargeIn(
  arrival: ClockStamp,
  stops: readonly ClockStamp[],
  transitions: readonly OutputTransition[],
): BargeInSample | 'not playing' {
  const t0 = arrival.contextTime;
  // The state of the output just before the arrival (a change stamped at t0 is the cut itself).
  const before = transitions.filter((t) => t.time < t0).at(-1);
  const upToHold = transitions.filter((t) => t.time <= t0 + SILENT_HOLD_SEC).at(-1);
  if (upToHold?.sounding) {
    throw new Error(`playback still sounding ${SILENT_HOLD_SEC * 1000} ms (audio clock) after speech_started`);
  }
  const playing = before !== undefined && (before.sounding || t0 - before.time <= LONGEST_PAUSE_SEC);
  const stop = stops.find((s) => s.at >= arrival.at);
  if (!playing || !upToHold || !stop) return 'not playing';
  return {
    silentAfterMs: Math.max(0, (upToHold.time - t0) * 1000),
    stopCalledAfterMs: stop.at - arrival.at,
    inPause: !before.sounding,
  };
}

// Runs in the page: the user says something (a 220 Hz tone at -10 dBFS, PCM16 24 kHz) through
// the page's open socket, after `delayMs` more of the reply has played.
async function speakInto(delayMs: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  const socket = window.__e2e.sockets.filter((s) => s.readyState === WebSocket.OPEN).at(-1);
  if (!socket) throw new Error('no open socket to speak into');
  const rate = 24000;
  const pcm = new Int16Array(rate * 0.3);
  for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(Math.sin((2 * Math.PI * 220 * i) / rate) * 0.3 * 32767);
  const bytes = new Uint8Array(pcm.buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i] as number);
  socket.send(JSON.stringify({ type: 'input_audio_buffer.append', audio: btoa(binary) }));
}

/** Median and maximum of some milliseconds, for the report. */
export function summarize(values: readonly number[]): { median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, max: sorted.at(-1) ?? 0 };
}
